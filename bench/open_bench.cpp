// open_bench: how long opening a big GGUF and listing its tensors takes, and the peak memory it needs.
// Targets: < 1 s and < 300 MB peak RSS for a 7B-shaped F16 file (13 GB), since tensor data are only mapped.
//
//   open_bench MODEL.gguf     measures MODEL.gguf
//   open_bench [DIR]          writes a 7B-shaped F16 model (dim 4096, 32 layers, FFN 11008, 32 heads,
//                             vocab 32000) into DIR (default: the temp dir), measures it in a fresh
//                             process, then deletes it
#include "io/gguf_reader.h"
#include "io/synth_model.h"
#include "synth_7b.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// Peak resident set size of this process in MB (VmHWM).
double peakRssMb()
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

int measure(const std::string& path)
{
    const auto start = Clock::now();
    const auto model = qx::openGguf(path);
    uint64_t bytes = 0, parameters = 0, nameChars = 0;
    for (const auto& t : model->tensors) {
        bytes += t.nbytes;
        parameters += t.elementCount();
        nameChars += t.name.size() + t.ne.size();
    }
    const double seconds = secondsSince(start);
    std::printf("open+list %s: %zu tensors, %llu parameters, %.2f GB of tensor data (%llu name chars)\n",
                path.c_str(), model->tensors.size(), static_cast<unsigned long long>(parameters), bytes / 1e9,
                static_cast<unsigned long long>(nameChars));
    std::printf("  time %.4f s (target < 1 s, ratio %.3f)\n", seconds, seconds / 1.0);
    std::printf("  peak RSS %.1f MB (target < 300 MB, ratio %.3f)\n", peakRssMb(), peakRssMb() / 300.0);
    return 0;
}

int makeAndMeasure(const char* self, const std::filesystem::path& parent)
{
    const std::filesystem::path dir = parent / ("qx-open-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const qx::SynthOptions o = qx::bench::synth7bOptions(dir);
    const std::string path = (dir / "synth-7b-f16.gguf").string();
    const auto start = Clock::now();
    const uint64_t size = qx::writeSynthModel(o, path);
    const double seconds = secondsSince(start);
    std::printf("wrote %s: %.2f GB in %.1f s (%.0f MB/s), writer peak RSS %.1f MB\n", path.c_str(), size / 1e9,
                seconds, size / 1e6 / seconds, peakRssMb());
    std::fflush(stdout);
    const pid_t child = ::fork();
    if (child == 0) {
        ::execl(self, self, path.c_str(), static_cast<char*>(nullptr));
        std::perror("exec");
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    std::filesystem::remove_all(dir);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const std::string arg = argc > 1 ? argv[1] : "";
        if (!arg.empty() && std::filesystem::is_regular_file(arg))
            return measure(arg);
        const std::filesystem::path parent = arg.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(arg);
        return makeAndMeasure("/proc/self/exe", parent);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "open_bench: %s\n", e.what());
        return 1;
    }
}

// qat_lesson_bench: how long the Learn lab's "QAT live" lesson takes on the built-in demo model with the
// lesson's own settings (2, 3 and 4 bits, 20 steps of 8 × 128 tokens each, two threads), so the lesson's
// text can promise a measured time. Prints the wall time, the process CPU time and their ratio; on a busy
// machine the CPU time divided by the threads is the better guess of the time on two idle cores.
//
//   qat_lesson_bench [THREADS]     (default 2)
#include "demo/demo_data.h"
#include "learn/lesson_qat.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

int main(int argc, char** argv)
{
    qx::learn::QatLessonOptions options;
    options.threads = argc > 1 ? std::atoi(argv[1]) : 2;
    // The lesson reads a file: the demo model's bytes, written once to the temp dir.
    const std::filesystem::path path = std::filesystem::temp_directory_path() / "qat_lesson_bench_demo.gguf";
    {
        const std::span<const std::byte> bytes = qx::demoModelBytes();
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    }
    const auto wall0 = std::chrono::steady_clock::now();
    const std::clock_t cpu0 = std::clock();
    const qx::learn::QatLessonResult r = qx::learn::runQatLesson(path.string(), options);
    const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    std::filesystem::remove(path);
    std::printf("QAT lesson on the demo model, %d threads: wall %.1f s, CPU %.1f s (CPU/threads %.1f s)\n",
                options.threads, wall, cpu, cpu / options.threads);
    std::printf("float held-out perplexity %.4f\n", r.pplFloat);
    for (const qx::learn::QatRun& run : r.runs)
        std::printf("INT%d: PTQ %.4f, QAT %.4f\n", run.bits, run.pplPtq, run.pplQat);
    return 0;
}

// quant_bench: quantize / dequantize throughput per format, in GB/s of F32 data, next to memcpy.
//
//   quant_bench [MB_OF_F32 (default 64)] [TYPE ...]
//
// "fast" is quantizeRows (SIMD where available + worker threads), "ref" the scalar single-thread twin.
// "fast per core" divides by CPU time (all threads): on an idle machine with T cores, wall-clock
// throughput is about T times that figure. "speedup" compares CPU times (SIMD gain per core).
#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace qx;

namespace {

/// Best wall time of fn over a few runs; `cpuPerRun` receives the mean process CPU time per run (all
/// threads), which a busy machine disturbs far less than wall time.
double secondsOf(const std::function<void()>& fn, int minReps = 2, double minSeconds = 0.5, double* cpuPerRun = nullptr)
{
    using Clock = std::chrono::steady_clock;
    fn();   // warm up
    double best = 1e30;
    int reps = 0;
    const std::clock_t cpu0 = std::clock();
    const auto start = Clock::now();
    for (int rep = 0; rep < minReps || std::chrono::duration<double>(Clock::now() - start).count() < minSeconds;
         ++rep) {
        const auto t0 = Clock::now();
        fn();
        best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
        ++reps;
        if (rep > 50)
            break;
    }
    if (cpuPerRun)
        *cpuPerRun = double(std::clock() - cpu0) / CLOCKS_PER_SEC / reps;
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
    std::vector<std::string> names;
    for (int i = 2; i < argc; ++i)
        names.emplace_back(argv[i]);
    if (names.empty())
        names = {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_NL", "IQ4_XS",
                 "F16", "BF16"};
    const int64_t rowLength = 4096;
    const size_t n = (mb << 20) / 4 / rowLength * rowLength;
    std::vector<float> x(n), y(n);
    std::mt19937 rng(1);
    std::student_t_distribution<float> dist(5.f);
    for (float& v : x)
        v = dist(rng) * 0.02f;
    const double gb = double(n) * 4 / 1e9;

    const double memcpyS = secondsOf([&] { std::memcpy(y.data(), x.data(), n * 4); });
    std::printf("F32 input: %.1f MB, rows of %lld\nmemcpy: %.2f GB/s\n\n", gb * 1e3, static_cast<long long>(rowLength),
                gb / memcpyS);
    std::printf("%-7s %12s %15s %12s %8s %14s %10s\n", "type", "quant fast", "fast per core", "quant ref", "speedup",
                "dequant", "vs memcpy");
    for (const std::string& name : names) {
        const auto type = tensorTypeFromName(name);
        if (!type || !canQuantize(*type)) {
            std::printf("%-7s (not quantizable)\n", name.c_str());
            continue;
        }
        std::vector<std::byte> q(*tensorBytes(*type, n));
        double fastCpu = 0, refCpu = 0;
        const double fast = secondsOf([&] { quantizeRows(*type, x, rowLength, q); }, 2, 0.5, &fastCpu);
        secondsOf([&] { quantizeRowsRef(*type, x, rowLength, q); }, 1, 0.2, &refCpu);
        const double ref = refCpu;   // single-threaded: CPU time is the undisturbed run time
        const double deq = secondsOf([&] { dequantizeRow(*type, q, y); });
        std::printf("%-7s %7.3f GB/s %10.3f GB/s %7.3f GB/s %7.1fx %9.2f GB/s %9.2fx\n", name.c_str(), gb / fast,
                    gb / fastCpu, gb / ref, fastCpu / ref > 0 ? ref / fastCpu : 0, gb / deq, (gb / deq) / (gb / memcpyS));
    }
    return 0;
}

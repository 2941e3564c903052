// quant_bench: quantize / dequantize throughput per format, in GB/s of F32 data, next to memcpy.
//
//   quant_bench [MB_OF_F32 (default 64)] [TYPE ... | stats]   ("stats": the statistics line only)
//
// "fast" is quantizeRows (SIMD where available + worker threads, wall clock), "ref" the scalar
// single-thread twin (CPU time). "2 cores" is twice the throughput per CPU second of the fast path: what
// two idle cores give, and robust when other processes share the machine (wall clock is not). "target"
// is issue #3's figure for two cores and "ratio" = 2 cores / target. The last lines time the one-pass
// tensor statistics (computeTensorStats, 2 threads) against memcpy; the target there is half of memcpy.
#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"
#include "stats/tensor_stats.h"

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

/// Issue #3's throughput targets on two cores, GB/s of F32 input (0: none).
double targetFor(const std::string& type)
{
    if (type == "Q4_K") return 0.4;
    if (type == "Q6_K") return 1.2;
    if (type == "Q4_0") return 6.0;
    if (type == "Q8_0") return 1.5;
    return 0.0;
}

void printRatio(double twoCores, double target)
{
    if (target > 0)
        std::printf(" %6.2f %6.2fx%s", target, twoCores / target, twoCores >= target ? "" : " MISSED");
    else
        std::printf(" %6s %7s", "-", "-");
}

void benchStats(std::span<const float> x, int64_t rowLength, double gb, double memcpyGbs)
{
    qx::StatsOptions opt;
    opt.threads = 2;
    const auto src = qx::rowSourceFromSpan(x, rowLength);
    double cpu = 0, refCpu = 0;
    const double wall = secondsOf([&] { qx::computeTensorStats(src, opt); }, 2, 0.5, &cpu);
    secondsOf([&] { qx::computeTensorStatsRef(src, opt); }, 1, 0.2, &refCpu);
    const double twoCores = 2 * gb / cpu, target = 0.5 * memcpyGbs;
    std::printf("\nstats   %7.3f GB/s (2 threads) %7.3f GB/s (2 cores), ref %.3f GB/s; target 50%% of memcpy = "
                "%.2f GB/s: %.2fx%s\n", gb / wall, twoCores, gb / refCpu, target, twoCores / target,
                twoCores >= target ? "" : " MISSED");
}

} // namespace

int main(int argc, char** argv)
{
    const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
    std::vector<std::string> names;
    for (int i = 2; i < argc; ++i)
        names.emplace_back(argv[i]);
    const bool onlyStats = names.size() == 1 && names[0] == "stats";
    if (onlyStats)
        names.clear();
    else if (names.empty())
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
    std::printf("%-7s %12s %12s %12s %8s %14s %10s %6s %7s\n", "type", "quant fast", "2 cores", "quant ref", "speedup",
                "dequant", "vs memcpy", "target", "ratio");
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
        const double twoCores = 2 * gb / fastCpu;
        std::printf("%-7s %7.3f GB/s %7.3f GB/s %7.3f GB/s %7.1fx %9.2f GB/s %9.2fx", name.c_str(), gb / fast,
                    twoCores, gb / ref, fastCpu / ref > 0 ? ref / fastCpu : 0, gb / deq, (gb / deq) / (gb / memcpyS));
        printRatio(twoCores, targetFor(name));
        std::printf("\n");
    }
    benchStats(x, rowLength, gb, gb / memcpyS);
    return 0;
}

// Throughput of the tensor statistics (threaded vs the single-threaded reference) and of the uniform / NF4
// fake quantizers, on a synthetic 4096 x 4096 heavy-tailed F32 matrix.
#include "quant/float_formats.h"
#include "quant/uniform_quant.h"
#include "stats/tensor_stats.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <functional>
#include <random>
#include <thread>
#include <vector>

namespace {

// Wall seconds; also prints the process CPU seconds, which stay meaningful on a loaded machine.
double seconds(const std::function<void()>& fn)
{
    const std::clock_t c0 = std::clock();
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("  (wall %.3f s, cpu %.3f s)\n", wall, double(std::clock() - c0) / CLOCKS_PER_SEC);
    return wall;
}

} // namespace

int main()
{
    const int64_t rows = 4096, cols = 4096;
    std::vector<float> w(static_cast<size_t>(rows * cols));
    std::mt19937 rng(1);
    std::student_t_distribution<float> t(5.0f);
    for (auto& v : w)
        v = 0.02f * t(rng);
    const double gb = static_cast<double>(w.size()) * 4 / 1e9;
    const auto src = qx::rowSourceFromSpan(w, cols);
    const double ref = seconds([&] { qx::computeTensorStatsRef(src); });
    const double fast = seconds([&] { qx::computeTensorStats(src); });
    std::printf("tensor stats 4096x4096: Ref %.3f s (%.2f GB/s), threaded %.3f s (%.2f GB/s) on %u threads, x%.2f\n",
                ref, gb / ref, fast, gb / fast, std::thread::hardware_concurrency(), ref / fast);
    std::vector<float> out(w.size());
    qx::UniformScheme s{4, qx::UniformMode::Asymmetric, qx::Granularity::PerGroup, 128, qx::ScaleFormat::F16};
    const double absmax = seconds([&] { qx::fakeQuantUniform(w, out, cols, s); });
    s.clip = qx::ClipMethod::MseSearch;
    const double mse = seconds([&] { qx::fakeQuantUniform(w, out, cols, s); });
    const double nf4 = seconds([&] { qx::fakeQuantNf4(w, out, {64, true, 256}); });
    std::printf("fake quant: INT4 g128 asym absmax %.3f s, with MSE clip search %.3f s, NF4+DQ %.3f s\n", absmax, mse,
                nf4);
    return 0;
}

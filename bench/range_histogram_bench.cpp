// The Distribution view's re-binning: rangeHistogram (threaded) against its reference twin and against one
// plain decode of the same rows, on a 4096 x 11008 heavy-tailed tensor (llama-7B's ffn_up shape) stored as
// F16 and as F32. Also the central-99.9 % range the view opens on (one fine pass over [min, max]).
#include "common/half.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "stats/range_histogram.h"

#include <ctime>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <thread>
#include <vector>

namespace {

// CPU seconds of the process (all threads): on a shared machine the wall time says more about the others.
double seconds(const std::function<void()>& fn)
{
    const std::clock_t c0 = std::clock();
    fn();
    return double(std::clock() - c0) / CLOCKS_PER_SEC;
}

qx::TensorInfo tensorOf(qx::TensorType type, std::span<const std::byte> bytes, int64_t rows, int64_t cols)
{
    qx::TensorInfo t;
    t.name = "blk.0.ffn_up.weight";
    t.type = type;
    t.ne = {cols, rows};
    t.data = bytes;
    return t;
}

void measure(const char* label, const qx::TensorInfo& t)
{
    const qx::RowSource src = qx::rowSourceFromTensor(t);
    std::vector<float> buffer(size_t(t.rowLength()) * 64);
    const double decode = seconds([&] {
        for (int64_t r = 0; r < t.rows(); r += 64)
            qx::dequantizeRows(t, r, std::min<int64_t>(64, t.rows() - r), std::span(buffer).first(size_t(std::min<int64_t>(64, t.rows() - r) * t.rowLength())));
    });
    std::pair<double, double> range;
    const double wide = seconds([&] { range = qx::centralRangeOf(src, qx::rangeHistogram(src, -0.4, 0.4, 256), 0.999); });
    const auto [lo, hi] = range;
    qx::Histogram fast, ref;
    const double zoom = seconds([&] { fast = qx::rangeHistogram(src, lo, hi, 300); });
    const double twin = seconds([&] { ref = qx::rangeHistogramRef(src, lo, hi, 300); });
    std::printf("%s (CPU s): decode once %.3f s | central range (2 passes) %.3f s | re-bin 300 bins %.3f s (%.2f x decode) | "
                "Ref %.3f s (threaded x%.2f) | central 99.9 %% [%.4f, %.4f], %llu below, %llu above | equal %s\n",
                label, decode, wide, zoom, zoom / decode, twin, twin / zoom, lo, hi,
                static_cast<unsigned long long>(fast.below), static_cast<unsigned long long>(fast.above),
                fast == ref ? "yes" : "NO");
}

} // namespace

int main()
{
    const int64_t rows = 4096, cols = 11008;
    std::vector<float> w(size_t(rows * cols));
    std::mt19937 rng(1);
    std::student_t_distribution<float> t(5.0f);
    for (auto& v : w)
        v = 0.02f * t(rng);
    w[12345] = 0.39f;   // a planted outlier far outside the bulk
    std::vector<uint16_t> half(w.size());
    for (size_t i = 0; i < w.size(); ++i)
        half[i] = qx::fp32ToFp16(w[i]);
    std::printf("range histogram on %lld x %lld, %u hardware threads\n", static_cast<long long>(rows),
                static_cast<long long>(cols), std::thread::hardware_concurrency());
    measure("F16", tensorOf(qx::TensorType::F16, std::as_bytes(std::span(half)), rows, cols));
    measure("F32", tensorOf(qx::TensorType::F32, std::as_bytes(std::span(w)), rows, cols));
    return 0;
}

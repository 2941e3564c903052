#include "learn/lesson_math.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/float_formats.h"
#include "quant/minifloat.h"
#include "quant/quantize.h"
#include "stats/error_metrics.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <random>
#include <set>

namespace qx::learn {

FormatLayout formatLayout(NumberFormat f)
{
    switch (f) {
    case NumberFormat::Fp32: return {1, 8, 23, 127};
    case NumberFormat::Fp16: return {1, 5, 10, 15};
    case NumberFormat::Bf16: return {1, 8, 7, 127};
    case NumberFormat::Fp8E4M3: return {1, 4, 3, 7};
    case NumberFormat::Fp8E5M2: return {1, 5, 2, 15};
    case NumberFormat::Int8: return {0, 0, 8, 0};
    case NumberFormat::Int4: return {0, 0, 4, 0};
    }
    return {};
}

namespace {

EncodedValue encodeInt(float x, int bits, float intAbsMax)
{
    UniformScheme s;
    s.bits = bits;
    s.mode = UniformMode::SymmetricRestricted;
    s.granularity = Granularity::PerTensor;
    const float anchor = std::fabs(intAbsMax) > 0.0f ? std::fabs(intAbsMax) : 1.0f;
    const std::vector<float> values{anchor, std::clamp(x, -anchor, anchor)};
    const UniformQuantized q = quantizeUniform(values, 2, s, {}, 1);
    EncodedValue e;
    e.intCode = q.codes[1];
    e.step = q.steps[0];
    e.decoded = static_cast<double>(q.steps[0]) * q.codes[1];
    e.code = static_cast<uint32_t>(e.intCode) & ((1u << bits) - 1u);
    return e;
}

} // namespace

EncodedValue encodeValue(float x, NumberFormat f, float intAbsMax)
{
    EncodedValue e;
    switch (f) {
    case NumberFormat::Fp32: e.code = std::bit_cast<uint32_t>(x); e.decoded = x; break;
    case NumberFormat::Fp16: e.code = fp32ToFp16(x); e.decoded = fp16ToFp32(static_cast<uint16_t>(e.code)); break;
    case NumberFormat::Bf16: e.code = fp32ToBf16(x); e.decoded = bf16ToFp32(static_cast<uint16_t>(e.code)); break;
    case NumberFormat::Fp8E4M3: e.code = fp32ToFp8E4M3(x); e.decoded = fp8E4M3ToFp32(static_cast<uint8_t>(e.code)); break;
    case NumberFormat::Fp8E5M2: e.code = fp32ToFp8E5M2(x); e.decoded = fp8E5M2ToFp32(static_cast<uint8_t>(e.code)); break;
    case NumberFormat::Int8: e = encodeInt(x, 8, intAbsMax); break;
    case NumberFormat::Int4: e = encodeInt(x, 4, intAbsMax); break;
    }
    e.absError = std::fabs(e.decoded - static_cast<double>(x));
    return e;
}

namespace {

// Value of `code` in float format f (FP16/BF16/FP8); FP32 is handled with nextafter.
double decodeCode(NumberFormat f, uint32_t code)
{
    switch (f) {
    case NumberFormat::Fp16: return fp16ToFp32(static_cast<uint16_t>(code));
    case NumberFormat::Bf16: return bf16ToFp32(static_cast<uint16_t>(code));
    case NumberFormat::Fp8E4M3: return fp8E4M3ToFp32(static_cast<uint8_t>(code));
    case NumberFormat::Fp8E5M2: return fp8E5M2ToFp32(static_cast<uint8_t>(code));
    default: return 0.0;
    }
}

// Largest finite positive code of a sign-magnitude float format with `bits` bits.
double largestFinite(NumberFormat f, int bits)
{
    double best = 0.0;
    for (uint32_t c = 0; c < (1u << (bits - 1)); ++c) {
        const double v = decodeCode(f, c);
        if (std::isfinite(v))
            best = std::max(best, v);
    }
    return best;
}

} // namespace

FormatRange formatRange(NumberFormat f, float x, float intAbsMax)
{
    FormatRange r;
    const float ax = std::fabs(x);
    if (f == NumberFormat::Int8 || f == NumberFormat::Int4) {
        const EncodedValue e = encodeValue(x, f, intAbsMax);
        r.maxValue = e.step * ((1 << (formatBits(f) - 1)) - 1);
        r.minPositive = r.spacingAtValue = e.step;
        return r;
    }
    if (f == NumberFormat::Fp32) {
        r.maxValue = std::numeric_limits<float>::max();
        r.minPositive = std::numeric_limits<float>::denorm_min();
        r.spacingAtValue = static_cast<double>(std::nextafter(ax, INFINITY)) - ax;
        return r;
    }
    const int bits = formatBits(f);
    r.maxValue = f == NumberFormat::Fp16 || f == NumberFormat::Bf16 ? decodeCode(f, f == NumberFormat::Fp16 ? 0x7BFFu : 0x7F7Fu)
                                                                     : largestFinite(f, bits);
    r.minPositive = decodeCode(f, 1);
    // Codes of positive values grow with the value: the next code up is the next representable value.
    const uint32_t code = encodeValue(ax, f, 0.0f).code;
    const double here = decodeCode(f, code), next = decodeCode(f, code + 1);
    r.spacingAtValue = std::isfinite(next) && here < r.maxValue ? next - here : here - decodeCode(f, code - 1);
    return r;
}

uint64_t weightBytes(uint64_t parameters, double bitsPerWeight)
{
    return static_cast<uint64_t>(std::ceil(static_cast<long double>(parameters) * bitsPerWeight / 8.0L));
}

std::vector<float> heavyTailedSample(int64_t rows, int64_t rowLength, uint32_t seed)
{
    std::mt19937 rng(seed);
    auto uniform = [&rng] { return (static_cast<double>(rng()) + 0.5) / 4294967296.0; };
    auto normal = [&] { return std::sqrt(-2.0 * std::log(uniform())) * std::cos(2.0 * std::numbers::pi * uniform()); };
    std::vector<float> out(static_cast<size_t>(std::max<int64_t>(rows, 0) * std::max<int64_t>(rowLength, 0)));
    for (size_t i = 0; i < out.size(); ++i) {
        double chi2 = 0.0;
        for (int k = 0; k < 4; ++k) {
            const double z = normal();
            chi2 += z * z;
        }
        const int64_t col = static_cast<int64_t>(i) % rowLength;
        const double outlierColumn = (col == 3 || col == rowLength / 2) ? 6.0 : 1.0;
        out[i] = static_cast<float>(0.02 * outlierColumn * normal() / std::sqrt(chi2 / 4.0));
    }
    return out;
}

WorkedExample workedExample(std::span<const float> values, float lo, float hi, int bits, UniformMode mode)
{
    UniformScheme s;
    s.bits = bits;
    s.mode = mode;
    s.granularity = Granularity::PerTensor;
    std::vector<float> all;
    if (mode == UniformMode::Asymmetric)
        all = {lo, hi};
    else
        all = {std::max(std::fabs(lo), std::fabs(hi))};
    const size_t anchors = all.size();
    for (float v : values)
        all.push_back(std::clamp(v, lo, hi));
    const UniformQuantized q = quantizeUniform(all, static_cast<int64_t>(all.size()), s, {}, 1);
    const std::vector<float> recon = dequantizeUniform(q);
    WorkedExample w;
    w.step = q.steps[0];
    w.zeroPoint = q.zeroPoints.empty() ? 0 : q.zeroPoints[0];
    for (size_t i = anchors; i < all.size(); ++i) {
        w.codes.push_back(q.codes[i]);
        w.recon.push_back(recon[i]);
    }
    return w;
}

std::optional<std::pair<float, float>> sameCodePair(std::span<const float> values, float lo, float hi, int bits,
                                                    UniformMode mode)
{
    std::vector<float> sorted;
    double meanAbs = 0.0;
    for (float v : values)
        if (std::isfinite(v) && v > 0.0f)
            sorted.push_back(v), meanAbs += v;
    if (sorted.size() < 2)
        return std::nullopt;
    meanAbs /= static_cast<double>(sorted.size());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const WorkedExample w = workedExample(sorted, lo, hi, bits, mode);
    std::optional<size_t> best;
    for (size_t i = 0; i + 1 < sorted.size(); ++i)
        if (w.codes[i] == w.codes[i + 1]
            && (!best || std::fabs(sorted[i] - meanAbs) < std::fabs(sorted[*best] - meanAbs)))
            best = i;
    if (!best)
        return std::nullopt;
    return std::make_pair(sorted[*best + 1], sorted[*best]);   // the larger first, as "3.08 and 3.02"
}

std::vector<float> gridLevels(const WorkedExample& w, int bits, UniformMode mode)
{
    UniformScheme s;
    s.bits = bits;
    s.mode = mode;
    std::vector<float> levels;
    for (int q = uniformCodeMin(s); q <= uniformCodeMax(s); ++q)
        levels.push_back(w.step * static_cast<float>(q - w.zeroPoint));
    return levels;
}

double perTensorSqnr(std::span<const float> values, int bits, UniformMode mode)
{
    UniformScheme s;
    s.bits = bits;
    s.mode = mode;
    s.granularity = Granularity::PerTensor;
    std::vector<float> recon(values.size());
    fakeQuantUniform(values, recon, static_cast<int64_t>(values.size()), s, {}, 1);
    return sqnrOf(values, recon);
}

namespace {

double absMaxOf(std::span<const float> v)
{
    double m = 0.0;
    for (float x : v)
        if (std::isfinite(x))
            m = std::max(m, static_cast<double>(std::fabs(x)));
    return m;
}

double mseOf(std::span<const float> a, std::span<const float> b) { return compareTensors(a, b).mse; }

} // namespace

std::vector<float> fakeQuantClipRatio(std::span<const float> values, int bits, double ratio)
{
    const int qmax = (1 << (bits - 1)) - 1;
    const double step = ratio * absMaxOf(values) / qmax;
    std::vector<float> out(values.size(), 0.0f);
    if (!(step > 0.0))
        return out;
    for (size_t i = 0; i < values.size(); ++i) {
        const double q = std::clamp(std::round(values[i] / step), -static_cast<double>(qmax), static_cast<double>(qmax));
        out[i] = std::isfinite(values[i]) ? static_cast<float>(q * step) : 0.0f;
    }
    return out;
}

std::vector<ClipPoint> mseVsClipRatio(std::span<const float> values, int bits, double minRatio, int steps)
{
    std::vector<ClipPoint> curve;
    for (int k = 0; k <= steps; ++k) {
        const double r = 1.0 - (1.0 - minRatio) * k / std::max(steps, 1);
        curve.push_back({r, mseOf(values, fakeQuantClipRatio(values, bits, r))});
    }
    return curve;
}

ClipChoice clipChoice(std::span<const float> values, int bits, ClipMethod method, double percentile)
{
    UniformScheme s;
    s.bits = bits;
    s.granularity = Granularity::PerTensor;
    s.clip = method;
    s.percentile = percentile;
    s.mseMinRatio = 0.05;
    s.mseGridSteps = 190;
    const int64_t n = static_cast<int64_t>(values.size());
    const UniformQuantized q = quantizeUniform(values, n, s, {}, 1);
    const std::vector<float> recon = dequantizeUniform(q);
    const TensorError e = compareTensors(values, recon);
    const double a = absMaxOf(values);
    return {a > 0.0 ? q.steps[0] * uniformCodeMax(s) / a : 1.0, e.mse, e.sqnrDb};
}

OutlierDemo outlierDemo(std::span<const float> values, int bits, double factor)
{
    UniformScheme s;
    s.bits = bits;
    s.granularity = Granularity::PerTensor;
    auto run = [&](std::vector<float> all, double& step, int& levels, double& sqnr) {
        const UniformQuantized q = quantizeUniform(all, static_cast<int64_t>(all.size()), s, {}, 1);
        const std::vector<float> recon = dequantizeUniform(q);
        step = q.steps[0];
        levels = static_cast<int>(std::set<int16_t>(q.codes.begin(), q.codes.begin() + static_cast<long>(values.size())).size());
        sqnr = sqnrOf(values, std::span<const float>(recon).first(values.size()));
    };
    OutlierDemo d;
    std::vector<float> all(values.begin(), values.end());
    run(all, d.stepClean, d.levelsClean, d.sqnrClean);
    all.push_back(static_cast<float>(factor * absMaxOf(values)));
    run(all, d.stepOutlier, d.levelsOutlier, d.sqnrOutlier);
    return d;
}

double sqnrOf(std::span<const float> values, std::span<const float> recon) { return compareTensors(values, recon).sqnrDb; }

std::vector<GranularityRow> granularityTable(std::span<const float> values, int64_t rowLength, int bits)
{
    const int64_t rows = rowLength > 0 ? static_cast<int64_t>(values.size()) / rowLength : 0;
    std::vector<GranularityRow> table;
    auto add = [&](Granularity g, int group) {
        GranularityRow r;
        r.granularity = g;
        r.groupSize = group;
        UniformScheme s;
        s.bits = bits;
        s.granularity = g;
        s.groupSize = group > 0 ? group : 128;
        s.scaleFormat = ScaleFormat::F16;
        r.valid = g != Granularity::PerGroup || (rowLength % group == 0);
        if (r.valid && rows > 0) {
            std::vector<float> recon(values.size());
            fakeQuantUniform(values, recon, rowLength, s, {}, 1);
            r.sqnrDb = sqnrOf(values, recon);
            r.bitsPerWeight = uniformBitsPerWeight(s, rows, rowLength);
            r.scaleBitsPerWeight = r.bitsPerWeight - bits;
            r.bytes = uniformStorageBytes(s, rows, rowLength);
        }
        table.push_back(r);
    };
    add(Granularity::PerTensor, 0);
    add(Granularity::PerChannel, 0);
    for (int g : {128, 64, 32})
        add(Granularity::PerGroup, g);
    return table;
}

} // namespace qx::learn

#include "quant/uniform_quant.h"

#include "common/error.h"
#include "common/half.h"
#include "common/parallel_chunks.h"
#include "quant/uniform_detail.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qx {

int uniformCodeMin(const UniformScheme& s)
{
    switch (s.mode) {
    case UniformMode::SymmetricRestricted: return -((1 << (s.bits - 1)) - 1);
    case UniformMode::SymmetricFull: return -(1 << (s.bits - 1));
    case UniformMode::Asymmetric: break;
    }
    return 0;
}

int uniformCodeMax(const UniformScheme& s)
{
    return s.mode == UniformMode::Asymmetric ? (1 << s.bits) - 1 : (1 << (s.bits - 1)) - 1;
}

namespace detail {

GroupParams paramsForRange(ClipRange range, const UniformScheme& s)
{
    GroupParams p;
    double step = 0.0;
    const double lo = std::min(range.lo, 0.0), hi = std::max(range.hi, 0.0);
    switch (s.mode) {
    case UniformMode::SymmetricRestricted: step = std::max(-lo, hi) / uniformCodeMax(s); break;
    case UniformMode::SymmetricFull: step = std::max(-lo, hi) / (1 << (s.bits - 1)); break;
    case UniformMode::Asymmetric: step = (hi - lo) / uniformCodeMax(s); break;
    }
    p.step = static_cast<float>(step);
    if (s.scaleFormat == ScaleFormat::F16)
        p.step = roundToFp16(p.step);
    if (s.mode == UniformMode::Asymmetric && p.step > 0.0f)
        p.zeroPoint = std::clamp(static_cast<int32_t>(std::lround(-lo / p.step)), 0, uniformCodeMax(s));
    return p;
}

namespace {

// round(x / step) + z clamped to [lo, hi], rounding half away from zero; x must not be NaN, step != 0.
// The clamp before the integer conversion keeps ±Inf and huge ratios in range.
inline int quantizeClamped(float x, float step, int32_t z, int lo, int hi)
{
    double r = static_cast<double>(x) / step;
    r = std::clamp(r, static_cast<double>(lo - z) - 1.0, static_cast<double>(hi - z) + 1.0);
    const auto q = static_cast<int>(r + std::copysign(0.5, r)) + z;
    return std::clamp(q, lo, hi);
}

} // namespace

int quantizeValue(float x, GroupParams p, const UniformScheme& s)
{
    if (std::isnan(x) || p.step == 0.0f)
        return p.zeroPoint;
    return quantizeClamped(x, p.step, p.zeroPoint, uniformCodeMin(s), uniformCodeMax(s));
}

double groupSquaredError(std::span<const float> group, GroupParams p, const UniformScheme& s)
{
    const int lo = uniformCodeMin(s), hi = uniformCodeMax(s);
    double sum = 0.0;
    for (float x : group) {
        if (!std::isfinite(x))
            continue;
        const int q = p.step == 0.0f ? p.zeroPoint : quantizeClamped(x, p.step, p.zeroPoint, lo, hi);
        const double e = static_cast<double>(dequantizeValue(q, p)) - x;
        sum += e * e;
    }
    return sum;
}

} // namespace detail

void validateUniform(const UniformScheme& s, uint64_t values, int64_t rowLength)
{
    auto fail = [](const std::string& msg) { throw Error(ErrorCode::InvalidArgument, "uniform quantization: " + msg); };
    if (s.bits < 2 || s.bits > 8)
        fail("bits must be 2..8, not " + std::to_string(s.bits));
    if (rowLength <= 0 || values % static_cast<uint64_t>(rowLength) != 0)
        fail(std::to_string(values) + " values are not whole rows of " + std::to_string(rowLength));
    if (s.granularity == Granularity::PerGroup && (s.groupSize <= 0 || rowLength % s.groupSize != 0))
        fail("row length " + std::to_string(rowLength) + " is not a multiple of the group size "
             + std::to_string(s.groupSize));
    if (s.clip == ClipMethod::Percentile && !(s.percentile > 0.0 && s.percentile <= 100.0))
        fail("percentile must be in (0, 100]");
    if (s.clip == ClipMethod::MseSearch && (s.mseGridSteps < 1 || !(s.mseMinRatio > 0.0 && s.mseMinRatio <= 1.0)))
        fail("MSE search needs at least one step and a minimum ratio in (0, 1]");
    if (s.clip == ClipMethod::KlDivergence && s.klBins < 2 * (1 << (s.bits - 1)))
        fail("KL calibration needs at least twice as many bins as levels");
}

namespace {

int64_t groupLengthOf(const UniformScheme& s, uint64_t values, int64_t rowLength)
{
    switch (s.granularity) {
    case Granularity::PerTensor: return static_cast<int64_t>(std::max<uint64_t>(values, 1));
    case Granularity::PerChannel: return rowLength;
    case Granularity::PerGroup: break;
    }
    return s.groupSize;
}

} // namespace

namespace {

UniformQuantized prepare(std::span<const float> values, int64_t rowLength, const UniformScheme& scheme)
{
    validateUniform(scheme, values.size(), rowLength);
    UniformQuantized q;
    q.scheme = scheme;
    q.rowLength = rowLength;
    q.rows = static_cast<int64_t>(values.size()) / rowLength;
    q.groupLength = groupLengthOf(scheme, values.size(), rowLength);
    q.codes.resize(values.size());
    const size_t groups = values.empty() ? 0 : values.size() / static_cast<size_t>(q.groupLength);
    q.steps.resize(groups);
    if (scheme.mode == UniformMode::Asymmetric)
        q.zeroPoints.resize(groups);
    return q;
}

// Quantizes groups [g0, g1) into their preallocated slots of q.
void quantizeGroups(std::span<const float> values, UniformQuantized& q, size_t g0, size_t g1, std::vector<float>& scratch)
{
    const auto len = static_cast<size_t>(q.groupLength);
    for (size_t g = g0; g < g1; ++g) {
        const auto group = values.subspan(g * len, len);
        const auto p = detail::paramsForRange(detail::chooseClipRange(group, q.scheme, scratch), q.scheme);
        for (size_t i = 0; i < len; ++i)
            q.codes[g * len + i] = static_cast<int16_t>(detail::quantizeValue(group[i], p, q.scheme));
        q.steps[g] = p.step;
        if (!q.zeroPoints.empty())
            q.zeroPoints[g] = p.zeroPoint;
    }
}

size_t groupsPerChunk(const UniformQuantized& q)
{
    return std::max<size_t>(1, 16384 / static_cast<size_t>(q.groupLength));
}

} // namespace

UniformQuantized quantizeUniform(std::span<const float> values, int64_t rowLength, const UniformScheme& scheme,
                                 const ProgressFn& progress, int threads)
{
    UniformQuantized q = prepare(values, rowLength, scheme);
    const size_t groups = q.steps.size(), per = groupsPerChunk(q);
    const auto chunks = static_cast<int64_t>((groups + per - 1) / per);
    const int workers = resolveWorkerCount(threads, chunks);
    std::vector<std::vector<float>> scratch(static_cast<size_t>(workers));
    runChunks(chunks, workers, progress, 0.0, 1.0, [&](int64_t c, int w) {
        const size_t g0 = static_cast<size_t>(c) * per;
        quantizeGroups(values, q, g0, std::min(groups, g0 + per), scratch[static_cast<size_t>(w)]);
    });
    return q;
}

UniformQuantized quantizeUniformRef(std::span<const float> values, int64_t rowLength, const UniformScheme& scheme,
                                    const ProgressFn& progress)
{
    UniformQuantized q = prepare(values, rowLength, scheme);
    const size_t groups = q.steps.size(), per = groupsPerChunk(q);
    std::vector<float> scratch;
    for (size_t g0 = 0; g0 < groups; g0 += per) {
        quantizeGroups(values, q, g0, std::min(groups, g0 + per), scratch);
        if (progress && !progress(static_cast<double>(std::min(groups, g0 + per)) / static_cast<double>(groups)))
            throw Error(ErrorCode::Cancelled, "cancelled");
    }
    return q;
}

std::vector<float> dequantizeUniform(const UniformQuantized& q)
{
    std::vector<float> out(q.codes.size());
    const auto len = static_cast<size_t>(std::max<int64_t>(q.groupLength, 1));
    if (q.steps.size() * len != q.codes.size()
        || (q.scheme.mode == UniformMode::Asymmetric && q.zeroPoints.size() != q.steps.size()))
        throw Error(ErrorCode::InvalidArgument, "dequantizeUniform: codes, steps and zero points disagree");
    for (size_t i = 0; i < out.size(); ++i) {
        detail::GroupParams p{q.steps[i / len], q.zeroPoints.empty() ? 0 : q.zeroPoints[i / len]};
        out[i] = detail::dequantizeValue(q.codes[i], p);
    }
    return out;
}

void fakeQuantUniform(std::span<const float> in, std::span<float> out, int64_t rowLength, const UniformScheme& scheme,
                      const ProgressFn& progress, int threads)
{
    if (in.size() != out.size())
        throw Error(ErrorCode::InvalidArgument, "fakeQuantUniform: input and output sizes differ");
    const auto values = dequantizeUniform(quantizeUniform(in, rowLength, scheme, progress, threads));
    std::copy(values.begin(), values.end(), out.begin());
}

uint64_t uniformGroupCount(const UniformScheme& s, int64_t rows, int64_t rowLength)
{
    const auto n = static_cast<uint64_t>(rows) * static_cast<uint64_t>(rowLength);
    if (n == 0)
        return 0;
    return n / static_cast<uint64_t>(groupLengthOf(s, n, rowLength));
}

uint64_t uniformStorageBytes(const UniformScheme& s, int64_t rows, int64_t rowLength)
{
    const auto n = static_cast<uint64_t>(rows) * static_cast<uint64_t>(rowLength);
    const uint64_t groups = uniformGroupCount(s, rows, rowLength);
    const uint64_t b = static_cast<uint64_t>(s.bits);
    uint64_t bytes = (n * b + 7) / 8 + groups * (s.scaleFormat == ScaleFormat::F16 ? 2 : 4);
    if (s.mode == UniformMode::Asymmetric)
        bytes += (groups * b + 7) / 8;
    return bytes;
}

double uniformBitsPerWeight(const UniformScheme& s, int64_t rows, int64_t rowLength)
{
    const auto n = static_cast<double>(rows) * static_cast<double>(rowLength);
    if (n == 0)
        return 0.0;
    const double groups = static_cast<double>(uniformGroupCount(s, rows, rowLength));
    const double perGroup = (s.scaleFormat == ScaleFormat::F16 ? 16.0 : 32.0)
        + (s.mode == UniformMode::Asymmetric ? s.bits : 0);
    return s.bits + groups * perGroup / n;
}

std::string uniformSchemeName(const UniformScheme& s)
{
    static const char* const modes[] = {"sym", "symfull", "asym"};
    static const char* const clips[] = {"absmax", "pct", "mse", "kl"};
    char gran[32];
    if (s.granularity == Granularity::PerGroup)
        std::snprintf(gran, sizeof gran, "g%d", s.groupSize);
    else
        std::snprintf(gran, sizeof gran, "%s", s.granularity == Granularity::PerTensor ? "tensor" : "channel");
    char buf[96];
    std::snprintf(buf, sizeof buf, "INT%d %s %s %s %s", s.bits, modes[static_cast<int>(s.mode)], gran,
                  s.scaleFormat == ScaleFormat::F16 ? "f16" : "f32", clips[static_cast<int>(s.clip)]);
    return buf;
}

} // namespace qx

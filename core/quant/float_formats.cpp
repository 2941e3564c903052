#include "quant/float_formats.h"

#include "common/error.h"
#include "common/half.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace qx {
namespace {

void checkSizes(std::span<const float> in, std::span<float> out, const char* what)
{
    if (in.size() != out.size())
        throw Error(ErrorCode::InvalidArgument, std::string(what) + ": input and output sizes differ");
}

void checkBlock(int blockSize, const char* what)
{
    if (blockSize <= 0)
        throw Error(ErrorCode::InvalidArgument, std::string(what) + ": block size must be positive");
}

float absMaxOf(std::span<const float> v)
{
    float m = 0.0f;
    for (float x : v)
        if (std::isfinite(x))
            m = std::max(m, std::fabs(x));
    return m;
}

uint64_t blocksOf(uint64_t values, int blockSize) { return (values + static_cast<uint64_t>(blockSize) - 1) / static_cast<uint64_t>(blockSize); }

// x̂ = s·fmt(x / s) over one run of values; s == 0 gives zeros.
void scaledRound(std::span<const float> in, std::span<float> out, float s, const MiniFloatFormat& fmt)
{
    for (size_t i = 0; i < in.size(); ++i)
        out[i] = s == 0.0f ? (std::isfinite(in[i]) ? 0.0f : in[i]) : s * roundToMiniFloat(in[i] / s, fmt);
}

} // namespace

void fakeQuantFp16(std::span<const float> in, std::span<float> out)
{
    checkSizes(in, out, "fakeQuantFp16");
    std::transform(in.begin(), in.end(), out.begin(), [](float x) { return roundToFp16(x); });
}

void fakeQuantBf16(std::span<const float> in, std::span<float> out)
{
    checkSizes(in, out, "fakeQuantBf16");
    std::transform(in.begin(), in.end(), out.begin(), [](float x) { return bf16ToFp32(fp32ToBf16(x)); });
}

void fakeQuantFp8(std::span<const float> in, std::span<float> out, int64_t rowLength, const MiniFloatFormat& format,
                  FloatScaling scaling)
{
    checkSizes(in, out, "fakeQuantFp8");
    if (scaling == FloatScaling::None) {
        std::transform(in.begin(), in.end(), out.begin(), [&](float x) { return roundToMiniFloat(x, format); });
        return;
    }
    size_t run = in.size();
    if (scaling == FloatScaling::PerChannel) {
        if (rowLength <= 0 || in.size() % static_cast<size_t>(rowLength) != 0)
            throw Error(ErrorCode::InvalidArgument, "fakeQuantFp8: values are not whole rows");
        run = static_cast<size_t>(rowLength);
    }
    const float fmax = miniFloatMax(format);
    for (size_t at = 0; at < in.size(); at += run) {
        const auto part = in.subspan(at, run);
        scaledRound(part, out.subspan(at, run), absMaxOf(part) / fmax, format);
    }
}

double fp8BitsPerWeight(FloatScaling scaling, int64_t rows, int64_t rowLength)
{
    const double n = static_cast<double>(rows) * static_cast<double>(rowLength);
    switch (scaling) {
    case FloatScaling::None: return 8.0;
    case FloatScaling::PerTensor: return n > 0 ? 8.0 + 32.0 / n : 8.0;
    case FloatScaling::PerChannel: break;
    }
    return rowLength > 0 ? 8.0 + 32.0 / static_cast<double>(rowLength) : 8.0;
}

namespace {

float fp4BlockScale(float blockAbsMax, float tensorScale, Fp4ScaleFormat format)
{
    if (blockAbsMax == 0.0f)
        return 0.0f;
    switch (format) {
    case Fp4ScaleFormat::E8M0: {
        const int e = std::clamp(std::ilogb(blockAbsMax) - 2, -127, 127);
        return std::ldexp(1.0f, e);
    }
    case Fp4ScaleFormat::E4M3:
        return tensorScale == 0.0f ? 0.0f : tensorScale * roundToMiniFloat(blockAbsMax / 6.0f / tensorScale, kFp8E4M3);
    case Fp4ScaleFormat::F16: return roundToFp16(blockAbsMax / 6.0f);
    case Fp4ScaleFormat::F32: break;
    }
    return blockAbsMax / 6.0f;
}

} // namespace

void fakeQuantFp4(std::span<const float> in, std::span<float> out, const Fp4Scheme& scheme)
{
    checkSizes(in, out, "fakeQuantFp4");
    checkBlock(scheme.blockSize, "fakeQuantFp4");
    const float tensorScale = scheme.scale == Fp4ScaleFormat::E4M3 ? absMaxOf(in) / (6.0f * 448.0f) : 0.0f;
    const auto block = static_cast<size_t>(scheme.blockSize);
    for (size_t at = 0; at < in.size(); at += block) {
        const size_t len = std::min(block, in.size() - at);
        const auto part = in.subspan(at, len);
        scaledRound(part, out.subspan(at, len), fp4BlockScale(absMaxOf(part), tensorScale, scheme.scale), kFp4E2M1);
    }
}

double fp4BitsPerWeight(const Fp4Scheme& scheme, uint64_t values)
{
    if (values == 0 || scheme.blockSize <= 0)
        return 4.0;
    const double scaleBits = scheme.scale == Fp4ScaleFormat::F32 ? 32.0 : scheme.scale == Fp4ScaleFormat::F16 ? 16.0 : 8.0;
    double bits = 4.0 * static_cast<double>(values) + scaleBits * static_cast<double>(blocksOf(values, scheme.blockSize));
    if (scheme.scale == Fp4ScaleFormat::E4M3)
        bits += 32.0; // the per-tensor F32 scale
    return bits / static_cast<double>(values);
}

void fakeQuantFixedPoint(std::span<const float> in, std::span<float> out, const FixedPointFormat& f)
{
    checkSizes(in, out, "fakeQuantFixedPoint");
    if (f.integerBits < 0 || f.fractionBits < 0 || f.integerBits + f.fractionBits > 31)
        throw Error(ErrorCode::InvalidArgument, "fakeQuantFixedPoint: Qm.n needs m, n >= 0 and m + n <= 31");
    const double unit = std::ldexp(1.0, f.fractionBits);
    const double lo = -std::ldexp(1.0, f.integerBits);
    const double hi = std::ldexp(1.0, f.integerBits) - 1.0 / unit;
    for (size_t i = 0; i < in.size(); ++i) {
        const double x = std::isnan(in[i]) ? 0.0 : std::clamp<double>(in[i], lo, hi);
        out[i] = static_cast<float>(std::clamp(std::round(x * unit) / unit, lo, hi));
    }
}

} // namespace qx

// NF4 with optional QLoRA double quantization (see float_formats.h).
#include "common/error.h"
#include "quant/float_formats.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace qx {
namespace {

constexpr std::array<float, 16> kNf4 = {
    -1.0f, -0.6961928009986877f, -0.5250730514526367f, -0.39491748809814453f,
    -0.28444138169288635f, -0.18477343022823334f, -0.09105003625154495f, 0.0f,
    0.07958029955625534f, 0.16093020141124725f, 0.24611230194568634f, 0.33791524171829224f,
    0.44070982933044434f, 0.5626170039176941f, 0.7229568362236023f, 1.0f};

// bitsandbytes create_dynamic_map(signed=True, max_exponent_bits=7, total_bits=8): for exponent i = 0..6,
// 2^i means of a linear grid on [0.1, 1] scaled by 10^(i-6), both signs; plus 0 and 1.
std::array<float, 256> makeDynamicMap()
{
    std::array<float, 256> map{};
    size_t k = 0;
    for (int i = 0; i < 7; ++i) {
        const int items = (1 << i) + 1;
        for (int j = 0; j + 1 < items; ++j) {
            const double b0 = 0.1 + 0.9 * j / (items - 1), b1 = 0.1 + 0.9 * (j + 1) / (items - 1);
            const double v = std::pow(10.0, i - 6) * (b0 + b1) / 2.0;
            map[k++] = static_cast<float>(v);
            map[k++] = static_cast<float>(-v);
        }
    }
    map[k++] = 0.0f;
    map[k++] = 1.0f;
    std::sort(map.begin(), map.end());
    return map;
}

// Index of the value in sorted `levels` nearest to x (lower one on ties).
template <size_t N>
size_t nearest(const std::array<float, N>& levels, float x)
{
    const auto it = std::lower_bound(levels.begin(), levels.end(), x);
    if (it == levels.begin())
        return 0;
    if (it == levels.end())
        return N - 1;
    const auto i = static_cast<size_t>(it - levels.begin());
    return (x - levels[i - 1] <= levels[i] - x) ? i - 1 : i;
}

float absMaxOf(std::span<const float> v)
{
    float m = 0.0f;
    for (float x : v)
        if (std::isfinite(x))
            m = std::max(m, std::fabs(x));
    return m;
}

} // namespace

std::span<const float, 16> nf4Levels() { return kNf4; }

std::span<const float, 256> dynamicMap8()
{
    static const std::array<float, 256> map = makeDynamicMap();
    return map;
}

std::vector<float> nf4DoubleQuantAbsMax(std::span<const float> absMax, int dqBlockSize)
{
    if (dqBlockSize <= 0)
        throw Error(ErrorCode::InvalidArgument, "NF4 double quantization: block size must be positive");
    std::vector<float> out(absMax.begin(), absMax.end());
    if (out.empty())
        return out;
    const float offset = static_cast<float>(std::accumulate(out.begin(), out.end(), 0.0) / static_cast<double>(out.size()));
    for (auto& a : out)
        a -= offset;
    std::array<float, 256> map;
    std::copy(dynamicMap8().begin(), dynamicMap8().end(), map.begin());
    const auto block = static_cast<size_t>(dqBlockSize);
    for (size_t at = 0; at < out.size(); at += block) {
        const auto part = std::span<float>(out).subspan(at, std::min(block, out.size() - at));
        const float scale = absMaxOf(part);
        for (auto& a : part)
            a = (scale == 0.0f ? 0.0f : map[nearest(map, a / scale)] * scale) + offset;
    }
    return out;
}

void fakeQuantNf4(std::span<const float> in, std::span<float> out, const Nf4Scheme& scheme)
{
    if (in.size() != out.size())
        throw Error(ErrorCode::InvalidArgument, "fakeQuantNf4: input and output sizes differ");
    if (scheme.blockSize <= 0)
        throw Error(ErrorCode::InvalidArgument, "fakeQuantNf4: block size must be positive");
    const auto block = static_cast<size_t>(scheme.blockSize);
    std::vector<float> absMax;
    for (size_t at = 0; at < in.size(); at += block)
        absMax.push_back(absMaxOf(in.subspan(at, std::min(block, in.size() - at))));
    const std::vector<float> used = scheme.doubleQuant ? nf4DoubleQuantAbsMax(absMax, scheme.dqBlockSize) : absMax;
    for (size_t i = 0; i < in.size(); ++i) {
        // Codes are chosen with the block's true absmax (as bitsandbytes does); the stored, possibly
        // double-quantized absmax scales them back.
        const float a = absMax[i / block];
        const float x = std::isfinite(in[i]) ? in[i] : 0.0f;
        const size_t code = a == 0.0f ? 7 : nearest(kNf4, std::clamp(x / a, -1.0f, 1.0f));
        out[i] = kNf4[code] * used[i / block];
    }
}

double nf4BitsPerWeight(const Nf4Scheme& scheme, uint64_t values)
{
    if (values == 0 || scheme.blockSize <= 0)
        return 4.0;
    const uint64_t blocks = (values + static_cast<uint64_t>(scheme.blockSize) - 1) / static_cast<uint64_t>(scheme.blockSize);
    double bits = 4.0 * static_cast<double>(values);
    if (!scheme.doubleQuant) {
        bits += 32.0 * static_cast<double>(blocks);
    } else {
        const auto dq = static_cast<uint64_t>(std::max(1, scheme.dqBlockSize));
        bits += 8.0 * static_cast<double>(blocks) + 32.0 * static_cast<double>((blocks + dq - 1) / dq) + 32.0;
    }
    return bits / static_cast<double>(values);
}

} // namespace qx

#include "calib/quant_grid.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/dequantize.h"
#include "quant/format.h"
#include "quant/quantize.h"
#include "quant/uniform_detail.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qx {
namespace {

// ggml's nearest_int (round half to even via the 1.5·2^23 trick), for |f| well inside the int range.
int nearestEven(float f)
{
    return static_cast<int>(std::nearbyint(f));
}

} // namespace

bool isLegacyType(TensorType t)
{
    return t == TensorType::Q4_0 || t == TensorType::Q4_1 || t == TensorType::Q5_0 || t == TensorType::Q5_1
           || t == TensorType::Q8_0;
}

bool gridFits(const QuantGrid& grid, int64_t rowLength)
{
    return rowLength > 0 && (!grid.ggml || rowLength % grid.blockLength(rowLength) == 0);
}

bool gridFitsOrNote(const QuantGrid& grid, const std::string& name, int64_t rowLength, std::vector<std::string>* notes)
{
    if (gridFits(grid, rowLength))
        return true;
    if (notes)
        notes->push_back(name + ": rows of " + std::to_string(rowLength) + " do not fit " + grid.name() + ", kept F32");
    return false;
}

namespace {

// Q4_0 / Q5_0: d = max / -(2^(b-1)) with max the value of largest magnitude; code = floor(x/d + 2^(b-1) + .5).
GroupGrid chooseSignedMax(std::span<const float> g, int half)
{
    GroupGrid p;
    float amax = 0.0f, max = 0.0f;
    int at = 0;
    for (size_t i = 0; i < g.size(); ++i)
        if (std::fabs(g[i]) > amax) {
            amax = std::fabs(g[i]);
            max = g[i];
            at = static_cast<int>(i);
        }
    const float d = max / static_cast<float>(-half);
    p.inv = d != 0.0f ? 1.0f / d : 0.0f;
    p.scale = roundToFp16(d);
    p.offset = -p.scale * static_cast<float>(half);
    p.bias = static_cast<float>(half) + 0.5f;
    p.qmax = 2 * half - 1;
    p.pin[0] = at;
    p.pinCode[0] = 0;
    return p;
}

// Q4_1 / Q5_1: d = (max - min) / (2^b - 1), m = min; code = floor((x - min)/d + .5).
GroupGrid chooseMinMax(std::span<const float> g, int levels)
{
    GroupGrid p;
    int iMin = 0, iMax = 0;
    for (size_t i = 1; i < g.size(); ++i) {
        if (g[i] < g[static_cast<size_t>(iMin)]) iMin = static_cast<int>(i);
        if (g[i] > g[static_cast<size_t>(iMax)]) iMax = static_cast<int>(i);
    }
    const float min = g[static_cast<size_t>(iMin)], max = g[static_cast<size_t>(iMax)];
    const float d = (max - min) / static_cast<float>(levels);
    p.inv = d != 0.0f ? 1.0f / d : 0.0f;
    p.scale = roundToFp16(d);
    p.offset = roundToFp16(min);
    p.origin = min;
    p.bias = 0.5f;
    p.qmax = levels;
    p.pin[0] = iMin;
    p.pinCode[0] = 0;
    if (iMax != iMin) {
        p.pin[1] = iMax;
        p.pinCode[1] = levels;
    }
    return p;
}

// Q8_0: d = amax / 127, code = round(x / d) (half away from zero).
GroupGrid chooseQ8(std::span<const float> g)
{
    GroupGrid p;
    float amax = 0.0f;
    int at = 0;
    for (size_t i = 0; i < g.size(); ++i)
        if (std::fabs(g[i]) > amax) {
            amax = std::fabs(g[i]);
            at = static_cast<int>(i);
        }
    const float d = amax / 127.0f;
    p.inv = d != 0.0f ? 1.0f / d : 0.0f;
    p.scale = roundToFp16(d);
    p.qmin = -127;
    p.qmax = 127;
    p.pin[0] = at;
    p.pinCode[0] = g.empty() || g[static_cast<size_t>(at)] >= 0.0f ? 127 : -127;
    return p;
}

std::vector<float> viaQuantizeRows(TensorType type, std::span<const float> w, int64_t rowLength,
                                   std::span<const float> importance)
{
    const int64_t rows = static_cast<int64_t>(w.size()) / rowLength;
    const uint64_t rowBytes = *tensorBytes(type, static_cast<uint64_t>(rowLength));
    std::vector<std::byte> packed(rowBytes * static_cast<uint64_t>(rows));
    quantizeRows(type, w, rowLength, packed, importance);
    std::vector<float> out(w.size());
    for (int64_t r = 0; r < rows; ++r)
        dequantizeRow(type, std::span<const std::byte>(packed).subspan(static_cast<size_t>(r) * rowBytes, rowBytes),
                      std::span<float>(out).subspan(static_cast<size_t>(r * rowLength), static_cast<size_t>(rowLength)));
    return out;
}

} // namespace

int64_t QuantGrid::groupLength(int64_t rowLength) const
{
    if (ggml && isKQuantType(type))
        return kQuantSubBlock(type);
    if (ggml)
        return tensorTypeInfo(type)->blockSize;
    switch (uniform.granularity) {
    case Granularity::PerGroup: return uniform.groupSize;
    default: return rowLength;
    }
}

int64_t QuantGrid::blockLength(int64_t rowLength) const
{
    return ggml ? tensorTypeInfo(type)->blockSize : groupLength(rowLength);
}

std::string QuantGrid::name() const
{
    return ggml ? std::string(tensorTypeName(type)) : uniformSchemeName(uniform);
}

void validateGrid(const QuantGrid& grid, int64_t rowLength, bool calibrated)
{
    if (grid.ggml) {
        if (!canQuantize(grid.type))
            throw Error(ErrorCode::Unsupported, "cannot quantize to " + std::string(tensorTypeName(grid.type)));
        if (calibrated && !isLegacyType(grid.type) && !isKQuantType(grid.type))
            throw Error(ErrorCode::Unsupported, "calibrated quantization supports Q4_0 Q4_1 Q5_0 Q5_1 Q8_0 and "
                                                    "Q2_K..Q6_K, not " + std::string(tensorTypeName(grid.type)));
    } else if (grid.uniform.granularity == Granularity::PerTensor) {
        throw Error(ErrorCode::Unsupported, "calibrated quantization needs per-channel or per-group scales");
    }
    const int64_t g = grid.blockLength(rowLength);
    if (rowLength <= 0 || g <= 0 || (grid.ggml && rowLength % g != 0))
        throw Error(ErrorCode::InvalidArgument, "row length " + std::to_string(rowLength)
                                                    + " is not a multiple of the group of " + grid.name());
}

GroupGrid chooseGroupGrid(const QuantGrid& grid, std::span<const float> group)
{
    if (!grid.ggml) {
        std::vector<float> scratch;
        const detail::GroupParams gp = detail::paramsForRange(detail::chooseClipRange(group, grid.uniform, scratch),
                                                              grid.uniform);
        GroupGrid p;
        p.scale = gp.step;
        p.zeroPoint = gp.zeroPoint;
        p.qmin = uniformCodeMin(grid.uniform) - gp.zeroPoint;
        p.qmax = uniformCodeMax(grid.uniform) - gp.zeroPoint;
        return p;
    }
    switch (grid.type) {
    case TensorType::Q4_0: return chooseSignedMax(group, 8);
    case TensorType::Q5_0: return chooseSignedMax(group, 16);
    case TensorType::Q4_1: return chooseMinMax(group, 15);
    case TensorType::Q5_1: return chooseMinMax(group, 31);
    default: return chooseQ8(group);
    }
}

void chooseBlockGrids(const QuantGrid& grid, std::span<const float> block, std::span<GroupGrid> out,
                      std::span<std::byte> bytes)
{
    if (grid.ggml && isKQuantType(grid.type))
        return chooseKQuantGrids(grid.type, block, out, bytes);
    if (out.size() != 1)
        throw Error(ErrorCode::InvalidArgument, "this grid has one group per block");
    out[0] = chooseGroupGrid(grid, block);
}

int gridCode(const QuantGrid& grid, const GroupGrid& g, float x, int index)
{
    if (g.nearest) {
        for (int k = 0; index >= 0 && k < 2; ++k)
            if (g.pin[k] == index)
                return g.pinCode[k];
        if (!std::isfinite(x) || g.scale == 0.0f)
            return std::clamp(0, g.qmin, g.qmax);
        const float v = std::clamp((x - g.offset) / g.scale, static_cast<float>(g.qmin - 1), static_cast<float>(g.qmax + 1));
        return std::clamp(nearestEven(v), g.qmin, g.qmax);
    }
    if (!grid.ggml) {
        // Codes relative to the zero point, so that value = scale·code (offset 0) is Δ·(q − z).
        const detail::GroupParams gp{g.scale, g.zeroPoint};
        return detail::quantizeValue(x, gp, grid.uniform) - g.zeroPoint;
    }
    for (int k = 0; index >= 0 && k < 2; ++k)
        if (g.pin[k] == index)
            return g.pinCode[k];
    if (!std::isfinite(x))
        return grid.type == TensorType::Q8_0 ? 0 : std::clamp(static_cast<int>(g.bias), g.qmin, g.qmax);
    if (grid.type == TensorType::Q8_0) {
        const float r = std::round(x * g.inv);
        return static_cast<int>(std::clamp(r, -127.0f, 127.0f));
    }
    const float v = (x - g.origin) * g.inv + g.bias;
    const float c = std::clamp(std::floor(v), static_cast<float>(g.qmin), static_cast<float>(g.qmax));
    return static_cast<int>(c);
}

std::vector<float> fakeQuantGrid(const QuantGrid& grid, std::span<const float> w, int64_t rowLength)
{
    validateGrid(grid, rowLength, false);
    if (grid.ggml && !isLegacyType(grid.type))
        return viaQuantizeRows(grid.type, w, rowLength, {});
    const int64_t gl = grid.groupLength(rowLength);
    std::vector<float> out(w.size());
    for (size_t start = 0; start < w.size();) {
        const int64_t len = std::min(gl, rowLength - static_cast<int64_t>(start % static_cast<size_t>(rowLength)));
        const auto group = w.subspan(start, static_cast<size_t>(len));
        const GroupGrid g = chooseGroupGrid(grid, group);
        start += static_cast<size_t>(len);
        for (int64_t i = 0; i < len; ++i)
            out[start - static_cast<size_t>(len) + static_cast<size_t>(i)] = gridValue(g, gridCode(grid, g, group[static_cast<size_t>(i)],
                                                                        static_cast<int>(i)));
    }
    return out;
}

std::vector<float> fakeQuantGridWeighted(const QuantGrid& grid, std::span<const float> w, int64_t rowLength,
                                         std::span<const float> importance)
{
    validateGrid(grid, rowLength, false);
    if (importance.size() != static_cast<size_t>(rowLength))
        throw Error(ErrorCode::InvalidArgument, "importance vector length differs from the row length");
    if (grid.ggml)
        return viaQuantizeRows(grid.type, w, rowLength, importance);
    int64_t gl = grid.groupLength(rowLength);
    std::vector<float> out(w.size()), scaled, trial;
    for (size_t start = 0; start < w.size(); start += static_cast<size_t>(gl)) {
        const size_t col0 = start % static_cast<size_t>(rowLength);
        gl = std::min<int64_t>(grid.groupLength(rowLength), rowLength - static_cast<int64_t>(col0));
        scaled.resize(static_cast<size_t>(gl));
        trial.resize(static_cast<size_t>(gl));
        const auto group = w.subspan(start, static_cast<size_t>(gl));
        double best = -1.0;
        for (int step = 0; step <= 20; ++step) {
            const float ratio = 1.0f - 0.025f * static_cast<float>(step);
            for (int64_t i = 0; i < gl; ++i)
                scaled[static_cast<size_t>(i)] = group[static_cast<size_t>(i)] * ratio;
            const GroupGrid g = chooseGroupGrid(grid, scaled);
            double err = 0.0;
            for (int64_t i = 0; i < gl; ++i) {
                const float x = group[static_cast<size_t>(i)];
                trial[static_cast<size_t>(i)] = gridValue(g, gridCode(grid, g, x, -1));
                const double d = static_cast<double>(x) - trial[static_cast<size_t>(i)];
                err += importance[col0 + static_cast<size_t>(i)] * d * d;
            }
            if (best < 0.0 || err < best) {
                best = err;
                std::copy(trial.begin(), trial.end(), out.begin() + static_cast<std::ptrdiff_t>(start));
            }
        }
    }
    return out;
}

QuantGrid parseGrid(const std::string& text)
{
    QuantGrid g;
    if (auto t = tensorTypeFromName(text)) {
        g.ggml = true;
        g.type = *t;
        validateGrid(g, tensorTypeInfo(*t)->blockSize, false);
        return g;
    }
    const std::optional<Format> format = formatFromName(text);
    const std::optional<UniformScheme> uniform = format ? format->uniform() : std::nullopt;
    if (!uniform)
        throw Error(ErrorCode::InvalidArgument, "unknown scheme '" + text
                                                    + "' (int4-g32, int4-g128, int3-g32, int8-pc, Q4_0, Q8_0, ...)");
    g.uniform = *uniform;
    return g;
}

} // namespace qx

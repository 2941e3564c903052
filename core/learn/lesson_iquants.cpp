#include "learn/lesson_iquants.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/dequantize.h"
#include "quant/ggml_blocks.h"
#include "quant/iq_codebooks.h"
#include "quant/quantize.h"
#include "stats/error_metrics.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace qx::learn {
namespace {

using ggml::BlockIQ2_XXS;
using ggml::BlockTQ1_0;
constexpr int64_t kBlock = 256;

struct RoundTrip {
    std::vector<std::byte> bytes;
    std::vector<float> back;
};

RoundTrip roundTrip(TensorType type, std::span<const float> values)
{
    const std::vector<float> ones(kBlock, 1.0f);
    RoundTrip r;
    r.bytes.resize(*tensorBytes(type, values.size()));
    quantizeRows(type, values, kBlock, r.bytes, ones);
    r.back.resize(values.size());
    dequantizeRow(type, r.bytes, r.back);
    return r;
}

double sqnrOf(std::span<const float> x, std::span<const float> y)
{
    double signal = 0.0, noise = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        signal += double(x[i]) * x[i];
        noise += (double(y[i]) - x[i]) * (double(y[i]) - x[i]);
    }
    return sqnrDb(signal, noise);
}

/// The two 32-bit words of IQ2_XXS sub-block `ib32` of `block`.
std::array<uint32_t, 2> iq2xxsWords(const BlockIQ2_XXS& block, int ib32)
{
    std::array<uint32_t, 2> w{};
    std::memcpy(w.data(), &block.qs[4 * ib32], sizeof w);
    return w;
}

int codebookRowsUsed(std::span<const std::byte> bytes)
{
    std::set<int> rows;
    for (size_t b = 0; b < bytes.size() / sizeof(BlockIQ2_XXS); ++b) {
        BlockIQ2_XXS block;
        std::memcpy(&block, bytes.data() + b * sizeof block, sizeof block);
        for (int ib32 = 0; ib32 < 8; ++ib32)
            for (int l = 0; l < 4; ++l)
                rows.insert(int((iq2xxsWords(block, ib32)[0] >> (8 * l)) & 0xff));
    }
    return int(rows.size());
}

CodebookGroup takeApart(std::span<const float> values, const RoundTrip& r, int group)
{
    BlockIQ2_XXS block;
    std::memcpy(&block, r.bytes.data(), sizeof block);
    const int ib32 = group / 4, l = group % 4;
    const auto words = iq2xxsWords(block, ib32);
    CodebookGroup g;
    g.gridIndex = int((words[0] >> (8 * l)) & 0xff);
    g.signs = quant::iq::evenSigns(words[1] >> (7 * l));
    g.scaleCode = int(words[1] >> 28);
    g.scale = fp16ToFp32(block.d) * (0.5f + float(g.scaleCode)) * 0.25f;
    for (int j = 0; j < 8; ++j) {
        g.original[j] = values[size_t(8 * group + j)];
        g.magnitudes[j] = quant::iq::rowByte(quant::iq::kIQ2XXSGrid[size_t(g.gridIndex)], j);
        g.decoded[j] = g.scale * float(g.magnitudes[j]) * ((g.signs >> j) & 1 ? -1.0f : 1.0f);
    }
    return g;
}

TernaryByte ternaryByte(std::span<const float> values, const RoundTrip& r)
{
    BlockTQ1_0 block;
    std::memcpy(&block, r.bytes.data(), sizeof block);
    TernaryByte t;
    t.stored = block.qs[0];
    t.scale = fp16ToFp32(block.d);
    for (int i = 0; i < 5; ++i) {
        t.original[i] = values[size_t(32 * i)];
        const float back = r.back[size_t(32 * i)];
        t.trits[i] = back > 0.0f ? 1 : back < 0.0f ? -1 : 0;
        t.base3 = 3 * t.base3 + t.trits[i] + 1;
    }
    return t;
}

} // namespace

IquantLessonResult iquantLesson(std::span<const float> values, int64_t maxBlocks, int group)
{
    const int64_t blocks = std::min<int64_t>(maxBlocks, int64_t(values.size()) / kBlock);
    if (blocks < 1)
        throw Error(ErrorCode::InvalidArgument, "the i-quant lesson needs at least 256 values");
    const std::span<const float> v = values.first(size_t(blocks * kBlock));
    IquantLessonResult out;
    out.blocks = blocks;
    using T = TensorType;
    for (TensorType type : {T::IQ1_S, T::IQ2_XXS, T::IQ2_XS, T::IQ2_S, T::IQ3_XXS, T::IQ3_S, T::TQ1_0, T::TQ2_0,
                            T::Q2_K, T::Q3_K}) {
        const RoundTrip r = roundTrip(type, v);
        IquantFigure f;
        f.type = type;
        f.bitsPerWeight = 8.0 * double(r.bytes.size()) / double(v.size());
        f.sqnrDb = sqnrOf(v, r.back);
        if (type == T::IQ2_XXS) {
            f.codebookRows = 256;
            f.codebookRowsUsed = codebookRowsUsed(r.bytes);
            out.group = takeApart(v, r, std::clamp(group, 0, 31));
        } else if (type == T::TQ1_0) {
            out.ternary = ternaryByte(v, r);
        }
        out.figures.push_back(f);
    }
    return out;
}

} // namespace qx::learn

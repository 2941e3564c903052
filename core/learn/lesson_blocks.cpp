// The block-level lessons: k-quant super-blocks decoded field by field, NF4 and ternary weights.
#include "learn/lesson_math.h"

#include "common/error.h"
#include "common/half.h"
#include "quant/float_formats.h"
#include "quant/quantize.h"
#include "quant/uniform_quant.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace qx::learn {

namespace {

void requireBlock(std::span<const float> x)
{
    if (x.size() != static_cast<size_t>(ggml::kQK_K))
        throw Error(ErrorCode::InvalidArgument, "a k-quant super-block holds 256 values");
}

// ggml's get_scale_min_k4: sub-blocks 0-3 keep 6 bits in bytes 0-7; 4-7 split 4 low bits into bytes 8-11
// and borrow the top 2 bits of bytes 0-7.
void scaleMinK4(int j, const uint8_t* q, uint8_t& sc, uint8_t& m)
{
    if (j < 4) {
        sc = q[j] & 63;
        m = q[j + 4] & 63;
    } else {
        sc = static_cast<uint8_t>((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4));
        m = static_cast<uint8_t>((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
    }
}

} // namespace

Q4KAnatomy q4kAnatomy(std::span<const float> x)
{
    requireBlock(x);
    Q4KAnatomy a;
    std::copy(x.begin(), x.end(), a.original.begin());
    quantizeRowsRef(TensorType::Q4_K, x, ggml::kQK_K, std::as_writable_bytes(std::span(&a.block, 1)));
    a.d = fp16ToFp32(a.block.d);
    a.dmin = fp16ToFp32(a.block.dmin);
    for (int j = 0; j < 8; ++j)
        scaleMinK4(j, a.block.scales, a.scales[static_cast<size_t>(j)], a.mins[static_cast<size_t>(j)]);
    for (size_t i = 0; i < static_cast<size_t>(ggml::kQK_K); ++i) {
        const size_t chunk = i / 64, within = i % 64;
        const uint8_t byte = a.block.qs[chunk * 32 + within % 32];
        a.q[i] = within < 32 ? (byte & 0xF) : (byte >> 4);
        const size_t sub = i / 32;
        const float d1 = a.d * a.scales[sub];
        const float m1 = a.dmin * a.mins[sub];
        a.recon[i] = d1 * a.q[i] - m1;
    }
    a.sqnrDb = sqnrOf(a.original, a.recon);
    return a;
}

Q6KAnatomy q6kAnatomy(std::span<const float> x)
{
    requireBlock(x);
    Q6KAnatomy a;
    std::copy(x.begin(), x.end(), a.original.begin());
    quantizeRowsRef(TensorType::Q6_K, x, ggml::kQK_K, std::as_writable_bytes(std::span(&a.block, 1)));
    a.d = fp16ToFp32(a.block.d);
    std::copy(std::begin(a.block.scales), std::end(a.block.scales), a.scales.begin());
    for (size_t half = 0; half < 2; ++half) {
        const uint8_t* ql = a.block.ql + half * 64;
        const uint8_t* qh = a.block.qh + half * 32;
        for (size_t l = 0; l < 32; ++l) {
            const int quarter[4] = {(ql[l] & 0xF) | (((qh[l] >> 0) & 3) << 4), (ql[l + 32] & 0xF) | (((qh[l] >> 2) & 3) << 4),
                                    (ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4), (ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)};
            for (size_t k = 0; k < 4; ++k) {
                const size_t i = half * 128 + k * 32 + l;
                a.q[i] = static_cast<int8_t>(quarter[k] - 32);
                a.recon[i] = a.d * a.scales[i / 16] * a.q[i];
            }
        }
    }
    a.sqnrDb = sqnrOf(a.original, a.recon);
    return a;
}

Nf4Lesson nf4Lesson(std::span<const float> values)
{
    Nf4Lesson l;
    const auto levels = nf4Levels();
    std::copy(levels.begin(), levels.end(), l.nf4.begin());
    for (int k = -7; k <= 7; ++k)
        l.uniform.push_back(static_cast<float>(k) / 7.0f);
    const size_t n = values.size() - values.size() % 64;
    if (n == 0)
        return l;
    const std::span<const float> v = values.first(n);
    std::vector<float> recon(n);
    fakeQuantNf4(v, recon, Nf4Scheme{64, false, 256});
    l.sqnrNf4 = sqnrOf(v, recon);
    fakeQuantNf4(v, recon, Nf4Scheme{64, true, 256});
    l.sqnrNf4Dq = sqnrOf(v, recon);
    UniformScheme s;
    s.bits = 4;
    s.granularity = Granularity::PerGroup;
    s.groupSize = 64;
    fakeQuantUniform(v, recon, static_cast<int64_t>(n), s, {}, 1);
    l.sqnrInt4 = sqnrOf(v, recon);
    l.bitsNf4 = nf4BitsPerWeight(Nf4Scheme{64, false, 256}, n);
    l.bitsNf4Dq = nf4BitsPerWeight(Nf4Scheme{64, true, 256}, n);
    return l;
}

std::vector<float> normalizeByBlockAbsMax(std::span<const float> values, int block)
{
    if (block <= 0)
        throw Error(ErrorCode::InvalidArgument, "normalizeByBlockAbsMax: block must be positive");
    std::vector<float> out(values.size(), 0.0f);
    const auto b = static_cast<size_t>(block);
    for (size_t at = 0; at < values.size(); at += b) {
        const size_t end = std::min(values.size(), at + b);
        float m = 0.0f;
        for (size_t i = at; i < end; ++i)
            if (std::isfinite(values[i]))
                m = std::max(m, std::fabs(values[i]));
        for (size_t i = at; i < end; ++i)
            out[i] = m > 0.0f && std::isfinite(values[i]) ? values[i] / m : 0.0f;
    }
    return out;
}

TernaryResult ternaryAbsMean(std::span<const float> values)
{
    TernaryResult t;
    double sum = 0.0;
    uint64_t count = 0;
    for (float x : values)
        if (std::isfinite(x)) {
            sum += std::fabs(x);
            ++count;
        }
    t.gamma = count ? static_cast<float>(sum / static_cast<double>(count)) : 0.0f;
    const double denom = static_cast<double>(t.gamma) + 1e-5; // BitNet's ε keeps all-zero tensors finite
    t.threshold = denom / 2.0;
    for (float x : values) {
        const double r = std::isfinite(x) ? std::round(x / denom) : 0.0;
        const int8_t q = static_cast<int8_t>(std::clamp(r, -1.0, 1.0));
        t.codes.push_back(q);
        t.recon.push_back(t.gamma * q);
        (q < 0 ? t.minus : q > 0 ? t.plus : t.zero) += 1;
    }
    t.sqnrDb = sqnrOf(values, t.recon);
    return t;
}

TernaryDot ternaryDot(std::span<const int8_t> codes, float gamma, std::span<const float> weights,
                      std::span<const float> x)
{
    if (codes.size() != x.size() || weights.size() != x.size())
        throw Error(ErrorCode::InvalidArgument, "ternaryDot: sizes differ");
    TernaryDot d;
    double acc = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        d.floatResult += static_cast<double>(weights[i]) * x[i];
        if (codes[i] > 0) {
            acc += x[i];
            ++d.additions;
        } else if (codes[i] < 0) {
            acc -= x[i];
            ++d.subtractions;
        } else {
            ++d.skipped;
        }
    }
    d.result = acc * gamma; // the one multiplication per output
    return d;
}

} // namespace qx::learn

#include "eval/kld.h"

#include "common/error.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "common/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

namespace qx {
namespace {

struct Sums {
    double nll = 0, nll2 = 0, nllBase = 0, nllBase2 = 0, nllNllBase = 0, kld = 0, kld2 = 0;
    double pDiff = 0, pDiff2 = 0, pDiff4 = 0;
    float maxPDiff = 0;
    int64_t sameTop = 0, count = 0;

    void add(const Sums& o)
    {
        nll += o.nll, nll2 += o.nll2, nllBase += o.nllBase, nllBase2 += o.nllBase2, nllNllBase += o.nllNllBase;
        kld += o.kld, kld2 += o.kld2, pDiff += o.pDiff, pDiff2 += o.pDiff2, pDiff4 += o.pDiff4;
        maxPDiff = std::max(maxPDiff, o.maxPDiff);
        sameTop += o.sameTop, count += o.count;
    }
};

// One scored token, with llama.cpp's mix of float and double arithmetic kept.
std::pair<double, float> scoreToken(const float* logits, int64_t nVocab, const uint16_t* record, int32_t tok, Sums& k)
{
    float maxLogit = logits[0];
    int64_t imax = 0;
    for (int64_t i = 1; i < nVocab; ++i)
        if (logits[i] > maxLogit)
            maxLogit = logits[i], imax = i;
    double sumExp = 0.0;
    for (int64_t i = 0; i < nVocab; ++i)
        sumExp += std::exp(logits[i] - maxLogit);
    const float logSumExp = static_cast<float>(std::log(sumExp));
    float scale, minLogProb;
    std::memcpy(&scale, record, 4);
    std::memcpy(&minLogProb, record + 2, 4);
    const uint16_t* q = record + 4;
    const float nll = maxLogit + logSumExp - logits[tok];
    k.nll += nll, k.nll2 += nll * nll;
    const float nllBase = -(scale * q[tok] + minLogProb);
    k.nllBase += nllBase, k.nllBase2 += nllBase * nllBase, k.nllNllBase += nll * nllBase;
    maxLogit += logSumExp;
    double sum = 0;
    int64_t imaxBase = -1;
    float pLogBaseMax = 0;
    for (int64_t i = 0; i < nVocab; ++i) {
        const float pLogBase = scale * q[i] + minLogProb;
        if (i == 0 || pLogBase > pLogBaseMax)
            pLogBaseMax = pLogBase, imaxBase = i;
        if (pLogBase > -16.f)
            sum += std::exp(pLogBase) * (pLogBase - logits[i] + maxLogit);
    }
    k.kld += sum, k.kld2 += sum * sum, ++k.count;
    if (imax == imaxBase)
        ++k.sameTop;
    const float pDiff = std::exp(-nll) - std::exp(-nllBase);
    const double pDiff2 = pDiff * pDiff;
    k.pDiff += pDiff, k.pDiff2 += pDiff2, k.pDiff4 += pDiff2 * pDiff2;
    k.maxPDiff = std::max(k.maxPDiff, std::fabs(pDiff));
    return {sum, pDiff};
}

std::pair<double, double> meanAndUnc(double sum, double sum2, int64_t count)
{
    if (count < 1)
        return {0., 0.};
    const double f = sum / double(count);
    double df = sum2 / double(count) - f * f;
    df = df > 0 && count > 10 ? std::sqrt(df / double(count - 1)) : 0.;
    return {f, df};
}

double covariance(double a, double b, double ab, int64_t count)
{
    if (count < 10)
        return 0.0;
    return (ab / double(count) - (a / double(count)) * (b / double(count))) / double(count - 1);
}

float percentile(const std::vector<float>& v, float fraction)
{
    if (fraction <= 0)
        return v.front();
    if (fraction >= 1)
        return v.back();
    float p = fraction * float(v.size() - 1);
    const size_t ip = size_t(p);
    p -= float(ip);
    return (1 - p) * v[ip] + p * v[std::min(ip + 1, v.size() - 1)];
}

float median(const std::vector<float>& v)
{
    const size_t n = v.size();
    return n % 2 == 0 ? 0.5f * (v[n / 2] + v[n / 2 - 1]) : v[n / 2];
}

KldChunkLine chunkLine(const Sums& k)
{
    KldChunkLine c{};
    const auto lp = meanAndUnc(k.nll, k.nll2, k.count), lb = meanAndUnc(k.nllBase, k.nllBase2, k.count);
    c.ppl = std::exp(lp.first);
    c.pplUnc = c.ppl * lp.second;
    const double cov = covariance(k.nll, k.nllBase, k.nllNllBase, k.count);
    c.lnRatio = lp.first - lb.first;
    c.lnRatioUnc = std::sqrt(lp.second * lp.second + lb.second * lb.second - 2.0 * cov);
    std::tie(c.kld, c.kldUnc) = meanAndUnc(k.kld, k.kld2, k.count);
    const auto mse = meanAndUnc(k.pDiff2, k.pDiff4, k.count);
    c.rmsDp = std::sqrt(mse.first);
    c.rmsDpUnc = 0.5 / c.rmsDp * mse.second;
    c.sameTop = double(k.sameTop) / double(k.count);
    c.sameTopUnc = std::sqrt(c.sameTop * (1 - c.sameTop) / double(k.count - 1));
    return c;
}

void finishResult(const Sums& k, std::vector<float>& kl, std::vector<float>& dp, KldResult& r)
{
    r.count = k.count;
    const KldChunkLine c = chunkLine(k);
    const auto lp = meanAndUnc(k.nll, k.nll2, k.count), lb = meanAndUnc(k.nllBase, k.nllBase2, k.count);
    const double cov = covariance(k.nll, k.nllBase, k.nllNllBase, k.count);
    r.pplQ = c.ppl, r.pplQUnc = c.pplUnc;
    r.pplBase = std::exp(lb.first), r.pplBaseUnc = r.pplBase * lb.second;
    r.corLnPpl = cov / (lp.second * lb.second);
    r.lnPplRatio = c.lnRatio, r.lnPplRatioUnc = c.lnRatioUnc;
    r.pplRatio = std::exp(c.lnRatio), r.pplRatioUnc = r.pplRatio * c.lnRatioUnc;
    r.pplDiff = r.pplQ - r.pplBase;
    r.pplDiffUnc = std::sqrt(r.pplQUnc * r.pplQUnc + r.pplBaseUnc * r.pplBaseUnc - 2.0 * r.pplQ * r.pplBase * cov);
    r.kldMean = c.kld, r.kldUnc = c.kldUnc, r.rmsDp = c.rmsDp, r.rmsDpUnc = c.rmsDpUnc;
    r.sameTop = c.sameTop, r.sameTopUnc = c.sameTopUnc;
    std::tie(r.dpMean, r.dpUnc) = meanAndUnc(k.pDiff, k.pDiff2, k.count);
    if (kl.empty())
        return;
    std::sort(kl.begin(), kl.end());
    std::sort(dp.begin(), dp.end());
    r.kldMax = kl.back(), r.kldMin = kl.front(), r.kldMedian = median(kl);
    r.kld999 = percentile(kl, 0.999f), r.kld99 = percentile(kl, 0.990f), r.kld95 = percentile(kl, 0.950f);
    r.kld90 = percentile(kl, 0.900f), r.kld10 = percentile(kl, 0.100f), r.kld5 = percentile(kl, 0.050f);
    r.kld1 = percentile(kl, 0.010f);
    r.dpMax = dp.back(), r.dpMin = dp.front(), r.dpMedian = median(dp);
    r.dp999 = percentile(dp, 0.999f), r.dp99 = percentile(dp, 0.990f), r.dp95 = percentile(dp, 0.950f);
    r.dp90 = percentile(dp, 0.900f), r.dp75 = percentile(dp, 0.750f), r.dp25 = percentile(dp, 0.250f);
    r.dp10 = percentile(dp, 0.100f), r.dp5 = percentile(dp, 0.050f), r.dp1 = percentile(dp, 0.010f);
    r.dp01 = percentile(dp, 0.001f);
}

} // namespace

namespace {

// Scores one chunk (its logits rows from position n_ctx/2 on) against its base records; appends the
// per-token KLD and Δp values and adds the sums, split over threads in a fixed order.
void scoreChunk(const float* rows, const uint16_t* records, const int32_t* target, int64_t scored, int64_t nVocab,
                int threads, Sums& total, std::vector<float>& klValues, std::vector<float>& dpValues)
{
    const int64_t width = kldRecordWidth(nVocab);
    const size_t offset = klValues.size();
    klValues.resize(offset + static_cast<size_t>(scored));
    dpValues.resize(klValues.size());
    std::vector<Sums> parts(static_cast<size_t>(threads));
    parallelFor(threads, threads, [&](int64_t pb, int64_t pe) {
        for (int64_t p = pb; p < pe; ++p)
            for (int64_t j = scored * p / threads; j < scored * (p + 1) / threads; ++j)
                std::tie(klValues[offset + size_t(j)], dpValues[offset + size_t(j)]) =
                    scoreToken(rows + j * nVocab, nVocab, records + j * width, target[j], parts[size_t(p)]);
    });
    for (const Sums& part : parts)
        total.add(part);
}

/// Compares each chunk's logits with its base records as they arrive.
class KldSink final : public LogitSink {
public:
    KldSink(KldBaseReader& base, int threads, const KldOptions& options)
        : m_base(base), m_acc(base.header().nCtx, base.header().nVocab, threads), m_options(options)
    {
    }

    void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) override
    {
        const KldBaseHeader& h = m_base.header();
        const int64_t nCtx = h.nCtx, first = nCtx / 2;
        for (int64_t s = 0; s < nSeq; ++s) {
            m_base.readChunk(m_records);
            const KldChunkLine& line = m_acc.addChunk(logits.data() + s * (nCtx - first) * h.nVocab, m_records.data(),
                                                      h.tokens.data() + (firstSeq + s) * nCtx + first + 1);
            if (m_options.onChunk)
                m_options.onChunk(firstSeq + s + 1, line);
        }
    }
    uint64_t memoryBytes() const override
    {
        const KldBaseHeader& h = m_base.header();
        const uint64_t scored = uint64_t(kldScoredPerChunk(h.nCtx));
        return scored * uint64_t(kldRecordWidth(h.nVocab)) * 2 + KldAccumulator::bytesPerChunk(h.nCtx) * uint64_t(h.nChunk);
    }
    KldResult finish() { return m_acc.finish(); }

private:
    KldBaseReader& m_base;
    KldAccumulator m_acc;
    const KldOptions& m_options;
    std::vector<uint16_t> m_records;
};

} // namespace

struct KldAccumulator::Impl {
    int64_t nCtx, nVocab;
    int threads;
    Sums total;
    std::vector<float> klValues, dpValues;
    std::vector<KldChunkLine> chunks;
};

KldAccumulator::KldAccumulator(int64_t nCtx, int64_t nVocab, int threads)
    : m_impl(std::make_unique<Impl>(Impl{nCtx, nVocab, std::max(1, threads), {}, {}, {}, {}}))
{
}

KldAccumulator::~KldAccumulator() = default;

const KldChunkLine& KldAccumulator::addChunk(const float* logits, const uint16_t* records, const int32_t* targets)
{
    Impl& d = *m_impl;
    scoreChunk(logits, records, targets, kldScoredPerChunk(d.nCtx), d.nVocab, d.threads, d.total, d.klValues,
               d.dpValues);
    d.chunks.push_back(chunkLine(d.total));
    return d.chunks.back();
}

uint64_t KldAccumulator::bytesPerChunk(int64_t nCtx) { return uint64_t(kldScoredPerChunk(nCtx)) * 2 * sizeof(float); }

KldResult KldAccumulator::finish()
{
    Impl& d = *m_impl;
    KldResult r;
    r.nCtx = d.nCtx;
    r.nChunk = int64_t(d.chunks.size());
    r.chunks = d.chunks;
    finishResult(d.total, d.klValues, d.dpValues, r);
    return r;
}

KldResult computeKld(LlamaForward& forward, KldBaseReader& base, const KldOptions& options, const ProgressFn& progress)
{
    const KldBaseHeader& h = base.header();
    const int64_t nVocab = forward.config().nVocab;
    if (h.nVocab != nVocab)
        throw Error(ErrorCode::Mismatch, "inconsistent vocabulary (" + std::to_string(h.nVocab) + " in the base file vs "
                                             + std::to_string(nVocab) + ")");
    const int64_t nCtx = h.nCtx;
    const int64_t nChunk = options.maxChunks < 0 ? h.nChunk : std::min(options.maxChunks, h.nChunk);
    KldSink sink(base, resolveThreadCount(forward.options().threads), options);
    const std::vector<int32_t> tokens = chunkTokens(h.tokens, nCtx, nChunk, options.bosToken);
    const StreamLayout layout = perplexityLayout(nCtx, options.batchTokens, nVocab);
    if (options.run)
        options.run(tokens, layout, sink, progress);
    else
        forward.run(tokens, layout, sink, progress);
    return sink.finish();
}

} // namespace qx

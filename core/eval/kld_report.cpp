// Text of llama-perplexity's --kl-divergence output, line for line (printf formats copied from its output).
#include "eval/kld.h"

#include <cstdarg>
#include <cstdio>

namespace qx {
namespace {

void appendf(std::string& out, const char* format, ...)
{
    char line[256];
    va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof(line), format, args);
    va_end(args);
    out += line;
}

} // namespace

std::string formatKldChunkHeader()
{
    return "chunk             PPL               ln(PPL(Q)/PPL(base))          KL Divergence              "
           "Δp RMS            Same top p\n";
}

std::string formatKldChunkLine(int64_t chunk, const KldChunkLine& c)
{
    std::string out;
    appendf(out, "%4d", int(chunk));
    appendf(out, "    %9.4lf ± %9.4lf", c.ppl, c.pplUnc);
    appendf(out, "    %10.5lf ± %10.5lf", c.lnRatio, c.lnRatioUnc);
    appendf(out, "    %10.5lf ± %10.5lf", c.kld, c.kldUnc);
    appendf(out, "    %6.3lf ± %6.3lf %%", 100.0 * c.rmsDp, 100.0 * c.rmsDpUnc);
    appendf(out, "    %6.3lf ± %6.3lf %%\n", 100.0 * c.sameTop, 100.0 * c.sameTopUnc);
    return out;
}

std::string formatKldChunkTable(const KldResult& r)
{
    std::string out = formatKldChunkHeader();
    for (size_t i = 0; i < r.chunks.size(); ++i)
        out += formatKldChunkLine(int64_t(i + 1), r.chunks[i]);
    return out;
}

std::string formatKldReport(const KldResult& r)
{
    std::string o;
    if (r.count < 100)
        return o;
    o += "====== Perplexity statistics ======\n";
    appendf(o, "Mean PPL(Q)                   : %10.6lf ± %10.6lf\n", r.pplQ, r.pplQUnc);
    appendf(o, "Mean PPL(base)                : %10.6lf ± %10.6lf\n", r.pplBase, r.pplBaseUnc);
    appendf(o, "Cor(ln(PPL(Q)), ln(PPL(base))): %6.2lf%%\n", 100.0 * r.corLnPpl);
    appendf(o, "Mean ln(PPL(Q)/PPL(base))     : %10.6lf ± %10.6lf\n", r.lnPplRatio, r.lnPplRatioUnc);
    appendf(o, "Mean PPL(Q)/PPL(base)         : %10.6lf ± %10.6lf\n", r.pplRatio, r.pplRatioUnc);
    appendf(o, "Mean PPL(Q)-PPL(base)         : %10.6lf ± %10.6lf\n", r.pplDiff, r.pplDiffUnc);
    o += "\n====== KL divergence statistics ======\n";
    appendf(o, "Mean    KLD: %10.6lf ± %10.6lf\n", r.kldMean, r.kldUnc);
    appendf(o, "Maximum KLD: %10.6f\n", double(r.kldMax));
    appendf(o, "99.9%%   KLD: %10.6f\n", double(r.kld999));
    appendf(o, "99.0%%   KLD: %10.6f\n", double(r.kld99));
    appendf(o, "99.0%%   KLD: %10.6f\n", double(r.kld99)); // llama.cpp b4748 prints the 99% line twice
    appendf(o, "Median  KLD: %10.6f\n", double(r.kldMedian));
    appendf(o, "10.0%%   KLD: %10.6f\n", double(r.kld10));
    appendf(o, " 5.0%%   KLD: %10.6f\n", double(r.kld5));
    appendf(o, " 1.0%%   KLD: %10.6f\n", double(r.kld1));
    appendf(o, "Minimum KLD: %10.6f\n", double(r.kldMin));
    o += "\n====== Token probability statistics ======\n";
    appendf(o, "Mean    Δp: %6.3lf ± %5.3lf %%\n", 100.0 * r.dpMean, 100.0 * r.dpUnc);
    const std::pair<const char*, float> rows[] = {
        {"Maximum Δp", r.dpMax}, {"99.9%   Δp", r.dp999}, {"99.0%   Δp", r.dp99}, {"95.0%   Δp", r.dp95},
        {"90.0%   Δp", r.dp90},  {"75.0%   Δp", r.dp75},  {"Median  Δp", r.dpMedian}, {"25.0%   Δp", r.dp25},
        {"10.0%   Δp", r.dp10},  {" 5.0%   Δp", r.dp5},   {" 1.0%   Δp", r.dp1},  {" 0.1%   Δp", r.dp01},
        {"Minimum Δp", r.dpMin}};
    for (const auto& [label, value] : rows)
        appendf(o, "%s: %6.3lf%%\n", label, 100.0 * double(value));
    appendf(o, "RMS Δp    : %6.3lf ± %5.3lf %%\n", 100.0 * r.rmsDp, 100.0 * r.rmsDpUnc);
    appendf(o, "Same top p: %6.3lf ± %5.3lf %%\n", 100.0 * r.sameTop, 100.0 * r.sameTopUnc);
    return o;
}

} // namespace qx

#include "stats/histogram.h"

#include "common/error.h"

#include <algorithm>
#include <numeric>

namespace qx {

Histogram Histogram::make(double lo, double hi, int bins)
{
    if (bins <= 0 || !(hi >= lo))
        throw Error(ErrorCode::InvalidArgument, "Histogram: needs bins > 0 and hi >= lo");
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.assign(static_cast<size_t>(bins), 0);
    return h;
}

int Histogram::binOf(double v) const
{
    const int bins = static_cast<int>(counts.size());
    if (hi <= lo)
        return 0;
    const int i = static_cast<int>((v - lo) / (hi - lo) * bins);
    return std::clamp(i, 0, bins - 1);
}

void Histogram::add(double v)
{
    if (v < lo)
        ++below;
    else if (v > hi)
        ++above;
    else
        ++counts[static_cast<size_t>(binOf(v))];
}

void Histogram::merge(const Histogram& other)
{
    if (other.counts.size() != counts.size() || other.lo != lo || other.hi != hi)
        throw Error(ErrorCode::Mismatch, "Histogram::merge: ranges or bin counts differ");
    for (size_t i = 0; i < counts.size(); ++i)
        counts[i] += other.counts[i];
    below += other.below;
    above += other.above;
}

double Histogram::binWidth() const
{
    return counts.empty() ? 0.0 : (hi - lo) / static_cast<double>(counts.size());
}

double Histogram::binLo(int i) const { return lo + binWidth() * i; }

uint64_t Histogram::total() const
{
    return std::accumulate(counts.begin(), counts.end(), uint64_t{0}) + below + above;
}

} // namespace qx

#include "eval/imatrix_export.h"

namespace qx {

ImatrixFile toImatrixFile(const ImatrixCollector& collector, const std::string& dataset)
{
    ImatrixFile file;
    for (auto& s : collector.stats())
        file.entries.push_back({s.name, s.ncall, std::move(s.values)});
    file.hasTrailer = true;
    file.lastChunk = collector.lastCall();
    file.dataset = dataset;
    return file;
}

} // namespace qx

#include "model/stream_memory.h"

#include "common/error.h"
#include "model/attention_kernels.h"
#include "model/llama_forward.h"
#include "common/parallel_for.h"
#include "model/weight_source.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <utility>
#include <cstdio>
#include <fstream>

namespace qx {
namespace {

// Program, libraries and oneDNN's own scratchpads beyond what the process already holds.
constexpr uint64_t kRuntimeReserve = uint64_t{96} << 20;

uint64_t floats(int64_t a, int64_t b) { return uint64_t(a) * uint64_t(b) * sizeof(float); }

uint64_t tensorBytes(const WeightSource& s, const std::string& name)
{
    return s.workingBytes(name) + s.fileBytes(name);
}

uint64_t largestBlock(const WeightSource& s, const ForwardOptions& o)
{
    const LlamaConfig& c = s.config();
    uint64_t best = 0;
    for (int64_t layer = 0; layer < c.nLayer; ++layer) {
        uint64_t block = 0;
        for (const LlamaTensorSpec& t : llamaBlockTensors(c, layer)) {
            block += tensorBytes(s, t.name);
            const WeightView v = s.shape(t.name);
            const uint64_t values = uint64_t(v.rows) * uint64_t(v.cols);
            if (o.activationQuant != ActivationQuant::None)
                block += values + uint64_t(v.rows) * sizeof(float); // int8 codes and steps
            if (o.bf16Compute)
                block += 2 * values;
        }
        best = std::max(best, block);
    }
    return best + s.loadOverheadBytes();
}

uint64_t subBatchScratch(const LlamaConfig& c, const ForwardOptions& o, const StreamLayout& l, int64_t sequences,
                         int threads)
{
    const int64_t rows = std::min(l.batchSequences, sequences) * l.seqLen, T = l.seqLen;
    const int64_t widest = std::max({c.nEmbd, c.qDim(), c.nFf});
    uint64_t bytes = floats(rows, 2 * c.nEmbd + 2 * c.qDim() + 2 * c.kvDim() + 2 * c.nFf);
    bytes += floats(rows, widest) * (o.emulateActivationQuantization ? 2 : 1); // transform (and rounding) copies
    if (o.activationQuant != ActivationQuant::None || o.bf16Compute)
        bytes += uint64_t(rows) * uint64_t(widest) * 2 + uint64_t(rows) * sizeof(float);
    const int64_t ldk = (T + 15) / 16 * 16;
    bytes += floats(c.nHeadKv * c.headDim, ldk + T);                                 // packed keys, values
    bytes += uint64_t(threads) * floats(detail::kQueryTile, c.headDim + 2 * ldk);   // per-thread tiles
    bytes += floats(T, c.nRot);                                                      // rope table
    return bytes + kRuntimeReserve;
}

uint64_t headBytes(const WeightSource& s, const StreamLayout& l, int64_t sequences)
{
    const LlamaConfig& c = s.config();
    const std::string head = s.shape("output.weight").rows > 0 ? "output.weight" : "token_embd.weight";
    const int64_t rows = std::min(l.headSequences, sequences) * (l.seqLen - l.firstOutput);
    return tensorBytes(s, head) + tensorBytes(s, "output_norm.weight") + floats(rows, c.nVocab)
           + 2 * floats(rows, c.nEmbd);
}

std::string gb(uint64_t bytes) { return formatMemory(bytes); }

} // namespace

uint64_t physicalMemoryBytes()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? uint64_t(pages) * uint64_t(page) : 0;
}

uint64_t residentMemoryBytes()
{
    std::ifstream statm("/proc/self/statm");
    uint64_t size = 0, resident = 0;
    if (!(statm >> size >> resident))
        return 0;
    return resident * uint64_t(::sysconf(_SC_PAGESIZE));
}

uint64_t defaultMemoryBudget() { return physicalMemoryBytes() / 4 * 3; }

std::string formatMemory(uint64_t bytes)
{
    char text[32];
    if (bytes >= 1000000000ull)
        std::snprintf(text, sizeof(text), "%.2f GB", double(bytes) / 1e9);
    else
        std::snprintf(text, sizeof(text), "%.0f MB", double(bytes) / 1e6);
    return text;
}

std::optional<uint64_t> parseByteSize(std::string_view text)
{
    std::string s(text);
    size_t used = 0;
    double value = 0;
    try {
        value = std::stod(s, &used);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::string unit = s.substr(used);
    for (char& ch : unit)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    static const std::pair<const char*, double> kUnits[] = {
        {"", 1}, {"B", 1}, {"K", 1e3}, {"KB", 1e3}, {"M", 1e6}, {"MB", 1e6}, {"G", 1e9}, {"GB", 1e9}, {"T", 1e12},
        {"TB", 1e12}, {"KIB", 1024.0}, {"MIB", 1048576.0}, {"GIB", 1073741824.0}, {"TIB", 1099511627776.0}};
    for (const auto& [name, factor] : kUnits)
        if (unit == name) {
            const double bytes = value * factor;
            if (!(bytes >= 1.0) || bytes > 1e18)
                return std::nullopt;
            return static_cast<uint64_t>(bytes);
        }
    return std::nullopt;
}

StreamMemory estimateStreamMemory(const WeightSource& source, const ForwardOptions& options,
                                  const StreamLayout& layout, int64_t tokenCount, bool spill, uint64_t sinkBytes)
{
    const LlamaConfig& c = source.config();
    StreamMemory m;
    m.process = residentMemoryBytes();
    m.blockWeights = largestBlock(source, options);
    const uint64_t stream = floats(tokenCount, c.nEmbd);
    m.activations = spill ? floats(layout.batchSequences * layout.seqLen, c.nEmbd) : stream;
    m.spillBytes = spill ? stream : 0;
    const int64_t sequences = tokenCount / std::max<int64_t>(layout.seqLen, 1);
    m.scratch = subBatchScratch(c, options, layout, sequences, resolveThreadCount(options.threads));
    m.head = headBytes(source, layout, sequences) + kRuntimeReserve;
    m.sink = sinkBytes;
    return m;
}

void checkMemoryBudget(const StreamMemory& need, uint64_t budget)
{
    if (need.peak() <= budget)
        return;
    std::string text = "the evaluation needs about " + gb(need.peak()) + " of memory, more than its budget of "
                       + gb(budget) + " (this process " + gb(need.process) + ", one block's weights "
                       + gb(need.blockWeights) + ", activations " + gb(need.activations) + ", one sub-batch "
                       + gb(need.scratch) + ", output head " + gb(need.head) + ", results " + gb(need.sink)
                       + "). ";
    if (need.head + need.sink > need.blockWeights + need.scratch)
        text += "Lower the batch size (fewer sequences per output-head pass) or the context";
    else
        text += "Lower the context, the batch size (sequences per sub-batch) or the number of chunks";
    text += ", or raise the memory budget (--mem-budget).";
    throw Error(ErrorCode::OverBudget, text);
}

double estimateStreamSeconds(const WeightSource& source, const StreamLayout& layout, int64_t tokenCount,
                             double gflops)
{
    const LlamaConfig& c = source.config();
    double params = 0, decoded = 0;
    for (const std::string& name : source.tensorNames()) {
        if (name.rfind("blk.", 0) != 0)
            continue;
        const WeightView v = source.shape(name);
        params += double(v.rows) * double(v.cols);
        decoded += double(source.workingBytes(name));
    }
    const double seqs = double(tokenCount) / double(layout.seqLen), T = double(layout.seqLen);
    const double attention = double(c.nLayer) * seqs * 2.0 * double(c.nHead) * double(c.headDim) * T * T;
    const double head = 2.0 * seqs * double(layout.seqLen - layout.firstOutput) * double(c.nVocab) * double(c.nEmbd);
    const double flops = 2.0 * double(tokenCount) * params + attention + head;
    constexpr double kDecodeBytesPerSecond = 4e9; // F32 written by the dequantizers, all threads
    return flops / (std::max(gflops, 1.0) * 1e9) + decoded / kDecodeBytesPerSecond;
}

} // namespace qx

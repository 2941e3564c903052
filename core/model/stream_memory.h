#pragma once
// Memory (and time) a streamed evaluation needs, predicted before anything big is allocated, and the
// budget it must fit. The prediction follows the engine's phases: while the blocks run, one block's working
// matrices (+ the file pages read for them) + the residual stream + one sub-batch's scratch; then the head's
// working matrix + one group's logits + the sink. The largest phase, plus the process as it is, is the peak.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qx {

class WeightSource;
struct ForwardOptions;

/// How a streamed run cuts its tokens.
struct StreamLayout {
    int64_t seqLen = 0;          ///< tokens per sequence (a chunk), positions 0..seqLen-1
    int64_t firstOutput = 0;     ///< logits are made for positions [firstOutput, seqLen) of every sequence
    int64_t batchSequences = 1;  ///< sequences per sub-batch through the blocks (and per activation-hook call)
    int64_t headSequences = 1;   ///< sequences whose logits are made (and handed to the sink) at once
    bool operator==(const StreamLayout&) const = default;
};

struct StreamMemory {
    uint64_t process = 0;        ///< resident memory of the process before the run
    uint64_t blockWeights = 0;   ///< the largest block's working matrices and file pages
    uint64_t activations = 0;    ///< the residual stream of every token in flight (resident part)
    uint64_t spillBytes = 0;     ///< the same on disk, when spilled
    uint64_t scratch = 0;        ///< one sub-batch's buffers (Q, K, V, attention, FFN, copies) + oneDNN
    uint64_t head = 0;           ///< output norm and head: working matrix, file pages, one group's logits
    uint64_t sink = 0;           ///< what the logit sink holds
    uint64_t blocksPhase() const { return process + blockWeights + activations + scratch; }
    uint64_t headPhase() const { return process + activations + head + sink; }
    uint64_t peak() const { return blocksPhase() > headPhase() ? blocksPhase() : headPhase(); }
    bool spilled() const { return spillBytes > 0; }
};

/// Physical memory of the machine (bytes).
uint64_t physicalMemoryBytes();
/// Resident memory of this process now (bytes).
uint64_t residentMemoryBytes();
/// The default budget: three quarters of physical memory.
uint64_t defaultMemoryBudget();
/// "3.42 GB" (decimal gigabytes, or MB below one GB).
std::string formatMemory(uint64_t bytes);
/// "6G", "4.5GB", "800M", "512MiB", "2T", or plain bytes; K/M/G/T are decimal, KiB/MiB/GiB/TiB binary.
/// Nothing for text that is not a positive size.
std::optional<uint64_t> parseByteSize(std::string_view text);

/// Predicts run()'s memory for `tokenCount` tokens cut as `layout` (activations in memory, or spilled
/// when `spill`).
StreamMemory estimateStreamMemory(const WeightSource& source, const ForwardOptions& options,
                                  const StreamLayout& layout, int64_t tokenCount, bool spill, uint64_t sinkBytes);

/// Throws Error(OverBudget) when `need` exceeds `budget`, saying what is needed, where it goes and what to
/// lower (context, chunks, batch; or a larger budget).
void checkMemoryBudget(const StreamMemory& need, uint64_t budget);

/// Rough wall seconds of a run: matmul and attention work at the rate `gflops` measured on this machine,
/// plus decoding the weights.
double estimateStreamSeconds(const WeightSource& source, const StreamLayout& layout, int64_t tokenCount,
                             double gflops);

} // namespace qx

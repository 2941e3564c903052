#pragma once
// Importance matrices as llama-imatrix (b4748) collects them: for every linear layer whose weight is
// named blk.* (and output.weight when asked), each call with at least 16 activation rows adds x[j]² of every
// row to a per-column float sum and counts the rows; one call per evaluated chunk. The stored value of a
// column is sum / count · ncall (llama-imatrix's .dat convention: mean squared activation times ncall).
//
// Attach hook() to a LlamaForward, then run computeImatrix() (llama-imatrix's chunk loop) or any forward.

#include "common/progress.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct ImatrixStats {
    std::string name;             ///< weight name, e.g. "blk.0.ffn_down.weight"
    int ncall = 0;                ///< calls (chunks) accumulated
    std::vector<float> values;    ///< stored values: mean x² per input column × ncall
};

class ImatrixCollector {
public:
    explicit ImatrixCollector(bool processOutput = false) : m_processOutput(processOutput) {}

    /// A hook feeding this collector; the collector must outlive the forward pass using it.
    ActivationHook hook();
    /// Adds one call's activations (`rows` rows of `cols` floats) for `weightName`.
    /// Throws Error(Mismatch) when the column count differs from earlier calls.
    void collect(const std::string& weightName, const float* x, int64_t rows, int64_t cols);

    /// Every entry with complete data, sorted by name.
    std::vector<ImatrixStats> stats() const;
    /// Largest ncall over all entries (llama-imatrix's last_chunk).
    int lastCall() const;

private:
    struct Accumulator {
        std::vector<float> sums;
        std::vector<int64_t> counts;
        int ncall = 0;
    };
    bool m_processOutput;
    mutable std::mutex m_mutex;
    std::map<std::string, Accumulator> m_acc;
};

/// llama-imatrix's evaluation: chunks of nCtx tokens (first token replaced by `bos` when set), at most
/// maxChunks (< 0: all), streamed block by block with one chunk per sub-batch, so the hook sees one call
/// per chunk and weight. The forward's hook must feed the collector.
/// Throws Error(InvalidArgument) when there are fewer than 2·nCtx tokens, Error(Cancelled) on cancel.
void computeImatrix(LlamaForward& forward, std::span<const int32_t> tokens, int64_t nCtx, int64_t maxChunks,
                    std::optional<int32_t> bos, const ProgressFn& progress = {});

} // namespace qx

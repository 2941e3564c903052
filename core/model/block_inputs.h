#pragma once
// The input of every block of one streamed run — the embedded tokens, block 0's output, …, the last block's
// output (the head's input) — kept so that a run whose weights differ only from block k on can resume at
// block k instead of starting over (measured sensitivity, incremental re-evaluation). One copy of the
// residual stream per block: (nLayer + 1) · tokens · nEmbd · 4 bytes, in memory or spilled to the scratch
// folder (the same files as ActivationStore: unlinked, gone with the object).

#include "common/progress.h"
#include "model/activation_store.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qx {

class BlockInputs {
public:
    /// Embeds `tokens` with `forward`'s weights and runs every block, keeping each block's input (and the
    /// head's). With `spill` the copies live in forward.options().scratchDir (the system's temporary folder
    /// when empty). Progress over the blocks; Error(Cancelled) when it returns false.
    BlockInputs(LlamaForward& forward, std::span<const int32_t> tokens, const StreamLayout& layout, bool spill,
                const ProgressFn& progress = {});

    /// Number of blocks; input(nLayer) is the head's input.
    int64_t layerCount() const { return int64_t(m_inputs.size()) - 1; }
    /// A working copy of the input of block `layer` (0..layerCount()), spilled to `spillDir` when not empty.
    ActivationStore copy(int64_t layer, const std::string& spillDir = {});
    /// Bytes of all the stored inputs.
    uint64_t bytes() const;
    /// Bytes (nLayer + 1) inputs of `tokenCount` tokens take.
    static uint64_t bytesFor(const LlamaConfig& config, int64_t tokenCount);

private:
    std::vector<ActivationStore> m_inputs;
};

/// Copies every row of `from` into a new store (spilled to `spillDir` when not empty), releasing ranges of
/// both as it goes so a spilled copy never makes either resident.
ActivationStore copyActivations(ActivationStore& from, const std::string& spillDir = {});

} // namespace qx

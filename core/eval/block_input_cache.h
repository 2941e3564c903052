#pragma once
// Incremental re-evaluation: the input of every block (the residual stream of all evaluated tokens at the
// block's entry) of the last plan evaluated, so that a plan whose weights differ only from block k on runs
// blocks k..N-1 and the head, starting from a copy of the stored input of block k. A stored input is valid
// while everything before its block is unchanged: the model object, the tokens and how they are cut, the
// thread count, the token embedding and the weights of every earlier block (RunSignature). The result is
// bit for bit a full run's: the same kernels run on the same bytes in the same order.
//
// Storage: in memory when all the inputs fit memoryBytes, else as unlinked files in scratchDir (gone with
// the cache, dropped as soon as a run supersedes them) within diskBytes and the folder's free space; when
// not every input fits, the head's input and evenly spaced blocks are kept. Thread-safe: one run at a
// time uses the cache; a run that finds it busy runs in full without it.

#include "common/progress.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "quant/imatrix_file.h"
#include "quant/packed_tensor.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

/// Fingerprints of what each block's input depends on.
struct RunSignature {
    uint64_t context = 0;          ///< tokens, their layout, the options: what every block depends on
    std::vector<uint64_t> inputs;  ///< inputs[l]: what block l's input depends on; inputs[nLayer]: the head's
    bool operator==(const RunSignature&) const = default;
};

/// Where a run stands: block `block` of `blockCount` runs (block == blockCount: the head); blocks before
/// `resumeBlock` were reused from the stored inputs.
struct BlockProgress {
    int64_t resumeBlock = 0, block = 0, blockCount = 0;
    bool operator==(const BlockProgress&) const = default;
};
using BlockProgressFn = std::function<void(const BlockProgress&)>;

struct BlockInputCacheOptions {
    std::string scratchDir;                       ///< where inputs spill; "" = the system's temporary folder
    uint64_t memoryBytes = uint64_t{256} << 20;   ///< every input in memory when they take at most this
    uint64_t diskBytes = uint64_t{8} << 30;       ///< spilled inputs take at most this (and the free space)
};

/// The signature of a plan's run on a model of `nLayer` blocks: `context` fingerprints the tokens and options; each block's weights are
/// its plan entries' types with their schemes, calibrated values and importance data. The token embedding
/// (and any tensor outside the blocks and the head) changes every input; the output norm and head none.
RunSignature planRunSignature(int64_t nLayer, const Plan& plan, uint64_t context,
                              const ImatrixFile* imatrix = nullptr,
                              const std::map<std::string, std::vector<float>>* substitutions = nullptr,
                              const SchemeChoices* schemes = nullptr, const PackedTensors* packed = nullptr);

/// A 64-bit FNV-style hash of bytes (eight at a time), continuing from `seed`.
uint64_t fingerprint(const void* data, size_t bytes, uint64_t seed = 1469598103934665603ull);

class BlockInputCache {
public:
    explicit BlockInputCache(BlockInputCacheOptions options = {});
    ~BlockInputCache();
    BlockInputCache(const BlockInputCache&) = delete;
    BlockInputCache& operator=(const BlockInputCache&) = delete;

    /// Runs `forward` (weights of `model`) on `tokens` as LlamaForward::run does, from the latest stored
    /// input `signature` still validates, and keeps this run's inputs. Returns the first block run
    /// (nLayer when only the head ran). Error(InvalidArgument) for a signature of the wrong length; the
    /// engine's errors; Error(Cancelled) when `progress` returns false (the inputs stored so far stay).
    int64_t run(const std::shared_ptr<const ModelFile>& model, LlamaForward& forward,
                std::span<const int32_t> tokens, const StreamLayout& layout, const RunSignature& signature,
                LogitSink& sink, const ProgressFn& progress = {}, const BlockProgressFn& onBlock = {});

    struct Usage {
        int64_t inputs = 0;                     ///< stored block inputs
        uint64_t memoryBytes = 0, diskBytes = 0;
        bool operator==(const Usage&) const = default;
    };
    Usage usage() const;
    /// Forgets every stored input (and removes its file).
    void clear();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace qx

#pragma once
// The forward pass of a Llama-family decoder over whole sequences (prompt processing, no KV cache reuse):
// token embedding, per block RMSNorm → Q/K/V (+ qwen2 bias) → RoPE → causal GQA attention → output
// projection → residual → RMSNorm → SwiGLU FFN → residual; final RMSNorm and the output head.
//
// It streams the model block by block over every token in flight: all sequences are embedded, then go
// through block 0's attention stage (sub-batch by sub-batch: batchSequences sequences per matmul,
// attention per sequence), its feed-forward stage, block 1, … Each stage's weights come from a
// WeightSource just before use and are released right after, so peak memory is one block's working
// matrices + the residual stream of the tokens in flight (spilled to a scratch file when it exceeds the
// memory budget) + the output head's working set — independent of depth. The output norm and head then run
// in groups of headSequences sequences and hand their logits to a LogitSink, which reduces them at once
// (NLL, KLD, base-file records, …): a tokens × vocabulary matrix for the whole text never exists.
//
// Every operation is the same per row whatever the sub-batching, and each sub-batch runs the same kernels
// on the same shapes as a whole-batch pass would, so results are bit for bit those of a pass over one
// sub-batch at a time. The scalar llamaForwardRef() is the naive twin the fast path is tested against.
//
// Threading: a LlamaForward keeps scratch buffers and oneDNN primitives, so use one object per thread; a
// weight source may be shared by many. All parallel work runs on OpenMP's pool (common/parallel_for.h).

#include "common/progress.h"
#include "model/llama_weights.h"
#include "model/stream_memory.h"
#include "model/weight_source.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

class ActivationStore;

/// W8A8 evaluation of the blk.* linear layers (the output head stays F32): int8 weights (one step per output
/// row) times int8 inputs through oneDNN's s8×s8→s32 matmul (model/dnnl_int8_linear.h).
enum class ActivationQuant {
    None,
    DynamicInt8, ///< one step per token (row): max|x| / 127
    StaticInt8,  ///< one step per layer, calibrated beforehand (model/w8a8_calibration.h)
};

/// Static int8 input step (max|x| / 127 over calibration text) of each blk.* linear layer, by weight name.
using Int8InputSteps = std::map<std::string, float>;

struct ForwardOptions {
    int threads = 0;               ///< 0 = every hardware thread; never more than the machine has
    bool emulateF16KvCache = true; ///< round like llama.cpp's default F16 KV cache (see attention.h)
    /// Round each projection's input through its weight's vec_dot_type (quant/activation_rounding.h),
    /// as ggml's CPU matmul does; the weight type is WeightSource::storageType. Off: plain F32 inputs.
    bool emulateActivationQuantization = false;
    ActivationQuant activationQuant = ActivationQuant::None; ///< excludes emulateActivationQuantization
    /// Approximate: F32 projections run as BF16 × BF16 → F32 (model/dnnl_linear.h); +2 bytes per weight.
    bool bf16Compute = false;
    /// StaticInt8: a step for every blk.* linear layer (Error(InvalidArgument) naming a missing one).
    std::shared_ptr<const Int8InputSteps> staticInputSteps;
    /// Memory the evaluation may use, process included (bytes); 0 = defaultMemoryBudget().
    uint64_t memoryBudgetBytes = 0;
    /// Folder for activations that do not fit the budget; empty = the system's temporary folder.
    std::string scratchDir;
    /// A projection costing more multiply-adds than this runs in row slices of about this cost (whole
    /// multiples of 64 rows), with a Cancel check before each: at 7B a feed-forward slice is 320 rows, ~0.1 s.
    /// Smaller slices stop sooner but cost speed (oneDNN packs the weights again in every call).
    double pollSliceMacs = 16e9;
};

/// Receives the input of a linear layer before it is multiplied: the weight's GGUF name and `rows`
/// activation rows of `cols` floats. Called once per weight and sub-batch (attn_q, attn_k and attn_v each
/// get the same rows), in token order for each weight, from the thread running the forward pass.
using ActivationHook = std::function<void(const std::string& weightName, const float* x, int64_t rows, int64_t cols)>;

/// Rewrites a linear layer's input in place before it is multiplied (activation fake quantization). It gets
/// a private copy of the rows, so layers sharing an input (attn_q/k/v) each see the original.
using ActivationTransform = std::function<void(const std::string& weightName, float* x, int64_t rows, int64_t cols)>;

/// Called after every block with the block's index and the residual stream of all tokens (its output).
using BlockHook = std::function<void(int64_t layer, ActivationStore& residual)>;

/// Receives logits as the head makes them, in sequence order: sequences [firstSeq, firstSeq + nSeq), each
/// with (seqLen − firstOutput) rows of nVocab floats.
class LogitSink {
public:
    virtual ~LogitSink() = default;
    virtual void consume(int64_t firstSeq, int64_t nSeq, std::span<const float> logits) = 0;
    /// Bytes the sink holds at most (for the memory prediction).
    virtual uint64_t memoryBytes() const { return 0; }
};

/// Wall seconds spent in each kind of step since construction (or resetTimings), summed over calls.
struct ForwardTimings {
    double linear = 0;      ///< projections and output head (oneDNN matmuls, W8A8 input quantization)
    double attention = 0;   ///< RoPE and causal attention
    double norm = 0;        ///< RMSNorm
    double elementwise = 0; ///< SwiGLU, residual adds, embedding lookup
    double weights = 0;     ///< making weights ready (decoding, plan round trips) and releasing them
    double sink = 0;        ///< reducing logits (LogitSink::consume)
    double total = 0;       ///< whole runs
    bool operator==(const ForwardTimings&) const = default;
};

class LlamaForward {
public:
    /// Streams from `weights`. Throws Error(InvalidArgument) for inconsistent options.
    explicit LlamaForward(std::shared_ptr<const WeightSource> weights, ForwardOptions options = {});
    /// A whole model in memory (ResidentWeights).
    explicit LlamaForward(std::shared_ptr<const LlamaWeights> weights, ForwardOptions options = {});
    ~LlamaForward();
    LlamaForward(const LlamaForward&) = delete;
    LlamaForward& operator=(const LlamaForward&) = delete;

    /// Evaluates `tokens` as independent sequences of layout.seqLen tokens (positions 0..seqLen-1) and hands
    /// the logits of positions [firstOutput, seqLen) of every sequence to `sink`. Predicts the peak memory
    /// first: Error(OverBudget) saying what is needed when it cannot fit, even with spilled activations.
    /// Error(InvalidArgument) for bad sizes or token ids, Error(Invalid) naming the first block whose output
    /// holds a NaN, Error(Cancelled) when `progress` returns false (checked between sub-batches).
    void run(std::span<const int32_t> tokens, const StreamLayout& layout, LogitSink& sink,
             const ProgressFn& progress = {});

    /// The steps of run(), for jobs that stop after block k or resume from a stored block input: the
    /// embedded tokens (the input of block 0), blocks [fromLayer, toLayer) applied in place, the head.
    /// The store spills to options.scratchDir when `spill` is set. embed() asks `progress` (reporting 0)
    /// between slices of tokens, so a Cancel stops a long text's embedding too (Error(Cancelled)).
    ActivationStore embed(std::span<const int32_t> tokens, const StreamLayout& layout, bool spill = false,
                          const ProgressFn& progress = {});
    void runBlocks(ActivationStore& residual, const StreamLayout& layout, int64_t fromLayer, int64_t toLayer,
                   const ProgressFn& progress = {});
    /// runHead() makes the logits of sequences [firstSeq, firstSeq + seqCount) only (seqCount < 0: to the
    /// end), in groups of layout.headSequences counted from firstSeq — for runs that alternate two models.
    void runHead(ActivationStore& residual, const StreamLayout& layout, LogitSink& sink,
                 const ProgressFn& progress = {}, int64_t firstSeq = 0, int64_t seqCount = -1);

    /// run() over one sub-batch holding every sequence; returns the logits, sequence after sequence.
    std::vector<float> forward(std::span<const int32_t> tokens, int64_t seqLen, int64_t firstOutput = 0);

    /// What run() would need for `tokenCount` tokens (the sink's own memory included).
    StreamMemory estimateMemory(int64_t tokenCount, const StreamLayout& layout, uint64_t sinkBytes = 0) const;

    /// Installs (or, with an empty function, removes) the activation hook.
    void setActivationHook(ActivationHook hook);
    /// Installs (or, with an empty function, removes) the activation transform; it runs after the hook.
    void setActivationTransform(ActivationTransform transform);
    /// Installs (or removes) the per-block hook.
    void setBlockHook(BlockHook hook);

    const WeightSource& source() const;
    const LlamaConfig& config() const;
    const ForwardOptions& options() const;
    /// Where the time went (for benchmarks and profiling).
    const ForwardTimings& timings() const;
    void resetTimings();
    /// The memory plan of the last run() (peak predicted, whether activations were spilled).
    const StreamMemory& lastMemory() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Naive scalar forward of one sequence; all seqLen × nVocab logits.
std::vector<float> llamaForwardRef(const LlamaWeights& weights, std::span<const int32_t> tokens,
                                   bool emulateF16KvCache = true);

} // namespace qx

#pragma once
// Calibration of static (per-tensor) int8 activation steps for W8A8 evaluation: the largest |x| each
// blk.* linear layer sees at its input over calibration text, divided by 127 (ActivationQuant::StaticInt8
// then clamps anything beyond it).

#include "common/progress.h"
#include "model/llama_forward.h"

#include <cstdint>
#include <optional>
#include <span>

namespace qx {

/// Runs `forward` over `tokens` cut into sequences of seqLen (each sequence's first token replaced by `bos`
/// when set, as perplexity chunks are) and returns every blk.* linear layer's input step max|x| / 127.
/// The inputs are observed as `forward` computes them (use an ActivationQuant::None forward for plain
/// calibration); its activation hook is replaced and removed afterwards. Throws Error(InvalidArgument)
/// when tokens hold no whole sequence, Error(Cancelled) when `progress` returns false.
Int8InputSteps calibrateInt8InputSteps(LlamaForward& forward, std::span<const int32_t> tokens, int64_t seqLen,
                                       std::optional<int32_t> bos = {}, const ProgressFn& progress = {});

/// The same, first limited to the first `maxSequences` sequences of `tokens` (all when < 0).
Int8InputSteps calibrateInt8InputSteps(LlamaForward& forward, std::span<const int32_t> tokens, int64_t seqLen,
                                       int64_t maxSequences, std::optional<int32_t> bos,
                                       const ProgressFn& progress = {});

} // namespace qx

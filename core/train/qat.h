#pragma once
// Quantization-aware fine-tuning: the forward pass sees every weight matrix (token_embd included, norm
// gains excluded) fake-quantized with a uniform scheme (quant/uniform_quant.h); the gradients with respect
// to those quantized weights update the float "latent" weights unchanged (straight-through estimator).
// The deliverable is fakeQuantParams(latent): the values a quantized file would reconstruct.
#include "common/progress.h"
#include "quant/uniform_quant.h"
#include "train/trainer.h"

#include <span>
#include <vector>

namespace qx {

/// The scheme used for QAT/PTQ comparisons: asymmetric, per group of `group` values, F16 steps, AbsMax.
UniformScheme qatScheme(int bits, int group);

/// Every matrix of `params` quantized and reconstructed with `scheme` (rows of ne[0]); norms copied.
std::vector<float> fakeQuantParams(const TrainShape& shape, std::span<const float> params, const UniformScheme& scheme);

/// Fine-tunes `latent` in place with fake quantization in the forward pass; returns the loss curve.
/// Throws what trainModel throws.
std::vector<double> qatFineTune(const TrainShape& shape, std::vector<float>& latent, std::span<const int32_t> stream,
                                const UniformScheme& scheme, const TrainOptions& options, const StepFn& onStep = {},
                                const ProgressFn& progress = {});

} // namespace qx

#pragma once
// Activation-aware scaling, folded into the RMSNorm that feeds each group of linear layers
// (attn_norm → attn_q/k/v, ffn_norm → ffn_gate/up): W[:, j] ← W[:, j]·s_j and norm_j ← norm_j / s_j leave
// the float model's outputs unchanged while changing what quantization sees.
//
// AWQ also folds ffn_down's scales into the rows of ffn_up, and attn_output's into the rows of attn_v
// (see awqScaleGroups). attn_output's input column (head h, dim d) carries V row (kv head h / g, dim d),
// g = n_head / n_head_kv query heads per KV head (GQA): one V row feeds g columns, so those g columns share
// one scale (ScaleGroup::scaleIndex), the mean of their meanAbs.
// Clipping (AWQ's auto_clip): after scaling, per output row and grid block, the weights are clamped to
// ±r·absmax with r in 1, 0.95, …, 0.55, the r minimizing the block's output error δᵀ H_b δ is kept
// (q/k are not clipped, as in AWQ).
// AWQ (Lin et al. 2023): s = meanAbs(X)^α normalized by sqrt(max·min), α on a grid of `gridPoints` values
// 0, 1/n, …, (n−1)/n; the α minimizing Σ_layers tr(ΔW H ΔWᵀ) of the quantized, unscaled weights is kept.
// SmoothQuant (Xiao et al. 2022): s_j = max|X_j|^α / max|W_j|^(1−α), max|W_j| over the group's weights.

#include "calib/calib_capture.h"
#include "calib/quant_grid.h"
#include "common/progress.h"
#include "model/llama_weights.h"

#include <map>
#include <string>
#include <vector>

namespace qx {

/// Tensors to substitute (GGUF name → F32 values) to build a calibrated model.
using Substitutions = std::map<std::string, std::vector<float>>;

/// A norm and the linear layers reading its output.
struct ScaleGroup {
    std::string norm;                  ///< the tensor the scales fold into (a norm, ffn_up or attn_v)
    std::vector<std::string> weights;
    std::vector<int64_t> scaleIndex;   ///< per input column of `weights`: its scale's index; empty = identity
};

/// A float tensor with its shape (row-major, rows × cols): a copy AWQ reads and folds scales into.
struct FloatTensor {
    std::vector<float> values;
    int64_t rows = 1;
    int64_t cols = 0;
    WeightView view() const { return {values.data(), cols, rows}; }
};
/// Float copies of some tensors by GGUF name (one block's, for awqQuantizeGroups).
using FloatTensors = std::map<std::string, FloatTensor>;

/// attn_norm → q/k/v and ffn_norm → gate/up of every layer.
std::vector<ScaleGroup> normScaleGroups(const LlamaWeights& weights);
/// The same two groups of block `layer`.
std::vector<ScaleGroup> normBlockGroups(int64_t layer);

/// AWQ's order per layer: attn_v → attn_output (V rows carry the scale through attention, shared across
/// the query heads of a KV head), attn_norm → q/k/v (after v's rows were divided), ffn_up → ffn_down (up's
/// output rows carry the scale through the SwiGLU product), ffn_norm → gate/up.
std::vector<ScaleGroup> awqScaleGroups(const LlamaWeights& weights);
/// The four AWQ groups of block `layer`, in awqScaleGroups' order.
std::vector<ScaleGroup> awqBlockGroups(const LlamaConfig& config, int64_t layer);
/// Every tensor the groups read or fold into (norms, the preceding matrices and the weights), once each.
std::vector<std::string> groupTensorNames(const std::vector<ScaleGroup>& groups);

/// The substitutions folding `scales` (one per output of the preceding tensor) into `group`: the preceding
/// tensor divided by s (a norm vector, or the rows of a matrix such as ffn_up) and W·diag(s) (column j
/// scaled by scales[scaleIndex[j]]).
Substitutions foldInputScales(const LlamaWeights& weights, const ScaleGroup& group, std::span<const float> scales);

struct AwqGroupReport {
    std::string norm;
    double alpha = 0.0;
    double lossRtn = 0.0;   ///< Σ tr(ΔW H ΔWᵀ), α = 0 (plain round-to-nearest)
    double lossAwq = 0.0;   ///< the same at the chosen α
    double lossClip = 0.0;  ///< the same after the clipping search
};

struct AwqResult {
    Substitutions tensors;              ///< scaled norms and quantized scaled weights of every group
    Substitutions folded;               ///< the same tensors before quantization (what an export quantizes)
    std::vector<AwqGroupReport> groups;
};

/// Runs AWQ's scale search (and, with `clip`, the clipping search) on every group and quantizes the scaled
/// weights on `grid` (round-to-nearest). Groups follow awqScaleGroups.
/// Groups whose rows a ggml grid does not fit are skipped. Throws Error(Invalid) when a group's layer has
/// no calibration data (Hessian and meanAbs needed).
AwqResult awqQuantize(const LlamaWeights& weights, const CalibData& calib, const QuantGrid& grid,
                      int gridPoints = 20, const ProgressFn& progress = {}, bool clip = true);

/// awqQuantize on the groups of one block: `block` holds a float copy of every tensor groupTensorNames(groups)
/// names and leaves with each group's scales folded into its preceding tensor (as later groups read them).
/// The same result, bit for bit, as awqQuantize gives for these groups; the streamed AWQ runs it per block.
AwqResult awqQuantizeGroups(FloatTensors& block, const std::vector<ScaleGroup>& groups, const CalibData& calib,
                            const QuantGrid& grid, int gridPoints = 20, const ProgressFn& progress = {},
                            bool clip = true);

/// The clipping search on one scaled layer (rows × cols, row-major): returns the clamped float weights.
/// `s` are the input scales already applied (the loss is taken on (w − q)/s against `hessian`).
std::vector<float> awqClip(std::span<const float> scaled, int64_t rows, int64_t cols, const QuantGrid& grid,
                           std::span<const float> s, std::span<const double> hessian);

/// SmoothQuant scales of every group (α migration strength), folded: substitutions for norms and weights
/// (weights stay float; quantize them afterwards). Needs maxAbs from calibration.
Substitutions smoothQuantFold(const LlamaWeights& weights, const CalibData& calib, double alpha = 0.5);
/// smoothQuantFold on the norm groups of one block (normBlockGroups), from float copies of their tensors:
/// the same values, bit for bit. The streamed W8A8 calibration runs it per block.
Substitutions smoothQuantFoldGroups(const FloatTensors& block, const std::vector<ScaleGroup>& groups,
                                    const CalibData& calib, double alpha);

} // namespace qx

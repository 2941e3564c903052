#pragma once
// One calibration run as a value: the request (method, grid, parameters, calibration text and its
// chunking, cache directory) and the result (what is evaluated, what an export quantizes, notes, and for
// the W8A8 methods the activation transform). The CLI (`qexplore-cli quantize`) and the GUI's Calibrate
// box both go through these functions, so the two cannot drift apart.
//
// captureCached() is the capture with its two caches: an optional in-memory CalibCache (the GUI keeps one
// per session) and the disk cache of calib_cache.h (skipped when the request's cacheDir is empty).
// runCalibration() is pure: it reads the weights and the captured statistics and returns a CalibResult,
// or throws qx::Error and leaves nothing behind (bad method or grid, no captured inputs, NaN, cancel).

#include "calib/awq.h"
#include "calib/calib_cache.h"
#include "calib/calib_capture.h"
#include "calib/int8_matmul.h"
#include "calib/quant_grid.h"
#include "common/progress.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "plan/plan.h"
#include "quant/packed_tensor.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace qx {

struct CalibRequest {
    std::string method = "rtn";    ///< rtn|imatrix|gptq|gptq-act|awq|awq-noclip|smoothquant|llmint8
    std::string grid = "int4-g32"; ///< parseGrid spelling; the W8A8 methods ignore it
    double dampPercent = 1.0;      ///< GPTQ: % of the mean Hessian diagonal
    bool actOrder = false;         ///< GPTQ (gptq-act implies it)
    bool noClip = false;           ///< AWQ (awq-noclip implies it)
    double alpha = 0.5;            ///< SmoothQuant migration strength
    float threshold = 6.0f;        ///< LLM.int8 outlier threshold (|x|)
    std::string calibText;         ///< the calibration text (not a path)
    int64_t chunks = -1;           ///< calibration chunks; < 0 = every whole chunk
    int64_t nCtx = 128;            ///< tokens per chunk
    std::string cacheDir;          ///< disk cache of captures; "" = none
    bool operator==(const CalibRequest&) const = default;
};

/// The method spellings runCalibration accepts, in display order.
std::vector<std::string> calibMethodNames();
/// True for the methods evaluated in W8A8 mode (smoothquant, llmint8): no GGUF export.
bool isW8A8Method(const std::string& method);
/// True when the method reads the parameter: "damp" (GPTQ), "alpha" (SmoothQuant), "threshold" (LLM.int8).
bool methodUses(const std::string& method, const std::string& parameter);
/// Short English name: "GPTQ act-order", "SmoothQuant W8A8", ...
std::string calibMethodLabel(const std::string& method);

struct CalibResult {
    std::string method;             ///< the request's method spelling
    std::string label;              ///< "GPTQ Q4_K", "AWQ int4-g32", "SmoothQuant W8A8"
    QuantGrid grid;                 ///< W8A8: int8 per channel
    bool w8a8 = false;
    Substitutions values;           ///< evaluated (fake-quantized) tensors and folded norms
    Substitutions exportValues;     ///< the F32 values an export quantizes (empty for W8A8)
    Substitutions importance;       ///< imatrix: importance per exported tensor
    /// Calibrated layers held as the grid's blocks instead (runStreamedGptq with packResult); they are in
    /// neither values nor exportValues, and evaluate and export exactly as those would.
    PackedTensors packed;
    std::vector<std::string> notes; ///< dampening, per-layer losses, AWQ alphas, LLM.int8 outlier columns
    ActivationTransform transform;  ///< W8A8: per-token int8 activations (empty otherwise)
    /// True when its tensors can be written to GGUF: a ggml grid and not W8A8.
    bool exportable() const { return grid.ggml && !w8a8; }
    /// True when the tensors depend on each other (AWQ and SmoothQuant fold scales into norms, W8A8
    /// transforms every layer's input): dropping one tensor invalidates all of them.
    bool coupled() const;
    /// The calibrated tensors' names: those of values and of packed.
    std::set<std::string> tensors() const;
};

/// Quantizes every block linear layer of `weights` with the request's method (see calib_methods.h,
/// awq.h, int8_matmul.h). Throws Error(InvalidArgument) for an unknown method or grid, Error(Invalid)
/// when `calib` lacks a layer the method needs or holds a non-finite statistic, Error(Cancelled).
/// Layers a ggml grid does not fit are left out (values empty when none fits).
CalibResult runCalibration(const LlamaWeights& weights, const CalibData& calib, const CalibRequest& request,
                           const ProgressFn& progress = {});

/// GPTQ (method gptq or gptq-act) on the streamed engine from the model file (calib/gptq_stream.h):
/// block-sequential when `sequential`, else from one capture of the float model; `tokens` is the request's
/// calibration text tokenized with BOS. The result has the shape runCalibration gives for the same request,
/// plus a note saying which capture was used. With `packResult` on a ggml grid the layers come back in
/// `packed` (a 7B model's Q4_K result in 3.2 GB instead of 23). Errors as gptqStreamed and runCalibration.
CalibResult runStreamedGptq(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                            std::optional<int32_t> bos, const CalibRequest& request, bool sequential,
                            const ForwardOptions& engine = {}, const ProgressFn& progress = {},
                            bool packResult = false);

/// Round-to-nearest (method rtn) on a ggml grid from the model file (calib/rtn_stream.h): the layers come
/// back in `packed`, equal to runCalibration's values for the same request. Errors as rtnStreamed.
CalibResult runStreamedRtn(std::shared_ptr<const ModelFile> model, const CalibRequest& request,
                           const ForwardOptions& engine = {}, const ProgressFn& progress = {});

/// AWQ (method awq or awq-noclip) on the streamed engine from the model file (calib/awq_stream.h): every
/// block's statistics from one capture of the float model, without a float copy of the model. The result
/// equals runCalibration's for the same request on captureCalibration's statistics. Errors as awqStreamed.
CalibResult runStreamedAwq(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                           std::optional<int32_t> bos, const CalibRequest& request, const ForwardOptions& engine = {},
                           const ProgressFn& progress = {});

/// SmoothQuant or LLM.int8 (method smoothquant or llmint8) on the streamed engine from the model file
/// (calib/w8a8_stream.h): the layers come back in `packed` as int8 rows, SmoothQuant's divided norms in
/// `values`, with the activation transform; the values equal runCalibration's for the same request on
/// captureCalibration's statistics. Errors as w8a8Streamed.
CalibResult runStreamedW8A8(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                            std::optional<int32_t> bos, const CalibRequest& request, const ForwardOptions& engine = {},
                            const ProgressFn& progress = {});

struct CaptureOutcome {
    std::shared_ptr<const CalibData> data;
    bool fromMemory = false;       ///< found in the in-memory cache
    bool fromDisk = false;         ///< read from the disk cache
    std::string cachePath;         ///< the disk cache file ("" when none is used)
    std::string cacheWriteError;   ///< non-empty when writing the disk cache failed (the capture is still fine)
};

/// The captured statistics of `tokens` (the request's calibText, tokenized with BOS) for the model at
/// `modelPath`: from `memory` or the disk cache when present, otherwise captured and stored in both.
/// Throws Error(InvalidArgument) when the text holds less than one chunk, Error(Invalid) on NaN or a layer
/// without input, Error(Cancelled).
CaptureOutcome captureCached(std::shared_ptr<const LlamaWeights> weights, const std::string& modelPath,
                             std::span<const int32_t> tokens, const CalibRequest& request,
                             std::optional<int32_t> bos, const ForwardOptions& forward = {},
                             CalibCache* memory = nullptr, const ProgressFn& progress = {});

/// $XDG_CACHE_HOME/qexplore or ~/.cache/qexplore ("" when neither is set).
std::string defaultCalibCacheDir();

/// The plan a result stands for: on a ggml grid calibratedPlan (the calibrated layers in the grid's type,
/// folded norms F32, the rest as stored); otherwise the calibrated layers in the GGUF type a file of about
/// the same size would hold (Q8_0 for W8A8 and 8-bit grids, Q5_0 for 5-bit, Q4_0 below; F16 where that
/// type's blocks do not divide the rows). Every calibrated entry gets `reason`.
Plan calibResultPlan(const ModelFile& model, const CalibResult& result, const std::string& reason);

/// The evaluated values of `result` restricted to `tensors` (all when empty), for PlanEvalOptions.
std::shared_ptr<const Substitutions> resultValues(const CalibResult& result, const std::vector<std::string>& tensors);

} // namespace qx

#include "calib/calib_run.h"

#include "calib/awq_stream.h"
#include "calib/gptq_stream.h"
#include "calib/rtn_stream.h"
#include "calib/w8a8_stream.h"

#include "calib/calib_export.h"
#include "calib/calib_methods.h"
#include "common/error.h"
#include "quant/formats.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace qx {
namespace {

/// gptq-act and awq-noclip are variants of gptq and awq.
std::string baseMethod(const std::string& m)
{
    return m == "gptq-act" ? "gptq" : m == "awq-noclip" ? "awq" : m;
}

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...)
{
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

bool allFinite(std::span<const float> v)
{
    return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
}

/// Every block linear layer must have finite statistics (a cache file or a capture could hold NaN).
void checkCalib(const LlamaWeights& weights, const CalibData& calib)
{
    if (calib.empty())
        throw Error(ErrorCode::Invalid, "no captured inputs: the calibration holds no layer");
    for (const std::string& name : blockLinearNames(weights)) {
        const auto it = calib.find(name);
        if (it == calib.end())
            throw Error(ErrorCode::Invalid, "layer without captured input: " + name);
        const LayerCalib& l = it->second;
        const bool finite = allFinite(l.meanAbs) && allFinite(l.maxAbs)
                            && std::all_of(l.hessian.begin(), l.hessian.end(), [](double x) { return std::isfinite(x); });
        if (!finite)
            throw Error(ErrorCode::Invalid, "NaN or Inf in the calibration statistics of " + name);
    }
}

/// The stored float weights of the tensors in `of`.
Substitutions originals(const LlamaWeights& w, const Substitutions& of)
{
    Substitutions out;
    for (const auto& [name, v] : of) {
        const WeightView t = w.tensor(name);
        out[name] = std::vector<float>(t.data, t.data + t.rows * t.cols);
    }
    return out;
}

void runGptq(const LlamaWeights& w, const CalibData& calib, const CalibRequest& r, const ProgressFn& progress,
             CalibResult& out)
{
    GptqOptions o;
    o.grid = out.grid;
    o.dampPercent = r.dampPercent;
    o.actOrder = r.actOrder || r.method == "gptq-act";
    out.values = gptqModel(w, calib, o, &out.notes, progress);
    out.exportValues = out.values;  // on the grid and re-quantizes to itself
}

/// A CalibResult from AWQ's: one note per group, the quantized values, and the folded floats an export
/// quantizes. Every block linear layer belongs to a group; layers the grid does not fit stay F32.
void takeAwq(AwqResult a, CalibResult& out)
{
    for (const auto& g : a.groups)
        out.notes.push_back(format("%-24s alpha %.2f  loss RTN %.5g -> AWQ %.5g -> clipped %.5g", g.norm.c_str(),
                                   g.alpha, g.lossRtn, g.lossAwq, g.lossClip));
    out.values = std::move(a.tensors);
    out.exportValues = std::move(a.folded);
}

/// The empty result of a streamed run of `request`, whose method must be `base` or one of its variants.
CalibResult streamedResult(const CalibRequest& request, const std::string& base)
{
    if (baseMethod(request.method) != base)
        throw Error(ErrorCode::InvalidArgument, "the streamed " + base + " run got method " + request.method);
    CalibResult out;
    out.method = request.method;
    out.grid = parseGrid(request.grid);
    out.label = calibMethodLabel(request.method) + " " + (out.grid.ggml ? out.grid.name() : request.grid);
    return out;
}

bool awqClips(const CalibRequest& r)
{
    return !(r.noClip || r.method == "awq-noclip");
}

void runAwq(const LlamaWeights& w, const CalibData& calib, const CalibRequest& r, const ProgressFn& progress,
            CalibResult& out)
{
    takeAwq(awqQuantize(w, calib, out.grid, 20, progress, awqClips(r)), out);
}

void runW8A8(const LlamaWeights& w, const CalibData& calib, const CalibRequest& r, CalibResult& out)
{
    out.w8a8 = true;
    checkW8A8Settings(baseMethod(r.method) == "smoothquant", r.alpha, r.threshold);
    if (baseMethod(r.method) == "smoothquant") {
        const Substitutions folded = smoothQuantFold(w, calib, r.alpha);
        out.values = int8Weights(*withSubstitutions(w, folded));
        for (const auto& [name, v] : folded)
            out.values.emplace(name, v);  // the folded norms
        out.transform = int8ActivationTransform(nullptr);
        return;
    }
    auto keep = std::make_shared<ColumnMasks>(outlierColumns(calib, r.threshold));
    for (const auto& [name, mask] : *keep)
        out.notes.push_back(outlierNote(name, mask, r.threshold));
    out.values = int8Weights(w, {}, *keep);
    out.transform = int8ActivationTransform(keep);
}

} // namespace

std::vector<std::string> calibMethodNames()
{
    return {"rtn", "imatrix", "gptq", "gptq-act", "awq", "awq-noclip", "smoothquant", "llmint8"};
}

bool isW8A8Method(const std::string& method)
{
    return method == "smoothquant" || method == "llmint8";
}

bool methodUses(const std::string& method, const std::string& parameter)
{
    const std::string m = baseMethod(method);
    return (parameter == "damp" && m == "gptq") || (parameter == "alpha" && m == "smoothquant")
           || (parameter == "threshold" && m == "llmint8");
}

std::string calibMethodLabel(const std::string& method)
{
    if (method == "rtn") return "RTN";
    if (method == "imatrix") return "imatrix";
    if (method == "gptq") return "GPTQ";
    if (method == "gptq-act") return "GPTQ act-order";
    if (method == "awq") return "AWQ";
    if (method == "awq-noclip") return "AWQ no-clip";
    if (method == "smoothquant") return "SmoothQuant W8A8";
    if (method == "llmint8") return "LLM.int8";
    return method;
}

bool CalibResult::coupled() const
{
    return w8a8 || method == "awq" || method == "awq-noclip";
}

std::set<std::string> CalibResult::tensors() const
{
    std::set<std::string> out;
    for (const auto& [name, v] : values)
        out.insert(name);
    for (const auto& [name, p] : packed)
        out.insert(name);
    return out;
}

CalibResult runCalibration(const LlamaWeights& weights, const CalibData& calib, const CalibRequest& request,
                           const ProgressFn& progress)
{
    const CalibMethod m = parseCalibMethod(baseMethod(request.method));
    CalibResult out;
    out.method = request.method;
    out.grid = parseGrid(isW8A8Method(request.method) ? std::string("int8-pc") : request.grid);
    out.label = calibMethodLabel(request.method);
    if (!isW8A8Method(request.method))
        out.label.append(1, ' ').append(out.grid.ggml ? out.grid.name() : request.grid);
    if (m != CalibMethod::Rtn)
        checkCalib(weights, calib);
    if (m == CalibMethod::Gptq && (!std::isfinite(request.dampPercent) || request.dampPercent <= 0.0))
        throw Error(ErrorCode::InvalidArgument, "GPTQ dampening must be a positive percentage");
    switch (m) {
    case CalibMethod::Rtn:
        out.values = rtnModel(weights, out.grid);
        out.exportValues = originals(weights, out.values);
        break;
    case CalibMethod::Imatrix:
        out.values = imatrixModel(weights, calib, out.grid);
        out.exportValues = originals(weights, out.values);
        for (const auto& [name, v] : out.values)
            out.importance[name] = calibImportance(calib.at(name));
        break;
    case CalibMethod::Gptq: runGptq(weights, calib, request, progress, out); break;
    case CalibMethod::Awq: runAwq(weights, calib, request, progress, out); break;
    default: runW8A8(weights, calib, request, out); break;
    }
    if (progress && !progress(1.0))
        throw Error(ErrorCode::Cancelled, "calibration cancelled");
    if (out.w8a8)
        out.exportValues.clear();
    return out;
}

CalibResult runStreamedGptq(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                            std::optional<int32_t> bos, const CalibRequest& request, bool sequential,
                            const ForwardOptions& engine, const ProgressFn& progress, bool packResult)
{
    if (!std::isfinite(request.dampPercent) || request.dampPercent <= 0.0)
        throw Error(ErrorCode::InvalidArgument, "GPTQ dampening must be a positive percentage");
    CalibResult out = streamedResult(request, "gptq");
    GptqStreamOptions o;
    o.gptq.grid = out.grid;
    o.gptq.dampPercent = request.dampPercent;
    o.gptq.actOrder = request.actOrder || request.method == "gptq-act";
    o.sequential = sequential;
    o.nCtx = request.nCtx;
    o.chunks = request.chunks;
    o.bosToken = bos;
    o.engine = engine;
    o.pack = packResult;
    out.notes.push_back(sequential ? "sequential: each block's Hessians from the quantized blocks before it"
                                   : "one capture of the float model");
    GptqStreamResult r = gptqStreamed(std::move(model), tokens, o, &out.notes, progress);
    out.values = std::move(r.values);
    out.exportValues = out.values; // on the grid and re-quantizes to itself
    out.packed = std::move(r.packed);
    return out;
}

CalibResult runStreamedRtn(std::shared_ptr<const ModelFile> model, const CalibRequest& request,
                           const ForwardOptions& engine, const ProgressFn& progress)
{
    CalibResult out = streamedResult(request, "rtn");
    out.packed = rtnStreamed(std::move(model), out.grid, engine.threads, engine.memoryBudgetBytes, &out.notes,
                             progress);
    return out;
}

CalibResult runStreamedAwq(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                           std::optional<int32_t> bos, const CalibRequest& request, const ForwardOptions& engine,
                           const ProgressFn& progress)
{
    CalibResult out = streamedResult(request, "awq");
    AwqStreamOptions o;
    o.grid = out.grid;
    o.clip = awqClips(request);
    o.nCtx = request.nCtx;
    o.chunks = request.chunks;
    o.bosToken = bos;
    o.engine = engine;
    takeAwq(awqStreamed(std::move(model), tokens, o, progress), out);
    return out;
}

CalibResult runStreamedW8A8(std::shared_ptr<const ModelFile> model, std::span<const int32_t> tokens,
                            std::optional<int32_t> bos, const CalibRequest& request, const ForwardOptions& engine,
                            const ProgressFn& progress)
{
    if (!isW8A8Method(request.method))
        throw Error(ErrorCode::InvalidArgument, "the streamed W8A8 run got method " + request.method);
    W8A8StreamOptions o;
    o.smoothQuant = request.method == "smoothquant";
    o.alpha = request.alpha;
    o.threshold = request.threshold;
    o.nCtx = request.nCtx;
    o.chunks = request.chunks;
    o.bosToken = bos;
    o.engine = engine;
    W8A8StreamResult r = w8a8Streamed(std::move(model), tokens, o, progress);
    CalibResult out;
    out.method = request.method;
    out.grid = parseGrid("int8-pc");
    out.label = calibMethodLabel(request.method);
    out.w8a8 = true;
    out.notes = std::move(r.notes);
    out.packed = std::move(r.weights);
    out.values = std::move(r.norms);
    out.transform = int8ActivationTransform(r.keep);
    return out;
}

std::string defaultCalibCacheDir()
{
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x)
        return std::string(x) + "/qexplore";
    if (const char* h = std::getenv("HOME"); h && *h)
        return std::string(h) + "/.cache/qexplore";
    return {};
}

CaptureOutcome captureCached(std::shared_ptr<const LlamaWeights> weights, const std::string& modelPath,
                             std::span<const int32_t> tokens, const CalibRequest& request,
                             std::optional<int32_t> bos, const ForwardOptions& forward, CalibCache* memory,
                             const ProgressFn& progress)
{
    CalibOptions co;
    co.nCtx = request.nCtx;
    co.maxChunks = request.chunks;
    co.bosToken = bos;
    const std::string key = calibCacheKey(modelPath, request.calibText, co);
    CaptureOutcome out;
    if (memory && (out.data = memory->find(key))) {
        out.fromMemory = true;
        return out;
    }
    if (!request.cacheDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(request.cacheDir, ec);
        out.cachePath = calibCachePath(request.cacheDir, key);
        if (auto cached = loadCalibData(out.cachePath, key)) {
            out.data = std::make_shared<const CalibData>(std::move(*cached));
            out.fromDisk = true;
        }
    }
    if (!out.data) {
        LlamaForward fwd(std::move(weights), forward);
        out.data = std::make_shared<const CalibData>(captureCalibration(fwd, tokens, co, progress));
        if (!out.cachePath.empty()) {
            try {
                saveCalibData(out.cachePath, key, *out.data);
            } catch (const Error& e) {
                out.cacheWriteError = e.what();
            }
        }
    }
    if (memory)
        memory->put(key, out.data);
    return out;
}

Plan calibResultPlan(const ModelFile& model, const CalibResult& result, const std::string& reason)
{
    TensorType type = result.grid.type;
    if (!result.exportable()) {
        const int bits = result.w8a8 || result.grid.ggml ? 8 : result.grid.uniform.bits;
        type = bits >= 6 ? TensorType::Q8_0 : bits == 5 ? TensorType::Q5_0 : TensorType::Q4_0;
    }
    const std::set<std::string> calibrated = result.tensors();
    Plan plan = calibratedPlan(model, calibrated, type);
    for (PlanEntry& e : plan.entries) {
        if (!calibrated.count(e.tensor))
            continue;
        e.reason = reason;
        const TensorInfo* t = model.findTensor(e.tensor);
        if (e.type != TensorType::F32 && t && !fits(*formatOf(e.type), t->rowLength()).fits)
            e.type = TensorType::F16;
    }
    return plan;
}

std::shared_ptr<const Substitutions> resultValues(const CalibResult& result, const std::vector<std::string>& tensors)
{
    if (tensors.empty())
        return std::make_shared<const Substitutions>(result.values);
    auto out = std::make_shared<Substitutions>();
    for (const std::string& name : tensors)
        if (const auto it = result.values.find(name); it != result.values.end())
            out->emplace(name, it->second);
    return out;
}

} // namespace qx

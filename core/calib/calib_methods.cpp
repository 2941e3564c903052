#include "calib/calib_methods.h"

#include "common/error.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace qx {

CalibMethod parseCalibMethod(const std::string& text)
{
    if (text == "rtn") return CalibMethod::Rtn;
    if (text == "imatrix") return CalibMethod::Imatrix;
    if (text == "gptq") return CalibMethod::Gptq;
    if (text == "awq") return CalibMethod::Awq;
    if (text == "smoothquant") return CalibMethod::SmoothQuant;
    if (text == "llmint8") return CalibMethod::LlmInt8;
    throw Error(ErrorCode::InvalidArgument, "unknown method '" + text + "' (rtn|imatrix|gptq|awq|smoothquant|llmint8)");
}

std::vector<std::string> blockLinearNames(const LlamaWeights& weights)
{
    std::vector<std::string> out;
    for (const std::string& name : weights.tensorNames())
        if (name.rfind("blk.", 0) == 0 && weights.tensor(name).rows > 1 && name.find("norm") == std::string::npos)
            out.push_back(name);
    return out;
}

std::shared_ptr<LlamaWeights> withSubstitutions(const LlamaWeights& weights, const Substitutions& subs)
{
    auto copy = std::make_shared<LlamaWeights>(weights);
    for (const auto& [name, values] : subs)
        copy->substitute(name, values);
    return copy;
}

namespace {

std::span<const float> valuesOf(const WeightView& w)
{
    return {w.data, static_cast<size_t>(w.rows * w.cols)};
}

const LayerCalib& calibFor(const CalibData& calib, const std::string& name)
{
    auto it = calib.find(name);
    if (it == calib.end())
        throw Error(ErrorCode::Invalid, "no calibration data for " + name + " (layer without captured input)");
    return it->second;
}

} // namespace

Substitutions rtnModel(const LlamaWeights& weights, const QuantGrid& grid)
{
    Substitutions out;
    for (const std::string& name : blockLinearNames(weights)) {
        const WeightView w = weights.tensor(name);
        if (gridFits(grid, w.cols))
            out[name] = fakeQuantGrid(grid, valuesOf(w), w.cols);
    }
    return out;
}

std::vector<float> calibImportance(const LayerCalib& c)
{
    std::vector<float> imp(static_cast<size_t>(c.cols));
    for (int64_t j = 0; j < c.cols; ++j)
        imp[static_cast<size_t>(j)] = c.hessian.empty() ? c.meanAbs[static_cast<size_t>(j)]
                                                       : static_cast<float>(c.hessian[static_cast<size_t>(j * c.cols + j)] / 2.0);
    return imp;
}

Substitutions imatrixModel(const LlamaWeights& weights, const CalibData& calib, const QuantGrid& grid)
{
    Substitutions out;
    for (const std::string& name : blockLinearNames(weights)) {
        const WeightView w = weights.tensor(name);
        if (!gridFits(grid, w.cols))
            continue;
        out[name] = fakeQuantGridWeighted(grid, valuesOf(w), w.cols, calibImportance(calibFor(calib, name)));
    }
    return out;
}

Substitutions gptqModel(const LlamaWeights& weights, const CalibData& calib, const GptqOptions& options,
                        std::vector<std::string>* notes, const ProgressFn& progress)
{
    Substitutions out;
    const auto names = blockLinearNames(weights);
    for (size_t i = 0; i < names.size(); ++i) {
        const WeightView w = weights.tensor(names[i]);
        if (!gridFitsOrNote(options.grid, names[i], w.cols, notes))
            continue;
        const LayerCalib& c = calibFor(calib, names[i]);
        GptqOptions layerOptions = options;
        if (progress)   // checked after every block of columns, not only after every layer
            layerOptions.progress = [&](double f) { return progress((static_cast<double>(i) + f) / double(names.size())); };
        GptqResult r = gptqQuantize(valuesOf(w), w.rows, w.cols, c.hessian, layerOptions);
        if (notes) {
            char line[256];
            std::snprintf(line, sizeof line, "%s: loss RTN %.5g -> GPTQ %.5g (damp %.3g%%) %s", names[i].c_str(),
                          r.lossRtn, r.lossGptq, r.dampUsed, r.note.c_str());
            notes->push_back(line);
        }
        out[names[i]] = std::move(r.weights);
        if (progress && !progress(static_cast<double>(i + 1) / static_cast<double>(names.size())))
            throw Error(ErrorCode::Cancelled, "GPTQ cancelled");
    }
    return out;
}

CalibEvaluator::CalibEvaluator(std::shared_ptr<const LlamaWeights> baseline, std::vector<int32_t> tokens, int64_t nCtx,
                               int64_t maxChunks, std::optional<int32_t> bos, ForwardOptions forwardOptions,
                               const ProgressFn& progress)
    : CalibEvaluator(std::make_shared<const ResidentWeights>(std::move(baseline)), std::move(tokens), nCtx, maxChunks,
                     bos, std::move(forwardOptions), progress)
{
}

CalibEvaluator::CalibEvaluator(std::shared_ptr<const WeightSource> baseline, std::vector<int32_t> tokens, int64_t nCtx,
                               int64_t maxChunks, std::optional<int32_t> bos, ForwardOptions forwardOptions,
                               const ProgressFn& progress)
    : m_maxChunks(maxChunks), m_bos(bos), m_forward(forwardOptions)
{
    LlamaForward forward(std::move(baseline), m_forward);
    static std::atomic<int> counter{0};
    m_basePath = (std::filesystem::temp_directory_path()
                  / ("qx-calib-base-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".bin"))
                     .string();
    PerplexityOptions opt;
    opt.nCtx = nCtx;
    opt.maxChunks = m_maxChunks;
    opt.bosToken = m_bos;
    m_basePpl = computePerplexity(forward, tokens, opt, progress, m_basePath).ppl;
}

CalibEvaluator::~CalibEvaluator()
{
    std::error_code ec;
    std::filesystem::remove(m_basePath, ec);
}

EvalScore CalibEvaluator::evaluate(std::shared_ptr<const LlamaWeights> model, const ActivationTransform& transform,
                                   const ProgressFn& progress) const
{
    return evaluate(std::make_shared<const ResidentWeights>(std::move(model)), transform, progress);
}

EvalScore CalibEvaluator::evaluate(std::shared_ptr<const WeightSource> model, const ActivationTransform& transform,
                                   const ProgressFn& progress) const
{
    LlamaForward forward(std::move(model), m_forward);
    forward.setActivationTransform(transform);
    KldBaseReader base(m_basePath);
    KldOptions opt;
    opt.maxChunks = m_maxChunks;
    opt.bosToken = m_bos;
    const KldResult r = computeKld(forward, base, opt, progress);
    return {r.pplQ, r.pplQUnc, r.kldMean, r.kldUnc, r.sameTop};
}

} // namespace qx

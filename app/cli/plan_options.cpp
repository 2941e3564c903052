#include "cli/plan_options.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/text_file.h"
#include "export/gguf_compat.h"
#include "export/kv_override.h"
#include "plan/plan_report.h"
#include "quant/formats.h"
#include "plan/presets.h"
#include "quant/imatrix_file.h"

#include <fstream>
#include <sstream>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace qx::cli {
namespace {

TensorType typeArg(const std::string& option, const std::string& value)
{
    const auto t = tensorTypeFromName(value);
    if (!t)
        throw Error(ErrorCode::InvalidArgument, option + ": unknown type " + value);
    return *t;
}

using uchar = unsigned char;

/// gguf-split's size argument: a positive integer followed by M (10^6 bytes) or G (10^9 bytes).
uint64_t splitSizeArg(const std::string& value)
{
    const char unit = value.empty() ? '\0' : value.back();
    const std::string digits = value.substr(0, value.empty() ? 0 : value.size() - 1);
    const bool numeric = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if ((unit != 'M' && unit != 'G') || !numeric || digits.size() > 9 || std::stoull(digits) == 0)
        throw UsageError("bad value '" + value + "' for --split-max-size (expected a positive number followed by M or G)");
    return std::stoull(digits) * (unit == 'M' ? 1000000ull : 1000000000ull);
}

/// llama-quantize's options that `plan` and `export` share.
void addLlamaQuantizeOptions(CLI::App& app, PlanOptions& o)
{
    app.add_flag("--leave-output-tensor", o.leaveOutputTensor, "keep output.weight as it is stored");
    app.add_option("--include-weights", o.includeWeights, "use the imatrix only for tensors whose name contains\n"
                                                          "NAME (repeatable)")->type_name("NAME")->allow_extra_args(false);
    app.add_option("--exclude-weights", o.excludeWeights, "do not use the imatrix for tensors whose name contains\n"
                                                          "NAME (repeatable)")->type_name("NAME")->allow_extra_args(false);
    app.add_flag("--allow-requantize", o.allowRequantize, "allow converting tensors that are already block-quantized");
    app.add_option("--override-kv", o.overrideKv, "set metadata (TYPE int, float, bool or str; repeatable)")
        ->type_name("KEY=TYPE:VALUE")->allow_extra_args(false);
    app.add_flag("--keep-split", o.keepSplit, "a split model is written as the same parts (tensors in file order)");
    app.add_option("--split-max-size", o.splitMaxSize, "write PREFIX-0000i-of-0000n.gguf parts of at most N MB / GB\n"
                                                       "of tensor data")->type_name("N(M|G)");
}

/// "unknown preset or type X", or for a format of the explorer that GGUF cannot hold, the nearest type.
std::string unknownPresetMessage(const std::string& name)
{
    const FormatInfo* format = findFormat(name);
    for (const FormatInfo& f : kFormats) {   // "NF4" names "NF4 (absmax / 64)", "FP8" the first FP8 scheme
        if (format)
            break;
        const std::string full(f.name);
        if (full.size() > name.size() && full[name.size()] == ' '
            && std::equal(name.begin(), name.end(), full.begin(),
                          [](char a, char b) { return std::tolower(uchar(a)) == std::tolower(uchar(b)); }))
            format = &f;
    }
    if (!format || format->ggufExportable)
        return "unknown preset or type " + name;
    const GgufExportability e = ggufExportability(*format);
    return std::string(format->name) + " is not exportable to GGUF: " + e.reason + "; nearest GGUF type: "
           + std::string(tensorTypeName(*e.type)) + " (--pure " + std::string(tensorTypeName(*e.type)) + ")";
}

} // namespace

void addPlanOptions(CommandLine& cl, PlanOptions& o)
{
    CLI::App& app = cl.app();
    cl.addModel(o.model);
    cl.input(app.add_option("--plan", o.planFile, "a plan saved by `qexplore-cli plan -o` (JSON, schema qexplore-plan v1)")
        ->type_name("FILE"));
    app.add_option("--preset", o.preset, "a llama-quantize mix: Q4_0 Q4_1 Q5_0 Q5_1 IQ2_XXS IQ2_XS IQ2_S IQ2_M\n"
                                         "IQ1_S IQ1_M TQ1_0 TQ2_0 Q2_K Q2_K_S IQ3_XXS IQ3_S IQ3_M IQ3_XS Q3_K_S\n"
                                         "Q3_K_M Q3_K_L IQ4_NL IQ4_XS Q4_K_S Q4_K_M Q5_K_S Q5_K_M Q6_K Q8_0 F16\n"
                                         "BF16 F32 (IQ1_S IQ1_M IQ2_XXS IQ2_XS IQ2_S Q2_K_S need --imatrix)")
        ->type_name("NAME");
    app.add_option("--pure", o.pure, "every quantizable tensor in TYPE (llama-quantize --pure)")->type_name("TYPE");
    cl.input(app.add_option("--imatrix", o.imatrix, "importance matrix (.dat or GGUF) to quantize with")->type_name("FILE"));
    app.add_option("--output-tensor-type", o.outputTensorType, "type of output.weight (llama-quantize's option)")
        ->type_name("TYPE");
    app.add_option("--token-embedding-type", o.tokenEmbeddingType, "type of token_embd.weight")->type_name("TYPE");
    addLlamaQuantizeOptions(app, o);
    cl.output(app.add_option("--report", o.report, "per-tensor report: type, bits/weight, bytes, reason, round-trip error\n"
                                         "(SQNR, relative error), totals; Markdown, CSV or JSON by extension")
        ->type_name("FILE"));
    cl.input(app.add_option("--eval", o.evalFile, "include PPL / mean KLD from a saved `qexplore-cli ppl --plan` output")
        ->type_name("FILE"));
    cl.output(app.add_option("-o,--output", o.output, "output file")->type_name("FILE"));
}

void checkPlanOptions(const PlanOptions& o)
{
    const int sources = int(!o.planFile.empty()) + int(!o.preset.empty()) + int(!o.pure.empty());
    if (sources != 1)
        throw UsageError("expected exactly one of --plan, --preset, --pure");
}

ExportOptions exportOptionsFrom(const PlanOptions& o)
{
    ExportOptions e;
    e.allowRequantize = o.allowRequantize;
    e.keepSplit = o.keepSplit;
    e.includeWeights = o.includeWeights;
    e.excludeWeights = o.excludeWeights;
    if (!o.includeWeights.empty() && !o.excludeWeights.empty())
        throw UsageError("--include-weights and --exclude-weights cannot be used together");
    for (const std::string& kv : o.overrideKv) {
        try {
            e.kvOverrides.push_back(parseKvOverride(kv));
        } catch (const Error& error) {
            throw UsageError(error.detail());
        }
    }
    if (!o.splitMaxSize.empty())
        e.splitMaxBytes = splitSizeArg(o.splitMaxSize);
    return e;
}

void writePlanReportIfAsked(const ModelFile& model, const Plan& plan, const PlanOptions& o)
{
    if (o.report.empty())
        return;
    const auto ends = [&](const char* ext) {
        const std::string e(ext);
        return o.report.size() >= e.size() && o.report.compare(o.report.size() - e.size(), e.size(), e) == 0;
    };
    std::string (*render)(const PlanReport&) = ends(".csv") ? planReportCsv : ends(".json") ? planReportJson
                                             : (ends(".md") || ends(".markdown")) ? planReportMarkdown : nullptr;
    if (!render)
        throw Error(ErrorCode::InvalidArgument, "--report: use a .md, .csv or .json file name");
    std::optional<ImatrixFile> imatrix;
    if (!plan.imatrixPath.empty())
        imatrix = readImatrix(plan.imatrixPath);
    PlanReport report = buildPlanReport(model, plan, imatrix ? &*imatrix : nullptr, true);
    if (!o.evalFile.empty()) {
        report.evaluation = parsePerplexityOutput(readTextFile(o.evalFile));
        if (!report.evaluation)
            throw Error(ErrorCode::Invalid, o.evalFile, kNoOffset, "no PPL or KLD figures found");
        report.evaluation->description = "from " + o.evalFile;
    }
    writeFileAtomically(o.report, render(report));
}

Plan makePlan(const ModelFile& model, const PlanOptions& o)
{
    Plan plan;
    if (!o.planFile.empty()) {
        plan = loadPlan(o.planFile);
    } else {
        PresetOptions options;
        options.hasImatrix = !o.imatrix.empty();
        if (options.hasImatrix && (!o.includeWeights.empty() || !o.excludeWeights.empty())) {
            Plan withImatrix;   // the filters may leave no entry: then llama-quantize plans as without one
            withImatrix.imatrixPath = o.imatrix;
            options.hasImatrix = exportImatrix(withImatrix, exportOptionsFrom(o)).has_value();
        }
        options.pure = !o.pure.empty();
        options.leaveOutputTensor = o.leaveOutputTensor;
        options.fileOrder = o.keepSplit;
        if (!o.outputTensorType.empty())
            options.outputType = typeArg("--output-tensor-type", o.outputTensorType);
        if (!o.tokenEmbeddingType.empty())
            options.tokenEmbeddingType = typeArg("--token-embedding-type", o.tokenEmbeddingType);
        std::optional<Preset> preset = presetFromName(options.pure ? o.pure : o.preset);
        if (options.pure && !preset)
            if (const auto t = tensorTypeFromName(o.pure))
                preset = presetForType(*t);
        if (!preset)
            throw Error(ErrorCode::InvalidArgument, unknownPresetMessage(options.pure ? o.pure : o.preset));
        plan = planPreset(model, *preset, options);
    }
    if (!o.imatrix.empty())
        plan.imatrixPath = o.imatrix;
    if (plan.sourcePath.empty())
        plan.sourcePath = o.model;
    validatePlan(model, plan);
    return plan;
}

} // namespace qx::cli

#include "cli/plan_options.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/text_file.h"
#include "export/gguf_compat.h"
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
    app.add_option("--preset", o.preset, "a llama-quantize mix: Q2_K Q2_K_S Q3_K_S Q3_K_M Q3_K_L Q4_0 Q4_1 Q5_0\n"
                                         "Q5_1 Q4_K_S Q4_K_M Q5_K_S Q5_K_M Q6_K Q8_0 IQ4_NL IQ4_XS F16 BF16 F32")
        ->type_name("NAME");
    app.add_option("--pure", o.pure, "every quantizable tensor in TYPE (llama-quantize --pure)")->type_name("TYPE");
    cl.input(app.add_option("--imatrix", o.imatrix, "importance matrix (.dat or GGUF) to quantize with")->type_name("FILE"));
    app.add_option("--output-tensor-type", o.outputTensorType, "type of output.weight (llama-quantize's option)")
        ->type_name("TYPE");
    app.add_option("--token-embedding-type", o.tokenEmbeddingType, "type of token_embd.weight")->type_name("TYPE");
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
        options.pure = !o.pure.empty();
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

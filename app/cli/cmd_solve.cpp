// `qexplore-cli solve MODEL (--target-bpw B | --target-size S | --max-loss X | --max-kld X) -o PLAN.json`:
// per-tensor types minimising the predicted (or measured-KLD) loss under a budget, written as a plan.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "common/text_file.h"
#include "io/model_file.h"
#include "model/tokenizer.h"
#include "plan/solver_plan.h"
#include "quant/imatrix_file.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace qx::cli {
namespace {

struct SolveArgs {
    std::string model, imatrix, cacheDir, output, measure, textFile;
    std::vector<std::string> scores;
    std::optional<SolverTarget> target;
    int64_t measureCtx = 128, measureTokens = 2048;
    bool maxKld = false, json = false;
    SolverRules rules;
};

[[noreturn]] void fail(const std::string& message)
{
    throw UsageError(message);
}

TensorType parseType(const std::string& s)
{
    const auto t = tensorTypeFromName(s);
    if (!t) fail("unknown type '" + s + "'");
    return *t;
}

double parseSize(const std::string& s)
{
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    const std::string unit = end;
    static const std::map<std::string, double> units = {{"", 1}, {"B", 1}, {"KB", 1e3}, {"MB", 1e6},
        {"GB", 1e9}, {"KiB", 1024.0}, {"MiB", 1048576.0}, {"GiB", 1073741824.0}};
    const auto it = units.find(unit);
    if (end == s.c_str() || it == units.end() || v <= 0) fail("bad size '" + s + "'");
    return std::floor(v * it->second);
}

void setTarget(SolveArgs& a, SolverTarget::Kind kind, double value)
{
    if (a.target) fail("give exactly one of --target-bpw, --target-size, --max-loss, --max-kld");
    a.target = SolverTarget{kind, value};
}

const char* const kUsage =
    "MODEL (--target-bpw B | --target-size S | --max-loss X | --max-kld X)\n"
    "                          [--imatrix F] [--pin NAME=TYPE ...] [--output-min TYPE] [--token-embd-min TYPE]\n"
    "                          [--measure kld -f TEXT [--measure-ctx N] [--measure-tokens N]]\n"
    "                          [--cache-dir DIR] [--json] -o PLAN.json";

const char* const kDescription =
    "Chooses a storage type per tensor (Q2_K..Q6_K, Q8_0, Q4_0..Q5_1, IQ4_NL, IQ4_XS, F16, F32) minimising\n"
    "the total loss, and writes the plan (schema qexplore-plan v1) that `export --plan` and `ppl --plan`\n"
    "read. The loss is the importance-weighted squared error of each tensor's quantize->dequantize round\n"
    "trip; with --measure kld each tensor's losses are scaled by its measured enable-one KLD, so the loss\n"
    "is in KLD units (nats; see docs/solver.md). Norms and vectors stay as stored.";

/// The raw option values; SolveArgs is built from them once they are all read.
struct SolveOptions {
    std::optional<double> targetBpw, maxLoss, maxKld;
    std::string targetSize, outputMin, tokenEmbdMin;
    std::vector<std::string> pins, keepPins;
};

void addOptions(CommandLine& cl, SolveArgs& a, SolveOptions& o)
{
    CLI::App& app = cl.app();
    cl.addModel(a.model);
    app.add_option("--target-bpw", o.targetBpw, "tensor data of B bits per weight on average (all tensors)")
        ->type_name("B")->check(positive());
    app.add_option("--target-size", o.targetSize, "GGUF file size, e.g. 2.1GB, 1700KB, 1703232; the exported file\n"
                                                  "is at most S")->type_name("S");
    app.add_option("--max-loss", o.maxLoss, "smallest plan whose total loss is at most X")->type_name("X")
        ->check(nonNegative());
    app.add_option("--max-kld", o.maxKld, "the same with --measure kld: predicted KLD (sum of enable-one KLDs) <= X")
        ->type_name("X")->check(nonNegative());
    cl.input(app.add_option("--score", a.scores, "print the size and loss of an existing plan (e.g. a preset's; repeatable);\n"
                                        "without a target nothing is solved")->type_name("PLAN.json")
        ->allow_extra_args(false));
    cl.input(app.add_option("--imatrix", a.imatrix, "llama.cpp imatrix (.dat or GGUF): weights the error per column, used\n"
                                           "for export")->type_name("F"));
    app.add_option("--pin,--tensor-type", o.pins, "fix a tensor's type (repeatable; marked pinned in the plan);\n"
                                                  "NAME is a tensor's exact name (llama-quantize's newer\n"
                                                  "--tensor-type takes a regular expression)")
        ->type_name("NAME=TYPE")->allow_extra_args(false);
    cl.input(app.add_option("--keep-pins", o.keepPins, "every pinned entry of an earlier plan is pinned again")
        ->type_name("PLAN")->allow_extra_args(false));
    app.add_option("--output-min", o.outputMin, "output.weight at least TYPE's bits/weight (e.g. Q6_K)")
        ->type_name("TYPE");
    app.add_option("--token-embd-min", o.tokenEmbdMin, "token_embd.weight at least T's bits/weight")->type_name("T");
    app.add_option("--measure", a.measure, "measure each tensor's enable-one KLD (Q3_K where rows fit, else IQ4_NL,\n"
                                           "Q4_0, Q8_0) on TEXT and calibrate its losses with it")->type_name("kld");
    cl.input(app.add_option("-f,--file", a.textFile, "calibration text for --measure (MODEL :demo: its held-out text)")
        ->type_name("TEXT"));
    app.add_option("-c,--ctx-size,--measure-ctx", a.measureCtx, "sequence length for --measure (default 128;\n"
                                                                "second half scored)")->type_name("N");
    app.add_option("--measure-tokens", a.measureTokens, "at most N tokens of TEXT (default 2048)")->type_name("N");
    app.add_option("--cache-dir", a.cacheDir, "keep the candidate table there (key: model and imatrix path, size,\n"
                                              "mtime)")->type_name("DIR");
    cl.output(app.add_option("-o,--output", a.output, "plan JSON to write")->type_name("FILE"));
    cl.addJson(a.json, "print the scores and the solved plan's figures as one JSON document on stdout\n"
                       "(schema: docs/cli.md)");
}

void applyOptions(const SolveOptions& o, SolveArgs& a)
{
    using K = SolverTarget::Kind;
    if (o.targetBpw) setTarget(a, K::BitsPerWeight, *o.targetBpw);
    if (!o.targetSize.empty()) setTarget(a, K::FileBytes, parseSize(o.targetSize));
    if (o.maxLoss) setTarget(a, K::MaxLoss, *o.maxLoss);
    if (o.maxKld) { setTarget(a, K::MaxLoss, *o.maxKld); a.maxKld = true; }
    for (const std::string& path : o.keepPins)
        for (const PlanEntry& e : loadPlan(path).entries)
            if (e.pinned) a.rules.pins.emplace_back(e.tensor, e.type);
    for (const std::string& p : o.pins) {
        const size_t eq = p.find('=');
        if (eq == std::string::npos) fail("--pin needs NAME=TYPE, not '" + p + "'");
        a.rules.pins.emplace_back(p.substr(0, eq), parseType(p.substr(eq + 1)));
    }
    if (!o.outputMin.empty()) a.rules.outputMin = parseType(o.outputMin);
    if (!o.tokenEmbdMin.empty()) a.rules.tokenEmbdMin = parseType(o.tokenEmbdMin);
}

SolveArgs parseArgs(const std::vector<std::string>& args)
{
    SolveArgs a;
    SolveOptions o;
    CommandLine cl("solve", kUsage, kDescription);
    addOptions(cl, a, o);
    cl.parse(args);
    applyOptions(o, a);
    if (!a.target && a.scores.empty()) fail("give one of --target-bpw, --target-size, --max-loss, --max-kld");
    if (!a.measure.empty() && a.measure != "kld") fail("--measure takes 'kld'");
    if (!a.measure.empty() && a.textFile.empty() && !isDemoArg(a.model)) fail("--measure kld needs -f TEXT");
    if (a.maxKld && a.measure.empty()) fail("--max-kld needs --measure kld (else use --max-loss)");
    if (a.measureCtx < 4 || a.measureTokens < a.measureCtx) fail("--measure-ctx/--measure-tokens too small");
    return a;
}

std::vector<int32_t> calibrationTokens(const SolveArgs& a)
{
    const std::string text = readTextArg(a.textFile, a.model, TextRole::Evaluation);
    std::vector<int32_t> tokens = openTokenizerArg(a.model).encode(text, true);
    const int64_t n = std::min<int64_t>(a.measureTokens, int64_t(tokens.size())) / a.measureCtx * a.measureCtx;
    if (n <= 0)
        throw Error(ErrorCode::InvalidArgument, textArgName(a.textFile, a.model, TextRole::Evaluation), kNoOffset,
                    "the text has fewer tokens than --measure-ctx");
    tokens.resize(size_t(n));
    return tokens;
}

CandidateTable measuredTable(const std::shared_ptr<const ModelFile>& model, const SolveArgs& a,
                             const CandidateTable& table)
{
    std::optional<ImatrixFile> imatrix;
    if (!a.imatrix.empty()) imatrix = readImatrix(a.imatrix);
    const std::vector<int32_t> tokens = calibrationTokens(a);
    const std::vector<TensorType> types = {TensorType::Q3_K, TensorType::IQ4_NL, TensorType::Q4_0, TensorType::Q8_0};
    const std::vector<MeasuredKld> kld = measureEnableOne(model, tokens, a.measureCtx, types,
                                                          imatrix ? &*imatrix : nullptr, progressPrinter("enable-one KLD"));
    note("measured %zu tensors on %zu tokens\n", kld.size(), tokens.size());
    return calibrateLosses(table, kld);
}

void printSummary(const SolvedPlan& s, uint64_t elements, bool kld)
{
    std::map<std::string, int> counts;
    for (const PlanEntry& e : s.plan.entries)
        ++counts[std::string(tensorTypeName(e.type))];
    std::printf("tensor data: %llu bytes, %.4f bits/weight, %s %.6g\n",
                static_cast<unsigned long long>(s.result.bytes), 8.0 * double(s.result.bytes) / double(elements),
                kld ? "predicted KLD" : "predicted loss", s.result.loss);
    std::printf("file size: %llu bytes\n", static_cast<unsigned long long>(s.fileBytes));
    for (const auto& [type, n] : counts) std::printf("  %-7s %d tensors\n", type.c_str(), n);
}

/// Size and loss of a plan: the figures both `--score` and the solved plan report.
Json planFigures(uint64_t bytes, uint64_t elements, double loss, uint64_t fileBytes)
{
    return Json{{"tensor_bytes", bytes}, {"bits_per_weight", 8.0 * double(bytes) / double(elements)},
                {"loss", loss}, {"file_bytes", fileBytes}};
}

Json solvedJson(const SolveArgs& a, const SolvedPlan& s, uint64_t elements)
{
    static const char* const kKinds[] = {"file_bytes", "bits_per_weight", "max_loss"};
    Json types = Json::object();
    for (const PlanEntry& e : s.plan.entries) {
        Json& n = types[std::string(tensorTypeName(e.type))];
        n = n.is_null() ? 1 : n.get<int>() + 1;
    }
    Json solved = {{"target", {{"kind", kKinds[int(a.target->kind)]}, {"value", a.target->value}}},
                   {"feasible", s.result.feasible}};
    solved.update(planFigures(s.result.bytes, elements, s.result.loss, s.fileBytes));
    solved["types"] = std::move(types);
    solved["output"] = a.output.empty() ? Json(nullptr) : Json(a.output);
    return solved;
}

int runSolve(const std::vector<std::string>& args)
{
    const SolveArgs a = parseArgs(args);
    const auto model = openModelArg(a.model);
    const std::vector<TensorType> types = defaultCandidateTypes();
    CandidateTable table = loadOrBuildCandidateTable(*model, a.model, a.imatrix, types, a.cacheDir,
                                                     progressPrinter("candidates"));
    if (!a.measure.empty()) table = measuredTable(model, a, table);
    Json doc = jsonDocument("solve");
    doc.update(Json{{"model", a.model}, {"loss_unit", a.measure.empty() ? "loss" : "kld"}, {"scores", Json::array()}});
    for (const std::string& path : a.scores) {
        const Plan plan = loadPlan(path);
        const SolverResult r = scorePlan(table, plan);
        const uint64_t fileBytes = predictedFileSize(*model, plan);
        Json score = {{"plan", path}};
        score.update(planFigures(r.bytes, table.totalElements(), r.loss, fileBytes));
        doc["scores"].push_back(std::move(score));
        if (!a.json)
            std::printf("%s: tensor data %llu bytes, %.4f bits/weight, %s %.6g, file size %llu bytes\n", path.c_str(),
                        static_cast<unsigned long long>(r.bytes), 8.0 * double(r.bytes) / double(table.totalElements()),
                        a.measure.empty() ? "predicted loss" : "predicted KLD", r.loss,
                        static_cast<unsigned long long>(fileBytes));
    }
    if (!a.target) {
        if (a.json) printJson(doc);
        return 0;
    }
    SolvedPlan s = solvePlan(*model, table, a.rules, *a.target, a.imatrix);
    s.plan.sourcePath = a.model;
    if (!s.result.feasible) note("solve: the target cannot be met; writing the closest plan\n");
    if (!a.output.empty()) savePlan(a.output, s.plan);
    if (a.json) {
        doc["solved"] = solvedJson(a, s, table.totalElements());
        printJson(doc);
    } else {
        printSummary(s, table.totalElements(), !a.measure.empty());
    }
    return s.result.feasible ? 0 : 1;
}

const CliRegistrar registrar({"solve", "per-tensor types minimising the predicted loss under a size budget", &runSolve});

} // namespace
} // namespace qx::cli

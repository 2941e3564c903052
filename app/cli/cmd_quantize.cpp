// `qexplore-cli quantize`: calibration-based quantization (RTN, imatrix, GPTQ, AWQ, SmoothQuant, LLM.int8)
// evaluated as fake quantization: perplexity and mean KL-divergence against the F32 model.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/model_arg.h"

#include "calib/block_calib.h"
#include "calib/calib_cache.h"
#include "calib/calib_export.h"
#include "calib/calib_methods.h"
#include "calib/calib_run.h"
#include "calib/int8_matmul.h"
#include "calib/w8a8_stream.h"
#include "common/error.h"
#include "common/text_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/mapped_weights.h"
#include "model/stream_memory.h"
#include "model/tokenizer.h"
#include "plan/planned_weights.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <sstream>

namespace qx::cli {
namespace {

struct QuantArgs {
    std::string model, method = "rtn", scheme = "int4-g32", calibFile, evalFile, output, cacheDir, memBudget;
    bool useCache = true;
    int64_t calibChunks = -1, evalChunks = -1, nCtx = 128;
    double damp = 1.0, alpha = 0.5;
    float threshold = 6.0f;
    bool actOrder = false, noClip = false, gptqOneCapture = false;
    int threads = 0;
};

const char* const kDescription =
    "Quantizes every linear layer inside the blocks with a calibration-based method and reports perplexity\n"
    "and mean KL-divergence against the F32 model (fake quantization: quantize, then dequantize).\n"
    "Without --eval-text the -f text is split at its middle line: calibration on the first half,\n"
    "evaluation on the second. With --eval-text, overlap between the two texts is detected and reported.";

void addOptions(CommandLine& cl, QuantArgs& a)
{
    CLI::App& app = cl.app();
    cl.addModel(a.model);
    app.add_option("--method", a.method, "rtn | imatrix | gptq | gptq-act | awq | awq-noclip | smoothquant | llmint8\n"
                                         "(default rtn); a comma list runs several on one baseline and calibration\n"
                                         "(so does a list of schemes)")->type_name("M");
    app.add_option("--scheme", a.scheme, "int4-g32 | int4-g128 | int3-g32 | int8-pc | Q4_0 Q4_1 Q5_0 Q5_1 Q8_0 |\n"
                                         "Q2_K Q3_K Q4_K Q5_K Q6_K; smoothquant and llmint8 are W8A8 and ignore it")
        ->type_name("S");
    cl.output(app.add_option("-o,--output", a.output, "write the result as GGUF (one method, one ggml scheme, GGUF input):\n"
                                            "calibrated layers in the scheme's type, the rest as stored; the file is\n"
                                            "re-read and evaluated again")->type_name("OUT.gguf"));
    cl.input(app.add_option("-f,--file", a.calibFile, "calibration text (MODEL :demo: 200 of its training stories by default,\n"
                                                      "evaluated on its held-out text)")->type_name("FILE"));
    app.add_option("--calib-chunks", a.calibChunks, "calibration chunks (default: all)")->type_name("N");
    cl.input(app.add_option("--eval-text", a.evalFile, "evaluation text (default: second half of -f)")->type_name("FILE"));
    app.add_option("--eval-chunks", a.evalChunks, "evaluation chunks (default: all)")->type_name("M");
    app.add_option("-c,--ctx-size", a.nCtx, "context per chunk (default 128)")->type_name("N")->check(positive());
    app.add_flag("--act-order", a.actOrder, "GPTQ: process columns by decreasing Hessian diagonal (method gptq-act\n"
                                            "does too)");
    app.add_flag("--gptq-one-capture", a.gptqOneCapture,
                 "GPTQ: every block's Hessians from one capture of the float model (default: sequential, each\n"
                 "block's from the inputs the already-quantized blocks before it produce)");
    app.add_flag("--no-clip", a.noClip, "AWQ: scale search only, no clipping search (method awq-noclip does too)");
    app.add_option("--damp", a.damp, "GPTQ: dampening in % of the mean Hessian diagonal (default 1)")
        ->type_name("P")->check(positive());
    app.add_option("--alpha", a.alpha, "SmoothQuant migration strength (default 0.5)")->type_name("A");
    app.add_option("--threshold", a.threshold, "LLM.int8 outlier threshold (default 6.0)")->type_name("T");
    cl.addThreads(a.threads);
    app.add_option("--mem-budget", a.memBudget, "memory the streamed methods may use, e.g. 16G (default: 3/4 of\n"
                                                "physical memory); a run that needs more is refused before it starts")
        ->type_name("SIZE");
    app.add_option("--calib-cache", a.cacheDir, "where captured statistics are cached per (model, text, settings)\n"
                                                "(default $XDG_CACHE_HOME/qexplore or ~/.cache/qexplore)")
        ->type_name("DIR");
    app.add_flag("--no-calib-cache{false}", a.useCache, "always capture, never read or write the cache");
    cl.setFooter("Progress goes to stderr (Ctrl-C cancels: exit code 130, no -o file is left); results to stdout.");
}

QuantArgs parseArgs(const std::vector<std::string>& args)
{
    QuantArgs a;
    CommandLine cl("quantize",
                   "MODEL --method M --scheme S -f CALIB.txt [--calib-chunks N]\n"
                   "                             [--eval-text F] [--eval-chunks M] [-c N] [options]",
                   kDescription);
    addOptions(cl, a);
    cl.parse(args);
    if (a.calibFile.empty() && !isDemoArg(a.model))
        throw UsageError("--file is required");
    if (!a.memBudget.empty() && !parseByteSize(a.memBudget))
        throw UsageError("--mem-budget takes a size such as 16G or 4500M, not '" + a.memBudget + "'");
    return a;
}

double secondsSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void printScore(const char* label, const EvalScore& s, double seconds)
{
    std::printf("%-28s PPL %9.4f +/- %.4f   mean KLD %.6f +/- %.6f   same top %5.1f%%   (%.2f s)\n", label, s.ppl,
                s.pplUnc, s.kldMean, s.kldUnc, 100.0 * s.sameTop, seconds);
}

// GPTQ, AWQ, SmoothQuant, LLM.int8 and round-to-nearest on a ggml grid stream the model from its file (any
// size); imatrix and the uniform grids' round-to-nearest need the whole model in F32 and one capture of its
// inputs, made the first time such a method runs. Every result is evaluated streamed.
struct Session {
    std::shared_ptr<const ModelFile> model;
    std::shared_ptr<const MappedWeights> file;
    std::shared_ptr<const LlamaWeights> weights;   ///< loaded by residentWeights()
    std::unique_ptr<CalibEvaluator> evaluator;
    std::shared_ptr<const CalibData> calib;        ///< captured by captured()
    std::string calibText;
    std::vector<int32_t> calibTokens;
    std::optional<int32_t> bos;
    ForwardOptions forward;
    bool naiveInt8Done = false;   ///< naive W8A8 is printed once, before the first W8A8 method
};

const LlamaWeights& residentWeights(Session& s)
{
    if (!s.weights) {
        note("quantize: loading the model's weights as F32\n");
        s.weights = LlamaWeights::fromModel(s.model);
    }
    return *s.weights;
}

CalibRequest baseRequest(const QuantArgs& a)
{
    CalibRequest r;
    r.dampPercent = a.damp;
    r.actOrder = a.actOrder;
    r.noClip = a.noClip;
    r.alpha = a.alpha;
    r.threshold = a.threshold;
    r.chunks = a.calibChunks;
    r.nCtx = a.nCtx;
    if (a.useCache)
        r.cacheDir = a.cacheDir.empty() ? defaultCalibCacheDir() : a.cacheDir;
    return r;
}

// The calibration statistics from the cache when present, otherwise captured (and then cached).
const CalibData& captured(const QuantArgs& a, Session& s)
{
    if (s.calib)
        return *s.calib;
    residentWeights(s);
    const auto t0 = std::chrono::steady_clock::now();
    CalibRequest r = baseRequest(a);
    r.calibText = s.calibText;
    const CaptureOutcome c =
        captureCached(s.weights, a.model, s.calibTokens, r, s.bos, s.forward, nullptr, progressPrinter("calibration"));
    if (c.fromDisk)
        std::printf("calibration statistics read from the cache %s (same model, text and settings)\n",
                    c.cachePath.c_str());
    else if (!c.cachePath.empty() && c.cacheWriteError.empty())
        std::printf("calibration statistics cached in %s\n", c.cachePath.c_str());
    else if (!c.cacheWriteError.empty())
        std::printf("WARNING: could not cache the calibration statistics: %s\n", c.cacheWriteError.c_str());
    s.calib = c.data;
    std::printf("calibration capture: %lld rows per layer (%.2f s)\n",
                static_cast<long long>(s.calib->empty() ? 0 : s.calib->begin()->second.samples), secondsSince(t0));
    for (const auto& [name, l] : *s.calib)
        if (l.samples < 2 * l.cols) {
            std::printf("WARNING: only %lld calibration rows for %s with %lld inputs: its Hessian is singular\n"
                        "         and GPTQ leans on the dampening (raised when Cholesky fails). Use more text.\n",
                        static_cast<long long>(l.samples), name.c_str(), static_cast<long long>(l.cols));
            break;
        }
    return *s.calib;
}

void prepare(const QuantArgs& a, Session& s)
{
    s.model = openModelArg(a.model);
    LlamaWeights::checkModel(*s.model);
    s.forward.threads = a.threads;
    s.forward.memoryBudgetBytes = a.memBudget.empty() ? 0 : *parseByteSize(a.memBudget);
    s.file = std::make_shared<const MappedWeights>(s.model, a.threads);
    const Tokenizer tok = openTokenizerArg(a.model);
    std::string calibText = readTextArg(a.calibFile, a.model, TextRole::Calibration), evalText;
    if (a.calibFile.empty()) {  // the demo model: its training stories, then its held-out text
        evalText = readTextArg(a.evalFile, a.model, TextRole::Evaluation);
        std::printf("calibration: %s, evaluation: %s\n", textArgName({}, a.model, TextRole::Calibration).c_str(),
                    textArgName(a.evalFile, a.model, TextRole::Evaluation).c_str());
    } else if (a.evalFile.empty()) {
        std::tie(calibText, evalText) = splitCalibEval(calibText, 0.5);
        std::printf("calibration: first half of %s (%zu bytes), evaluation: second half (%zu bytes)\n",
                    a.calibFile.c_str(), calibText.size(), evalText.size());
    } else {
        evalText = readTextFile(a.evalFile);
    }
    const double overlap = textOverlap(calibText, evalText);
    if (overlap > 0.0)
        std::printf("WARNING: calibration and evaluation texts overlap: %.1f%% of the evaluation lines also occur in the\n"
                    "         calibration text, which flatters the calibrated methods; evaluate on other text\n",
                    100.0 * overlap);
    else
        std::printf("calibration and evaluation texts share no line\n");
    s.bos = chunkBosToken(*s.model);
    s.calibText = std::move(calibText);
    s.calibTokens = tok.encode(s.calibText, true);
    const auto t0 = std::chrono::steady_clock::now();
    note("quantize: F32 baseline on the evaluation text\n");
    s.evaluator = std::make_unique<CalibEvaluator>(std::static_pointer_cast<const WeightSource>(s.file),
                                                   tok.encode(evalText, true), a.nCtx, a.evalChunks, s.bos, s.forward,
                                                   progressPrinter("baseline"));
    std::printf("F32 baseline PPL %.4f (%.2f s)\n", s.evaluator->baselinePpl(), secondsSince(t0));
}

/// The streamed model with `r`'s calibrated tensors in place of the file's.
std::shared_ptr<const WeightSource> calibratedSource(const std::shared_ptr<const CalibResult>& r, const Session& s)
{
    return std::make_shared<const PlannedWeights>(s.file, Plan{}, nullptr,
                                                  std::shared_ptr<const Substitutions>(r, &r->values), nullptr,
                                                  std::shared_ptr<const PackedTensors>(r, &r->packed));
}

void runInt8(const QuantArgs& a, const std::string& method, Session& s)
{
    auto t0 = std::chrono::steady_clock::now();
    if (!s.naiveInt8Done) {
        s.naiveInt8Done = true;
        auto naive = std::make_shared<CalibResult>();
        naive->packed = int8RowsStreamed(s.model, a.threads, s.forward.memoryBudgetBytes);
        const EvalScore score =
            s.evaluator->evaluate(calibratedSource(naive, s), int8ActivationTransform(nullptr), progressPrinter("W8A8"));
        printScore("naive W8A8 (int8)", score, secondsSince(t0));
    }
    t0 = std::chrono::steady_clock::now();
    CalibRequest req = baseRequest(a);
    req.method = method;
    const bool smooth = method == "smoothquant";
    note("quantize: %s, each block's inputs captured from the float model\n", method.c_str());
    const auto r = std::make_shared<const CalibResult>(runStreamedW8A8(s.model, s.calibTokens, s.bos, req, s.forward,
                                                                       progressPrinter(smooth ? "SmoothQuant" : "LLM.int8")));
    for (const auto& n : r->notes)
        std::printf("  %s\n", n.c_str());
    const EvalScore score = s.evaluator->evaluate(calibratedSource(r, s), r->transform, progressPrinter("evaluate"));
    const std::string label =
        smooth ? "SmoothQuant W8A8 a=" + std::to_string(a.alpha).substr(0, 4) : "LLM.int8 (mixed precision)";
    printScore(label.c_str(), score, secondsSince(t0));
}

// Writes the calibrated model as GGUF, re-reads it and checks that it evaluates like the calibrated model.
void exportResult(const QuantArgs& a, const CalibResult& cr, const EvalScore& calibrated, Session& s)
{
    const auto t0 = std::chrono::steady_clock::now();
    const ExportResult e = exportCalibrated(*s.model, calibratedPlan(*s.model, cr.tensors(), cr.grid.type),
                                            cr.exportValues, a.output, cr.importance, progressPrinter("export"), cr.packed);
    const double dev = maxExportDeviation(a.output, cr.values, cr.packed);
    std::printf("wrote %s: %llu bytes, %d tensors converted, %d copied (%.2f s); largest deviation of a calibrated "
                "value after re-reading: %.3g%s\n",
                a.output.c_str(), static_cast<unsigned long long>(e.fileBytes), e.quantizedTensors, e.copiedTensors,
                secondsSince(t0), dev, dev == 0.0 ? " (lossless)" : "");
    const auto t1 = std::chrono::steady_clock::now();
    const auto written = std::make_shared<const MappedWeights>(openModel(a.output), a.threads);
    const EvalScore r = s.evaluator->evaluate(std::static_pointer_cast<const WeightSource>(written), {},
                                              progressPrinter("re-read"));
    printScore("exported file", r, secondsSince(t1));
    std::printf("exported file PPL %s the calibrated model's evaluation (%.6f vs %.6f)\n",
                r.ppl == calibrated.ppl ? "equals" : "DIFFERS FROM", r.ppl, calibrated.ppl);
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    if (out.empty())
        throw UsageError("empty list '" + text + "'");
    return out;
}

void runWeightMethod(const QuantArgs& a, const std::string& method, const std::string& scheme, Session& s)
{
    CalibRequest req = baseRequest(a);
    req.method = method;
    req.grid = scheme;
    const bool gptq = method == "gptq" || method == "gptq-act", awq = method == "awq" || method == "awq-noclip";
    const bool rtnStreamed = method == "rtn" && parseGrid(scheme).ggml;
    if (!gptq && !awq && !rtnStreamed)
        captured(a, s);
    const auto t0 = std::chrono::steady_clock::now();
    note("quantize: %s on %s\n", method.c_str(), scheme.c_str());
    const auto result = std::make_shared<const CalibResult>(
        gptq          ? runStreamedGptq(s.model, s.calibTokens, s.bos, req, !a.gptqOneCapture, s.forward,
                                        progressPrinter("GPTQ"), true)
        : awq         ? runStreamedAwq(s.model, s.calibTokens, s.bos, req, s.forward, progressPrinter("AWQ"))
        : rtnStreamed ? runStreamedRtn(s.model, req, s.forward, progressPrinter("RTN"))
                      : runCalibration(residentWeights(s), captured(a, s), req, progressPrinter(method)));
    const CalibResult& cr = *result;
    for (const auto& n : cr.notes)
        std::printf("  %s\n", n.c_str());
    const double tq = secondsSince(t0);
    if (cr.values.empty() && cr.packed.empty()) {
        std::printf("%-28s %s fits no layer of this model\n", (method + " " + scheme).c_str(), cr.grid.name().c_str());
        return;
    }
    const size_t total = size_t(s.file->config().nLayer) * blockLinearLayers(*s.file, 0).size();
    std::printf("quantized with %s on %s: %.3f s%s\n", method.c_str(), cr.grid.name().c_str(), tq,
                cr.tensors().size() < total ? " (layers whose rows do not fit the grid stay F32)" : "");
    const auto t1 = std::chrono::steady_clock::now();
    const EvalScore r = s.evaluator->evaluate(calibratedSource(result, s), {}, progressPrinter("evaluate"));
    printScore((method + " " + scheme).c_str(), r, secondsSince(t1));
    if (!a.output.empty())
        exportResult(a, cr, r, s);
}

/// Unknown methods or schemes are usage errors that name the option and the value.
void checkNames(const std::vector<std::string>& methods, const std::vector<std::string>& schemes)
{
    const auto known = calibMethodNames();
    try {
        for (const auto& m : methods)
            if (std::find(known.begin(), known.end(), m) == known.end())
                parseCalibMethod(m);  // throws with the list of methods
    } catch (const Error& e) {
        throw UsageError(std::string("--method: ") + e.what());
    }
    try {
        for (const auto& sc : schemes)
            parseGrid(sc);
    } catch (const Error& e) {
        throw UsageError(std::string("--scheme: ") + e.what());
    }
}

int runQuantize(const std::vector<std::string>& args)
{
    const QuantArgs a = parseArgs(args);
    const auto methods = splitList(a.method), schemes = splitList(a.scheme);
    checkNames(methods, schemes);
    if (!a.output.empty() && (methods.size() != 1 || schemes.size() != 1 || !parseGrid(schemes[0]).ggml))
        throw UsageError("-o needs exactly one method and one ggml scheme (e.g. Q4_K)");
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // results appear as each evaluation ends, even in a file
    Session s;
    prepare(a, s);
    for (const auto& scheme : schemes)
        for (const auto& method : methods) {
            if (isW8A8Method(method)) {
                if (scheme == schemes.front())
                    runInt8(a, method, s);
            } else {
                runWeightMethod(a, method, scheme, s);
            }
        }
    return 0;
}

const CliRegistrar kRegistrar({"quantize", "calibration-based quantization (GPTQ, AWQ, SmoothQuant, LLM.int8) with PPL/KLD",
                               &runQuantize});

} // namespace
} // namespace qx::cli

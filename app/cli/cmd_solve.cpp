// `qexplore-cli solve MODEL (--target-bpw B | --target-size S | --max-loss X) -o PLAN.json`: per-tensor
// types minimising the predicted loss under a budget.
#include "cli/cli_command.h"

#include "common/error.h"
#include "io/model_file.h"
#include "plan/budget_solver.h"
#include "plan/candidates.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf(
        "Usage: qexplore-cli solve MODEL (--target-bpw B | --target-size S | --max-loss X) [--imatrix F]\n"
        "                          [--pin NAME=TYPE ...] [--output-min TYPE] [--token-embd-min TYPE]\n"
        "                          [--cache-dir DIR] -o PLAN.json\n\n"
        "Chooses a storage type per tensor (Q2_K..Q6_K, Q8_0, Q4_0..Q5_1, IQ4_NL, IQ4_XS, F16, F32) minimising\n"
        "the total predicted loss: the importance-weighted squared error of each tensor's quantize->dequantize\n"
        "round trip. Norms and vectors stay as stored.\n\n"
        "  --target-bpw B       tensor data of B bits per weight on average (all tensors)\n"
        "  --target-size S      file size, e.g. 2.1GB, 1700KB, 1703232 (header size taken from MODEL)\n"
        "  --max-loss X         smallest plan whose predicted loss is at most X\n"
        "  --imatrix F          llama.cpp imatrix .dat file: weights the error per column\n"
        "  --pin NAME=TYPE      fix a tensor's type (repeatable)\n"
        "  --output-min TYPE    output.weight at least TYPE's bits/weight (e.g. Q6_K)\n"
        "  --token-embd-min T   token_embd.weight at least T's bits/weight\n"
        "  --cache-dir DIR      keep the candidate table there (key: model and imatrix path, size, mtime)\n"
        "  -o, --output FILE    plan JSON to write\n");
}

struct SolveArgs {
    std::string model, imatrix, cacheDir, output;
    double bpw = -1, maxLoss = -1;
    int64_t size = -1;
    SolverRules rules;
};

[[noreturn]] void fail(const std::string& message)
{
    throw Error(ErrorCode::InvalidArgument, "solve: " + message);
}

TensorType parseType(const std::string& s)
{
    const auto t = tensorTypeFromName(s);
    if (!t) fail("unknown type '" + s + "'");
    return *t;
}

int64_t parseSize(const std::string& s)
{
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    const std::string unit = end;
    static const std::map<std::string, double> units = {{"", 1}, {"B", 1}, {"KB", 1e3}, {"MB", 1e6},
        {"GB", 1e9}, {"KiB", 1024.0}, {"MiB", 1048576.0}, {"GiB", 1073741824.0}};
    const auto it = units.find(unit);
    if (end == s.c_str() || it == units.end() || v <= 0) fail("bad size '" + s + "'");
    return int64_t(v * it->second);
}

SolveArgs parseArgs(const std::vector<std::string>& args)
{
    SolveArgs a;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& o = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) fail(o + " needs a value");
            return args[++i];
        };
        if (o == "--target-bpw") a.bpw = std::atof(value().c_str());
        else if (o == "--target-size") a.size = parseSize(value());
        else if (o == "--max-loss") a.maxLoss = std::atof(value().c_str());
        else if (o == "--imatrix") a.imatrix = value();
        else if (o == "--cache-dir") a.cacheDir = value();
        else if (o == "-o" || o == "--output") a.output = value();
        else if (o == "--output-min") a.rules.outputMin = parseType(value());
        else if (o == "--token-embd-min") a.rules.tokenEmbdMin = parseType(value());
        else if (o == "--pin") {
            const std::string& p = value();
            const size_t eq = p.find('=');
            if (eq == std::string::npos) fail("--pin needs NAME=TYPE");
            a.rules.pins.emplace_back(p.substr(0, eq), parseType(p.substr(eq + 1)));
        } else if (!o.empty() && o[0] == '-') fail("unknown option '" + o + "'");
        else if (a.model.empty()) a.model = o;
        else fail("only one MODEL may be given");
    }
    if (a.model.empty()) fail("no MODEL given");
    if ((a.bpw > 0) + (a.size > 0) + (a.maxLoss >= 0) != 1)
        fail("give exactly one of --target-bpw, --target-size, --max-loss");
    return a;
}

uint64_t headerBytes(const ModelFile& model)
{
    uint64_t data = 0;
    for (const auto& t : model.tensors)
        if (t.aliasOf.empty()) data += t.nbytes;
    std::error_code ec;
    const uint64_t file = std::filesystem::file_size(model.path, ec);
    return !ec && file > data ? file - data : 0;
}

SolverResult solve(const SolveArgs& a, const CandidateTable& table, const ModelFile& model)
{
    if (a.maxLoss >= 0) return solveForLoss(table, a.maxLoss);
    const uint64_t budget = a.bpw > 0 ? uint64_t(a.bpw * double(table.totalElements()) / 8.0)
                                      : uint64_t(a.size) - std::min<uint64_t>(uint64_t(a.size), headerBytes(model));
    return solveForBytes(table, budget);
}

int runSolve(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    const SolveArgs a = parseArgs(args);
    const auto model = openModel(a.model);
    const std::vector<TensorType> types = defaultCandidateTypes();
    const CandidateTable table = applyRules(
        loadOrBuildCandidateTable(*model, a.model, a.imatrix, types, a.cacheDir,
                                  [last = -1](double f) mutable {
                                      if (int(100 * f) != last) std::fprintf(stderr, "\rcandidates: %3d%%", last = int(100 * f));
                                      return true;
                                  }),
        a.rules);
    std::fprintf(stderr, "\n");
    const SolverResult r = solve(a, table, *model);
    if (!r.feasible) std::fprintf(stderr, "solve: the target cannot be met; writing the closest plan\n");
    std::map<std::string, int> counts;
    for (size_t i = 0; i < table.tensors.size(); ++i)
        ++counts[std::string(tensorTypeName(table.tensors[i].options[size_t(r.choice[i])].type))];
    std::printf("tensor data: %llu bytes, %.4f bits/weight, predicted loss %.6g\n",
                static_cast<unsigned long long>(r.bytes), 8.0 * double(r.bytes) / double(table.totalElements()), r.loss);
    std::printf("estimated file size: %llu bytes\n", static_cast<unsigned long long>(r.bytes + headerBytes(*model)));
    for (const auto& [type, n] : counts) std::printf("  %-7s %d tensors\n", type.c_str(), n);
    if (!a.output.empty()) {
        std::ofstream out(a.output, std::ios::binary);
        out << choicesToJson(choicesOf(table, r, a.rules), r.bytes, r.loss) << '\n';
        if (!out) throw Error(ErrorCode::Io, a.output, kNoOffset, "cannot write the plan");
    }
    return r.feasible ? 0 : 1;
}

const CliRegistrar registrar({"solve", "per-tensor types minimising the predicted loss under a size budget", &runSolve});

} // namespace
} // namespace qx::cli

// `qexplore-cli dump MODEL TENSOR [--rows A:B]`: a tensor's values, dequantized to F32, one row per line.
#include "cli/cli_command.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "io/model_file.h"
#include "quant/dequantize.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace qx::cli {
namespace {

constexpr int64_t kDefaultRows = 8;

bool parseInt(const std::string& s, int64_t& out)
{
    if (s.empty())
        return false;
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (*end != '\0' || v < 0)
        return false;
    out = v;
    return true;
}

/// Parses "A:B", "A:", ":B" or "A" against `rows`; nullopt when malformed or out of range.
std::optional<std::pair<int64_t, int64_t>> parseRowRange(const std::string& spec, int64_t rows)
{
    int64_t a = 0, b = rows;
    const auto colon = spec.find(':');
    if (colon == std::string::npos) {
        if (!parseInt(spec, a))
            return std::nullopt;
        b = a + 1;
    } else {
        const std::string left = spec.substr(0, colon), right = spec.substr(colon + 1);
        if ((!left.empty() && !parseInt(left, a)) || (!right.empty() && !parseInt(right, b)))
            return std::nullopt;
    }
    if (a >= b || b > rows)
        return std::nullopt;
    return std::make_pair(a, b);
}

void printRows(const TensorInfo& t, int64_t first, int64_t last)
{
    const int64_t n = t.rowLength();
    std::vector<float> row(static_cast<size_t>(n));
    for (int64_t r = first; r < last; ++r) {
        dequantizeRows(t, r, 1, row);
        std::printf("row %lld:", static_cast<long long>(r));
        for (float v : row)
            std::printf(" %.9g", static_cast<double>(v));
        std::printf("\n");
    }
}

std::string shapeText(const TensorInfo& t)
{
    std::string s = "[";
    for (size_t i = 0; i < t.ne.size(); ++i)
        s += (i ? ", " : "") + std::to_string(t.ne[i]);
    return s + "]";
}

struct DumpArgs {
    std::string model, tensor, rows;
    bool json = false;
};

Json rowsJson(const TensorInfo& t, int64_t first, int64_t last)
{
    Json doc = jsonDocument("dump");
    doc.update(Json{{"tensor", t.name}, {"type", tensorTypeName(t.type)}, {"ne", t.ne}, {"rows_total", t.rows()},
                    {"first_row", first}});
    std::vector<float> row(static_cast<size_t>(t.rowLength()));
    Json rows = Json::array();
    for (int64_t r = first; r < last; ++r) {
        dequantizeRows(t, r, 1, row);
        rows.push_back(row);
    }
    doc["rows"] = std::move(rows);
    return doc;
}

DumpArgs parseArgs(const std::vector<std::string>& args)
{
    DumpArgs a;
    CommandLine cl("dump", "MODEL TENSOR [--rows A:B] [--json]",
                   "Prints the values of TENSOR (dequantized to F32) row by row; a row is ne[0] values.");
    CLI::App& app = cl.app();
    cl.addModel(a.model, "a .gguf / .safetensors file, a Hugging Face folder or a llama2.c checkpoint");
    app.add_option("TENSOR", a.tensor, "tensor name as listed by the model (GGUF-style or the file's own name)")
        ->required();
    app.add_option("--rows", a.rows, "rows A (inclusive) to B (exclusive); 'A:' runs to the end, ':B' starts at 0,\n"
                                     "a single number prints one row. Default: the first " + std::to_string(kDefaultRows)
                                     + " rows.")->type_name("A:B");
    cl.addJson(a.json);
    cl.parse(args);
    return a;
}

int runDump(const std::vector<std::string>& args)
{
    const DumpArgs a = parseArgs(args);
    const auto model = openModelArg(a.model);
    const TensorInfo* t = model->findTensor(a.tensor);
    if (!t)
        throw Error(ErrorCode::InvalidArgument, a.model, kNoOffset, "no tensor named " + a.tensor);
    if (!canDequantize(t->type))
        throw Error(ErrorCode::Unsupported, "values of type " + std::string(tensorTypeName(t->type))
                                                + " cannot be decoded yet");
    std::pair<int64_t, int64_t> range{0, std::min(t->rows(), kDefaultRows)};
    if (!a.rows.empty()) {
        const auto parsed = parseRowRange(a.rows, t->rows());
        if (!parsed)
            throw UsageError("bad value '" + a.rows + "' for --rows (the tensor has " + std::to_string(t->rows())
                             + " rows)");
        range = *parsed;
    }
    if (a.json) {
        printJson(rowsJson(*t, range.first, range.second));
        return 0;
    }
    std::printf("# %s %s ne=%s rows %lld:%lld of %lld\n", t->name.c_str(), std::string(tensorTypeName(t->type)).c_str(),
                shapeText(*t).c_str(), static_cast<long long>(range.first), static_cast<long long>(range.second),
                static_cast<long long>(t->rows()));
    printRows(*t, range.first, range.second);
    return 0;
}

const CliRegistrar registrar({"dump", "print a tensor's values (dequantized) row by row", &runDump});

} // namespace
} // namespace qx::cli

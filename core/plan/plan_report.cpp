#include "plan/plan_report.h"

#include "common/error.h"
#include "plan/sensitivity.h"
#include "quant/dequantize.h"
#include "stats/error_metrics.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <tuple>
#include <sstream>

namespace qx {
namespace {

std::string typeName(TensorType t)
{
    return std::string(tensorTypeName(t));
}

std::string shapeText(const std::vector<int64_t>& ne)
{
    std::string s;
    for (size_t i = 0; i < ne.size(); ++i) {
        if (i)
            s += 'x';
        s += std::to_string(ne[i]);
    }
    return s;
}

std::string number(double v, const char* format = "%.4f")
{
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

nlohmann::ordered_json jsonNumber(double v)
{
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return v;
}

void measureRow(const TensorInfo& t, const ImatrixFile* imatrix, PlanReportRow& row)
{
    const std::vector<float> w = dequantizeTensor(t);
    double signal = 0.0, noise = 0.0;
    if (row.type != row.storedType) {
        std::vector<float> importance;
        if (imatrix)
            importance = imatrixImportanceFor(*imatrix, t.name, t.rowLength()).value_or(std::vector<float>{});
        const std::vector<float> q = roundTripTensor(t, row.type, importance);
        for (size_t i = 0; i < w.size(); ++i) {
            const double d = double(w[i]) - double(q[i]);
            noise += d * d;
        }
    }
    for (float x : w)
        signal += double(x) * double(x);
    row.measured = true;
    row.signalEnergy = signal;
    row.noiseEnergy = noise;
    row.sqnrDb = sqnrDb(signal, noise);
    row.relativeError = signal > 0 ? std::sqrt(noise / signal) : 0.0;
}

std::string csvField(const std::string& s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

/// The number after `label` (skipping spaces and `sep`), and the one after the following `pm`; both nullopt
/// when `label` does not occur.
std::pair<std::optional<double>, std::optional<double>> valueAfter(const std::string& text, size_t at,
                                                                   const char* sep, const char* pm)
{
    const auto number = [&](size_t& pos) -> std::optional<double> {
        while (pos < text.size() && (text[pos] == ' ' || std::strchr(sep, text[pos])))
            ++pos;
        const char* begin = text.c_str() + pos;
        char* end = nullptr;
        const double v = std::strtod(begin, &end);
        if (end == begin)
            return std::nullopt;
        pos += size_t(end - begin);
        return v;
    };
    size_t pos = at;
    const std::optional<double> value = number(pos);
    const size_t lineEnd = text.find('\n', pos);
    const size_t p = text.find(pm, pos);
    if (!value || p == std::string::npos || p > lineEnd)
        return {value, std::nullopt};
    pos = p + std::strlen(pm);
    return {value, number(pos)};
}

/// Position just after "Mean<spaces>KLD:", or npos.
size_t meanKldLabel(const std::string& text)
{
    for (size_t k = text.find("KLD:"); k != std::string::npos; k = text.find("KLD:", k + 1)) {
        size_t b = k;
        while (b > 0 && text[b - 1] == ' ')
            --b;
        if (b != k && b >= 4 && text.compare(b - 4, 4, "Mean") == 0)
            return k + 4;
    }
    return std::string::npos;
}

} // namespace

PlanReport buildPlanReport(const ModelFile& model, const Plan& plan, const ImatrixFile* imatrix, bool withErrors,
                           const ProgressFn& progress)
{
    validatePlan(model, plan);
    PlanReport r;
    r.model = plan.sourcePath.empty() ? model.path : plan.sourcePath;
    r.preset = plan.preset;
    r.imatrix = plan.imatrixPath;
    double signal = 0.0, noise = 0.0;
    for (size_t i = 0; i < plan.entries.size(); ++i) {
        const PlanEntry& e = plan.entries[i];
        const TensorInfo& t = *model.findTensor(e.tensor);
        PlanReportRow row{e.tensor, t.ne, t.type, e.type, t.elementCount()};
        row.bytes = *tensorBytes(e.type, row.elements);
        row.bitsPerWeight = row.elements ? 8.0 * double(row.bytes) / double(row.elements) : 0.0;
        row.reason = e.reason;
        row.pinned = e.pinned;
        if (withErrors)
            measureRow(t, imatrix, row);
        signal += row.signalEnergy;
        noise += row.noiseEnergy;
        r.elements += row.elements;
        r.tensorBytes += row.bytes;
        r.rows.push_back(std::move(row));
        if (progress && !progress(double(i + 1) / double(plan.entries.size())))
            throw Error(ErrorCode::Cancelled, "plan report cancelled");
    }
    r.bitsPerWeight = r.elements ? 8.0 * double(r.tensorBytes) / double(r.elements) : 0.0;
    r.sqnrDb = withErrors ? sqnrDb(signal, noise) : 0.0;
    r.relativeError = signal > 0 ? std::sqrt(noise / signal) : 0.0;
    r.fileBytes = predictedFileSize(model, plan);
    return r;
}

std::optional<ReportEvaluation> parsePerplexityOutput(const std::string& text)
{
    ReportEvaluation e;
    if (const size_t q = text.find("Mean PPL(Q)"); q != std::string::npos && text.compare(q, 13, "Mean PPL(Q)  ") == 0)
        std::tie(e.ppl, e.pplError) = valueAfter(text, q + 11, ":", "±");
    else if (const size_t f = text.find("Final estimate: PPL ="); f != std::string::npos)
        std::tie(e.ppl, e.pplError) = valueAfter(text, f + 21, "", "+/-");
    if (const size_t k = meanKldLabel(text); k != std::string::npos)
        std::tie(e.meanKld, e.meanKldError) = valueAfter(text, k, "", "±");
    if (!e.ppl && !e.meanKld)
        return std::nullopt;
    return e;
}

std::string planReportMarkdown(const PlanReport& r)
{
    std::ostringstream s;
    s << "# Quantization plan for " << r.model << "\n\n";
    s << "- plan: " << (r.preset.empty() ? std::string("custom") : r.preset) << "\n";
    s << "- imatrix: " << (r.imatrix.empty() ? std::string("none") : r.imatrix) << "\n";
    s << "- GGUF file size: " << r.fileBytes << " bytes (" << number(double(r.fileBytes) / 1048576.0, "%.2f")
      << " MiB)\n";
    s << "- tensor data: " << r.tensorBytes << " bytes for " << r.elements << " weights, "
      << number(r.bitsPerWeight) << " bits/weight\n";
    s << "- error over all tensors: SQNR " << number(r.sqnrDb, "%.2f") << " dB, relative error "
      << number(r.relativeError, "%.5f") << "\n";
    if (r.evaluation) {
        const ReportEvaluation& e = *r.evaluation;
        if (e.ppl)
            s << "- PPL: " << number(*e.ppl) << (e.pplError ? " ± " + number(*e.pplError) : "") << "\n";
        if (e.meanKld)
            s << "- mean KLD: " << number(*e.meanKld, "%.6f") << (e.meanKldError ? " ± " + number(*e.meanKldError, "%.6f") : "")
              << "\n";
        if (!e.description.empty())
            s << "- evaluation: " << e.description << "\n";
    }
    s << "\n| tensor | shape | stored | planned | bits/weight | bytes | SQNR dB | rel. error | reason |\n"
         "|---|---|---|---|---|---|---|---|---|\n";
    for (const PlanReportRow& row : r.rows)
        s << "| " << row.tensor << " | " << shapeText(row.ne) << " | " << typeName(row.storedType) << " | "
          << typeName(row.type) << (row.pinned ? " (pinned)" : "") << " | " << number(row.bitsPerWeight, "%.3f")
          << " | " << row.bytes << " | " << (row.measured ? number(row.sqnrDb, "%.2f") : "") << " | "
          << (row.measured ? number(row.relativeError, "%.5f") : "") << " | " << row.reason << " |\n";
    return s.str();
}

std::string planReportCsv(const PlanReport& r)
{
    std::ostringstream s;
    s << "tensor,shape,stored_type,type,elements,bytes,bits_per_weight,sqnr_db,relative_error,pinned,reason\n";
    for (const PlanReportRow& row : r.rows)
        s << csvField(row.tensor) << ',' << shapeText(row.ne) << ',' << typeName(row.storedType) << ','
          << typeName(row.type) << ',' << row.elements << ',' << row.bytes << ',' << number(row.bitsPerWeight, "%.6f")
          << ',' << (row.measured ? number(row.sqnrDb, "%.6f") : "") << ','
          << (row.measured ? number(row.relativeError, "%.8f") : "") << ',' << (row.pinned ? 1 : 0) << ','
          << csvField(row.reason) << '\n';
    s << "TOTAL,,,," << r.elements << ',' << r.tensorBytes << ',' << number(r.bitsPerWeight, "%.6f") << ','
      << number(r.sqnrDb, "%.6f") << ',' << number(r.relativeError, "%.8f") << ",,file " << r.fileBytes << " bytes\n";
    return s.str();
}

std::string planReportJson(const PlanReport& r)
{
    nlohmann::ordered_json j;
    j["model"] = r.model;
    j["preset"] = r.preset;
    j["imatrix"] = r.imatrix.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.imatrix);
    j["file_bytes"] = r.fileBytes;
    j["tensor_bytes"] = r.tensorBytes;
    j["elements"] = r.elements;
    j["bits_per_weight"] = r.bitsPerWeight;
    j["sqnr_db"] = jsonNumber(r.sqnrDb);
    j["relative_error"] = r.relativeError;
    if (r.evaluation) {
        nlohmann::ordered_json e;
        const auto put = [&](const char* key, const std::optional<double>& v) { if (v) e[key] = *v; };
        put("ppl", r.evaluation->ppl);
        put("ppl_error", r.evaluation->pplError);
        put("mean_kld", r.evaluation->meanKld);
        put("mean_kld_error", r.evaluation->meanKldError);
        e["description"] = r.evaluation->description;
        j["evaluation"] = e;
    }
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const PlanReportRow& row : r.rows) {
        nlohmann::ordered_json t = {{"name", row.tensor}, {"ne", row.ne}, {"stored_type", typeName(row.storedType)},
                                    {"type", typeName(row.type)}, {"elements", row.elements}, {"bytes", row.bytes},
                                    {"bits_per_weight", row.bitsPerWeight}};
        if (row.measured) {
            t["sqnr_db"] = jsonNumber(row.sqnrDb);
            t["relative_error"] = row.relativeError;
        }
        t["pinned"] = row.pinned;
        t["reason"] = row.reason;
        rows.push_back(std::move(t));
    }
    j["tensors"] = std::move(rows);
    return j.dump(2) + "\n";
}

} // namespace qx

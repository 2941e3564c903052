#include "stats/format_error.h"

#include "common/error.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "quant/imatrix_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <sstream>

namespace qx {
namespace {

/// The format a matrix of rows of `rowLength` is stored in; fills entry.fitProblem when it is not `format`.
const FormatInfo& chooseFormat(const FormatInfo& format, int64_t rowLength, FormatErrorEntry& entry)
{
    const FormatFit fit = fits(format, rowLength);
    if (fit.fits)
        return format;
    entry.fitProblem = fit.reason;
    if (fit.fallback)
        if (const FormatInfo* f = formatOf(*fit.fallback))
            return *f;
    return *findFormat("F16");
}

void measure(const TensorInfo& t, const FormatInfo& format, const ImatrixFile* imatrix, FormatErrorEntry& e)
{
    const std::vector<float> original = dequantizeTensor(t);
    const int64_t rowLength = t.rowLength();
    const FormatInfo& used = chooseFormat(format, rowLength, e);
    e.storedAs = std::string(used.name);
    std::optional<std::vector<float>> importance;
    if (imatrix && used.ggufExportable)
        importance = imatrixImportanceFor(*imatrix, t.name, rowLength);
    e.weighted = importance.has_value();
    const std::span<const float> weights = importance ? std::span<const float>(*importance) : std::span<const float>();
    std::vector<float> reconstructed(original.size());
    fakeQuant(used, original, rowLength, reconstructed, weights);
    ErrorOptions options;
    options.rowLength = rowLength;
    options.columnWeights = weights;
    e.error = compareTensors(original, reconstructed, options);
    for (size_t i = 0; i < original.size(); ++i) {
        if (!std::isfinite(original[i]) || !std::isfinite(reconstructed[i]))
            continue;
        const double d = double(reconstructed[i]) - double(original[i]);
        e.signalEnergy += double(original[i]) * double(original[i]);
        e.noiseEnergy += d * d;
    }
    e.storedBytes = storedBytes(used, t.rows(), rowLength);
}

void addToTotals(const FormatErrorEntry& e, FormatErrorTotals& totals, double& signal, double& noise)
{
    const uint64_t n = e.error.count + e.error.nonFinite;
    totals.storedBytes += e.storedBytes;
    if (!e.quantized)
        return;
    totals.quantizedValues += n;
    signal += e.signalEnergy;
    noise += e.noiseEnergy;
    if (!e.fitProblem.empty())
        ++totals.fallbacks;
}

void finishTotals(FormatErrorTotals& totals, double signal, double noise)
{
    totals.bitsPerWeight = totals.values ? double(totals.storedBytes) * 8.0 / double(totals.values) : 0.0;
    totals.mse = totals.quantizedValues ? noise / double(totals.quantizedValues) : 0.0;
    totals.sqnrDb = sqnrDb(signal, noise);
    totals.relativeFrobenius = signal > 0 ? std::sqrt(noise / signal)
                                          : (noise > 0 ? std::numeric_limits<double>::infinity() : 0.0);
}

nlohmann::json number(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return v;
}

} // namespace

FormatErrorReport computeFormatError(const ModelFile& model, const FormatInfo& format, const ImatrixFile* imatrix,
                                     const ProgressFn& progress)
{
    FormatErrorReport report;
    report.format = std::string(format.name);
    report.imatrix = imatrix != nullptr;
    double signal = 0.0, noise = 0.0;
    for (size_t i = 0; i < model.tensors.size(); ++i) {
        const TensorInfo& t = model.tensors[i];
        if (progress && !progress(double(i) / double(model.tensors.size())))
            throw Error(ErrorCode::Cancelled, "format error computation cancelled");
        if (!t.aliasOf.empty())
            continue;
        FormatErrorEntry e;
        e.name = t.name;
        e.ne = t.ne;
        e.sourceType = t.type;
        e.quantized = t.rows() > 1;
        report.totals.values += t.elementCount();
        if (e.quantized) {
            measure(t, format, imatrix, e);
        } else {
            e.storedAs = "F32";
            e.storedBytes = t.elementCount() * 4;
        }
        e.bitsPerWeight = t.elementCount() ? double(e.storedBytes) * 8.0 / double(t.elementCount()) : 0.0;
        addToTotals(e, report.totals, signal, noise);
        report.tensors.push_back(std::move(e));
    }
    finishTotals(report.totals, signal, noise);
    return report;
}

std::string formatErrorText(const FormatErrorReport& r)
{
    std::ostringstream out;
    char line[512];
    std::snprintf(line, sizeof line, "%-28s %-8s %11s %11s %9s %9s %10s %9s %11s %10s %7s\n", "tensor", "as",
                  "mse", "rmse", "sqnr_db", "cosine", "max_abs", "rel_frob", "wmse", "bytes", "bpw");
    out << line;
    for (const auto& e : r.tensors) {
        const TensorError& x = e.error;
        if (!e.quantized) {
            std::snprintf(line, sizeof line, "%-28s %-8s %87llu %7.4f\n", e.name.c_str(), e.storedAs.c_str(),
                          static_cast<unsigned long long>(e.storedBytes), e.bitsPerWeight);
            out << line;
            continue;
        }
        std::snprintf(line, sizeof line, "%-28s %-8s %11.4e %11.4e %9.3f %9.6f %10.4e %9.5f %11.4e %10llu %7.4f%s%s\n",
                      e.name.c_str(), e.storedAs.c_str(), x.mse, x.rmse, x.sqnrDb, x.cosine, x.maxAbsError,
                      x.relativeFrobenius, x.weightedMse, static_cast<unsigned long long>(e.storedBytes),
                      e.bitsPerWeight, e.fitProblem.empty() ? "" : "  ", e.fitProblem.c_str());
        out << line;
    }
    const FormatErrorTotals& t = r.totals;
    std::snprintf(line, sizeof line, "total (%s%s): %llu values, %llu bytes, %.4f bits/weight; quantized mse %.4e, "
                  "sqnr %.3f dB, rel_frob %.5f, %d fallbacks\n", r.format.c_str(), r.imatrix ? ", imatrix" : "",
                  static_cast<unsigned long long>(t.values), static_cast<unsigned long long>(t.storedBytes),
                  t.bitsPerWeight, t.mse, t.sqnrDb, t.relativeFrobenius, t.fallbacks);
    out << line;
    return out.str();
}

std::string formatErrorJson(const FormatErrorReport& r)
{
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto& e : r.tensors) {
        const TensorError& x = e.error;
        tensors.push_back({{"name", e.name}, {"ne", e.ne}, {"source_type", std::string(tensorTypeName(e.sourceType))},
                           {"stored_as", e.storedAs}, {"quantized", e.quantized}, {"fit_problem", e.fitProblem},
                           {"weighted", e.weighted}, {"count", x.count}, {"non_finite", x.nonFinite},
                           {"mse", number(x.mse)}, {"rmse", number(x.rmse)}, {"sqnr_db", number(x.sqnrDb)},
                           {"cosine", number(x.cosine)}, {"max_abs", number(x.maxAbsError)},
                           {"relative_frobenius", number(x.relativeFrobenius)},
                           {"weighted_mse", number(x.weightedMse)}, {"stored_bytes", e.storedBytes},
                           {"bits_per_weight", e.bitsPerWeight}});
    }
    const FormatErrorTotals& t = r.totals;
    nlohmann::json totals = {{"values", t.values}, {"stored_bytes", t.storedBytes},
                             {"bits_per_weight", t.bitsPerWeight}, {"quantized_values", t.quantizedValues},
                             {"mse", number(t.mse)}, {"sqnr_db", number(t.sqnrDb)},
                             {"relative_frobenius", number(t.relativeFrobenius)}, {"fallbacks", t.fallbacks}};
    return nlohmann::json{{"format", r.format}, {"imatrix", r.imatrix}, {"tensors", tensors}, {"totals", totals}}
               .dump(1) + "\n";
}

} // namespace qx

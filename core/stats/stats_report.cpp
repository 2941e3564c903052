#include "stats/stats_report.h"

#include "common/error.h"
#include "io/model_file.h"
#include "quant/dequantize.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <regex>

namespace qx {

std::vector<TensorStatsEntry> computeModelStats(const ModelFile& model, const std::string& nameRegex,
                                                const StatsOptions& options, const ProgressFn& progress)
{
    std::regex re;
    try {
        re = std::regex(nameRegex, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        throw Error(ErrorCode::InvalidArgument, "invalid tensor regex '" + nameRegex + "': " + e.what());
    }
    std::vector<const TensorInfo*> selected;
    for (const auto& t : model.tensors)
        if (nameRegex.empty() || std::regex_search(t.name, re))
            selected.push_back(&t);
    std::vector<TensorStatsEntry> out;
    for (size_t i = 0; i < selected.size(); ++i) {
        const TensorInfo& t = *selected[i];
        TensorStatsEntry e{t.name, t.ne, t.type, false, {}, {}};
        if (t.elementCount() == 0) {
            e.skipReason = "no elements: nothing to compute";
        } else if (!canDequantize(t.type)) {
            e.skipReason = undecodableReason(t.type);
        } else {
            const double lo = static_cast<double>(i) / static_cast<double>(selected.size());
            const double width = 1.0 / static_cast<double>(selected.size());
            const ProgressFn inner = progress ? ProgressFn([&](double f) { return progress(lo + width * f); })
                                              : ProgressFn();
            e.stats = computeTensorStats(t, options, inner);
            e.decoded = true;
        }
        out.push_back(std::move(e));
        if (progress && !progress(static_cast<double>(i + 1) / static_cast<double>(selected.size())))
            throw Error(ErrorCode::Cancelled, "cancelled");
    }
    return out;
}

namespace {

std::string shapeText(const std::vector<int64_t>& ne)
{
    std::string s;
    for (size_t i = 0; i < ne.size(); ++i)
        s += (i ? " x " : "") + std::to_string(ne[i]);
    return s.empty() ? "scalar" : s;
}

nlohmann::json histogramJson(const Histogram& h)
{
    return {{"lo", h.lo}, {"hi", h.hi}, {"counts", h.counts}, {"below", h.below}, {"above", h.above}};
}

nlohmann::json statsJson(const TensorStats& s)
{
    nlohmann::json top = nlohmann::json::array();
    for (const auto& o : s.topOutliers)
        top.push_back({{"row", o.row}, {"column", o.column}, {"value", o.value}});
    return {{"rows", s.rows}, {"row_length", s.rowLength}, {"count", s.count}, {"finite_count", s.finiteCount},
            {"nan_count", s.nanCount}, {"inf_count", s.infCount}, {"zero_count", s.zeroCount},
            {"zero_fraction", s.zeroFraction}, {"min", s.min}, {"max", s.max}, {"abs_max", s.absMax},
            {"min_nonzero_abs", s.minNonZeroAbs}, {"mean", s.mean}, {"std", s.stddev}, {"skewness", s.skewness},
            {"excess_kurtosis", s.excessKurtosis}, {"histogram", histogramJson(s.histogram)},
            {"log10_abs_histogram", histogramJson(s.logHistogram)}, {"row_abs_max", s.rowAbsMax},
            {"row_rms", s.rowRms}, {"column_abs_max", s.columnAbsMax}, {"column_rms", s.columnRms},
            {"outlier_threshold", s.outlierThreshold}, {"outlier_count", s.outlierCount}, {"top_outliers", top}};
}

} // namespace

std::string tensorStatsJson(const TensorStats& stats) { return statsJson(stats).dump(); }

std::string modelStatsJson(const std::vector<TensorStatsEntry>& entries, const std::string& modelPath)
{
    nlohmann::json tensors = nlohmann::json::array();
    for (const auto& e : entries) {
        nlohmann::json t = {{"name", e.name}, {"shape", e.ne}, {"type", std::string(tensorTypeName(e.type))}};
        if (e.decoded)
            t["stats"] = statsJson(e.stats);
        else
            t["skipped"] = e.skipReason;
        tensors.push_back(std::move(t));
    }
    return nlohmann::json{{"model", modelPath}, {"tensors", tensors}}.dump(1) + "\n";
}

std::string modelStatsText(const std::vector<TensorStatsEntry>& entries)
{
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "%-32s %-14s %-6s %11s %10s %10s %9s %8s\n", "tensor", "shape", "type", "mean",
                  "std", "absmax", "kurtosis", "outliers");
    out += line;
    for (const auto& e : entries) {
        const std::string type(tensorTypeName(e.type));
        if (!e.decoded) {
            std::snprintf(line, sizeof line, "%-32s %-14s %-6s  (%s)\n", e.name.c_str(), shapeText(e.ne).c_str(),
                          type.c_str(), e.skipReason.c_str());
        } else {
            const auto& s = e.stats;
            std::snprintf(line, sizeof line, "%-32s %-14s %-6s %11.4e %10.4e %10.4e %9.3f %8llu\n", e.name.c_str(),
                          shapeText(e.ne).c_str(), type.c_str(), s.mean, s.stddev, s.absMax, s.excessKurtosis,
                          static_cast<unsigned long long>(s.outlierCount));
        }
        out += line;
    }
    return out;
}

} // namespace qx

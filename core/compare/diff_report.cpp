#include "compare/diff_report.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <sstream>

namespace qx {
namespace {

using nlohmann::json;

json number(double v)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return v;
}

bool hasA(const TensorDiff& d) { return d.status != TensorDiffStatus::OnlyInB; }
bool hasB(const TensorDiff& d) { return d.status != TensorDiffStatus::OnlyInA; }
bool measured(const TensorDiff& d)
{
    return d.status == TensorDiffStatus::Compared || d.status == TensorDiffStatus::Identical;
}

json tensorJson(const TensorDiff& d)
{
    json j = {{"name", d.name}, {"layer", d.layer}, {"class", d.tensorClass}, {"status", tensorDiffStatusName(d.status)},
              {"identical", d.status == TensorDiffStatus::Identical}};
    j["type_a"] = hasA(d) ? json(std::string(tensorTypeName(d.typeA))) : json(nullptr);
    j["type_b"] = hasB(d) ? json(std::string(tensorTypeName(d.typeB))) : json(nullptr);
    j["ne_a"] = hasA(d) ? json(d.neA) : json(nullptr);
    j["ne_b"] = hasB(d) ? json(d.neB) : json(nullptr);
    j["bytes_a"] = hasA(d) ? json(d.bytesA) : json(nullptr);
    j["bytes_b"] = hasB(d) ? json(d.bytesB) : json(nullptr);
    j["bits_per_weight_a"] = hasA(d) ? json(d.bitsPerWeightA) : json(nullptr);
    j["bits_per_weight_b"] = hasB(d) ? json(d.bitsPerWeightB) : json(nullptr);
    if (measured(d)) {
        j["values"] = d.values;
        j["sqnr_db"] = number(d.sqnrDb);
        j["relative_error"] = number(d.relativeError);
        j["max_abs_diff"] = number(d.maxAbsDiff);
        j["cosine"] = number(d.cosine);
        j["mse"] = number(d.mse);
        j["non_finite"] = d.nonFinite;
    }
    if (!d.problem.empty())
        j["problem"] = d.problem;
    j["tied_a"] = d.aliasA;
    j["tied_b"] = d.aliasB;
    return j;
}

json totalsJson(const DiffTotals& t)
{
    return {{"tensors", t.tensors}, {"identical", t.identical}, {"compared", t.compared}, {"unmatched", t.unmatched},
            {"bytes_a", t.bytesA}, {"bytes_b", t.bytesB}, {"values_a", t.valuesA}, {"values_b", t.valuesB},
            {"bits_per_weight_a", t.bitsPerWeightA}, {"bits_per_weight_b", t.bitsPerWeightB},
            {"sqnr_db", number(t.sqnrDb)}, {"relative_error", number(t.relativeError)}};
}

json metadataJson(const std::vector<MetadataChange>& changes)
{
    json out = json::array();
    for (const MetadataChange& c : changes) {
        json j = {{"key", c.key}, {"change", metadataChangeKindName(c.kind)}};
        j["value_a"] = c.kind == MetadataChangeKind::Added ? json(nullptr) : json(c.valueA);
        j["value_b"] = c.kind == MetadataChangeKind::Removed ? json(nullptr) : json(c.valueB);
        out.push_back(std::move(j));
    }
    return out;
}

std::string line(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string line(const char* format, ...)
{
    char buf[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(buf, sizeof buf, format, args);
    va_end(args);
    return buf;
}

std::string typeText(const TensorDiff& d, bool a)
{
    if (a ? !hasA(d) : !hasB(d))
        return "-";
    return std::string(tensorTypeName(a ? d.typeA : d.typeB)) + ((a ? d.aliasA : d.aliasB) ? "*" : "");
}

std::string tensorLine(const TensorDiff& d)
{
    const std::string head = line("%-30s %-8s %-8s %12s %12s ", d.name.c_str(), typeText(d, true).c_str(),
                                  typeText(d, false).c_str(), hasA(d) ? std::to_string(d.bytesA).c_str() : "-",
                                  hasB(d) ? std::to_string(d.bytesB).c_str() : "-");
    switch (d.status) {
    case TensorDiffStatus::Identical: return head + "identical\n";
    case TensorDiffStatus::Compared:
        return head + line("%9.3f %10.4e %10.4e %9.6f\n", d.sqnrDb, d.relativeError, d.maxAbsDiff, d.cosine);
    case TensorDiffStatus::ShapeMismatch: return head + "shapes differ\n";
    case TensorDiffStatus::OnlyInA: return head + "only in A\n";
    case TensorDiffStatus::OnlyInB: return head + "only in B\n";
    case TensorDiffStatus::Undecodable: return head + "not decodable: " + d.problem + "\n";
    }
    return head + "\n";
}

std::string totalsLine(const char* label, const DiffTotals& t)
{
    return line("%-14s %4d tensors %4d identical %12llu %12llu bytes %7.4f %7.4f bpw  sqnr %9.3f dB  rel %10.4e\n",
                label, t.tensors, t.identical, static_cast<unsigned long long>(t.bytesA),
                static_cast<unsigned long long>(t.bytesB), t.bitsPerWeightA, t.bitsPerWeightB, t.sqnrDb,
                t.relativeError);
}

void writeMetadata(std::ostringstream& out, const std::vector<MetadataChange>& changes)
{
    out << "metadata: " << changes.size() << (changes.size() == 1 ? " key differs\n" : " keys differ\n");
    for (const MetadataChange& c : changes) {
        if (c.kind == MetadataChangeKind::Removed)
            out << "  - " << c.key << " = " << c.valueA << "\n";
        else if (c.kind == MetadataChangeKind::Added)
            out << "  + " << c.key << " = " << c.valueB << "\n";
        else
            out << "  ~ " << c.key << " = " << c.valueA << " -> " << c.valueB << "\n";
    }
}

} // namespace

const char* diffRefusalName(DiffRefusal refusal)
{
    switch (refusal) {
    case DiffRefusal::None: return "";
    case DiffRefusal::Architecture: return "architecture";
    case DiffRefusal::HyperParameters: return "hyper_parameters";
    }
    return "?";
}

std::string modelDiffText(const ModelDiff& d)
{
    std::ostringstream out;
    out << "A: " << d.pathA << " (" << d.architectureA << ")\nB: " << d.pathB << " (" << d.architectureB << ")\n";
    writeMetadata(out, d.metadata);
    if (d.refusal != DiffRefusal::None) {
        out << "tensors not compared: the models differ in " << d.refusalDetail << "\n";
        return out.str();
    }
    out << line("\n%-30s %-8s %-8s %12s %12s %9s %10s %10s %9s\n", "tensor", "type_a", "type_b", "bytes_a", "bytes_b",
                "sqnr_db", "rel_err", "max_abs", "cosine");
    for (const TensorDiff& t : d.tensors)
        out << tensorLine(t);
    out << "\n";
    for (const DiffTotals& t : d.layers)
        out << totalsLine(("layer " + t.key).c_str(), t);
    for (const DiffTotals& t : d.classes)
        out << totalsLine(t.key.c_str(), t);
    out << totalsLine("total", d.total);
    for (const TensorDiff& t : d.tensors)
        if (t.aliasA || t.aliasB) {
            out << "* tied: the data of another tensor, counted there\n";
            break;
        }
    return out.str();
}

std::string modelDiffJson(const ModelDiff& d)
{
    json j = {{"a", {{"path", d.pathA}, {"architecture", d.architectureA}}},
              {"b", {{"path", d.pathB}, {"architecture", d.architectureB}}},
              {"comparable", d.refusal == DiffRefusal::None}, {"metadata", metadataJson(d.metadata)}};
    j["refusal"] = d.refusal == DiffRefusal::None
                       ? json(nullptr)
                       : json{{"reason", diffRefusalName(d.refusal)}, {"detail", d.refusalDetail}};
    json tensors = json::array(), layers = json::array(), classes = json::array();
    for (const TensorDiff& t : d.tensors)
        tensors.push_back(tensorJson(t));
    for (const DiffTotals& t : d.layers) {
        json x = totalsJson(t);
        x["layer"] = std::stoi(t.key);
        layers.push_back(std::move(x));
    }
    for (const DiffTotals& t : d.classes) {
        json x = totalsJson(t);
        x["class"] = t.key;
        classes.push_back(std::move(x));
    }
    j["tensors"] = tensors;
    j["layers"] = layers;
    j["classes"] = classes;
    j["totals"] = totalsJson(d.total);
    return j.dump(1) + "\n";
}

} // namespace qx

#include "tensor_analysis.h"

#include "common/error.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <cmath>
#include <algorithm>
#include <cstddef>
#include <optional>

namespace qx::ui {

std::vector<CandidateFormat> candidateFormats()
{
    std::vector<CandidateFormat> out;
    for (uint32_t id = 0; id < kGgmlTypeCount; ++id) {
        const TensorTypeInfo* info = ggmlTypeInfo(id);
        if (!info || !canQuantize(info->type) || info->type == TensorType::F32)
            continue;
        out.push_back({false, info->type, SchemeId::Int8PerChannel, std::string(info->name)});
    }
    for (const SchemeInfo& s : kSchemeCatalog)
        out.push_back({true, TensorType::F32, s.id, std::string(s.name)});
    return out;
}

CandidateFormat candidateByName(const std::string& name)
{
    const std::vector<CandidateFormat> all = candidateFormats();
    for (const CandidateFormat& c : all)
        if (c.name == name)
            return c;
    return all.front();
}

std::vector<float> roundTrip(const CandidateFormat& format, std::span<const float> values, int64_t rowLength)
{
    std::vector<float> out(values.size());
    if (format.isScheme) {
        fakeQuantScheme(format.scheme, values, out, rowLength);
        return out;
    }
    const TensorTypeInfo* info = tensorTypeInfo(format.type);
    if (rowLength <= 0 || rowLength % info->blockSize != 0)
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset,
                    "row length is not a multiple of the block size of " + format.name);
    const uint64_t rowBytes = *tensorBytes(format.type, static_cast<uint64_t>(rowLength));
    const int64_t rows = static_cast<int64_t>(values.size()) / rowLength;
    std::vector<std::byte> packed(rowBytes * static_cast<uint64_t>(rows));
    quantizeRows(format.type, values, rowLength, packed);
    for (int64_t r = 0; r < rows; ++r)
        dequantizeRow(format.type, std::span<const std::byte>(packed).subspan(r * rowBytes, rowBytes),
                      std::span<float>(out).subspan(r * rowLength, rowLength));
    return out;
}

namespace {

RowError rowError(std::span<const float> x, std::span<const float> y)
{
    double signal = 0.0, noise = 0.0;
    for (size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            continue;
        const double e = static_cast<double>(y[i]) - x[i];
        signal += static_cast<double>(x[i]) * x[i];
        noise += e * e;
    }
    RowError r;
    r.sqnrDb = sqnrDb(signal, noise);
    r.relativeError = signal > 0.0 ? std::sqrt(noise / signal) : (noise > 0.0 ? INFINITY : 0.0);
    return r;
}

bool report(const ProgressFn& progress, double fraction)
{
    if (progress && !progress(fraction))
        throw Error(ErrorCode::Cancelled, {}, kNoOffset, "analysis cancelled");
    return true;
}

} // namespace

TensorAnalysis analyzeTensor(const TensorInfo& tensor, const CandidateFormat& format, const ProgressFn& progress)
{
    const std::optional<uint64_t> bytes = tensorBytes(tensor.type, tensor.elementCount());
    if (!bytes || tensor.data.size() < *bytes)
        throw Error(ErrorCode::Invalid, tensor.sourceFile, tensor.fileOffset, "tensor data missing or short: " + tensor.name);
    TensorAnalysis a;
    a.tensorName = tensor.name;
    a.format = format;
    a.stats = computeTensorStats(tensor, StatsOptions{}, [&](double f) { return !progress || progress(f * 0.4); });
    const std::vector<float> original = dequantizeTensor(tensor);
    report(progress, 0.45);
    const int64_t rowLength = tensor.rowLength();
    const std::vector<float> rebuilt = roundTrip(format, original, rowLength);
    report(progress, 0.75);
    a.error = compareTensors(original, rebuilt);
    a.reconstructedHistogram = Histogram::make(a.stats.histogram.lo, a.stats.histogram.hi,
                                               static_cast<int>(a.stats.histogram.counts.size()));
    for (float v : rebuilt) {
        if (!std::isfinite(v))
            continue;
        a.reconstructedHistogram.add(v);
    }
    report(progress, 0.9);
    const int64_t rows = tensor.rows();
    a.rows.reserve(static_cast<size_t>(rows));
    for (int64_t r = 0; r < rows; ++r)
        a.rows.push_back(rowError(std::span<const float>(original).subspan(r * rowLength, rowLength),
                                  std::span<const float>(rebuilt).subspan(r * rowLength, rowLength)));
    report(progress, 1.0);
    return a;
}

} // namespace qx::ui

namespace qx::ui {

const std::vector<std::string>& layerTensorClasses()
{
    static const std::vector<std::string> classes{"attn_q", "attn_k", "attn_v", "attn_output",
                                                  "ffn_gate", "ffn_up", "ffn_down"};
    return classes;
}

namespace {

/// Splits "blk.N.<class>.weight" into N and class; false for other names or classes.
bool parseLayerTensor(const std::string& name, int& layer, std::string& tensorClass)
{
    if (name.rfind("blk.", 0) != 0)
        return false;
    const size_t dot = name.find('.', 4);
    const std::string suffix = ".weight";
    if (dot == std::string::npos || name.size() < dot + 1 + suffix.size() ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    try {
        layer = std::stoi(name.substr(4, dot - 4));
    } catch (...) {
        return false;
    }
    tensorClass = name.substr(dot + 1, name.size() - suffix.size() - dot - 1);
    const auto& classes = layerTensorClasses();
    return std::find(classes.begin(), classes.end(), tensorClass) != classes.end();
}

bool fits(const CandidateFormat& format, int64_t rowLength)
{
    if (format.isScheme)
        return true;
    return rowLength % tensorTypeInfo(format.type)->blockSize == 0;
}

} // namespace

std::vector<LayerTensorError> analyzeLayers(const ModelFile& model, const CandidateFormat& format,
                                            const ProgressFn& progress)
{
    std::vector<LayerTensorError> out;
    const size_t n = model.tensors.size();
    for (size_t i = 0; i < n; ++i) {
        report(progress, static_cast<double>(i) / static_cast<double>(n));
        const TensorInfo& t = model.tensors[i];
        LayerTensorError e;
        e.name = t.name;
        if (!parseLayerTensor(t.name, e.layer, e.tensorClass) || !fits(format, t.rowLength()))
            continue;
        const std::optional<uint64_t> bytes = tensorBytes(t.type, t.elementCount());
        if (!bytes || t.data.size() < *bytes)
            continue;
        const std::vector<float> original = dequantizeTensor(t);
        const TensorError err = compareTensors(original, roundTrip(format, original, t.rowLength()));
        e.sqnrDb = err.sqnrDb;
        e.relativeError = err.relativeFrobenius;
        out.push_back(std::move(e));
    }
    report(progress, 1.0);
    return out;
}

} // namespace qx::ui

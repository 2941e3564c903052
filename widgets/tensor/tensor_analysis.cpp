#include "tensor/tensor_analysis.h"

#include "tensor/round_trip_store.h"

#include "common/error.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <cmath>
#include <algorithm>
#include <cstddef>
#include <optional>
#include <tuple>

namespace qx::ui {

std::vector<CandidateFormat> candidateFormats()
{
    std::vector<CandidateFormat> out;
    for (uint32_t id = 0; id < kGgmlTypeCount; ++id) {
        const TensorTypeInfo* info = ggmlTypeInfo(id);
        if (!info || !canQuantize(info->type) || info->type == TensorType::F32)
            continue;
        out.push_back({info->type});
    }
    for (const SchemeInfo& s : kSchemeCatalog)
        out.push_back({s.id});
    return out;
}

CandidateFormat candidateOf(const SchemeChoice& scheme)
{
    return {scheme};
}

CandidateFormat candidateByName(const std::string& name)
{
    const std::vector<CandidateFormat> all = candidateFormats();
    for (const CandidateFormat& c : all)
        if (c.name() == name)
            return c;
    return all.front();
}

std::vector<float> importanceFor(const CandidateFormat& format, const TensorInfo& tensor)
{
    if (!format.format.isGguf() || !format.imatrix)
        return {};
    return imatrixImportanceFor(*format.imatrix, tensor.name, tensor.rowLength()).value_or(std::vector<float>{});
}

std::vector<float> roundTrip(const CandidateFormat& format, std::span<const float> values, int64_t rowLength,
                             const ProgressFn& progress, std::span<const float> importance)
{
    if (format.format.isGguf() && (rowLength <= 0 || !format.format.fit(rowLength).fits))
        throw Error(ErrorCode::InvalidArgument, {}, kNoOffset,
                    "row length is not a multiple of the block size of " + format.name());
    std::vector<float> out(values.size());
    format.format.fakeQuant(values, rowLength, out, importance, progress);
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

bool isTensorWide(const CandidateFormat& format)
{
    if (format.format.isGguf())
        return false;
    if (const std::optional<SchemeId> id = format.format.catalogId())
        return schemeInfo(*id).shapeDependent;
    return format.format.uniform()->granularity == Granularity::PerTensor;
}

TensorStats viewStats(const TensorInfo& tensor, const ProgressFn& progress)
{
    const std::optional<uint64_t> bytes = tensorBytes(tensor.type, tensor.elementCount());
    if (!bytes || tensor.data.size() < *bytes)
        throw Error(ErrorCode::Invalid, tensor.sourceFile, tensor.fileOffset, "tensor data missing or short: " + tensor.name);
    return computeTensorStats(tensor, StatsOptions{}, progress);
}

TensorStats previewStats(const TensorInfo& tensor, int64_t maxValues, int64_t& strideOut, const ProgressFn& progress)
{
    const std::optional<uint64_t> bytes = tensorBytes(tensor.type, tensor.elementCount());
    if (!bytes || tensor.data.size() < *bytes)
        throw Error(ErrorCode::Invalid, tensor.sourceFile, tensor.fileOffset, "tensor data missing or short: " + tensor.name);
    const RowSource all = rowSourceFromTensor(tensor);
    const int64_t total = all.rows * all.rowLength;
    const int64_t stride = std::max<int64_t>(1, (total + maxValues - 1) / std::max<int64_t>(1, maxValues));
    strideOut = stride;
    RowSource sampled;
    sampled.rowLength = all.rowLength;
    sampled.rows = (all.rows + stride - 1) / stride;
    sampled.read = [all, stride](int64_t first, int64_t count, std::span<float> dst) {
        for (int64_t i = 0; i < count; ++i)
            all.read((first + i) * stride, 1, dst.subspan(size_t(i * all.rowLength), size_t(all.rowLength)));
    };
    StatsOptions options;
    options.channelMaps = false;
    options.topOutliers = 0;
    return computeTensorStats(sampled, options, progress);
}

namespace {

/// Row and column of the largest finite |w| (the first one when several tie).
std::pair<int64_t, int64_t> maxAbsPosition(std::span<const float> values, int64_t rowLength)
{
    size_t at = 0;
    float best = -1.0f;
    for (size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]) && std::fabs(values[i]) > best)
            best = std::fabs(values[i]), at = i;
    return {static_cast<int64_t>(at) / rowLength, static_cast<int64_t>(at) % rowLength};
}

} // namespace

AbsHeatmap absHeatmap(std::span<const float> values, int64_t rowLength, int maxCells)
{
    AbsHeatmap h;
    if (rowLength <= 0 || values.empty())
        return h;
    const int64_t rows = static_cast<int64_t>(values.size()) / rowLength;
    h.rowsPerCell = (rows + maxCells - 1) / maxCells;
    h.columnsPerCell = (rowLength + maxCells - 1) / maxCells;
    h.rows = static_cast<int>((rows + h.rowsPerCell - 1) / h.rowsPerCell);
    h.columns = static_cast<int>((rowLength + h.columnsPerCell - 1) / h.columnsPerCell);
    h.maxAbs.assign(static_cast<size_t>(h.rows) * h.columns, 0.0f);
    for (int64_t r = 0; r < rows; ++r) {
        float* cells = h.maxAbs.data() + (r / h.rowsPerCell) * h.columns;
        const float* row = values.data() + r * rowLength;
        for (int64_t c = 0; c < rowLength; ++c) {
            const float a = std::fabs(row[c]);
            float& cell = cells[c / h.columnsPerCell];
            if (std::isfinite(a) && a > cell)
                cell = a;
        }
    }
    for (float v : h.maxAbs)
        h.maxValue = std::max(h.maxValue, v);
    return h;
}

namespace {

/// Rows per block of about a million values: the unit between two cancellation checks.
int64_t blockRowsOf(int64_t rowLength)
{
    return std::max<int64_t>(1, (int64_t(1) << 20) / std::max<int64_t>(1, rowLength));
}

/// The tensor decoded to F32 block by block, checking for cancellation between blocks.
std::vector<float> decodeCancellable(const TensorInfo& tensor, const ProgressFn& progress)
{
    // reserve + resize per block: the pages of a large tensor are touched block by block, between checks,
    // rather than all at once by a zero-filling constructor (~0.1 s for 45M values).
    const int64_t rows = tensor.rows(), rowLength = tensor.rowLength(), block = blockRowsOf(rowLength);
    std::vector<float> out;
    out.reserve(static_cast<size_t>(rows * rowLength));
    for (int64_t first = 0; first < rows; first += block) {
        const int64_t count = std::min(block, rows - first);
        out.resize(static_cast<size_t>((first + count) * rowLength));
        dequantizeRows(tensor, first, count, std::span<float>(out).subspan(size_t(first * rowLength), size_t(count * rowLength)));
        report(progress, double(first + count) / double(rows));
    }
    return out;
}

/// Clip range and per-row errors of the round trip, block by block.
void measureRebuilt(TensorAnalysis& a, std::span<const float> original, std::span<const float> rebuilt,
                    int64_t rowLength, const ProgressFn& progress)
{
    a.clipLo = INFINITY, a.clipHi = -INFINITY;
    const int64_t rows = static_cast<int64_t>(original.size()) / rowLength, block = blockRowsOf(rowLength);
    a.rows.reserve(static_cast<size_t>(rows));
    for (int64_t first = 0; first < rows; first += block) {
        const int64_t end = std::min(rows, first + block);
        for (float v : rebuilt.subspan(size_t(first * rowLength), size_t((end - first) * rowLength))) {
            if (!std::isfinite(v))
                continue;
            a.clipLo = std::min(a.clipLo, double(v)), a.clipHi = std::max(a.clipHi, double(v));
        }
        for (int64_t r = first; r < end; ++r)
            a.rows.push_back(rowError(original.subspan(size_t(r * rowLength), size_t(rowLength)),
                                      rebuilt.subspan(size_t(r * rowLength), size_t(rowLength))));
        report(progress, double(end) / double(rows));
    }
}

} // namespace

TensorAnalysis analyzeRoundTrip(const TensorInfo& tensor, const CandidateFormat& format, TensorStats stats,
                                const ProgressFn& progress)
{
    // Every stage reports between blocks of about a million values: a newer request (the job runner runs one
    // job at a time) waits for one block, not for a whole 45M-value tensor.
    const auto stage = [&](double from, double to) {
        return [&progress, from, to](double f) { return !progress || progress(from + (to - from) * f); };
    };
    TensorAnalysis a;
    a.tensorName = tensor.name;
    a.format = format;
    a.stats = std::move(stats);
    const std::vector<float> original = decodeCancellable(tensor, stage(0.0, 0.1));
    const int64_t rowLength = tensor.rowLength();
    a.store = RoundTripStore::make(format, original, rowLength, stage(0.1, 0.55), importanceFor(format, tensor));
    std::shared_ptr<const std::vector<float>> rebuilt = a.store->values();
    if (!rebuilt) {   // GGUF blocks: decoded once for the error figures, then dropped
        auto decoded = std::make_shared<std::vector<float>>(original.size());
        a.store->readRows(0, a.store->rows(), *decoded);
        rebuilt = std::move(decoded);
    }
    report(progress, 0.6);
    a.error = compareTensors(original, *rebuilt);
    report(progress, 0.65);
    measureRebuilt(a, original, *rebuilt, rowLength, stage(0.65, 0.9));
    std::tie(a.maxRow, a.maxColumn) = maxAbsPosition(original, rowLength);
    report(progress, 0.95);
    a.heatmap = absHeatmap(original, rowLength);
    if (isTensorWide(format))
        a.wholeRoundTrip = a.store->values();
    report(progress, 1.0);
    return a;
}

TensorAnalysis analyzeTensor(const TensorInfo& tensor, const CandidateFormat& format, const ProgressFn& progress)
{
    TensorStats stats = viewStats(tensor, [&](double f) { return !progress || progress(f * 0.4); });
    return analyzeRoundTrip(tensor, format, std::move(stats),
                            [&](double f) { return !progress || progress(0.4 + 0.6 * f); });
}

void valuesOfRow(const TensorInfo& tensor, const CandidateFormat& format, const TensorAnalysis* analysis,
                 int64_t row, std::vector<float>& original, std::vector<float>& rebuilt)
{
    const int64_t rowLength = tensor.rowLength();
    original.assign(static_cast<size_t>(rowLength), 0.0f);
    dequantizeRows(tensor, row, 1, original);
    if (analysis && analysis->wholeRoundTrip && analysis->format == format) {
        const auto first = analysis->wholeRoundTrip->begin() + row * rowLength;
        rebuilt.assign(first, first + rowLength);
    } else if (isTensorWide(format)) {
        rebuilt.clear();  // needs the whole tensor: not available yet
    } else {
        rebuilt = roundTrip(format, original, rowLength, {}, importanceFor(format, tensor));
    }
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
        if (!parseLayerTensor(t.name, e.layer, e.tensorClass) || !format.format.fit(t.rowLength()).fits)
            continue;
        const std::optional<uint64_t> bytes = tensorBytes(t.type, t.elementCount());
        if (!bytes || t.data.size() < *bytes)
            continue;
        const std::vector<float> importance = importanceFor(format, t);
        if (importance.empty() && format.format.needsImportance())
            continue;   // llama-quantize cannot make it either: no point in the chart
        const std::vector<float> original = dequantizeTensor(t);
        const TensorError err = compareTensors(original, roundTrip(format, original, t.rowLength(), {}, importance));
        e.sqnrDb = err.sqnrDb;
        e.relativeError = err.relativeFrobenius;
        out.push_back(std::move(e));
    }
    report(progress, 1.0);
    return out;
}

bool parseLayerTensorName(const std::string& name, int& layer, std::string& tensorClass)
{
    return parseLayerTensor(name, layer, tensorClass);
}

} // namespace qx::ui

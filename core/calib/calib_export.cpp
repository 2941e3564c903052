#include "calib/calib_export.h"

#include "common/error.h"
#include "io/gguf_writer.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>

namespace qx {
namespace {

namespace fs = std::filesystem;

void refuseInput(const ModelFile& model, const std::string& outPath)
{
    std::error_code ec;
    if (fs::exists(outPath, ec) && fs::equivalent(outPath, model.path, ec))
        throw Error(ErrorCode::InvalidArgument, outPath, kNoOffset, "the output may not be the input model");
}

// Writes F32 `values` (rows of rowLength) into `dst` as `type`.
void writeValues(TensorType type, std::span<const float> values, int64_t rowLength, std::span<std::byte> dst,
                 std::span<const float> importance = {})
{
    if (type == TensorType::F32) {
        std::memcpy(dst.data(), values.data(), values.size_bytes());
        return;
    }
    quantizeRows(type, values, rowLength, dst, importance);
}

void fillFromSource(const TensorInfo& src, TensorType type, std::span<std::byte> dst)
{
    if (type == src.type) {
        std::memcpy(dst.data(), src.data.data(), dst.size());
        return;
    }
    const std::vector<float> values = dequantizeTensor(src);
    writeValues(type, values, src.rowLength(), dst);
}

} // namespace

Plan calibratedPlan(const ModelFile& model, const std::set<std::string>& calibrated, TensorType type)
{
    Plan plan;
    plan.sourcePath = model.path;
    for (const TensorInfo* t : plannedTensors(model)) {
        PlanEntry e{t->name, t->ne, t->type, "kept as stored", false};
        if (calibrated.count(t->name)) {
            e.type = t->rows() > 1 ? type : TensorType::F32;
            e.reason = "calibrated";
        }
        plan.entries.push_back(std::move(e));
    }
    return plan;
}

Plan calibratedPlan(const ModelFile& model, const Substitutions& subs, TensorType type)
{
    std::set<std::string> names;
    for (const auto& [name, values] : subs)
        names.insert(name);
    return calibratedPlan(model, names, type);
}

ExportResult exportCalibrated(const ModelFile& model, const Plan& plan, const Substitutions& subs,
                              const std::string& outPath, const Substitutions& importance, const ProgressFn& progress,
                              const PackedTensors& packed)
{
    if (model.format != ModelFormat::Gguf)
        throw Error(ErrorCode::Unsupported, model.path, kNoOffset, "calibrated export needs a GGUF source model");
    refuseInput(model, outPath);
    ExportLayout layout = exportLayout(model, plan, ExportOptions{}, nullptr);
    ExportResult result;
    const size_t count = layout.tensors.size();
    for (size_t i = 0; i < count; ++i) {
        const TensorInfo* src = layout.sources[i];
        const TensorType type = layout.tensors[i].type;
        auto it = subs.find(src->name);
        if (it != subs.end() && it->second.size() != src->elementCount())
            throw Error(ErrorCode::InvalidArgument, "substitution for " + src->name + " has the wrong size");
        const auto pk = packed.find(src->name);
        const PackedTensor* blocks = pk == packed.end() ? nullptr : &pk->second;
        if (blocks && blocks->valueCount() != static_cast<int64_t>(src->elementCount()))
            throw Error(ErrorCode::InvalidArgument, "packed values for " + src->name + " have the wrong size");
        ++(it == subs.end() && !blocks && type == src->type ? result.copiedTensors : result.quantizedTensors);
        const std::vector<float>* values = it == subs.end() ? nullptr : &it->second;
        auto imp = importance.find(src->name);
        const std::span<const float> qw = imp == importance.end() || type == TensorType::F32
                                               ? std::span<const float>() : std::span<const float>(imp->second);
        layout.tensors[i].fill = [src, type, values, blocks, qw, i, count, &progress](std::span<std::byte> dst) {
            if (blocks && blocks->ggmlBlocks() && blocks->type == type && blocks->blocks.size() == dst.size())
                std::memcpy(dst.data(), blocks->blocks.data(), dst.size());
            else if (blocks)
                writeValues(type, blocks->unpack(), src->rowLength(), dst);
            else if (values)
                writeValues(type, *values, src->rowLength(), dst, qw);
            else
                fillFromSource(*src, type, dst);
            if (progress && !progress(static_cast<double>(i + 1) / static_cast<double>(count)))
                throw Error(ErrorCode::Cancelled, "export cancelled");
        };
    }
    writeGguf(outPath, layout.metadata, layout.tensors, layout.alignment);
    result.fileBytes = fs::file_size(outPath);
    return result;
}

double maxExportDeviation(const std::string& path, const Substitutions& subs, const PackedTensors& packed)
{
    const auto file = openModel(path);
    const auto find = [&](const std::string& name, uint64_t elements) {
        const TensorInfo* t = file->findTensor(name);
        if (!t || t->elementCount() != elements)
            throw Error(ErrorCode::Mismatch, path, kNoOffset, "tensor " + name + " missing or of another size");
        return t;
    };
    const auto deviation = [](const TensorInfo& t, std::span<const float> values) {
        const std::vector<float> back = dequantizeTensor(t);
        double worst = 0.0;
        for (size_t i = 0; i < back.size(); ++i)
            worst = std::max(worst, std::fabs(static_cast<double>(back[i]) - values[i]));
        return worst;
    };
    double worst = 0.0;
    for (const auto& [name, values] : subs)
        worst = std::max(worst, deviation(*find(name, values.size()), values));
    for (const auto& [name, p] : packed) {
        const TensorInfo* t = find(name, static_cast<uint64_t>(p.valueCount()));
        const bool same = p.ggmlBlocks() && t->type == p.type && t->data.size() == p.blocks.size() &&
                          std::memcmp(t->data.data(), p.blocks.data(), p.blocks.size()) == 0;
        if (!same)
            worst = std::max(worst, deviation(*t, p.unpack()));
    }
    return worst;
}

} // namespace qx

#include "plan/candidates.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "common/memory_need.h"
#include "io/json_file.h"
#include "plan/presets.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace qx {
namespace {

bool isNormName(const std::string& name)
{
    return name.find("norm") != std::string::npos;
}

// Weighted squared error of one tensor's round trip through `type`.
double roundTripLoss(TensorType type, std::span<const float> w, int64_t rowLength,
                     std::span<const float> importance)
{
    const uint64_t rows = w.size() / uint64_t(rowLength);
    const uint64_t rowBytes = *tensorBytes(type, uint64_t(rowLength));
    std::vector<std::byte> q(rowBytes * rows);
    quantizeRows(type, w, rowLength, q, importance);
    std::vector<float> back(static_cast<size_t>(rowLength));
    double total = 0.0;
    for (uint64_t r = 0; r < rows; ++r) {
        dequantizeRow(type, std::span<const std::byte>(q).subspan(r * rowBytes, rowBytes), back);
        const float* src = w.data() + r * uint64_t(rowLength);
        for (int64_t c = 0; c < rowLength; ++c) {
            const double d = double(src[c]) - double(back[size_t(c)]);
            total += (importance.empty() ? 1.0 : double(importance[size_t(c)])) * d * d;
        }
    }
    return total;
}

bool fitsRow(TensorType type, int64_t rowLength)
{
    const TensorTypeInfo* info = tensorTypeInfo(type);
    return info && canQuantize(type) && rowLength % int64_t(info->blockSize) == 0;
}

/// What measuring one tensor holds at once: its values as F32, the largest quantized copy, a row back and
/// its importance.
uint64_t candidateMemoryNeed(const TensorInfo& t, std::span<const TensorType> types)
{
    const uint64_t elements = t.elementCount();
    uint64_t largest = 0;
    for (TensorType type : types)
        if (type != TensorType::F32 && fitsRow(type, t.rowLength()))
            largest = std::max(largest, tensorBytes(type, elements).value_or(UINT64_MAX));
    const uint64_t values = saturatingProduct({elements, 4});
    return saturatingSum(saturatingSum(values, largest), saturatingProduct({uint64_t(t.rowLength()), 8}));
}

TensorCandidates fixedEntry(const TensorInfo& t)
{
    TensorCandidates c;
    c.name = t.name;
    c.elements = t.elementCount();
    c.fixed = true;
    c.options.push_back({t.type, t.nbytes, 0.0});
    return c;
}

std::string fileStamp(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const auto mtime = fs::last_write_time(path, ec);
    std::ostringstream s;
    s << fs::absolute(path, ec).string() << '|' << (ec ? 0 : size) << '|'
      << mtime.time_since_epoch().count();
    return s.str();
}

std::string typesKey(std::span<const TensorType> types)
{
    std::string k;
    for (TensorType t : types) k += std::string(tensorTypeName(t)) + ",";
    return k;
}

} // namespace

uint64_t CandidateTable::totalElements() const
{
    uint64_t n = 0;
    for (const auto& t : tensors) n += t.elements;
    return n;
}

const TensorCandidates* CandidateTable::find(std::string_view name) const
{
    for (const auto& t : tensors)
        if (t.name == name) return &t;
    return nullptr;
}

std::vector<TensorType> defaultCandidateTypes(bool withImportance)
{
    using T = TensorType;
    std::vector<TensorType> types = {T::Q2_K, T::Q3_K, T::Q4_K, T::Q5_K, T::Q6_K, T::Q8_0, T::Q4_0, T::Q4_1, T::Q5_0,
                                     T::Q5_1, T::IQ4_NL, T::IQ4_XS, T::IQ3_S, T::IQ3_XXS, T::TQ2_0, T::TQ1_0, T::F16};
    if (withImportance)
        types.insert(types.end() - 1, {T::IQ2_S, T::IQ2_XS, T::IQ2_XXS, T::IQ1_M, T::IQ1_S});
    return types;
}

bool isCandidateTensor(const TensorInfo& tensor)
{
    return tensor.aliasOf.empty() && tensor.ne.size() >= 2 && !isNormName(tensor.name) &&
           tensor.rowLength() >= 32 && canDequantize(tensor.type);
}

CandidateTable buildCandidateTable(const ModelFile& model, const ImatrixFile* imatrix,
                                   std::span<const TensorType> types, const ProgressFn& progress)
{
    CandidateTable table;
    const size_t n = model.tensors.size();
    for (size_t i = 0; i < n; ++i) {
        const TensorInfo& t = model.tensors[i];
        if (!t.aliasOf.empty()) continue;
        if (!isCandidateTensor(t)) { table.tensors.push_back(fixedEntry(t)); continue; }
        TensorCandidates c;
        c.name = t.name;
        c.elements = t.elementCount();
        checkMemoryNeed(candidateMemoryNeed(t, types),
                        "measuring the candidate formats of tensor '" + t.name + "' (" + std::to_string(c.elements) +
                            " values)",
                        t.sourceFile);
        const std::vector<float> w = dequantizeTensor(t);
        std::vector<float> importance;
        if (imatrix) importance = imatrixImportanceFor(*imatrix, t.name, t.rowLength()).value_or(std::vector<float>{});
        c.options.push_back({TensorType::F32, c.elements * 4, 0.0});
        for (TensorType type : types) {
            if (type == TensorType::F32 || !fitsRow(type, t.rowLength())) continue;
            if (llamaQuantizeRefusal(t.name, type, 0, !importance.empty())) continue;
            c.options.push_back({type, *tensorBytes(type, c.elements), roundTripLoss(type, w, t.rowLength(), importance)});
            if (progress && !progress((double(i) + 0.5) / double(n)))
                throw Error(ErrorCode::Cancelled, model.path, 0, "candidate table cancelled");
        }
        std::stable_sort(c.options.begin(), c.options.end(),
                         [](const CandidateOption& a, const CandidateOption& b) { return a.bytes < b.bytes; });
        table.tensors.push_back(std::move(c));
        if (progress && !progress(double(i + 1) / double(n)))
            throw Error(ErrorCode::Cancelled, model.path, 0, "candidate table cancelled");
    }
    return table;
}

std::string candidateCacheKey(const std::string& modelPath, const std::string& imatrixPath)
{
    return fileStamp(modelPath) + "#" + (imatrixPath.empty() ? std::string() : fileStamp(imatrixPath));
}

std::string candidateTableToJson(const CandidateTable& table)
{
    nlohmann::json j;
    j["key"] = table.key;
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& t : table.tensors) {
        nlohmann::json opts = nlohmann::json::array();
        for (const auto& o : t.options)
            opts.push_back({std::string(tensorTypeName(o.type)), o.bytes, o.loss});
        arr.push_back({{"name", t.name}, {"elements", t.elements}, {"fixed", t.fixed}, {"options", opts}});
    }
    j["tensors"] = arr;
    return j.dump(1);
}

CandidateTable candidateTableFromJson(const std::string& text, const std::string& fileName)
{
    const nlohmann::json j = parseJsonText(text, fileName, 0);
    CandidateTable table;
    // A float where a count belongs (1e300) would not fit a uint64_t: undefined behaviour in the conversion.
    const auto count = [&fileName](const nlohmann::json& v) {
        if (!v.is_number_unsigned())
            throw Error(ErrorCode::Invalid, fileName, 0, "candidate table: a size is not a non-negative integer");
        return v.get<uint64_t>();
    };
    try {
        table.key = j.at("key").get<std::string>();
        for (const auto& t : j.at("tensors")) {
            TensorCandidates c;
            c.name = t.at("name").get<std::string>();
            c.elements = count(t.at("elements"));
            c.fixed = t.at("fixed").get<bool>();
            for (const auto& o : t.at("options")) {
                const auto type = tensorTypeFromName(o.at(0).get<std::string>());
                if (!type) throw Error(ErrorCode::Invalid, fileName, 0, "unknown type in candidate table");
                c.options.push_back({*type, count(o.at(1)), o.at(2).get<double>()});
            }
            table.tensors.push_back(std::move(c));
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Invalid, fileName, 0, "bad candidate table: " + jsonErrorText(e));
    }
    return table;
}

CandidateTable loadOrBuildCandidateTable(const ModelFile& model, const std::string& modelPath,
                                         const std::string& imatrixPath, std::span<const TensorType> types,
                                         const std::string& cacheDir, const ProgressFn& progress)
{
    const std::string key = candidateCacheKey(modelPath, imatrixPath) + "#" + typesKey(types);
    const std::string file = cacheDir.empty() ? std::string()
        : cacheDir + "/candidates-" + std::to_string(std::hash<std::string>{}(key)) + ".json";
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (in) {
            std::stringstream ss;
            ss << in.rdbuf();
            try {
                CandidateTable cached = candidateTableFromJson(ss.str(), file);
                if (cached.key == key) return cached;
            } catch (const Error&) {
                // a damaged cache file is rebuilt below
            }
        }
    }
    std::optional<ImatrixFile> imatrix;
    if (!imatrixPath.empty()) imatrix = readImatrix(imatrixPath);
    CandidateTable table = buildCandidateTable(model, imatrix ? &*imatrix : nullptr, types, progress);
    table.key = key;
    if (!file.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(cacheDir, ec);
        try {
            writeFileAtomically(file, candidateTableToJson(table));
        } catch (const Error&) {
            // a cache that cannot be written only costs the next run this computation again
        }
    }
    return table;
}

} // namespace qx

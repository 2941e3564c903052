#include "io/hf_folder.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "io/hf_names.h"
#include "io/json_file.h"
#include "io/safetensors_reader.h"
#include "io/spec_limits.h"
#include "io/spec_metadata.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace qx {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

int64_t countField(const json& cfg, const char* key, const std::string& file, int64_t fallback = 0)
{
    const auto v = jsonInt(cfg, key, file);
    if (v && *v < 0)
        throw Error(ErrorCode::Invalid, file, kNoOffset, std::string("field '") + key + "' is negative");
    return v.value_or(fallback);
}

/// An id field that may be a number or a list of numbers (first one wins), or null.
std::optional<int64_t> tokenId(const json& cfg, const char* key, const std::string& file)
{
    auto it = cfg.find(key);
    if (it != cfg.end() && it->is_array())
        return it->empty() ? std::nullopt : jsonInt(json{{key, it->front()}}, key, file);
    return jsonInt(cfg, key, file);
}

std::string architectureOf(const json& cfg, const std::string& file)
{
    std::string hfClass;
    if (auto it = cfg.find("architectures"); it != cfg.end() && !it->is_null()) {
        if (!it->is_array() || (!it->empty() && !it->front().is_string()))
            throw Error(ErrorCode::Invalid, file, kNoOffset, "field 'architectures' is not a list of strings");
        if (!it->empty())
            hfClass = it->front().get<std::string>();
    }
    if (std::string arch = ggufArchitectureFromHf(hfClass); !arch.empty())
        return arch;
    if (auto type = jsonString(cfg, "model_type", file))
        return *type;
    std::transform(hfClass.begin(), hfClass.end(), hfClass.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return hfClass;
}

void readRopeScaling(const json& cfg, const std::string& file, ModelSpec& spec)
{
    auto it = cfg.find("rope_scaling");
    if (it == cfg.end() || it->is_null())
        return;
    if (!it->is_object())
        throw Error(ErrorCode::Invalid, file, kNoOffset, "field 'rope_scaling' is not an object");
    auto type = jsonString(*it, "rope_type", file);
    if (!type)
        type = jsonString(*it, "type", file);
    spec.ropeScalingType = type.value_or("");
    spec.ropeScalingFactor = jsonNumber(*it, "factor", file).value_or(1.0);
}

ModelSpec specFromConfig(const json& cfg, const std::string& file)
{
    if (!cfg.is_object())
        throw Error(ErrorCode::Invalid, file, 0, "config is not a JSON object");
    ModelSpec s;
    s.architecture = architectureOf(cfg, file);
    s.name = jsonString(cfg, "_name_or_path", file).value_or("");
    s.embeddingLength = countField(cfg, "hidden_size", file);
    s.blockCount = countField(cfg, "num_hidden_layers", file);
    s.headCount = countField(cfg, "num_attention_heads", file);
    s.headCountKv = countField(cfg, "num_key_value_heads", file, s.headCount);
    s.feedForwardLength = countField(cfg, "intermediate_size", file);
    s.vocabSize = countField(cfg, "vocab_size", file);
    s.contextLength = countField(cfg, "max_position_embeddings", file);
    s.ropeDimensionCount = countField(cfg, "head_dim", file, s.headCount ? s.embeddingLength / s.headCount : 0);
    if (cfg.contains("head_dim"))
        s.keyLength = s.valueLength = s.ropeDimensionCount;
    s.ropeFreqBase = jsonNumber(cfg, "rope_theta", file).value_or(s.ropeFreqBase);
    s.rmsNormEps = jsonNumber(cfg, "rms_norm_eps", file).value_or(s.rmsNormEps);
    readRopeScaling(cfg, file, s);
    s.tiedEmbeddings = jsonBool(cfg, "tie_word_embeddings", file).value_or(false);
    s.bosTokenId = tokenId(cfg, "bos_token_id", file);
    s.eosTokenId = tokenId(cfg, "eos_token_id", file);
    s.ropeNeox = true;
    checkSpecLimits(s, file, {"num_hidden_layers", "hidden_size", "intermediate_size", "num_attention_heads",
                              "num_key_value_heads", "vocab_size", "max_position_embeddings"});
    return s;
}

/// Highest integer id among `ids` (values of an object, or "id" members of an array of objects), or -1.
int64_t maxId(const json& ids, bool objectsWithId, const std::string& file)
{
    int64_t best = -1;
    for (const json& v : ids) {
        const json& id = objectsWithId ? (v.is_object() && v.contains("id") ? v["id"] : json()) : v;
        if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() > INT32_MAX)
            throw Error(ErrorCode::Invalid, file, kNoOffset, "a token id is not an integer in [0, 2^31)");
        best = std::max(best, id.get<int64_t>());
    }
    return best;
}

/// <arch>.expert_count / expert_used_count of a mixture-of-experts config, as the converter writes them.
void addExpertCounts(const json& cfg, const std::string& file, const std::string& arch, std::vector<KeyValue>& kvs)
{
    const int64_t experts = countField(cfg, "num_local_experts", file, countField(cfg, "num_experts", file));
    const int64_t used = countField(cfg, "num_experts_per_tok", file);
    if (experts > 0)
        kvs.push_back({arch + ".expert_count", GgufValue::u32(uint32_t(std::min<int64_t>(experts, UINT32_MAX)))});
    if (used > 0)
        kvs.push_back({arch + ".expert_used_count", GgufValue::u32(uint32_t(std::min<int64_t>(used, UINT32_MAX)))});
}

std::string preTokenizerKind(const json& t, const std::string& file)
{
    auto it = t.find("pre_tokenizer");
    if (it == t.end() || it->is_null())
        return {};
    std::string type = jsonString(*it, "type", file).value_or("");
    auto members = it->find("pretokenizers");
    if (type != "Sequence" || members == it->end() || !members->is_array())
        return type;
    std::string joined;
    for (const json& m : *members) {
        if (!joined.empty())
            joined.push_back('+');
        joined.append(jsonString(m, "type", file).value_or("?"));
    }
    return joined;
}

std::string ggufTokenizerModel(const std::string& hfType, const std::string& pre, const json& t)
{
    if (hfType == "Unigram")
        return "t5";
    if (hfType == "WordPiece")
        return "bert";
    if (hfType != "BPE")
        return hfType;
    const bool byteLevel = pre.find("ByteLevel") != std::string::npos ||
                           t.value("decoder", json::object()).dump().find("\"ByteLevel\"") != std::string::npos;
    return byteLevel ? "gpt2" : "llama";
}

} // namespace

ModelSpec parseHfConfig(std::string_view text, const std::string& fileName)
{
    return specFromConfig(parseJsonText(text, fileName, 0), fileName);
}

TokenizerInfo parseHfTokenizer(std::string_view text, const std::string& fileName)
{
    const json t = parseJsonText(text, fileName, 0);
    if (!t.is_object() || !t.contains("model") || !t["model"].is_object())
        throw Error(ErrorCode::Invalid, fileName, 0, "no 'model' object");
    const json& model = t["model"];
    TokenizerInfo info;
    info.sourcePath = fileName;
    info.pre = preTokenizerKind(t, fileName);
    info.model = ggufTokenizerModel(jsonString(model, "type", fileName).value_or(""), info.pre, t);
    int64_t top = -1;
    if (auto v = model.find("vocab"); v != model.end() && v->is_object())
        top = maxId(*v, false, fileName);
    else if (v != model.end() && v->is_array())
        top = int64_t(v->size()) - 1;
    if (auto added = t.find("added_tokens"); added != t.end() && added->is_array())
        top = std::max(top, maxId(*added, true, fileName));
    info.vocabSize = top + 1;
    if (auto merges = model.find("merges"); merges != model.end() && merges->is_array())
        info.mergeCount = int64_t(merges->size());
    return info;
}

namespace {

bool isFile(const fs::path& p)
{
    std::error_code ec;
    return fs::exists(p, ec);
}

ModelFile loadWeights(const fs::path& dir)
{
    const fs::path index = dir / "model.safetensors.index.json";
    const fs::path single = dir / "model.safetensors";
    if (isFile(index))
        return readSafetensors(index.string());
    if (isFile(single))
        return readSafetensors(single.string());
    // Otherwise a lone *.safetensors file under another name (e.g. model-00001-of-00001.safetensors).
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".safetensors")
            found.push_back(entry.path());
    if (found.size() == 1)
        return readSafetensors(found.front().string());
    throw Error(ErrorCode::Io, dir.string(), kNoOffset,
                found.empty() ? "no model.safetensors or model.safetensors.index.json"
                              : "several .safetensors files but no model.safetensors.index.json");
}

std::string textOf(const MappedFile& map)
{
    return {reinterpret_cast<const char*>(map.data()), size_t(map.size())};
}

void canonicalizeNames(ModelFile& mf)
{
    const std::string& arch = mf.spec.architecture;
    if (!mapsHfTensorNames(arch))
        return;
    for (TensorInfo& t : mf.tensors) {
        t.name = hfToGgufTensorName(t.originalName, arch);
        if (!t.aliasOf.empty())
            t.aliasOf = hfToGgufTensorName(t.aliasOf, arch);
    }
}

bool hasStoredOutput(const ModelFile& mf)
{
    const TensorInfo* out = mf.findTensor("lm_head.weight");
    return out && out->aliasOf.empty();
}

} // namespace

std::shared_ptr<const ModelFile> openHfFolder(const std::string& dir)
{
    const fs::path root(dir);
    const std::string configPath = (root / "config.json").string();
    if (!isFile(configPath))
        throw Error(ErrorCode::Io, configPath, kNoOffset, "config.json not found in the model folder");
    const auto config = MappedFile::open(configPath);
    parseJsonText(textOf(*config), configPath, 0);   // a broken config.json is its error, before the weights'
    ModelFile weights = loadWeights(root);
    std::shared_ptr<const MappedFile> tokenizer;
    if (const fs::path tok = root / "tokenizer.json"; isFile(tok))
        tokenizer = MappedFile::open(tok.string());
    return assembleHfModel(dir, textOf(*config), std::move(weights),
                           tokenizer ? std::optional<std::string_view>(textOf(*tokenizer)) : std::nullopt);
}

std::shared_ptr<const ModelFile> assembleHfModel(const std::string& dir, std::string_view configText, ModelFile weights,
                                                 std::optional<std::string_view> tokenizerText)
{
    const fs::path root(dir);
    const std::string configPath = (root / "config.json").string();
    const json cfg = parseJsonText(configText, configPath, 0);
    auto mf = std::make_shared<ModelFile>(std::move(weights));
    mf->format = ModelFormat::HfFolder;
    mf->path = dir;
    mf->spec = specFromConfig(cfg, configPath);
    if (mf->spec.name.empty())
        mf->spec.name = root.filename().empty() ? root.parent_path().filename().string() : root.filename().string();
    if (!jsonBool(cfg, "tie_word_embeddings", configPath))
        mf->spec.tiedEmbeddings = !hasStoredOutput(*mf);
    if (tokenizerText)
        mf->tokenizer = parseHfTokenizer(*tokenizerText, (root / "tokenizer.json").string());
    std::vector<KeyValue> metadata = specMetadata(mf->spec);
    addExpertCounts(cfg, configPath, mf->spec.architecture, metadata);
    if (!mf->tokenizer.model.empty())
        metadata.push_back({"tokenizer.ggml.model", GgufValue::string(mf->tokenizer.model)});
    metadata.insert(metadata.end(), mf->metadata.begin(), mf->metadata.end());
    mf->metadata = std::move(metadata);
    canonicalizeNames(*mf);
    return mf;
}

} // namespace qx

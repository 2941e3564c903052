#include "export/hf_convert.h"

#include "common/error.h"
#include "export/hf_pre_tokenizer.h"
#include "io/hf_names.h"
#include "io/json_file.h"
#include "model/tokenizer.h"

#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace qx {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

enum TokenType : int32_t { kNormal = 1, kControl = 3, kUserDefined = 4, kUnused = 5, kByte = 6 };
constexpr const char* kSpecialTypes[] = {"bos", "eos", "unk", "sep", "pad", "cls", "mask"};
constexpr const char* kSpecialKeys[] = {"bos_token_id", "eos_token_id", "unknown_token_id", "seperator_token_id",
                                        "padding_token_id", "cls_token_id", "mask_token_id"};

json readOptionalJson(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec) ? readJsonFile(path.string()) : json::object();
}

/// Content of a tokenizer_config entry that is either a string or {"content": ...}.
std::optional<std::string> tokenContent(const json& entry)
{
    if (entry.is_string())
        return entry.get<std::string>();
    if (entry.is_object() && entry.contains("content") && entry["content"].is_string())
        return entry["content"].get<std::string>();
    return std::nullopt;
}

struct Vocab {
    std::map<int64_t, std::string> byId;       ///< model vocab
    std::map<std::string, int64_t> added;      ///< added_tokens content -> id
    std::set<int64_t> addedSpecial;
    std::set<int64_t> addedRaw;                ///< added tokens with "normalized": false
    int64_t baseSize = 0;                      ///< model vocab entries
};

Vocab readVocab(const json& tok, const std::string& file)
{
    Vocab v;
    const json& model = tok.at("model");
    if (!model.contains("vocab") || !model["vocab"].is_object())
        throw Error(ErrorCode::Unsupported, file, kNoOffset, "tokenizer model has no vocab object");
    for (const auto& [text, id] : model["vocab"].items())
        if (id.is_number_integer())
            v.byId[id.get<int64_t>()] = text;
    v.baseSize = static_cast<int64_t>(v.byId.size());
    if (tok.contains("added_tokens") && tok["added_tokens"].is_array())
        for (const auto& a : tok["added_tokens"]) {
            if (!a.contains("id") || !a["id"].is_number_integer() || !a.contains("content"))
                continue;
            const int64_t id = a["id"].get<int64_t>();
            v.added[a["content"].get<std::string>()] = id;
            if (a.value("special", false))
                v.addedSpecial.insert(id);
            if (!a.value("normalized", !a.value("special", false)))
                v.addedRaw.insert(id);
        }
    return v;
}

std::optional<int64_t> idOf(const Vocab& v, const std::string& text)
{
    if (const auto it = v.added.find(text); it != v.added.end())
        return it->second;
    for (const auto& [id, t] : v.byId)
        if (t == text)
            return id;
    return std::nullopt;
}

GgufValue stringArray(const std::vector<std::string>& items)
{
    std::vector<GgufValue> out;
    out.reserve(items.size());
    for (const auto& s : items)
        out.push_back(GgufValue::string(s));
    return GgufValue::array(GgufType::String, std::move(out));
}

GgufValue i32Array(const std::vector<int32_t>& items)
{
    std::vector<GgufValue> out;
    for (int32_t x : items)
        out.push_back(GgufValue::i32(x));
    return GgufValue::array(GgufType::I32, std::move(out));
}

/// LlamaHfVocab: tokens in id order, score -1000, BYTE / CONTROL / NORMAL types.
void llamaHfVocab(std::vector<KeyValue>& kvs, const Vocab& v, const std::set<int64_t>& specialIds)
{
    static const std::regex byteToken("<0x[0-9A-Fa-f]{2}>");
    std::vector<std::string> tokens;
    std::vector<GgufValue> scores;
    std::vector<int32_t> types;
    auto add = [&](int64_t id, const std::string& text, bool addedOnly) {
        tokens.push_back(text);
        scores.push_back(GgufValue::f32(-1000.0f));
        if (addedOnly && !specialIds.count(id))
            types.push_back(kUserDefined);
        else
            types.push_back(std::regex_match(text, byteToken) ? kByte : specialIds.count(id) ? kControl : kNormal);
    };
    for (int64_t id = 0; id < v.baseSize; ++id) {
        const auto it = v.byId.find(id);
        add(id, it == v.byId.end() ? "[PAD" + std::to_string(id) + "]" : it->second, false);
    }
    std::map<int64_t, std::string> extra;
    for (const auto& [text, id] : v.added)
        if (id >= v.baseSize)
            extra[id] = text;
    for (const auto& [id, text] : extra)
        add(id, text, true);
    kvs.push_back({"tokenizer.ggml.model", GgufValue::string("llama")});
    kvs.push_back({"tokenizer.ggml.pre", GgufValue::string("default")});
    kvs.push_back({"tokenizer.ggml.tokens", stringArray(tokens)});
    kvs.push_back({"tokenizer.ggml.scores", GgufValue::array(GgufType::F32, std::move(scores))});
    kvs.push_back({"tokenizer.ggml.token_type", i32Array(types)});
}

/// Added tokens the converter marks CONTROL although they are not flagged special (does_token_look_special).
bool looksSpecial(const std::string& t)
{
    auto wrapped = [&](std::string_view open, std::string_view close) {
        return t.size() >= open.size() + close.size() && t.compare(0, open.size(), open) == 0
            && t.compare(t.size() - close.size(), close.size(), close) == 0;
    };
    return t == "<pad>" || t == "<mask>" || t == "<2mass>" || t == "[@BOS@]" || wrapped("<|", "|>")
        || wrapped("<\xEF\xBD\x9C", "\xEF\xBD\x9C>") || wrapped("<unused", ">");
}

/// The text the converter stores for added token `id`: non-normalized tokens pass through
/// decode(encode(text)) of the HF tokenizer; user-defined ones spell U+2581 as a space.
std::pair<std::string, int32_t> addedTokenEntry(const Vocab& v, int64_t id, std::string text, const Tokenizer* hf)
{
    if (v.addedRaw.count(id) && hf)
        text = hf->decode(hf->encode(text, false), true);
    if (v.addedSpecial.count(id) || looksSpecial(text))
        return {text, kControl};
    std::string spaced;
    for (size_t pos = 0; pos < text.size();) {
        if (text.compare(pos, 3, "\xE2\x96\x81") == 0)
            spaced += ' ', pos += 3;
        else
            spaced += text[pos++];
    }
    return {spaced, kUserDefined};
}

/// _set_vocab_gpt2: config vocab_size entries, [PADn] holes, CONTROL / USER_DEFINED added tokens, and the
/// pre-tokenizer llama.cpp will recognise.
void gpt2Vocab(std::vector<KeyValue>& kvs, const Vocab& v, int64_t vocabSize, const std::string& pre,
               const Tokenizer* hf)
{
    std::map<int64_t, std::string> all = v.byId;
    for (const auto& [text, id] : v.added)
        all[id] = text;
    std::set<int64_t> addedIds;
    for (const auto& [text, id] : v.added)
        addedIds.insert(id);
    std::vector<std::string> tokens;
    std::vector<int32_t> types;
    for (int64_t id = 0; id < std::max<int64_t>(vocabSize, 1); ++id) {
        const auto it = all.find(id);
        if (it == all.end()) {
            tokens.push_back("[PAD" + std::to_string(id) + "]");
            types.push_back(kUnused);
        } else if (!addedIds.count(id)) {
            tokens.push_back(it->second);
            types.push_back(kNormal);
        } else {
            auto [text, type] = addedTokenEntry(v, id, it->second, hf);
            tokens.push_back(std::move(text));
            types.push_back(type);
        }
    }
    kvs.push_back({"tokenizer.ggml.model", GgufValue::string("gpt2")});
    kvs.push_back({"tokenizer.ggml.pre", GgufValue::string(pre)});
    kvs.push_back({"tokenizer.ggml.tokens", stringArray(tokens)});
    kvs.push_back({"tokenizer.ggml.token_type", i32Array(types)});
}

std::vector<std::string> merges(const json& tok)
{
    std::vector<std::string> out;
    const json& model = tok.at("model");
    if (!model.contains("merges") || !model["merges"].is_array())
        return out;
    for (const auto& m : model["merges"]) {
        if (m.is_string())
            out.push_back(m.get<std::string>());
        else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string())
            out.push_back(m[0].get<std::string>() + " " + m[1].get<std::string>());
    }
    return out;
}

/// SpecialVocab.add_to_gguf: merges, special ids, add_bos/add_eos, chat template.
void specialVocab(std::vector<KeyValue>& kvs, const Vocab& v, const json& tcfg, const json& cfg, int64_t nVocab,
                  const std::vector<std::string>& mergeList)
{
    if (!mergeList.empty())
        kvs.push_back({"tokenizer.ggml.merges", stringArray(mergeList)});
    std::vector<KeyValue> ids;
    for (size_t i = 0; i < std::size(kSpecialTypes); ++i) {
        std::optional<int64_t> id;
        const std::string typ = kSpecialTypes[i];
        if (tcfg.contains(typ + "_token"))
            if (const auto content = tokenContent(tcfg[typ + "_token"]))
                if (const auto it = v.added.find(*content); it != v.added.end())
                    id = it->second;
        if (!id && cfg.contains(typ + "_token_id") && cfg[typ + "_token_id"].is_number_integer())
            id = cfg[typ + "_token_id"].get<int64_t>();
        if (id && *id >= 0 && *id < nVocab)
            kvs.push_back({std::string("tokenizer.ggml.") + kSpecialKeys[i], GgufValue::u32(uint32_t(*id))});
    }
    for (const char* typ : {"bos", "eos"})
        if (const std::string key = std::string("add_") + typ + "_token"; tcfg.contains(key) && tcfg[key].is_boolean())
            kvs.push_back({"tokenizer.ggml." + key, GgufValue::boolean(tcfg[key].get<bool>())});
    if (tcfg.contains("chat_template") && tcfg["chat_template"].is_string())
        kvs.push_back({"tokenizer.chat_template", GgufValue::string(tcfg["chat_template"].get<std::string>())});
}

std::set<int64_t> specialIds(const Vocab& v, const json& tcfg)
{
    std::set<int64_t> out;
    for (const char* typ : kSpecialTypes)
        if (tcfg.contains(std::string(typ) + "_token"))
            if (const auto content = tokenContent(tcfg[std::string(typ) + "_token"]))
                if (const auto id = idOf(v, *content))
                    out.insert(*id);
    if (tcfg.contains("additional_special_tokens") && tcfg["additional_special_tokens"].is_array())
        for (const auto& e : tcfg["additional_special_tokens"])
            if (const auto content = tokenContent(e))
                if (const auto id = idOf(v, *content))
                    out.insert(*id);
    return out;
}

void vocabularyKeys(std::vector<KeyValue>& kvs, const ModelFile& model)
{
    if (model.tokenizer.sourcePath.empty() || fs::path(model.tokenizer.sourcePath).extension() != ".json")
        return;
    const json tok = readJsonFile(model.tokenizer.sourcePath);
    if (!tok.contains("model") || tok["model"].value("type", "") != "BPE")
        return;   // Unigram / WordPiece vocabularies are not converted
    const fs::path dir = fs::path(model.tokenizer.sourcePath).parent_path();
    const json tcfg = readOptionalJson(dir / "tokenizer_config.json");
    const json cfg = readOptionalJson(dir / "config.json");
    const Vocab v = readVocab(tok, model.tokenizer.sourcePath);
    const bool llamaStyle = tok["model"].value("byte_fallback", false) && tok.contains("decoder")
        && tok["decoder"].is_object() && tok["decoder"].value("type", "") == "Sequence";
    if (llamaStyle) {
        llamaHfVocab(kvs, v, specialIds(v, tcfg));
        const int64_t n = std::get<std::vector<GgufValue>>(kvs.back().value.value).size();
        specialVocab(kvs, v, tcfg, cfg, n, {});
    } else {
        const int64_t n = model.spec.vocabSize > 0 ? model.spec.vocabSize : v.baseSize;
        const std::string pre = detectLlamaPreTokenizer(model.tokenizer.sourcePath).name;
        std::optional<Tokenizer> hf;
        if (!v.addedRaw.empty())
            hf = Tokenizer::fromHfJson(model.tokenizer.sourcePath);
        gpt2Vocab(kvs, v, n, pre, hf ? &*hf : nullptr);
        specialVocab(kvs, v, tcfg, cfg, n, merges(tok));
    }
}

void hyperParameters(std::vector<KeyValue>& kvs, const ModelSpec& s)
{
    const std::string a = s.architecture + ".";
    auto u32 = [&](const std::string& key, int64_t v) {
        if (v > 0)
            kvs.push_back({a + key, GgufValue::u32(uint32_t(v))});
    };
    u32("block_count", s.blockCount);
    u32("context_length", s.contextLength);
    u32("embedding_length", s.embeddingLength);
    u32("feed_forward_length", s.feedForwardLength);
    u32("attention.head_count", s.headCount);
    u32("attention.head_count_kv", s.headCountKv);
    kvs.push_back({a + "rope.freq_base", GgufValue::f32(float(s.ropeFreqBase))});
    kvs.push_back({a + "attention.layer_norm_rms_epsilon", GgufValue::f32(float(s.rmsNormEps))});
    kvs.push_back({"general.file_type", GgufValue::u32(0)});
    u32("vocab_size", s.vocabSize);
    u32("rope.dimension_count", s.ropeDimensionCount > 0 ? s.ropeDimensionCount
                                : s.headCount > 0 ? s.embeddingLength / s.headCount : 0);
    if (s.ropeScalingType == "linear" || s.ropeScalingType == "yarn") {
        kvs.push_back({a + "rope.scaling.type", GgufValue::string(s.ropeScalingType)});
        kvs.push_back({a + "rope.scaling.factor", GgufValue::f32(float(s.ropeScalingFactor))});
    }
}

} // namespace

std::vector<KeyValue> convertedMetadata(const ModelFile& model)
{
    if (model.format == ModelFormat::HfFolder)
        for (const TensorInfo& t : model.tensors)
            if (isPerExpertTensorName(t.name))
                throw Error(ErrorCode::Unsupported, model.path, kNoOffset,
                            "cannot export a mixture-of-experts folder: llama.cpp b4748 loads the experts of a layer "
                            "stacked into one tensor (ffn_gate_exps, ...), and this folder stores them one by one ("
                                + t.originalName + ")");
    if (model.spec.architecture != "llama" || model.format != ModelFormat::HfFolder) {
        std::vector<KeyValue> out;
        for (const auto& kv : model.metadata)
            if (kv.key.find('.') != std::string::npos && kv.key.rfind("model.", 0) != 0 && kv.key.rfind("lm_head", 0) != 0)
                out.push_back(kv);
        return out;
    }
    std::vector<KeyValue> kvs;
    kvs.push_back({"general.architecture", GgufValue::string("llama")});
    kvs.push_back({"general.type", GgufValue::string("model")});
    kvs.push_back({"general.name", GgufValue::string(model.spec.name.empty() ? fs::path(model.path).filename().string()
                                                                             : model.spec.name)});
    hyperParameters(kvs, model.spec);
    vocabularyKeys(kvs, model);
    kvs.push_back({"general.quantization_version", GgufValue::u32(2)});
    return kvs;
}

std::vector<int64_t> hfRowPermutation(const ModelFile& model, const TensorInfo& tensor)
{
    if (model.format != ModelFormat::HfFolder || !model.spec.ropeNeox || model.spec.architecture != "llama"
        || tensor.ne.size() < 2)
        return {};
    const bool q = tensor.name.find("attn_q.weight") != std::string::npos;
    const bool k = tensor.name.find("attn_k.weight") != std::string::npos;
    if (!q && !k)
        return {};
    int64_t heads = model.spec.headCount;
    if (k && model.spec.headCountKv > 0)
        heads = model.spec.headCountKv;
    const int64_t rows = tensor.rows();
    if (heads <= 0 || rows % heads != 0 || (rows / heads) % 2 != 0)
        throw Error(ErrorCode::Mismatch, tensor.sourceFile, kNoOffset,
                    "tensor '" + tensor.name + "': " + std::to_string(rows) + " rows do not split into "
                        + std::to_string(heads) + " heads of even size");
    const int64_t d = rows / heads, half = d / 2;
    std::vector<int64_t> map(size_t(rows), 0);
    for (int64_t h = 0; h < heads; ++h)
        for (int64_t i = 0; i < half; ++i)
            for (int64_t j = 0; j < 2; ++j)
                map[size_t(h * d + 2 * i + j)] = h * d + j * half + i;
    return map;
}

} // namespace qx

// Tokenizer::fromHfJson: the BPE model of a tokenizer.json, its added tokens, and the special-token names
// of a tokenizer_config.json lying beside it.
#include "io/json_file.h"
#include "model/hf_loader.h"

#include <filesystem>

namespace qx {

using nlohmann::json;

namespace {

void requireBpe(const HfLoader& l, const json& model)
{
    const std::string type = model.value("type", std::string("BPE"));
    if (type != "BPE")
        l.fail(ErrorCode::Unsupported, "tokenizer model '" + type + "' is not supported (only BPE)");
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && !model[key].is_null() && !model[key].get<std::string>().empty())
            l.fail(ErrorCode::Unsupported, std::string("BPE option ") + key + " is not supported");
    if (!model.contains("vocab") || !model["vocab"].is_object())
        l.fail(ErrorCode::Invalid, "BPE model without a vocab object");
}

TokenType typeOfText(const std::string& text)
{
    const bool byte = text.size() == 6 && text.compare(0, 3, "<0x") == 0 && text[5] == '>';
    return byte ? TokenType::Byte : TokenType::Normal;
}

// Either "left right" or ["left", "right"].
std::pair<std::string, std::string> mergeParts(const HfLoader& l, const json& m)
{
    if (m.is_array() && m.size() == 2)
        return {m[0].get<std::string>(), m[1].get<std::string>()};
    const std::string s = m.get<std::string>();
    const size_t space = s.find(' ');
    if (space == std::string::npos || s.find(' ', space + 1) != std::string::npos)
        l.fail(ErrorCode::Invalid, "malformed merge '" + s + "'");
    return {s.substr(0, space), s.substr(space + 1)};
}

int32_t idOfConfigToken(const Tokenizer::Impl& impl, const json& cfg, const char* key)
{
    if (!cfg.contains(key))
        return kNoToken;
    const json& v = cfg[key];
    if (v.is_string())
        return impl.find(v.get<std::string>());
    if (v.is_object() && v.contains("content") && v["content"].is_string())
        return impl.find(v["content"].get<std::string>());
    return kNoToken;
}

// BOS from the post-processor template, BOS/EOS/PAD names from tokenizer_config.json beside the file,
// and the per-id lookups the pipeline needs.
void resolveSpecials(Tokenizer::Impl& impl, HfPipeline& pipe, const std::string& path)
{
    Vocab& v = impl.vocab;
    v.kind = VocabKind::Bpe;
    v.pre = "hf";
    v.addSpacePrefix = false;
    for (const HfTemplateItem& item : pipe.singleTemplate)
        for (const int32_t id : item.ids)
            if (id < 0 || size_t(id) >= v.tokens.size())
                throw Error(ErrorCode::Invalid, path, kNoOffset,
                            "the post-processor's special token id " + std::to_string(id)
                                + " is outside the vocabulary of " + std::to_string(v.tokens.size()) + " tokens");
    for (const HfTemplateItem& item : pipe.singleTemplate) {
        if (item.sequence)
            break;
        if (!item.ids.empty() && v.bosId < 0)
            v.bosId = item.ids.front(), v.addBos = true;
    }
    const auto config = std::filesystem::path(path).parent_path() / "tokenizer_config.json";
    if (std::filesystem::exists(config)) {
        try {
            const json cfg = json::parse(readTokenizerFile(config.string()));
            if (const int32_t id = idOfConfigToken(impl, cfg, "bos_token"); id >= 0)
                v.bosId = id;
            if (const int32_t id = idOfConfigToken(impl, cfg, "eos_token"); id >= 0)
                v.eosId = id;
            if (const int32_t id = idOfConfigToken(impl, cfg, "pad_token"); id >= 0)
                v.padId = id;
        } catch (const json::exception&) {
            // tokenizer_config.json only names special tokens; a broken one is not fatal
        }
    }
    pipe.isSpecial.assign(v.tokens.size(), false);
    for (const HfAddedToken& a : pipe.addedTokens) {
        pipe.isSpecial[size_t(a.id)] = a.special;
        if (!a.content.empty())
            pipe.addedFirstByte[uint8_t(a.content[0])] = true;
    }
}

} // namespace

void HfLoader::readVocabTable(const json& model)
{
    size_t count = 0;
    for (const auto& [text, id] : model["vocab"].items()) {
        if (!id.is_number_integer())
            fail(ErrorCode::Invalid, "the id of vocab token '" + text + "' is not an integer");
        if (id.get<int64_t>() < 0)
            fail(ErrorCode::Invalid, "negative token id for '" + text + "'");
        count = std::max(count, size_t(id.get<int64_t>()) + 1);
    }
    for (const HfAddedToken& a : pipe.addedTokens)
        count = std::max(count, size_t(a.id) + 1);
    // Ids index a dense table: refuse sparse id spaces far larger than the number of entries.
    if (count > 4 * (model["vocab"].size() + pipe.addedTokens.size()) + 65536)
        fail(ErrorCode::Invalid, "token ids far beyond the vocabulary size (" + std::to_string(count) + ")");
    vocab.tokens.assign(count, {});
    vocab.types.assign(count, TokenType::Undefined);
    for (const auto& [text, id] : model["vocab"].items()) {
        vocab.tokens[size_t(id.get<int64_t>())] = text;
        vocab.types[size_t(id.get<int64_t>())] = typeOfText(text);
    }
    for (const HfAddedToken& a : pipe.addedTokens) {
        vocab.tokens[size_t(a.id)] = a.content;
        vocab.types[size_t(a.id)] = a.special ? TokenType::Control : TokenType::UserDefined;
    }
}

void HfLoader::readModel(const json& model, Tokenizer::Impl& impl)
{
    requireBpe(*this, model);
    readVocabTable(model);
    pipe.byteFallback = model.value("byte_fallback", false);
    pipe.fuseUnk = model.value("fuse_unk", false);
    vocab.ignoreMerges = model.value("ignore_merges", false);
    impl.vocab = vocab;
    impl.indexTokens(true);
    if (model.contains("unk_token") && model["unk_token"].is_string()) {
        impl.vocab.unkId = impl.find(model["unk_token"].get<std::string>());
        if (impl.vocab.unkId >= 0)
            impl.vocab.types[size_t(impl.vocab.unkId)] = TokenType::Unknown;
    }
    const json& merges = model.value("merges", json::array());
    for (size_t rank = 0; rank < merges.size(); ++rank) {
        const auto [left, right] = mergeParts(*this, merges[rank]);
        const int32_t a = impl.find(left), b = impl.find(right), c = impl.find(left + right);
        if (a < 0 || b < 0 || c < 0)
            fail(ErrorCode::Invalid, "merge '" + left + " " + right + "' uses a token missing from the vocab");
        impl.merges.emplace(mergeKey(a, b), BpeMerge{int32_t(rank), c});
        impl.vocab.merges.push_back(left + " " + right);
    }
}

Tokenizer Tokenizer::fromHfJson(const std::string& path)
{
    HfLoader l;
    l.path = path;
    json root;
    try {
        root = json::parse(readTokenizerFile(path));
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Invalid, path, kNoOffset, "not a valid tokenizer.json: " + jsonErrorText(e));
    }
    auto impl = std::make_shared<Impl>();
    impl->flavor = Impl::Flavor::HfBpe;
    impl->source = path;
    try {
        if (!root.is_object() || !root.contains("model"))
            l.fail(ErrorCode::Invalid, "not a tokenizer.json: no \"model\"");
        l.readAddedTokens(root.value("added_tokens", json::array()));
        l.readNormalizer(root.value("normalizer", json()));
        l.readPreTokenizer(root.value("pre_tokenizer", json()));
        l.readPostProcessor(root.value("post_processor", json()));
        l.readDecoder(root.value("decoder", json()));
        l.readModel(root["model"], *impl);
    } catch (const json::exception& e) {
        throw Error(ErrorCode::Invalid, path, kNoOffset, "malformed tokenizer.json: " + jsonErrorText(e));
    }
    resolveSpecials(*impl, l.pipe, path);
    impl->hf = std::make_shared<const HfPipeline>(std::move(l.pipe));
    return Tokenizer(std::move(impl));
}

} // namespace qx

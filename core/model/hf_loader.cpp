// The components of a tokenizer.json around the model: normalizer, pre-tokenizer, decoder,
// post-processor and added tokens.
#include "model/hf_loader.h"

#include "common/text_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace qx {

using nlohmann::json;

namespace {

// Regular expressions of Split pre-tokenizers we implement by hand (others go to Oniguruma).
const std::pair<std::string_view, unicode::SplitPass> kKnownRegexes[] = {
    {R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)", unicode::SplitPass::Gpt2},
    {R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)",
     unicode::SplitPass::Llama3},
    {R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)",
     unicode::SplitPass::Qwen2},
};

} // namespace

void HfLoader::readNormalizer(const json& j)
{
    if (j.is_null())
        return;
    const std::string type = typeOf(j);
    if (type == "Sequence") {
        for (const json& n : j.at("normalizers"))
            readNormalizer(n);
    } else if (type == "Prepend") {
        pipe.normalizers.push_back({HfNormalizer::Kind::Prepend, j.at("prepend").get<std::string>(), {}});
    } else if (type == "Replace") {
        pipe.normalizers.push_back({HfNormalizer::Kind::Replace, stringPattern(j, "Replace normalizer"),
                                    j.at("content").get<std::string>()});
    } else if (type != "NFC") {  // NFC: identity on precomposed text, as llama.cpp treats it
        fail(ErrorCode::Unsupported, "normalizer '" + type + "' is not supported");
    }
}

void HfLoader::readSplit(const json& j, HfPreTokenizer& p) const
{
    using B = HfPreTokenizer::Behavior;
    static const std::pair<std::string_view, B> kBehaviors[] = {
        {"Removed", B::Removed}, {"Isolated", B::Isolated}, {"MergedWithPrevious", B::MergedWithPrevious},
        {"MergedWithNext", B::MergedWithNext}, {"Contiguous", B::Contiguous}};
    p.kind = HfPreTokenizer::Kind::Split;
    const std::string behavior = j.value("behavior", std::string());
    const auto* b = std::find_if(std::begin(kBehaviors), std::end(kBehaviors), [&](const auto& k) { return k.first == behavior; });
    if (b == std::end(kBehaviors))
        fail(ErrorCode::Unsupported, "Split pre-tokenizer: unknown behavior '" + behavior + "'");
    p.behavior = b->second;
    p.invert = j.value("invert", false);
    const json& pattern = j.at("pattern");
    if (pattern.contains("String")) {
        p.literal = pattern["String"].get<std::string>();
        p.isLiteral = true;
        return;
    }
    const std::string regex = pattern.at("Regex").get<std::string>();
    const auto* known = std::find_if(std::begin(kKnownRegexes), std::end(kKnownRegexes),
                                     [&](const auto& k) { return k.first == regex; });
    if (known != std::end(kKnownRegexes) && p.behavior == B::Isolated && !p.invert)
        p.pass = known->second;
    else
        p.regex = std::make_shared<const OnigPattern>(regex, path);
}

void HfLoader::readPreTokenizer(const json& j)
{
    if (j.is_null())
        return;
    const std::string type = typeOf(j);
    HfPreTokenizer p;
    if (type == "Sequence") {
        for (const json& n : j.at("pretokenizers"))
            readPreTokenizer(n);
        return;
    } else if (type == "ByteLevel") {
        p.kind = HfPreTokenizer::Kind::ByteLevel;
        p.addPrefixSpace = j.value("add_prefix_space", false);
        p.useRegex = j.value("use_regex", true);
    } else if (type == "Digits") {
        p.kind = HfPreTokenizer::Kind::Digits;
        p.pass = j.value("individual_digits", false) ? unicode::SplitPass::SingleNumbers : unicode::SplitPass::Numbers;
    } else if (type == "Metaspace") {
        p.kind = HfPreTokenizer::Kind::Metaspace;
        p.replacement = j.value("replacement", std::string("\xE2\x96\x81"));
        p.split = j.value("split", true);
        const std::string scheme = j.value("prepend_scheme", j.value("add_prefix_space", true) ? "always" : "never");
        p.prepend = scheme == "first" ? HfPreTokenizer::Prepend::First
                  : scheme == "never" ? HfPreTokenizer::Prepend::Never : HfPreTokenizer::Prepend::Always;
    } else if (type == "Split") {
        readSplit(j, p);
    } else {
        fail(ErrorCode::Unsupported, "pre-tokenizer '" + type + "' is not supported");
    }
    pipe.preTokenizers.push_back(p);
}

void HfLoader::readDecoder(const json& j)
{
    if (j.is_null())
        return;
    pipe.hasDecoder = true;
    const std::string type = typeOf(j);
    HfDecoder d;
    if (type == "Sequence") {
        for (const json& n : j.at("decoders"))
            readDecoder(n);
        return;
    } else if (type == "Replace") {
        d.kind = HfDecoder::Kind::Replace;
        d.pattern = stringPattern(j, "Replace decoder");
        d.content = j.at("content").get<std::string>();
    } else if (type == "ByteFallback" || type == "Fuse" || type == "ByteLevel") {
        d.kind = type == "Fuse" ? HfDecoder::Kind::Fuse
               : type == "ByteLevel" ? HfDecoder::Kind::ByteLevel : HfDecoder::Kind::ByteFallback;
    } else if (type == "Strip") {
        d.kind = HfDecoder::Kind::Strip;
        d.content = j.at("content").get<std::string>();
        d.start = countOf(j, "start", "Strip decoder");
        d.stop = countOf(j, "stop", "Strip decoder");
    } else if (type == "Metaspace") {
        d.kind = HfDecoder::Kind::Metaspace;
        d.pattern = j.value("replacement", std::string("\xE2\x96\x81"));
        d.stripFirstSpace = j.value("prepend_scheme", std::string(j.value("add_prefix_space", true) ? "always" : "never")) != "never";
    } else {
        fail(ErrorCode::Unsupported, "decoder '" + type + "' is not supported");
    }
    pipe.decoders.push_back(d);
}

void HfLoader::readPostProcessor(const json& j)
{
    if (j.is_null())
        return;
    const std::string type = typeOf(j);
    if (type == "Sequence") {
        for (const json& n : j.at("processors"))
            readPostProcessor(n);
    } else if (type == "TemplateProcessing") {
        pipe.singleTemplate.clear();
        const json& specials = j.value("special_tokens", json::object());
        for (const json& item : j.at("single")) {
            HfTemplateItem t;
            if (item.contains("Sequence")) {
                t.sequence = true;
            } else {
                const std::string name = item.at("SpecialToken").at("id").get<std::string>();
                if (!specials.contains(name))
                    fail(ErrorCode::Invalid, "post-processor template names unknown special token " + name);
                for (const json& id : specials[name].at("ids"))
                    t.ids.push_back(tokenId(id, "the id of special token " + name));
            }
            pipe.singleTemplate.push_back(std::move(t));
        }
    } else if (type == "RobertaProcessing" || type == "BertProcessing") {
        pipe.singleTemplate = {{false, {tokenId(j.at("cls").at(1), "the id of the cls token")}}, {true, {}},
                               {false, {tokenId(j.at("sep").at(1), "the id of the sep token")}}};
    } else if (type != "ByteLevel") {  // ByteLevel only trims offsets
        fail(ErrorCode::Unsupported, "post-processor '" + type + "' is not supported");
    }
}

void HfLoader::readAddedTokens(const json& j)
{
    for (const json& t : j) {
        HfAddedToken a;
        a.id = tokenId(t.at("id"), "added token id");
        a.content = t.at("content").get<std::string>();
        a.special = t.value("special", false);
        a.normalized = t.value("normalized", !a.special);
        a.lstrip = t.value("lstrip", false);
        a.rstrip = t.value("rstrip", false);
        a.singleWord = t.value("single_word", false);
        pipe.addedTokens.push_back(std::move(a));
    }
}

int32_t HfLoader::tokenId(const json& v, const std::string& what) const
{
    // A float such as 6.7e78 would not fit an int (undefined behaviour in the conversion; found by fuzzing).
    if (!v.is_number_integer())
        fail(ErrorCode::Invalid, what + " is not an integer");
    constexpr int64_t kMaxId = int64_t{1} << 24;
    if (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(kMaxId) : (v.get<int64_t>() < 0 || v.get<int64_t>() > kMaxId))
        fail(ErrorCode::Invalid, what + " out of range: " + v.dump());
    return static_cast<int32_t>(v.get<int64_t>());
}

std::string readTokenizerFile(const std::string& path)
{
    return readTextFile(path);
}

size_t HfLoader::countOf(const json& j, const char* key, const std::string& what) const
{
    // A float such as 1.4e117 would not fit a size_t (undefined behaviour in the conversion; found by fuzzing).
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return 0;
    constexpr int64_t kMaxCount = int64_t{1} << 20;
    if (!it->is_number_integer() || (it->is_number_unsigned() ? it->get<uint64_t>() > uint64_t(kMaxCount)
                                                              : (it->get<int64_t>() < 0 || it->get<int64_t>() > kMaxCount)))
        fail(ErrorCode::Invalid, what + " \"" + key + "\" is not a count from 0 to " + std::to_string(kMaxCount)
                                     + ": " + it->dump().substr(0, 40));
    return static_cast<size_t>(it->get<int64_t>());
}

} // namespace qx

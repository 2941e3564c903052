#include "export/hf_pre_tokenizer.h"

#include "common/error.h"
#include "common/sha256.h"
#include "io/json_file.h"
#include "model/tokenizer.h"

#include <algorithm>
#include <utility>

namespace qx {
namespace {

using nlohmann::json;

constexpr std::string_view kCheckText =
    "\n \n\n \n\n\n \t \t\t \t\n  \n   \n    \n     \n\xF0\x9F\x9A\x80 (normal) \xF0\x9F\x98\xB6\xE2\x80\x8D"
    "\xF0\x9F\x8C\xAB\xEF\xB8\x8F (multiple emojis concatenated) \xE2\x9C\x85 \xF0\x9F\xA6\x99\xF0\x9F\xA6\x99"
    " 3 33 333 3333 33333 333333 3333333 33333333 3.3 3..3 3...3 \xE1\x9E\x80\xE1\x9E\xB6\xE1\x9E\x93"
    "\xE1\x9F\x8B\xE1\x9E\x8F\xE1\x9F\x82\xE1\x9E\x96\xE1\x9E\xB7\xE1\x9E\x9F\xE1\x9F\x81\xE1\x9E\x9F"
    "\xE1\x9E\xA2\xE1\x9E\xB6\xE1\x9E\x85\xF0\x9F\x98\x81 ?\xE6\x88\x91\xE6\x83\xB3\xE5\x9C\xA8""appl"
    "e\xE5\xB7\xA5\xE4\xBD\x9C""1314151\xE5\xA4\xA9\xEF\xBD\x9E ------======= \xD0\xBD\xD0\xB5\xD1\x89"
    "\xD0\xBE \xD0\xBD\xD0\xB0 \xD0\x91\xD1\x8A\xD0\xBB\xD0\xB3\xD0\xB0\xD1\x80\xD1\x81\xD0\xBA\xD0\xB8"
    " ''''''```````\"\"\"\"......!!!!!!?????? I've been 'told he's there, 'RE you sure? 'M not sure I"
    "'ll make it, 'D you like some tea? We'Ve a'lL";

// get_vocab_base_pre of convert_hf_to_gguf.py (b4748): digest -> name. Where the converter tests one
// digest twice, the later test wins, as there ("olmo" over "mpt", "jina-v2-en" over "bert-bge").
constexpr std::pair<std::string_view, std::string_view> kKnownDigests[] = {
    {"8e62295832751ca1e8f92f2226f403dea30dc5165e448b5bfa05af5340c64ec7", "bert-bge-large"},
    {"3c30d3ad1d6b64202cd222813e7736c2db6e1bd6d67197090fc1211fbc612ae7", "bloom"},
    {"60824e3c0d9401f89943cbb2fff727f0e2d4c545ba4df2d6e4f09a6db0f5b450", "chameleon"},
    {"b6e8e1518dc4305be2fe39c313ed643381c4da5db34a98f6a04c093f8afbe99b", "chatglm-bpe"},
    {"81d72c7348a9f0ebe86f23298d37debe0a5e71149e29bd283904c02262b27516", "chatglm-bpe"},
    {"7b3e7548e4308f52a76e8229e4e6cc831195d0d1df43aed21ac6c93da05fec5f", "codeshell"},
    {"9c2227e4dd922002fb81bde4fc02b0483ca4f12911410dee2255e4987644e3f8", "command-r"},
    {"a8594e3edff7c29c003940395316294b2c623e09894deebbc65f33f1515df79e", "dbrx"},
    {"347715f544604f9118bb75ed199f68779f423cabb20db6de6f31b908d04d7821", "deepseek-coder"},
    {"049ecf7629871e3041641907f3de7c733e4dbfdc736f57d882ba0b0845599754", "deepseek-llm"},
    {"b3f499bb4255f8ca19fccd664443283318f2fd2414d5e0b040fbdd0cc195d6c5", "deepseek-r1-qwen"},
    {"877081d19cf6996e2c4ff0e1236341e9b7bde288f5311a56a937f0afbbb3aeb5", "deepseek-v3"},
    {"4e2b24cc4770243d65a2c9ec19770a72f08cffc161adbb73fcbb6b7dd45a0aae", "exaone"},
    {"8aeee3860c56296a157a1fe2fad249ec40aa59b1bb5709f4ade11c4e6fe652ed", "falcon"},
    {"9d032fcbd5501f4a38150912590928bfb36091efb5df11b8e2124b0390e3fb1e", "falcon3"},
    {"ad851be1dba641f2e3711822f816db2c265f788b37c63b4e1aeacb9ee92de8eb", "gigachat"},
    {"3ce83efda5659b07b1ad37ca97ca5797ea4285d9b9ab0dc679e4a720c9da7454", "gpt-2"},
    {"bc01ce58980e1db43859146dc51b1758b3b88729b217a74792e9f8d43e479d21", "gpt3-finnish"},
    {"b53802fb28e26d645c3a310b34bfe07da813026ec7c7716883404d5e0f8b1901", "jais"},
    {"c7699093ba4255a91e702aa38a596aa81669f3525dae06c2953267dde580f448", "jina-v1-en"},
    {"7967bfa498ade6b757b064f31e964dddbb80f8f9a4d68d4ba7998fcf281c531a", "jina-v2-code"},
    {"27949a2493fc4a9f53f5b9b029c82689cfbe5d3a1929bb25e043089e28466de6", "jina-v2-de"},
    {"0876d13b50744004aa9aeae05e7b0647eac9d801b5ba4668afc01e709c15e19f", "jina-v2-en"},
    {"171aeeedd6fb548d418a7461d053f11b6f1f1fc9b387bd66640d28a4b9f5c643", "jina-v2-es"},
    {"0ef9807a4087ebef797fc749390439009c3b9eda9ad1a097abbe738f486c01e5", "llama-bpe"},
    {"d4c8f286ea6b520b3d495c4455483cfa2302c0cfcd4be05d781b6a8a0a7cdaf1", "megrez"},
    {"1431a23e583c97432bc230bff598d103ddb5a1f89960c8f1d1051aaa944d0b35", "minerva-7b"},
    {"b6dc8df998e1cfbdc4eac8243701a65afe638679230920b50d6f17d81c098166", "olmo"},
    {"fcace8b9cac38ce847670c970cd5892031a753a1ef381abd1d9af00f713da085", "phi-2"},
    {"c7ea5862a53e4272c035c8238367063e2b270d51faa48c0f09e9d5b54746c360", "poro-chat"},
    {"e636dc30a262dcc0d8c323492e32ae2b70728f4df7dfe9737d9f920a282b8aea", "qwen2"},
    {"6221ad2852e85ce96f791f476e0b390cf9b474c9e3d1362f53a24a06dc8220ff", "refact"},
    {"8b5a93ed704057481f240da0be7e7dca721d7f8f4755263b6807227a2cbeae65", "roberta-bpe"},
    {"c136ed14d01c2745d4f60a9596ae66800e2b61fa45643e72436041855ad4089d", "smaug-bpe"},
    {"855059429035d75a914d1eda9f10a876752e281a054a7a3d421ef0533e5b6249", "smollm"},
    {"32d85c31273f8019248f2559fed492d929ea28b17e51d81d3bb36fff23ca72b3", "stablelm2"},
    {"35d91631860c815f952d711435f48d356ebac988362536bed955d43bfa436e34", "starcoder"},
    {"63b97e4253352e6f357cc59ea5b583e3a680eaeaf2632188c2b952de2588485e", "tekken"},
    {"7fc505bd3104ca1083b150b17d088b59534ede9bde81f0dd2090967d7fe52cee", "viking"},
};

// The Split expressions llama.cpp implements (its LLAMA3 and QWEN2 pre-tokenizer types).
constexpr std::string_view kLlama3Split =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view kQwen2Split =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

std::string typeOf(const json& j)
{
    return j.is_object() && j.contains("type") && j["type"].is_string() ? j["type"].get<std::string>() : std::string();
}

/// The members of a pre-tokenizer (a Sequence's list, or the one step).
std::vector<json> steps(const json& pre)
{
    if (typeOf(pre) == "Sequence" && pre.contains("pretokenizers") && pre["pretokenizers"].is_array())
        return pre["pretokenizers"].get<std::vector<json>>();
    return pre.is_null() ? std::vector<json>{} : std::vector<json>{pre};
}

bool isByteLevel(const json& step, bool useRegex)
{
    return typeOf(step) == "ByteLevel" && step.value("use_regex", true) == useRegex
        && !step.value("add_prefix_space", false);
}

std::string splitRegex(const json& step)
{
    if (typeOf(step) != "Split" || step.value("behavior", std::string()) != "Isolated" || step.value("invert", false))
        return {};
    const json& pattern = step.value("pattern", json::object());
    return pattern.is_object() ? pattern.value("Regex", std::string()) : std::string();
}

/// tokenizer.ggml.pre from the structure of tokenizer.json; empty when llama.cpp has no equivalent.
std::string nameFromStructure(const json& root)
{
    const json& normalizer = root.value("normalizer", json());
    if (!normalizer.is_null() && typeOf(normalizer) != "NFC")
        return {};
    const std::vector<json> s = steps(root.value("pre_tokenizer", json()));
    if (s.size() == 1 && isByteLevel(s[0], true))
        return "gpt-2";
    if (s.size() != 2)
        return {};
    if (typeOf(s[0]) == "Digits" && s[0].value("individual_digits", false) && isByteLevel(s[1], true))
        return "smollm";
    if (!isByteLevel(s[1], false))
        return {};
    const std::string regex = splitRegex(s[0]);
    const bool ignoreMerges = root.value("model", json::object()).value("ignore_merges", false);
    if (regex == kLlama3Split)
        return ignoreMerges ? "llama-bpe" : "smaug-bpe";
    if (regex == kQwen2Split)
        return "qwen2";
    return {};
}

} // namespace

std::string_view preTokenizerCheckText()
{
    return kCheckText;
}

std::string preTokenizerCheckHash(const Tokenizer& tokenizer)
{
    std::string list = "[";
    for (const int32_t id : tokenizer.encode(kCheckText, true, true)) {
        if (list.size() > 1)
            list += ", ";
        list += std::to_string(id);
    }
    list += "]";
    return sha256Hex(list);
}

std::string_view preTokenizerNameForHash(std::string_view checkHash)
{
    const auto* it = std::find_if(std::begin(kKnownDigests), std::end(kKnownDigests),
                                  [&](const auto& k) { return k.first == checkHash; });
    return it == std::end(kKnownDigests) ? std::string_view() : it->second;
}

PreTokenizerMatch detectLlamaPreTokenizer(const std::string& path)
{
    PreTokenizerMatch match;
    std::string whyNotRun;
    try {
        match.checkHash = preTokenizerCheckHash(Tokenizer::fromHfJson(path));
    } catch (const Error& e) {
        whyNotRun = e.detail();
    }
    if (const std::string_view name = preTokenizerNameForHash(match.checkHash); !name.empty()) {
        match.name = name;
        match.byHash = true;
        return match;
    }
    match.name = nameFromStructure(readJsonFile(path));
    if (!match.name.empty())
        return match;
    throw Error(ErrorCode::Unsupported, path, kNoOffset,
                "BPE pre-tokenizer not recognised: llama.cpp b4748 would tokenize this vocabulary differently ("
                    + (match.checkHash.empty() ? "the tokenizer cannot be run: " + whyNotRun
                                               : "check digest " + match.checkHash + " is not in its table")
                    + ", and the pre-tokenizer is none of gpt-2, llama-bpe, smaug-bpe, qwen2, smollm)");
}

} // namespace qx

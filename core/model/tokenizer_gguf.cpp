// Tokenizer from GGUF metadata (tokenizer.ggml.*), with llama.cpp's defaults for absent keys.
#include "common/error.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <initializer_list>

namespace qx {
namespace {

const GgufValue* arrayOf(const ModelFile& m, const char* key, std::initializer_list<GgufType> elementTypes)
{
    const GgufValue* v = m.findMetadata(key);
    if (!v)
        return nullptr;
    if (!v->isArray())
        throw Error(ErrorCode::Invalid, m.path, kNoOffset, std::string("metadata key ") + key + " is not an array");
    for (GgufType t : elementTypes)
        if (v->arrayType == t)
            return v;
    throw Error(ErrorCode::Invalid, m.path, kNoOffset,
                std::string("metadata key ") + key + " has elements of type " + ggufTypeName(v->arrayType));
}

std::string stringOf(const ModelFile& m, const char* key)
{
    const GgufValue* v = m.findMetadata(key);
    if (!v)
        return {};
    if (!v->isString())
        throw Error(ErrorCode::Invalid, m.path, kNoOffset, std::string("metadata key ") + key + " is not a string");
    return v->toString();
}

void readBool(const ModelFile& m, const char* key, bool& out)
{
    if (const GgufValue* v = m.findMetadata(key)) {
        if (const auto* b = std::get_if<bool>(&v->value))
            out = *b;
        else if (v->isInteger())
            out = v->toInt() != 0;
    }
}

// A special id from the file replaces the default only when it is inside the vocabulary (llama.cpp).
void readId(const ModelFile& m, const char* key, int32_t vocabSize, int32_t& out)
{
    if (const GgufValue* v = m.findMetadata(key); v && v->isInteger()) {
        const int64_t id = v->toInt();
        if (id >= 0 && id < vocabSize)
            out = int32_t(id);
    }
}

void readTokenArrays(const ModelFile& m, Vocab& v)
{
    const GgufValue* tokens = arrayOf(m, "tokenizer.ggml.tokens", {GgufType::String});
    if (!tokens)
        throw Error(ErrorCode::Invalid, m.path, kNoOffset,
                    "no tokenizer vocabulary in this file (metadata key tokenizer.ggml.tokens missing)");
    for (const GgufValue& t : tokens->elements())
        v.tokens.push_back(t.toString());
    const size_t n = v.tokens.size();
    if (const GgufValue* s = arrayOf(m, "tokenizer.ggml.scores", {GgufType::F32, GgufType::I32})) {
        if (s->elements().size() < n)
            throw Error(ErrorCode::Invalid, m.path, kNoOffset, "tokenizer.ggml.scores is shorter than the vocabulary");
        for (size_t i = 0; i < n; ++i)
            v.scores.push_back(float(s->elements()[i].toDouble()));
    }
    if (const GgufValue* t = arrayOf(m, "tokenizer.ggml.token_type", {GgufType::I32})) {
        if (t->elements().size() < n)
            throw Error(ErrorCode::Invalid, m.path, kNoOffset, "tokenizer.ggml.token_type is shorter than the vocabulary");
        for (size_t i = 0; i < n; ++i) {
            const int64_t type = t->elements()[i].toInt();
            v.types.push_back(type >= 0 && type <= 6 ? TokenType(type) : TokenType::Undefined);
        }
    }
    if (const GgufValue* mg = arrayOf(m, "tokenizer.ggml.merges", {GgufType::String}))
        for (const GgufValue& s : mg->elements())
            v.merges.push_back(s.toString());
}

bool isLlama3Name(const std::string& pre)
{
    return pre == "llama3" || pre == "llama-v3" || pre == "llama-bpe" || pre == "falcon3";
}

} // namespace

PreTokenizerKind preTokenizerKindFromName(std::string_view pre)
{
    for (std::string_view n : {"", "default"})
        if (pre == n)
            return PreTokenizerKind::Default;
    for (std::string_view n : {"llama3", "llama-v3", "llama-bpe", "falcon3", "dbrx", "smaug-bpe"})
        if (pre == n)
            return PreTokenizerKind::Llama3;
    for (std::string_view n : {"gpt-2", "phi-2", "jina-es", "jina-de", "gigachat", "jina-v1-en", "jina-v2-es",
                               "jina-v2-de", "jina-v2-code", "roberta-bpe", "mpt", "olmo", "jais"})
        if (pre == n)
            return PreTokenizerKind::Gpt2;
    for (std::string_view n : {"qwen2", "stablelm2", "deepseek-r1-qwen"})
        if (pre == n)
            return PreTokenizerKind::Qwen2;
    for (std::string_view n : {"smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b"})
        if (pre == n)
            return PreTokenizerKind::Smollm;
    throw Error(ErrorCode::Unsupported, "unsupported BPE pre-tokenizer '" + std::string(pre) + "'");
}

const char* tokenTypeName(TokenType type)
{
    switch (type) {
    case TokenType::Undefined: return "undefined";
    case TokenType::Normal: return "normal";
    case TokenType::Unknown: return "unknown";
    case TokenType::Control: return "control";
    case TokenType::UserDefined: return "user-defined";
    case TokenType::Unused: return "unused";
    case TokenType::Byte: return "byte";
    }
    return "?";
}

Vocab Tokenizer::vocabFromGguf(const ModelFile& m)
{
    const std::string model = stringOf(m, "tokenizer.ggml.model");
    if (model.empty())
        throw Error(ErrorCode::Invalid, m.path, kNoOffset,
                    "no tokenizer in this file (metadata key tokenizer.ggml.model missing)");
    Vocab v;
    v.pre = stringOf(m, "tokenizer.ggml.pre");
    if (model == "llama") {
        v.kind = VocabKind::Spm;
        v.bosId = 1, v.eosId = 2, v.unkId = 0;
        v.addBos = true, v.addSpacePrefix = true;
    } else if (model == "gpt2") {
        v.kind = VocabKind::Bpe;
        v.bosId = 11, v.eosId = 11;
        v.addSpacePrefix = false;
        try {
            v.preKind = preTokenizerKindFromName(v.pre);
        } catch (const Error& e) {
            throw Error(ErrorCode::Unsupported, m.path, kNoOffset, e.detail());
        }
        v.ignoreMerges = v.addBos = isLlama3Name(v.pre);
    } else {
        throw Error(ErrorCode::Unsupported, m.path, kNoOffset, "unsupported tokenizer model '" + model + "'");
    }
    readTokenArrays(m, v);
    if (v.kind == VocabKind::Bpe && !m.findMetadata("tokenizer.ggml.merges"))
        throw Error(ErrorCode::Invalid, m.path, kNoOffset, "BPE tokenizer without tokenizer.ggml.merges");
    for (int32_t* id : {&v.bosId, &v.eosId, &v.unkId, &v.padId})
        if (*id >= v.size())
            *id = kNoToken;
    readId(m, "tokenizer.ggml.bos_token_id", v.size(), v.bosId);
    readId(m, "tokenizer.ggml.eos_token_id", v.size(), v.eosId);
    readId(m, "tokenizer.ggml.unknown_token_id", v.size(), v.unkId);
    readId(m, "tokenizer.ggml.padding_token_id", v.size(), v.padId);
    readBool(m, "tokenizer.ggml.add_bos_token", v.addBos);
    readBool(m, "tokenizer.ggml.add_eos_token", v.addEos);
    readBool(m, "tokenizer.ggml.add_space_prefix", v.addSpacePrefix);
    return v;
}

Tokenizer Tokenizer::fromGguf(const ModelFile& m)
{
    return fromVocab(vocabFromGguf(m), m.path);
}

} // namespace qx

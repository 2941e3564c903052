#include "io/llama2c_reader.h"

#include "common/error.h"
#include "common/mapped_file.h"
#include "io/spec_limits.h"
#include "io/spec_metadata.h"

#include <cctype>
#include <cstring>
#include <filesystem>

namespace qx {
namespace {

/// llama.cpp's LLAMA_TOKEN_TYPE_* values used for llama2.c vocabularies.
enum class TokenKind : int32_t { Normal = 1, Unknown = 2, Control = 3, Byte = 6 };

constexpr uint64_t kHeaderBytes = 28;
constexpr uint32_t kExportMagic = 0x616b3432; // "ak42" of llama2.c export versions >= 1

struct Config {
    int64_t dim = 0, hidden = 0, layers = 0, heads = 0, kvHeads = 0, vocab = 0, seqLen = 0;
    bool sharedClassifier = true;
};

/// Walks the weight arrays in file order, handing out views.
struct Cursor {
    const std::string& file;
    std::span<const std::byte> bytes;
    ModelFile& mf;
    uint64_t offset = kHeaderBytes;
};

int32_t readI32(std::span<const std::byte> bytes, uint64_t at)
{
    int32_t v = 0;
    std::memcpy(&v, bytes.data() + at, sizeof v);
    return v;
}

uint64_t mulChecked(uint64_t a, uint64_t b, const std::string& file)
{
    if (b != 0 && a > UINT64_MAX / b)
        throw Error(ErrorCode::Overflow, file, 0, "header sizes overflow 64-bit arithmetic");
    return a * b;
}

/// Bytes of `count` floats starting at the cursor, which must fit in the file; advances past them.
std::span<const std::byte> take(Cursor& c, uint64_t count, const std::string& what)
{
    const uint64_t nbytes = mulChecked(count, 4, c.file);
    if (nbytes > c.bytes.size() - c.offset)
        throw Error(ErrorCode::Truncated, c.file, c.offset,
                    what + " needs " + std::to_string(nbytes) + " bytes but the file has " +
                        std::to_string(c.bytes.size() - c.offset) + " left");
    auto view = c.bytes.subspan(size_t(c.offset), size_t(nbytes));
    c.offset += nbytes;
    return view;
}

void addTensor(Cursor& c, std::string name, std::string original, std::vector<int64_t> ne)
{
    TensorInfo t;
    t.name = std::move(name);
    t.originalName = std::move(original);
    t.ne = std::move(ne);
    t.type = TensorType::F32;
    t.fileOffset = c.offset;
    t.data = take(c, mulChecked(uint64_t(t.ne[0]), uint64_t(t.ne.size() > 1 ? t.ne[1] : 1), c.file), t.originalName);
    t.nbytes = t.data.size();
    t.sourceFile = c.file;
    c.mf.tensors.push_back(std::move(t));
}

/// One llama2.c array [layers][...] split into per-layer tensors blk.N.<part>.weight.
void addLayered(Cursor& c, const Config& cfg, const char* part, const char* original, std::vector<int64_t> ne)
{
    for (int64_t l = 0; l < cfg.layers; ++l)
        addTensor(c, "blk." + std::to_string(l) + "." + part + ".weight",
                  std::string(original) + "[" + std::to_string(l) + "]", ne);
}

Config readConfig(std::span<const std::byte> bytes, const std::string& file)
{
    if (bytes.size() < kHeaderBytes)
        throw Error(ErrorCode::Truncated, file, 0, "file is shorter than the 28-byte llama2.c header");
    if (uint32_t(readI32(bytes, 0)) == kExportMagic)
        throw Error(ErrorCode::Unsupported, file, 0,
                    "llama2.c export version " + std::to_string(readI32(bytes, 4)) +
                        " (magic ak42) is not supported; only run.c's legacy layout is");
    Config c;
    int64_t* fields[] = {&c.dim, &c.hidden, &c.layers, &c.heads, &c.kvHeads, &c.vocab, &c.seqLen};
    for (int i = 0; i < 7; ++i)
        *fields[i] = readI32(bytes, uint64_t(4 * i));
    c.sharedClassifier = c.vocab > 0;
    c.vocab = c.vocab < 0 ? -c.vocab : c.vocab;
    const char* names[] = {"dim", "hidden_dim", "n_layers", "n_heads", "n_kv_heads", "vocab_size", "seq_len"};
    for (int i = 0; i < 7; ++i)
        if (*fields[i] <= 0)
            throw Error(ErrorCode::Invalid, file, uint64_t(4 * i), std::string(names[i]) + " must be positive");
    if (c.layers > kMaxLayers)
        throw Error(ErrorCode::Invalid, file, 8, "n_layers " + std::to_string(c.layers) + " exceeds the limit of "
                                                     + std::to_string(kMaxLayers) + " layers (llama.cpp's LLAMA_MAX_LAYERS)");
    if (c.dim % c.heads != 0 || (c.dim / c.heads) % 2 != 0)
        throw Error(ErrorCode::Invalid, file, 12, "dim is not an even multiple of n_heads");
    if (c.kvHeads > c.heads || c.heads % c.kvHeads != 0)
        throw Error(ErrorCode::Invalid, file, 16, "n_heads is not a multiple of n_kv_heads");
    return c;
}

void readWeights(Cursor& c, const Config& cfg)
{
    const int64_t kvDim = cfg.dim / cfg.heads * cfg.kvHeads;
    addTensor(c, "token_embd.weight", "token_embedding_table", {cfg.dim, cfg.vocab});
    addLayered(c, cfg, "attn_norm", "rms_att_weight", {cfg.dim});
    addLayered(c, cfg, "attn_q", "wq", {cfg.dim, cfg.dim});
    addLayered(c, cfg, "attn_k", "wk", {cfg.dim, kvDim});
    addLayered(c, cfg, "attn_v", "wv", {cfg.dim, kvDim});
    addLayered(c, cfg, "attn_output", "wo", {cfg.dim, cfg.dim});
    addLayered(c, cfg, "ffn_norm", "rms_ffn_weight", {cfg.dim});
    addLayered(c, cfg, "ffn_gate", "w1", {cfg.dim, cfg.hidden});
    addLayered(c, cfg, "ffn_down", "w2", {cfg.hidden, cfg.dim});
    addLayered(c, cfg, "ffn_up", "w3", {cfg.dim, cfg.hidden});
    addTensor(c, "output_norm.weight", "rms_final_weight", {cfg.dim});
    const uint64_t ropeTable = mulChecked(uint64_t(cfg.seqLen), uint64_t(cfg.dim / cfg.heads / 2), c.file);
    take(c, ropeTable, "freq_cis_real");
    take(c, ropeTable, "freq_cis_imag");
    if (!cfg.sharedClassifier)
        addTensor(c, "output.weight", "wcls", {cfg.dim, cfg.vocab});
    if (c.offset != c.bytes.size())
        throw Error(ErrorCode::Invalid, c.file, c.offset,
                    std::to_string(c.bytes.size() - c.offset) + " bytes follow the last llama2.c array");
}

ModelSpec specOf(const Config& cfg, const std::string& file)
{
    ModelSpec s;
    s.architecture = "llama";
    s.name = std::filesystem::path(file).stem().string();
    s.contextLength = cfg.seqLen;
    s.embeddingLength = cfg.dim;
    s.blockCount = cfg.layers;
    s.headCount = cfg.heads;
    s.headCountKv = cfg.kvHeads;
    s.feedForwardLength = cfg.hidden;
    s.vocabSize = cfg.vocab;
    s.ropeDimensionCount = cfg.dim / cfg.heads;
    s.rmsNormEps = 1e-5;        // run.c's rmsnorm
    s.tiedEmbeddings = cfg.sharedClassifier;
    s.ropeNeox = false;
    s.bosTokenId = 1;           // run.c: BOS = 1, EOS = 2
    s.eosTokenId = 2;
    return s;
}

/// A llama2.c token as convert-llama2c-to-ggml stores it: its GGUF text and llama.cpp token type.
std::pair<std::string, TokenKind> llama2cToken(int64_t id, std::string text)
{
    if (id == 0)
        return {"<unk>", TokenKind::Unknown};
    if (id == 1)
        return {"<s>", TokenKind::Control};
    if (id == 2)
        return {"</s>", TokenKind::Control};
    TokenKind kind = TokenKind::Normal;
    const auto hex = [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; };
    if (text.empty())
        kind = TokenKind::Control;
    else if (text.size() == 6 && text.rfind("<0x", 0) == 0 && hex(text[3]) && hex(text[4]) && text[5] == '>')
        kind = TokenKind::Byte;
    std::string spelt;
    for (char ch : text)
        spelt += ch == ' ' ? std::string("\xe2\x96\x81") : std::string(1, ch);
    return {spelt, kind};
}

} // namespace

ModelFile parseLlama2c(std::span<const std::byte> bytes, const std::string& fileName)
{
    const Config cfg = readConfig(bytes, fileName);
    ModelFile mf;
    mf.format = ModelFormat::Llama2c;
    mf.path = fileName;
    Cursor c{fileName, bytes, mf};
    readWeights(c, cfg);
    mf.spec = specOf(cfg, fileName);
    mf.metadata = specMetadata(mf.spec);
    return mf;
}

TokenizerInfo parseLlama2cTokenizer(std::span<const std::byte> bytes, int64_t vocabSize, const std::string& fileName)
{
    if (bytes.size() < 4)
        throw Error(ErrorCode::Truncated, fileName, 0, "tokenizer file is shorter than its 4-byte header");
    uint64_t at = 4;
    for (int64_t i = 0; i < vocabSize; ++i) {
        if (bytes.size() - at < 8)
            throw Error(ErrorCode::Truncated, fileName, at, "token " + std::to_string(i) + " is cut off");
        const int32_t len = readI32(bytes, at + 4);
        if (len < 0 || uint64_t(len) > bytes.size() - at - 8)
            throw Error(ErrorCode::Truncated, fileName, at + 4,
                        "token " + std::to_string(i) + " has a bad length " + std::to_string(len));
        at += 8 + uint64_t(len);
    }
    TokenizerInfo info;
    info.model = "llama";
    info.vocabSize = vocabSize;
    info.sourcePath = fileName;
    return info;
}

std::vector<KeyValue> llama2cTokenizerMetadata(std::span<const std::byte> bytes, int64_t vocabSize,
                                               const std::string& fileName)
{
    parseLlama2cTokenizer(bytes, vocabSize, fileName);
    std::vector<GgufValue> texts, scores, types;
    uint64_t at = 4;
    for (int64_t id = 0; id < vocabSize; ++id) {
        float score = 0;
        std::memcpy(&score, bytes.data() + at, 4);
        const auto len = uint64_t(readI32(bytes, at + 4));
        std::string text(reinterpret_cast<const char*>(bytes.data() + at + 8), len);
        at += 8 + len;
        const auto [spelt, type] = llama2cToken(id, std::move(text));
        texts.push_back(GgufValue::string(spelt));
        scores.push_back(GgufValue::f32(score));
        types.push_back(GgufValue::i32(int32_t(type)));
    }
    return {{"tokenizer.ggml.model", GgufValue::string("llama")},
            {"tokenizer.ggml.tokens", GgufValue::array(GgufType::String, std::move(texts))},
            {"tokenizer.ggml.scores", GgufValue::array(GgufType::F32, std::move(scores))},
            {"tokenizer.ggml.token_type", GgufValue::array(GgufType::I32, std::move(types))},
            {"tokenizer.ggml.unknown_token_id", GgufValue::u32(0)},
            {"tokenizer.ggml.bos_token_id", GgufValue::u32(1)},
            {"tokenizer.ggml.eos_token_id", GgufValue::u32(2)}};
}

std::shared_ptr<const ModelFile> openLlama2c(const std::string& path)
{
    auto map = MappedFile::open(path);
    auto mf = std::make_shared<ModelFile>(parseLlama2c(map->bytes(), path));
    mf->mappings.push_back(std::move(map));
    const auto dir = std::filesystem::path(path).parent_path();
    for (const auto& name : {"tok" + std::to_string(mf->spec.vocabSize) + ".bin", std::string("tokenizer.bin")}) {
        const auto tok = dir / name;
        std::error_code ec;
        if (!std::filesystem::exists(tok, ec))
            continue;
        auto tokMap = MappedFile::open(tok.string());
        mf->tokenizer = parseLlama2cTokenizer(tokMap->bytes(), mf->spec.vocabSize, tok.string());
        for (KeyValue& kv : llama2cTokenizerMetadata(tokMap->bytes(), mf->spec.vocabSize, tok.string()))
            if (!mf->findMetadata(kv.key))   // the spec's metadata already holds the BOS/EOS ids
                mf->metadata.push_back(std::move(kv));
        break;
    }
    return mf;
}

} // namespace qx

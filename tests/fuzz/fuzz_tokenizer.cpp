// libFuzzer target for the tokenizers. An input starting with "GGUF" is parsed as a GGUF whose
// tokenizer.ggml.* keys build a tokenizer (hostile vocabularies); any other input is text for small SPM
// and BPE tokenizers (every pre-tokenizer). Nothing may crash, hang or read out of bounds, and every id
// produced must be inside the vocabulary.
#include "common/error.h"
#include "io/gguf_reader.h"
#include "model/tokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

std::vector<qx::Tokenizer> textTokenizers()
{
    std::vector<qx::Tokenizer> out;
    qx::Vocab spm;
    spm.tokens = {"<unk>", "<s>", "</s>", "\xE2\x96\x81", "a", "b", "ab", "\xE2\x96\x81" "a", "<0x41>", "<0xC3>"};
    spm.scores = {0, 0, 0, -1, -2, -2, -3, -4, 0, 0};
    spm.types = {qx::TokenType::Unknown, qx::TokenType::Control, qx::TokenType::Control, qx::TokenType::Normal,
                 qx::TokenType::Normal, qx::TokenType::Normal, qx::TokenType::Normal, qx::TokenType::Normal,
                 qx::TokenType::Byte, qx::TokenType::Byte};
    spm.bosId = 1, spm.eosId = 2, spm.unkId = 0, spm.addBos = true;
    out.push_back(qx::Tokenizer::fromVocab(spm, "fuzz-spm"));
    for (const char* pre : {"gpt-2", "llama-bpe", "qwen2", "smollm", "default"}) {
        qx::Vocab bpe;
        bpe.kind = qx::VocabKind::Bpe;
        bpe.pre = pre;
        bpe.preKind = qx::preTokenizerKindFromName(pre);
        bpe.tokens = {"a", "b", "ab", "\xC4\xA0", "\xC4\xA0" "a", "1", "<|endoftext|>"};
        bpe.merges = {"a b", "\xC4\xA0 a"};
        bpe.bosId = bpe.eosId = 6;
        out.push_back(qx::Tokenizer::fromVocab(bpe, "fuzz-bpe"));
    }
    return out;
}

void check(const qx::Tokenizer& tok, const std::string& text)
{
    const std::vector<int32_t> ids = tok.encode(text, true);
    for (int32_t id : ids)
        if (id < 0 || id >= tok.vocabSize())
            std::abort();
    volatile size_t sink = tok.decode(ids).size();
    (void)sink;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (input.rfind("GGUF", 0) == 0) {
        try {
            const qx::ModelFile model = qx::parseGguf({reinterpret_cast<const std::byte*>(data), size}, "fuzz.gguf");
            check(qx::Tokenizer::fromGguf(model), "Hello world <s> 123 \xC3\xA9");
        } catch (const qx::Error&) {
        }
        return 0;
    }
    static const std::vector<qx::Tokenizer> toks = textTokenizers();
    for (const qx::Tokenizer& tok : toks)
        check(tok, input);
    return 0;
}

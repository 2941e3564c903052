// libFuzzer target for tokenizer.json with its vocabulary: any text builds a tokenizer (fromHfJsonText: added
// tokens, normalizer, pre-tokenizer, post-processor, decoder, vocab and merges) or throws qx::Error. A
// tokenizer that builds encodes a fixed sentence and the input itself; every id must be inside the
// vocabulary, and decoding must not fail.
#include "common/error.h"
#include "model/tokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

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
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const qx::Tokenizer tok = qx::Tokenizer::fromHfJsonText(text, "fuzz/tokenizer.json");
        check(tok, "Hello world! 123 \xC3\xA9t\xC3\xA9  <s> \n\t x");
        check(tok, text.substr(0, 256));
    } catch (const qx::Error&) {
    }
    return 0;
}

// libFuzzer target for tokenizer.json with its vocabulary: any text builds a tokenizer (Tokenizer::fromHfJson:
// added tokens, normalizer, pre-tokenizer, post-processor, decoder, vocab and merges) or throws qx::Error.
// A tokenizer that builds encodes a fixed sentence and the input itself; every id must be inside the
// vocabulary, and decoding must not fail. The input is written to a file of this process's own
// (fromHfJson reads a path), in a folder without a tokenizer_config.json.
#include "common/error.h"
#include "model/tokenizer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

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

/// The folder of this process's input file, removed when the process ends.
struct InputFolder {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("qx-fuzz-tokenizer-" + std::to_string(::getpid()));
    std::string file = (dir / "tokenizer.json").string();
    InputFolder() { std::filesystem::create_directories(dir); }
    ~InputFolder()
    {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

const std::string& inputPath()
{
    static const InputFolder folder;
    return folder.file;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        std::ofstream(inputPath(), std::ios::binary | std::ios::trunc) << text;
        const qx::Tokenizer tok = qx::Tokenizer::fromHfJson(inputPath());
        check(tok, "Hello world! 123 \xC3\xA9t\xC3\xA9  <s> \n\t x");
        check(tok, text.substr(0, 256));
    } catch (const qx::Error&) {
    }
    return 0;
}

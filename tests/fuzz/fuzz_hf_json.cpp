// libFuzzer entry: parseHfConfig and parseHfTokenizer either parse or throw qx::Error, never crash.
#include "common/error.h"
#include "io/hf_folder.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        (void)qx::parseHfConfig(text, "config.json");
    } catch (const qx::Error&) {
    }
    try {
        (void)qx::parseHfTokenizer(text, "tokenizer.json");
    } catch (const qx::Error&) {
    }
    return 0;
}

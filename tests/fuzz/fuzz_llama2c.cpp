// libFuzzer entry: parseLlama2c and parseLlama2cTokenizer either parse or throw qx::Error, never crash.
#include "common/error.h"
#include "io/llama2c_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
    try {
        (void)qx::parseLlama2c(bytes, "fuzz.bin");
    } catch (const qx::Error&) {
    }
    try {
        (void)qx::parseLlama2cTokenizer(bytes, size > 0 ? int64_t(data[0]) * 3 : 0, "tok.bin");
    } catch (const qx::Error&) {
    }
    return 0;
}

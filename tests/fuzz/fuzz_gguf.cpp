// libFuzzer target for the GGUF parser: any input must parse or throw qx::Error, never crash, hang or read
// out of bounds. Parsed files also go through the info formatters, which walk every value and tensor.
#include "common/error.h"
#include "io/gguf_reader.h"
#include "io/model_summary.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    try {
        const qx::ModelFile model = qx::parseGguf({reinterpret_cast<const std::byte*>(data), size}, "fuzz.gguf");
        volatile unsigned sink = 0;
        for (const auto& t : model.tensors)
            if (!t.data.empty())
                sink = sink + unsigned(t.data.front()) + unsigned(t.data.back());
        sink = sink + unsigned(qx::modelInfoText(model).size() + qx::modelInfoJson(model).size());
    } catch (const qx::Error&) {
    }
    return 0;
}

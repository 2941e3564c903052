// libFuzzer entry: any byte string given to parseSafetensors either parses or throws qx::Error; every view
// it hands out lies inside the input.
#include "common/error.h"
#include "io/safetensors_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto* begin = reinterpret_cast<const std::byte*>(data);
    try {
        const qx::ModelFile mf = qx::parseSafetensors({begin, size}, "fuzz.safetensors");
        for (const qx::TensorInfo& t : mf.tensors) {
            if (t.data.size() != t.nbytes || (t.nbytes && (t.data.data() < begin || t.data.data() + t.nbytes > begin + size)))
                std::abort();
            (void)mf.totalParameters();
        }
    } catch (const qx::Error&) {
    }
    return 0;
}

// libFuzzer target for the model configuration: the input is a config.json text, a NUL byte, then a
// safetensors file. The file's header becomes the weights and config.json the spec, as openHfFolder builds
// them (assembleHfModel), and the forward pass's checks run on the result (llamaConfigOf: hyper-parameters
// within limits, every tensor present with its shape and a decodable type, data within the file). Any input
// must give a model or a qx::Error — never a crash, a hang or an allocation sized by a claimed count.
#include "common/error.h"
#include "io/hf_folder.h"
#include "io/safetensors_reader.h"
#include "io/spec_metadata.h"
#include "model/llama_layout.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto* text = reinterpret_cast<const char*>(data);
    const auto* nul = static_cast<const uint8_t*>(std::memchr(data, 0, size));
    const size_t configBytes = nul ? size_t(nul - data) : size;
    const std::span<const std::byte> weights(reinterpret_cast<const std::byte*>(data) + configBytes + (nul ? 1 : 0),
                                             size - configBytes - (nul ? 1 : 0));
    try {
        qx::ModelFile parsed = weights.empty() ? qx::ModelFile{} : qx::parseSafetensors(weights, "fuzz/model.safetensors");
        const auto model = qx::assembleHfModel("fuzz", std::string_view(text, configBytes), std::move(parsed), std::nullopt);
        (void)qx::specMetadata(model->spec);
        const qx::LlamaConfig config = qx::llamaConfigOf(*model);
        if (config.nLayer <= 0 || config.nEmbd <= 0 || config.headDim <= 0)
            std::abort();   // llamaConfigOf promised a plausible configuration
    } catch (const qx::Error&) {
    }
    return 0;
}

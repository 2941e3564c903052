// libFuzzer target for what consumes an importance matrix: a parsed imatrix file (GGUF or legacy .dat, as
// fuzz_imatrix) gives each entry's importance for quantizing (imatrixImportanceFor, at the entry's own width
// and at others, which must be refused), and the importance goes into the quantizers that take it — k-quants,
// legacy types, IQ4 and the codebook i-quants — on fixed rows. Hostile importance (NaN, Inf, negative, huge)
// may give poor blocks but never a crash, a hang or a read out of bounds; the output must dequantize.
#include "common/error.h"
#include "io/tensor_type.h"
#include "quant/dequantize.h"
#include "quant/imatrix_file.h"
#include "quant/quantize.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace {

constexpr qx::TensorType kTypes[] = {qx::TensorType::Q4_0, qx::TensorType::Q5_1,   qx::TensorType::Q2_K,
                                     qx::TensorType::Q3_K, qx::TensorType::Q4_K,   qx::TensorType::Q6_K,
                                     qx::TensorType::IQ4_NL, qx::TensorType::IQ4_XS, qx::TensorType::IQ2_XXS,
                                     qx::TensorType::IQ3_S, qx::TensorType::IQ1_S};

void quantizeWith(const std::vector<float>& importance, qx::TensorType type)
{
    const auto width = int64_t(importance.size());
    const qx::TensorTypeInfo* info = qx::tensorTypeInfo(type);
    if (!info || width % int64_t(info->blockSize) != 0)
        return;
    std::vector<float> rows(size_t(width));
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = std::sin(float(i) * 0.37f) * (i % 7 == 0 ? 4.0f : 1.0f);
    std::vector<std::byte> q(*qx::tensorBytes(type, rows.size()));
    qx::quantizeRows(type, rows, width, q, importance);
    std::vector<float> back(size_t(width));
    qx::dequantizeRow(type, q, back);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(data), size);
    const bool gguf = size >= 4 && std::memcmp(data, "GGUF", 4) == 0;
    qx::ImatrixFile file;
    try {
        file = gguf ? qx::parseImatrixGguf(bytes, "fuzz.gguf") : qx::parseImatrixDat(bytes, "fuzz.dat");
    } catch (const qx::Error&) {
        return 0;
    }
    size_t done = 0;
    for (const qx::ImatrixEntry& e : file.entries) {
        if (++done > 4)
            break;
        const auto width = int64_t(e.values.size());
        try {   // another width is a mismatch, as in llama-quantize
            if (qx::imatrixImportanceFor(file, e.name, width + 32))
                std::abort();
        } catch (const qx::Error&) {
        }
        if (width == 0 || width > 1024)
            continue;
        std::optional<std::vector<float>> importance;
        try {
            importance = qx::imatrixImportanceFor(file, e.name, width);
        } catch (const qx::Error&) {
            continue;   // a name given twice with other sizes
        }
        if (!importance)
            std::abort();   // the entry is there
        if (importance->size() != size_t(width))
            continue;
        for (qx::TensorType type : kTypes) {
            try {
                quantizeWith(*importance, type);
            } catch (const qx::Error&) {
            }
        }
    }
    return 0;
}

#pragma once
// What a tensor can be stored or fake-quantized as — one value type for the CLI, the GUI's candidate lists,
// the calibration grids and the plans: a GGUF storage type (TensorType), a scheme of the catalog (SchemeId)
// or a custom uniform integer scheme (UniformScheme). Its traits come from the tables behind it: kFormats
// (quant/formats.h: family, bits, importance) over the type table (io/tensor_type.h: block size, bytes) and
// the kernels (quant/type_kernels.h), and uniform_quant.h for custom schemes.
//
// Names: GGUF spelling ("Q4_K", any case), the catalog's ("INT4 g128 sym"), a custom scheme's
// uniformSchemeName, or one of the calibration spellings "int4-g32", "int4-g128", "int3-g32", "int8-pc".

#include "common/progress.h"
#include "io/tensor_type.h"
#include "quant/formats.h"
#include "quant/scheme_choice.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace qx {

class Format {
public:
    Format() = default;   ///< F32
    /// Implicit on purpose: each of these is a format.
    Format(TensorType type) : m_value(type) {}                        // NOLINT(google-explicit-constructor)
    Format(SchemeId id) : m_value(SchemeChoice(id)) {}                // NOLINT(google-explicit-constructor)
    Format(const UniformScheme& s) : m_value(choiceOf(s)) {}          // NOLINT(google-explicit-constructor)
    Format(const SchemeChoice& choice) : m_value(choice) {}           // NOLINT(google-explicit-constructor)

    bool isGguf() const { return std::holds_alternative<TensorType>(m_value); }
    /// The GGUF type, or nullopt for a scheme.
    std::optional<TensorType> ggufType() const;
    /// The scheme, or nullopt for a GGUF type.
    std::optional<SchemeChoice> scheme() const;
    /// The catalog entry, or nullopt for GGUF types and custom schemes.
    std::optional<SchemeId> catalogId() const;
    /// The uniform integer scheme behind it (custom or an Integer-family catalog entry), else nullopt.
    std::optional<UniformScheme> uniform() const;
    /// Its kFormats row; nullptr for custom schemes and for GGUF types we cannot write.
    const FormatInfo* info() const;

    std::string name() const;
    /// True when it cannot be quantized without importance data (IQ2_XXS, IQ2_XS, IQ1_S).
    bool needsImportance() const;
    /// Whether rows of `rowLength` values fit, with llama-quantize's fallback for GGUF types when not.
    FormatFit fit(int64_t rowLength) const;
    /// Exact bytes of a rows × rowLength tensor; throws InvalidArgument when the rows do not fit.
    uint64_t bytes(int64_t rows, int64_t rowLength) const;
    /// bytes · 8 / values.
    double bitsPerWeight(int64_t rows, int64_t rowLength) const;
    /// Quantize + dequantize row-major `in` (rows of rowLength) into `out`; GGUF types use `importance`
    /// (per-column imatrix weights, or empty), custom schemes report to `progress` (Error(Cancelled)).
    /// Throws InvalidArgument when the rows do not fit or a format that needs importance gets none.
    void fakeQuant(std::span<const float> in, int64_t rowLength, std::span<float> out,
                   std::span<const float> importance = {}, const ProgressFn& progress = {}) const;

    bool operator==(const Format&) const = default;

private:
    std::variant<TensorType, SchemeChoice> m_value = TensorType::F32;
};

/// The format named `name` (see top), or nullopt.
std::optional<Format> formatFromName(std::string_view name);

} // namespace qx

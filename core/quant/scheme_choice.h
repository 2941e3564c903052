#pragma once
// The non-GGUF scheme chosen for one tensor: either an entry of the scheme catalog (SchemeId) or a custom
// uniform integer scheme (any UniformScheme: bits 2..8, granularity, group size, symmetry, scale format,
// clipping). Everything downstream (sizes, round trips, export naming, plan files) asks this type, so a
// custom scheme is treated exactly like a catalog one.
//
// Sizes are exact: bytes as the scheme stores them (uniformStorageBytes / storedBytes), bits/weight without
// byte padding (uniformBitsPerWeight / schemeBitsPerWeight). A GGUF file cannot hold these schemes; the
// nearest GGUF type a file holds instead is in export/scheme_choice_gguf.h.
//
// JSON (one object; members not listed for a kind are ignored when read, defaults fill absent ones):
//   catalog: { "catalog": "INT4 g128 asym" }
//   custom:  { "bits": 3, "mode": "asymmetric" | "symmetric" | "symmetric-full",
//              "granularity": "tensor" | "channel" | "group", "group": 64, "scale": "f16" | "f32",
//              "clip": "absmax" | "percentile" | "mse" | "kl", "percentile": 99.9,
//              "mseGridSteps": 100, "mseMinRatio": 0.3, "klBins": 2048 }

#include "common/progress.h"
#include "quant/formats.h"
#include "quant/scheme_catalog.h"
#include "quant/uniform_quant.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace qx {

/// `scheme` with members its granularity / clip method do not use set to their defaults (so equal schemes
/// compare equal); SchemeChoice stores custom schemes in this form.
UniformScheme canonicalUniform(UniformScheme scheme);

struct SchemeChoice {
    std::variant<SchemeId, UniformScheme> value = SchemeId::Int8PerChannel;

    SchemeChoice() = default;
    /// Implicit on purpose: a catalog id or a uniform scheme is a choice.
    SchemeChoice(SchemeId id) : value(id) {}                  // NOLINT(google-explicit-constructor)
    SchemeChoice(const UniformScheme& s) : value(canonicalUniform(s)) {}  // NOLINT(google-explicit-constructor)

    bool isCustom() const { return std::holds_alternative<UniformScheme>(value); }
    /// The catalog id, or nullptr for a custom scheme.
    const SchemeId* catalogId() const { return std::get_if<SchemeId>(&value); }
    bool operator==(const SchemeChoice&) const = default;
};

/// The uniform scheme behind `choice`: the custom one, or the catalog's for Integer-family ids; else nullopt.
std::optional<UniformScheme> uniformSchemeOf(const SchemeChoice& choice);
/// The catalog id when `scheme` is exactly a catalog scheme (after canonicalUniform), else the custom scheme.
SchemeChoice choiceOf(const UniformScheme& scheme);

/// Display name: the catalog's ("INT4 g128 sym") or uniformSchemeName ("INT4 asym g64 f16 mse").
std::string schemeChoiceName(const SchemeChoice& choice);
/// Exact bytes a rows × rowLength tensor occupies in `choice`.
uint64_t schemeChoiceBytes(const SchemeChoice& choice, int64_t rows, int64_t rowLength);
/// Exact bits per weight for a rows × rowLength tensor (no byte padding).
double schemeChoiceBitsPerWeight(const SchemeChoice& choice, int64_t rows, int64_t rowLength);
/// Whether rows of `rowLength` values can be quantized with `choice`; reason says why not (plain English).
FormatFit schemeChoiceFit(const SchemeChoice& choice, int64_t rowLength);
/// Throws Error(InvalidArgument) with schemeChoiceFit's reason when it does not fit.
void validateSchemeChoice(const SchemeChoice& choice, int64_t rowLength);
/// Quantize + dequantize row-major `in` (rows of rowLength) into `out` (same size). Throws InvalidArgument
/// when the choice does not fit, Cancelled when `progress` returns false (custom schemes only).
void fakeQuantChoice(const SchemeChoice& choice, std::span<const float> in, std::span<float> out, int64_t rowLength,
                     const ProgressFn& progress = {}, int threads = 0);

/// JSON text of `choice` (format at top of file, compact).
std::string schemeChoiceToJson(const SchemeChoice& choice);
/// Parses schemeChoiceToJson's text; `fileName` labels errors. Throws Error(Invalid) naming the offending
/// member (unknown catalog name, bits out of 2..8, unknown mode, ...).
SchemeChoice schemeChoiceFromJson(std::string_view text, const std::string& fileName = {});

} // namespace qx

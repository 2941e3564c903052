#include "export/scheme_choice_gguf.h"

#include <string>

namespace qx {
namespace {

/// The GGUF type for b bits by structure: 32-value groups map onto the legacy types, larger or per-row
/// groups with a zero point onto the K-quants (scale + minimum per sub-block).
TensorType nearestByStructure(const UniformScheme& s, std::string* why)
{
    const bool asym = s.mode == UniformMode::Asymmetric;
    const bool g32 = s.granularity == Granularity::PerGroup && s.groupSize == 32;
    if (s.bits >= 7) {
        *why = "Q8_0 keeps 8-bit symmetric values with one F16 scale per 32";
        return TensorType::Q8_0;
    }
    if (s.bits == 6) {
        *why = "Q6_K is 6-bit with a scale per 16 (no zero point)";
        return TensorType::Q6_K;
    }
    if (s.bits <= 3) {
        *why = s.bits == 3 ? "Q3_K is 3-bit with a scale per 16" : "Q2_K is 2-bit with a scale and a minimum per 16";
        return s.bits == 3 ? TensorType::Q3_K : TensorType::Q2_K;
    }
    const bool five = s.bits == 5;
    if (!asym) {
        *why = std::string(five ? "Q5_0" : "Q4_0") + " is symmetric " + (five ? "5" : "4") + "-bit with one F16 scale per 32";
        return five ? TensorType::Q5_0 : TensorType::Q4_0;
    }
    if (g32) {
        *why = std::string(five ? "Q5_1" : "Q4_1") + " has the same layout (scale and minimum per 32)";
        return five ? TensorType::Q5_1 : TensorType::Q4_1;
    }
    *why = std::string(five ? "Q5_K" : "Q4_K") + " is " + (five ? "5" : "4") + "-bit with a scale and a minimum per 32";
    return five ? TensorType::Q5_K : TensorType::Q4_K;
}

} // namespace

GgufExportability ggufExportability(const UniformScheme& scheme)
{
    std::string why;
    const TensorType type = nearestByStructure(scheme, &why);
    return {false, type, "GGUF has no " + uniformSchemeName(scheme) + " layout; " + why};
}

GgufExportability ggufExportability(const SchemeChoice& choice)
{
    if (const SchemeId* id = choice.catalogId())
        return ggufExportability(*id);
    return ggufExportability(std::get<UniformScheme>(choice.value));
}

TensorType schemeChoiceFileType(const SchemeChoice& choice, int64_t rowLength)
{
    const TensorType nearest = ggufExportability(choice).type.value_or(TensorType::F16);
    const TensorTypeInfo* info = tensorTypeInfo(nearest);
    if (info && rowLength > 0 && rowLength % static_cast<int64_t>(info->blockSize) == 0)
        return nearest;
    return llamaFallbackType(nearest, rowLength).value_or(TensorType::F16);
}

} // namespace qx

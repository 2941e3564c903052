#include "export/gguf_compat.h"

namespace qx {
namespace {

GgufExportability nearest(TensorType type, const char* why)
{
    return {false, type, why};
}

} // namespace

GgufExportability ggufExportability(SchemeId scheme)
{
    using S = SchemeId;
    using T = TensorType;
    switch (scheme) {
    case S::Fp16: return {true, T::F16, {}};
    case S::Bf16: return {true, T::BF16, {}};
    case S::Int8PerChannel:
    case S::Int8PerTensor:
        return nearest(T::Q8_0, "GGUF has no per-channel or per-tensor scales; Q8_0 keeps 8-bit symmetric values "
                                "with one scale per 32");
    case S::Int4G128Sym:
        return nearest(T::Q4_0, "GGUF has no 128-value groups; Q4_0 is symmetric 4-bit with one scale per 32");
    case S::Int4G32Sym:
        return nearest(T::Q4_0, "Q4_0 has the same layout (symmetric 4-bit, one F16 scale per 32) but llama.cpp's "
                                "own scale rule, so the values differ slightly");
    case S::Int4G128Asym:
        return nearest(T::Q4_K, "GGUF has no 128-value groups; Q4_K is 4-bit with a scale and a minimum per 32 "
                                "(4.5 bits/weight)");
    case S::Int3G128Asym:
        return nearest(T::Q3_K, "GGUF has no 3-bit groups of 128 with a zero point; Q3_K is 3-bit with scales per 16");
    case S::Int2G64Asym:
        return nearest(T::Q2_K, "GGUF has no 2-bit groups of 64; Q2_K is 2-bit with a scale and a minimum per 16");
    case S::Fp8E4M3PerTensor:
    case S::Fp8E4M3PerChannel:
    case S::Fp8E5M2PerTensor:
        return nearest(T::Q8_0, "llama.cpp b4748 has no FP8 types; Q8_0 spends the same 8 bits per value");
    case S::MxFp4:
        return nearest(T::IQ4_NL, "llama.cpp b4748 has no MXFP4; IQ4_NL is a 4-bit non-uniform codebook with one "
                                  "scale per 32, like MXFP4's E2M1 values with an E8M0 scale per 32");
    case S::NvFp4:
        return nearest(T::IQ4_NL, "llama.cpp has no NVFP4; IQ4_NL is the closest 4-bit non-uniform codebook "
                                  "(one scale per 32 instead of 16)");
    case S::Nf4:
        return nearest(T::IQ4_NL, "GGUF has no NF4; IQ4_NL is a 4-bit non-uniform codebook with one scale per 32 "
                                  "(NF4: per 64)");
    case S::Nf4DoubleQuant:
        return nearest(T::IQ4_XS, "GGUF has no NF4; IQ4_XS is a 4-bit codebook whose scales are themselves "
                                  "quantized (4.25 bits/weight), like double quantization");
    case S::FixedQ3_4:
        return nearest(T::Q8_0, "GGUF has no fixed-point types; Q8_0 stores 8-bit values with a scale per 32");
    }
    return nearest(T::F16, "unknown scheme");
}

GgufExportability ggufExportability(const FormatInfo& format)
{
    if (format.ggufExportable)
        return {true, format.ggufType, {}};
    return ggufExportability(format.scheme);
}

std::optional<TensorType> nearestGgufType(SchemeId scheme)
{
    return ggufExportability(scheme).type;
}

} // namespace qx

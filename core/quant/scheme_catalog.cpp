#include "quant/scheme_catalog.h"

#include "common/error.h"
#include "quant/float_formats.h"
#include "quant/uniform_quant.h"

namespace qx {

const SchemeInfo& schemeInfo(SchemeId id)
{
    for (const auto& s : kSchemeCatalog)
        if (s.id == id)
            return s;
    throw Error(ErrorCode::InvalidArgument, "unknown scheme id");
}

UniformScheme uniformSchemeOf(SchemeId id)
{
    using M = UniformMode;
    using G = Granularity;
    switch (id) {
    case SchemeId::Int8PerChannel: return {8, M::SymmetricRestricted, G::PerChannel, 0, ScaleFormat::F32};
    case SchemeId::Int8PerTensor: return {8, M::SymmetricRestricted, G::PerTensor, 0, ScaleFormat::F32};
    case SchemeId::Int4G128Sym: return {4, M::SymmetricRestricted, G::PerGroup, 128, ScaleFormat::F16};
    case SchemeId::Int4G128Asym: return {4, M::Asymmetric, G::PerGroup, 128, ScaleFormat::F16};
    case SchemeId::Int4G32Sym: return {4, M::SymmetricRestricted, G::PerGroup, 32, ScaleFormat::F16};
    case SchemeId::Int3G128Asym: return {3, M::Asymmetric, G::PerGroup, 128, ScaleFormat::F16};
    case SchemeId::Int2G64Asym: return {2, M::Asymmetric, G::PerGroup, 64, ScaleFormat::F16};
    default: break;
    }
    throw Error(ErrorCode::InvalidArgument, "scheme is not a uniform integer scheme");
}

double schemeBitsPerWeight(SchemeId id, int64_t rows, int64_t rowLength)
{
    const auto n = static_cast<uint64_t>(rows) * static_cast<uint64_t>(rowLength);
    switch (schemeInfo(id).family) {
    case SchemeFamily::Integer: return uniformBitsPerWeight(uniformSchemeOf(id), rows, rowLength);
    case SchemeFamily::NormalFloat: return nf4BitsPerWeight({64, id == SchemeId::Nf4DoubleQuant, 256}, n);
    case SchemeFamily::FixedPoint: return fixedPointBitsPerWeight({3, 4});
    case SchemeFamily::Float: break;
    }
    switch (id) {
    case SchemeId::Fp8E4M3PerTensor:
    case SchemeId::Fp8E5M2PerTensor: return fp8BitsPerWeight(FloatScaling::PerTensor, rows, rowLength);
    case SchemeId::Fp8E4M3PerChannel: return fp8BitsPerWeight(FloatScaling::PerChannel, rows, rowLength);
    case SchemeId::MxFp4: return fp4BitsPerWeight(kMxFp4, n);
    case SchemeId::NvFp4: return fp4BitsPerWeight(kNvFp4, n);
    default: return 16.0;
    }
}

void fakeQuantScheme(SchemeId id, std::span<const float> in, std::span<float> out, int64_t rowLength)
{
    switch (id) {
    case SchemeId::Fp16: return fakeQuantFp16(in, out);
    case SchemeId::Bf16: return fakeQuantBf16(in, out);
    case SchemeId::Fp8E4M3PerTensor: return fakeQuantFp8(in, out, rowLength, kFp8E4M3, FloatScaling::PerTensor);
    case SchemeId::Fp8E4M3PerChannel: return fakeQuantFp8(in, out, rowLength, kFp8E4M3, FloatScaling::PerChannel);
    case SchemeId::Fp8E5M2PerTensor: return fakeQuantFp8(in, out, rowLength, kFp8E5M2, FloatScaling::PerTensor);
    case SchemeId::MxFp4: return fakeQuantFp4(in, out, kMxFp4);
    case SchemeId::NvFp4: return fakeQuantFp4(in, out, kNvFp4);
    case SchemeId::Nf4: return fakeQuantNf4(in, out, {64, false, 256});
    case SchemeId::Nf4DoubleQuant: return fakeQuantNf4(in, out, {64, true, 256});
    case SchemeId::FixedQ3_4: return fakeQuantFixedPoint(in, out, {3, 4});
    default: break;
    }
    fakeQuantUniform(in, out, rowLength, uniformSchemeOf(id));
}

} // namespace qx

#include "io/gguf_format.h"

namespace qx::gguf {

uint64_t fixedSize(GgufType type)
{
    switch (type) {
    case GgufType::U8: case GgufType::I8: case GgufType::Bool: return 1;
    case GgufType::U16: case GgufType::I16: return 2;
    case GgufType::U32: case GgufType::I32: case GgufType::F32: return 4;
    case GgufType::U64: case GgufType::I64: case GgufType::F64: return 8;
    case GgufType::String: case GgufType::Array: return 0;
    }
    return 0;
}

uint64_t minEncodedSize(GgufType type)
{
    if (type == GgufType::String)
        return 8;
    if (type == GgufType::Array)
        return 12;
    return fixedSize(type);
}

std::optional<uint64_t> padTo(uint64_t x, uint64_t alignment)
{
    const uint64_t mask = alignment - 1;
    if (x > UINT64_MAX - mask)
        return std::nullopt;
    return (x + mask) & ~mask;
}

} // namespace qx::gguf

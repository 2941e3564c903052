// qx::openModel: decides a path's format and hands it to that format's reader.
#include "common/error.h"
#include "io/gguf_format.h"
#include "io/gguf_reader.h"
#include "io/model_file.h"

#include <cstring>
#include <filesystem>
#include <fstream>

namespace qx {
namespace {

/// True when `path` is a regular file starting with the GGUF magic.
bool hasGgufMagic(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return false;
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    return in.read(magic, 4) && std::memcmp(magic, gguf::kMagic, 4) == 0;
}

} // namespace

std::shared_ptr<const ModelFile> openModel(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorCode::Io, path, kNoOffset, "no such file or folder");
    if (hasGgufMagic(path))
        return openGguf(path);
    throw Error(ErrorCode::Unsupported, path, kNoOffset,
                "not a GGUF file; safetensors/HF/llama2.c support is added separately");
}

} // namespace qx

// qx::openModel: decides a path's format and hands it to that format's reader.
#include "common/error.h"
#include "io/gguf_format.h"
#include "io/gguf_reader.h"
#include "io/gguf_split.h"
#include "io/hf_folder.h"
#include "io/llama2c_reader.h"
#include "io/safetensors_reader.h"
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
    if (std::filesystem::is_directory(path, ec))
        return openHfFolder(path);
    if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) == 0)
        throw Error(ErrorCode::BadMagic, path, kNoOffset, "the file is empty: not a GGUF, safetensors or llama2.c file");
    if (hasGgufMagic(path))
        return openGgufModel(path);
    if (path.ends_with(".safetensors") || path.ends_with(".index.json"))
        return openSafetensors(path);
    if (path.ends_with(".bin"))
        return openLlama2c(path);
    throw Error(ErrorCode::BadMagic, path, kNoOffset,
                "not a model file we can open (expected GGUF, .safetensors, a Hugging Face folder or a llama2.c .bin)");
}

} // namespace qx

#include "common/same_file.h"

#include "common/error.h"

#include <sys/stat.h>

#include <filesystem>
#include <optional>

namespace qx {
namespace {

namespace fs = std::filesystem;

struct FileId {
    dev_t device;
    ino_t inode;
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> fileId(const std::string& path)
{
    struct stat st {};
    if (path.empty() || ::stat(path.c_str(), &st) != 0)
        return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

bool isFolder(const std::string& path)
{
    std::error_code ec;
    return !path.empty() && fs::is_directory(path, ec);
}

/// The input (or the file inside an input folder) that `out` is, if any.
std::optional<std::string> inputAt(const FileId& out, const NamedPath& input)
{
    if (fileId(input.path) == out)
        return input.path;
    if (!isFolder(input.path))
        return std::nullopt;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(input.path, ec))
        if (fileId(entry.path().string()) == out)
            return entry.path().string();
    return std::nullopt;
}

} // namespace

bool sameFile(const std::string& a, const std::string& b)
{
    const auto ia = fileId(a);
    return ia && ia == fileId(b);
}

void refuseOutputOverInput(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs)
{
    for (size_t i = 0; i < outputs.size(); ++i) {
        const NamedPath& out = outputs[i];
        const auto id = fileId(out.path);
        if (!id)
            continue;   // a file that does not exist yet cannot be an input
        if (isFolder(out.path))
            throw Error(ErrorCode::InvalidArgument, out.path, kNoOffset, out.option + " names a folder, not a file");
        for (const NamedPath& in : inputs)
            if (const auto hit = inputAt(*id, in))
                throw Error(ErrorCode::InvalidArgument, out.path, kNoOffset,
                            "refusing to overwrite an input: " + out.option + " is the file given to " + in.option
                                + (*hit == in.path ? "" : " (" + *hit + ")"));
        for (size_t j = 0; j < i; ++j)
            if (sameFile(out.path, outputs[j].path))
                throw Error(ErrorCode::InvalidArgument, out.path, kNoOffset,
                            out.option + " and " + outputs[j].option + " name the same file");
    }
}

} // namespace qx

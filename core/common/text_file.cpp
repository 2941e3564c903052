#include "common/text_file.h"

#include "common/error.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace qx {
namespace {

[[noreturn]] void tooLarge(const std::string& path, uint64_t maxBytes)
{
    throw Error(ErrorCode::Invalid, path, kNoOffset,
                "the file is larger than the limit of " + std::to_string(maxBytes) + " bytes for a text input");
}

} // namespace

std::string readTextFile(const std::string& path, uint64_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path, kNoOffset, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && uint64_t(st.st_size) > maxBytes)
        tooLarge(path, maxBytes);
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        if (text.size() + uint64_t(in.gcount()) > maxBytes)
            tooLarge(path, maxBytes);   // a pipe or device (/dev/zero) says nothing of its size up front
        text.append(buffer, size_t(in.gcount()));
    }
    if (in.bad())
        throw Error(ErrorCode::Io, path, kNoOffset, std::string("cannot read: ") + std::strerror(errno));
    return text;
}

} // namespace qx

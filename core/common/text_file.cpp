#include "common/text_file.h"

#include "common/error.h"

#include <fstream>
#include <sstream>

namespace qx {

std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(ErrorCode::Io, path, kNoOffset, "cannot open the text file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw Error(ErrorCode::Io, path, kNoOffset, "cannot read the text file");
    return text.str();
}

} // namespace qx

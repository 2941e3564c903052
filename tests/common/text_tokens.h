#pragma once
// The tokens of a text file under a GGUF model's own tokenizer (with the start token), as the
// evaluation tests feed them to the engine.

#include "io/model_file.h"
#include "model/tokenizer.h"

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace qx::test {

inline std::vector<int32_t> tokensOf(const ModelFile& model, const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return Tokenizer::fromGguf(model).encode(s.str(), true);
}

} // namespace qx::test

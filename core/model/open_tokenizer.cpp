// qx::openTokenizer: the tokenizer of whatever model path the user gives.
#include "common/error.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <filesystem>

namespace qx {

Tokenizer openTokenizer(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        const fs::path json = fs::path(path) / "tokenizer.json";
        if (!fs::exists(json, ec))
            throw Error(ErrorCode::Invalid, json.string(), kNoOffset, "no tokenizer in this folder (tokenizer.json missing)");
        return Tokenizer::fromHfJson(json.string());
    }
    if (fs::path(path).extension() == ".json")
        return Tokenizer::fromHfJson(path);
    const std::shared_ptr<const ModelFile> model = openModel(path);
    if (model->format == ModelFormat::Gguf || model->findMetadata("tokenizer.ggml.tokens"))
        return Tokenizer::fromGguf(*model);   // a llama2.c checkpoint's tok*.bin is read into these keys
    const fs::path beside = fs::path(model->tokenizer.sourcePath.empty() ? fs::path(path).parent_path()
                                                                          : fs::path(model->tokenizer.sourcePath));
    const fs::path json = beside.extension() == ".json" ? beside : beside / "tokenizer.json";
    if (!fs::exists(json, ec))
        throw Error(ErrorCode::Invalid, path, kNoOffset, "no tokenizer found for this model (looked for " + json.string() + ")");
    return Tokenizer::fromHfJson(json.string());
}

} // namespace qx

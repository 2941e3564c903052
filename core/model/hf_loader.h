#pragma once
// Reading a Hugging Face tokenizer.json into a Vocab and an HfPipeline (internal to core/model; the
// JSON types stay inside the .cpp files that include this).

#include "common/error.h"
#include "model/hf_pipeline.h"
#include "model/tokenizer_impl.h"

#include <nlohmann/json.hpp>

#include <string>

namespace qx {

struct HfLoader {
    std::string path;
    Vocab vocab;
    HfPipeline pipe;

    [[noreturn]] void fail(ErrorCode code, const std::string& what) const { throw Error(code, path, kNoOffset, what); }

    std::string typeOf(const nlohmann::json& j) const
    {
        if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
            fail(ErrorCode::Invalid, "tokenizer.json component without a \"type\": " + j.dump().substr(0, 80));
        return j["type"].get<std::string>();
    }
    std::string stringPattern(const nlohmann::json& j, const std::string& where) const
    {
        if (j.contains("pattern") && j["pattern"].contains("String"))
            return j["pattern"]["String"].get<std::string>();
        fail(ErrorCode::Unsupported, where + " with a regular-expression pattern is not supported");
    }

    void readNormalizer(const nlohmann::json& j);
    void readPreTokenizer(const nlohmann::json& j);
    void readSplit(const nlohmann::json& j, HfPreTokenizer& p) const;
    void readDecoder(const nlohmann::json& j);
    void readPostProcessor(const nlohmann::json& j);
    void readVocabTable(const nlohmann::json& model);
    void readModel(const nlohmann::json& j, Tokenizer::Impl& impl);
    void readAddedTokens(const nlohmann::json& j);
    /// A token id as tokenizer.json writes it: an integer in [0, 2^24], else Error naming `what`.
    int32_t tokenId(const nlohmann::json& v, const std::string& what) const;
    /// The count j[key] (0 when absent): an integer in [0, 2^20], else Error naming `what` and the key.
    size_t countOf(const nlohmann::json& j, const char* key, const std::string& what) const;
};

/// The whole text of `path` (throws Error(Io) naming it).
std::string readTokenizerFile(const std::string& path);

} // namespace qx

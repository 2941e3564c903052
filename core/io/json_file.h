#pragma once
// Internal to qx_core (nlohmann_json is a private dependency): parse JSON text or a JSON file into
// nlohmann::json, turning every failure into a qx::Error that names the file and the absolute byte offset.
// Nesting deeper than kMaxJsonDepth is refused before parsing, so hostile input cannot exhaust the stack.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qx {

constexpr int kMaxJsonDepth = 64;

/// Parses `text`, which starts at absolute byte `baseOffset` of `file`. Throws Error(Invalid) on bad JSON,
/// and, with `uniqueTopKeys`, on a top-level key given twice (otherwise the last one wins, as in Python).
nlohmann::json parseJsonText(std::string_view text, const std::string& file, uint64_t baseOffset,
                             bool uniqueTopKeys = false);
/// nlohmann's exception as plain words, without its "[json.exception.type_error.302]" prefix: "syntax error
/// (unexpected end of input; expected string literal)", "a value is a number where a string belongs",
/// "member 'model' is missing".
std::string jsonErrorText(const nlohmann::json::exception& e);

/// Reads and parses a whole JSON file. Throws Error(Io) when it cannot be read, Error(Invalid) on bad JSON.
nlohmann::json readJsonFile(const std::string& path);

/// Optional integer member `key` of object `obj`: nullopt when absent or null; Error(Invalid) when not an
/// integer (a float with an integral value is accepted).
std::optional<int64_t> jsonInt(const nlohmann::json& obj, const char* key, const std::string& file);
/// Optional number member; nullopt when absent or null, Error(Invalid) when not a number.
std::optional<double> jsonNumber(const nlohmann::json& obj, const char* key, const std::string& file);
/// Optional string member; nullopt when absent or null, Error(Invalid) when not a string.
std::optional<std::string> jsonString(const nlohmann::json& obj, const char* key, const std::string& file);
/// Optional boolean member; nullopt when absent or null, Error(Invalid) when not a boolean.
std::optional<bool> jsonBool(const nlohmann::json& obj, const char* key, const std::string& file);

} // namespace qx

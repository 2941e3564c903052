#include "io/json_file.h"

#include "common/error.h"
#include "common/mapped_file.h"

#include <cmath>
#include <set>

namespace qx {
namespace {

// Rejects nesting deeper than kMaxJsonDepth; brackets inside strings do not count.
void checkDepth(std::string_view text, const std::string& file, uint64_t baseOffset)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth)
                throw Error(ErrorCode::Unsupported, file, baseOffset + i,
                            "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
}

[[noreturn]] void illTyped(const std::string& file, const char* key, const char* expected)
{
    throw Error(ErrorCode::Invalid, file, kNoOffset, std::string("field '") + key + "' is not " + expected);
}

const nlohmann::json* member(const nlohmann::json& obj, const char* key)
{
    if (!obj.is_object())
        return nullptr;
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null())
        return nullptr;
    return &*it;
}

/// "a number", "an object", "an array", "null" (nlohmann's type names with their article).
std::string article(const std::string& typeName)
{
    if (typeName == "null")
        return "null";
    return (std::string("aeiou").find(typeName.empty() ? 'x' : typeName[0]) != std::string::npos ? "an " : "a ") +
           typeName;
}

/// Offset of the second occurrence of key `name` in `text` (the duplicate), or 0 when not found verbatim.
uint64_t duplicateKeyOffset(std::string_view text, const std::string& name)
{
    const std::string quoted = '"' + name + '"';
    const size_t first = text.find(quoted);
    const size_t second = first == std::string_view::npos ? first : text.find(quoted, first + 1);
    return second == std::string_view::npos ? 0 : second;
}

} // namespace

std::string jsonErrorText(const nlohmann::json::exception& e)
{
    std::string text = e.what();
    if (const size_t close = text.find("] "); text.rfind("[json.exception.", 0) == 0 && close != std::string::npos)
        text.erase(0, close + 2);
    if (dynamic_cast<const nlohmann::json::parse_error*>(&e)) {   // "parse error at line 1, column 5: syntax error
        if (const size_t colon = text.find(": "); colon != std::string::npos)   // while parsing value - why"
            text.erase(0, colon + 2);
        if (const size_t dash = text.find(" - "); dash != std::string::npos)
            text = "syntax error (" + text.substr(dash + 3) + ")";
        return text;
    }
    if (dynamic_cast<const nlohmann::json::type_error*>(&e)) {   // "type must be string, but is number"
        const std::string must = "type must be ", but = ", but is ";
        if (const size_t b = text.find(but); text.rfind(must, 0) == 0 && b != std::string::npos)
            return "a value is " + article(text.substr(b + but.size())) + " where " +
                   article(text.substr(must.size(), b - must.size())) + " belongs";
        return "a value has the wrong type (" + text + ")";
    }
    if (dynamic_cast<const nlohmann::json::out_of_range*>(&e)) {   // "key 'model' not found"
        const std::string key = "key '";
        if (const size_t end = text.rfind("' not found"); text.rfind(key, 0) == 0 && end != std::string::npos)
            return "member '" + text.substr(key.size(), end - key.size()) + "' is missing";
        return "a value is out of range (" + text + ")";
    }
    return text;
}

nlohmann::json parseJsonText(std::string_view text, const std::string& file, uint64_t baseOffset,
                             bool uniqueTopKeys)
{
    checkDepth(text, file, baseOffset);
    // nlohmann keeps the last of duplicate keys silently; on request a repeated top-level key (e.g. a tensor
    // named twice in a safetensors header) is an error instead.
    std::set<std::string> topKeys;
    auto onEvent = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        if (event != nlohmann::json::parse_event_t::key || depth != 1)
            return true;
        const std::string& key = parsed.get_ref<const std::string&>();
        if (!topKeys.insert(key).second)
            throw Error(ErrorCode::Invalid, file, baseOffset + duplicateKeyOffset(text, key),
                        "duplicate key '" + key + "'");
        return true;
    };
    try {
        if (uniqueTopKeys)
            return nlohmann::json::parse(text.begin(), text.end(), onEvent);
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        const uint64_t pos = e.byte > 0 ? std::min<uint64_t>(e.byte - 1, text.size()) : 0;
        throw Error(ErrorCode::Invalid, file, baseOffset + pos, "invalid JSON: " + jsonErrorText(e));
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorCode::Invalid, file, baseOffset, "invalid JSON: " + jsonErrorText(e));
    }
}

nlohmann::json readJsonFile(const std::string& path)
{
    auto map = MappedFile::open(path);
    const auto bytes = map->bytes();
    return parseJsonText({reinterpret_cast<const char*>(bytes.data()), bytes.size()}, path, 0);
}

std::optional<int64_t> jsonInt(const nlohmann::json& obj, const char* key, const std::string& file)
{
    const nlohmann::json* v = member(obj, key);
    if (!v)
        return std::nullopt;
    if (v->is_number_unsigned()) {
        if (v->get<uint64_t>() > uint64_t(INT64_MAX))
            illTyped(file, key, "an integer in range");
        return static_cast<int64_t>(v->get<uint64_t>());
    }
    if (v->is_number_integer())
        return v->get<int64_t>();
    if (v->is_number_float()) {
        const double d = v->get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e18)
            return static_cast<int64_t>(d);
    }
    illTyped(file, key, "an integer");
}

std::optional<double> jsonNumber(const nlohmann::json& obj, const char* key, const std::string& file)
{
    const nlohmann::json* v = member(obj, key);
    if (!v)
        return std::nullopt;
    if (!v->is_number())
        illTyped(file, key, "a number");
    return v->get<double>();
}

std::optional<std::string> jsonString(const nlohmann::json& obj, const char* key, const std::string& file)
{
    const nlohmann::json* v = member(obj, key);
    if (!v)
        return std::nullopt;
    if (!v->is_string())
        illTyped(file, key, "a string");
    return v->get<std::string>();
}

std::optional<bool> jsonBool(const nlohmann::json& obj, const char* key, const std::string& file)
{
    const nlohmann::json* v = member(obj, key);
    if (!v)
        return std::nullopt;
    if (!v->is_boolean())
        illTyped(file, key, "a boolean");
    return v->get<bool>();
}

} // namespace qx

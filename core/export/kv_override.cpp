#include "export/kv_override.h"

#include "common/error.h"

#include <charconv>
#include <cmath>
#include <string>

namespace qx {
namespace {

constexpr size_t kMaxKeyBytes = 127, kMaxStringBytes = 127;   // llama_model_kv_override's char[128] fields

[[noreturn]] void malformed(std::string_view text, const std::string& why)
{
    throw Error(ErrorCode::InvalidArgument, "--override-kv " + std::string(text) + ": " + why);
}

GgufValue intValue(std::string_view text, std::string_view v)
{
    int64_t n = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size())
        malformed(text, "'" + std::string(v) + "' is not an integer");
    return GgufValue::i32(static_cast<int32_t>(n));
}

GgufValue floatValue(std::string_view text, std::string_view v)
{
    const std::string s(v);
    char* end = nullptr;
    const double d = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d))
        malformed(text, "'" + s + "' is not a finite number");
    return GgufValue::f32(static_cast<float>(d));
}

} // namespace

KeyValue parseKvOverride(std::string_view text)
{
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        malformed(text, "expected KEY=TYPE:VALUE");
    if (eq > kMaxKeyBytes)
        malformed(text, "the key is longer than 127 bytes");
    const std::string key(text.substr(0, eq));
    const std::string_view rest = text.substr(eq + 1);
    const auto startsWith = [&](std::string_view p) { return rest.substr(0, p.size()) == p; };
    if (startsWith("int:"))
        return {key, intValue(text, rest.substr(4))};
    if (startsWith("float:"))
        return {key, floatValue(text, rest.substr(6))};
    if (startsWith("bool:")) {
        const std::string_view v = rest.substr(5);
        if (v != "true" && v != "false")
            malformed(text, "a bool is true or false");
        return {key, GgufValue::boolean(v == "true")};
    }
    if (startsWith("str:")) {
        if (rest.size() - 4 > kMaxStringBytes)
            malformed(text, "the value is longer than 127 bytes");
        return {key, GgufValue::string(std::string(rest.substr(4)))};
    }
    malformed(text, "TYPE must be int, float, bool or str");
}

} // namespace qx

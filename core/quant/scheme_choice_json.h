#pragma once
// Internal to qx_core (nlohmann_json is a private dependency): SchemeChoice as a JSON value, for files that
// embed it (plan files). The text form is in quant/scheme_choice.h.

#include "quant/scheme_choice.h"

#include <nlohmann/json.hpp>

#include <string>

namespace qx {

/// The JSON object of `choice` (format in quant/scheme_choice.h).
nlohmann::ordered_json schemeChoiceJson(const SchemeChoice& choice);
/// Parses one choice object; `where` prefixes error messages (e.g. "schemes.blk.0.attn_q.weight").
/// Throws Error(Invalid) naming the offending member.
SchemeChoice schemeChoiceFromJsonValue(const nlohmann::json& j, const std::string& file, const std::string& where);

} // namespace qx

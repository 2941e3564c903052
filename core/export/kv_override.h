#pragma once
// llama-quantize's --override-kv KEY=TYPE:VALUE (common.cpp string_parse_kv_override): TYPE is int (written
// as i32), float (f32), bool (true/false) or str (at most 127 bytes); the key is shorter than 128 bytes.
// Overrides are set on the output's metadata after general.file_type, in the order given, each replacing
// a key of the same name (which then moves to the end, as gguf_set_val does).

#include "io/gguf_value.h"

#include <string_view>

namespace qx {

/// Parses one override; throws Error(InvalidArgument) naming the problem for malformed text.
KeyValue parseKvOverride(std::string_view text);

} // namespace qx

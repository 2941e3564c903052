#pragma once
// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Used where a file format or a reference tool
// identifies data by its digest (llama.cpp's converter names BPE pre-tokenizers by the SHA-256 of their
// output on a fixed text).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace qx {

/// The 32-byte digest of `data`.
std::array<uint8_t, 32> sha256(std::string_view data);
/// The digest of `data` as 64 lowercase hex digits.
std::string sha256Hex(std::string_view data);

} // namespace qx

#pragma once
// The key/value difference between two models' metadata (GGUF key/values; for other containers the
// GGUF-named keys derived from them). Keys are matched by name whatever their order. A value is "changed"
// when its type or its content differs. Values are shown as text: numbers and bools as written, strings in
// double quotes (longer than kMaxShownChars: length and hash), arrays of up to kMaxShownElements scalar
// elements in full, longer ones (vocabularies, merges) as "[N × TYPE] #HASH" — HASH the 64-bit FNV-1a of
// the elements' canonical text, so equal arrays show equal hashes.

#include "io/gguf_value.h"

#include <cstddef>
#include <string>
#include <vector>

namespace qx {

struct ModelFile;

enum class MetadataChangeKind { Added, Removed, Changed };

struct MetadataChange {
    std::string key;
    MetadataChangeKind kind = MetadataChangeKind::Changed;
    std::string valueA;            ///< empty when Added
    std::string valueB;            ///< empty when Removed
    bool operator==(const MetadataChange&) const = default;
};

constexpr size_t kMaxShownChars = 120;
constexpr size_t kMaxShownElements = 16;

/// Keys removed (in A's order), changed (in A's order) and added (in B's order), in that order.
std::vector<MetadataChange> diffMetadata(const std::vector<KeyValue>& a, const std::vector<KeyValue>& b);
/// A value as text (see top of file).
std::string summarizeValue(const GgufValue& value);

const char* metadataChangeKindName(MetadataChangeKind kind);

} // namespace qx

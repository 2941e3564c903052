#include "compare/metadata_diff.h"

#include <cinttypes>
#include <cstdio>
#include <map>
#include <string_view>

namespace qx {
namespace {

/// Canonical text of a scalar (or, recursively, of an array's elements).
std::string canonicalText(const GgufValue& v)
{
    if (v.isArray()) {
        std::string s = "[";
        for (const GgufValue& e : v.elements())
            s += canonicalText(e) + ",";
        return s + "]";
    }
    if (v.isString())
        return "\"" + v.toString() + "\"";
    if (v.type == GgufType::Bool)
        return std::get<bool>(v.value) ? "true" : "false";
    if (v.isFloat()) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.9g", v.toDouble());
        return buf;
    }
    return std::to_string(v.toInt());
}

uint64_t fnv1a(std::string_view text, uint64_t h = 1469598103934665603ull)
{
    for (const char c : text)
        h = (h ^ uint64_t(static_cast<unsigned char>(c))) * 1099511628211ull;
    return h;
}

std::string hashText(std::string_view text)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "#%016" PRIx64, fnv1a(text));
    return buf;
}

bool allScalars(const std::vector<GgufValue>& elements)
{
    for (const GgufValue& e : elements)
        if (e.isArray() || (e.isString() && e.toString().size() > 32))
            return false;
    return true;
}

} // namespace

std::string summarizeValue(const GgufValue& v)
{
    if (v.isString() && v.toString().size() > kMaxShownChars)
        return "\"…\" (" + std::to_string(v.toString().size()) + " bytes) " + hashText(v.toString());
    if (!v.isArray())
        return canonicalText(v);
    const auto& elements = v.elements();
    if (elements.size() <= kMaxShownElements && allScalars(elements)) {
        std::string s = "[";
        for (size_t i = 0; i < elements.size(); ++i)
            s += (i ? ", " : "") + canonicalText(elements[i]);
        return s + "]";
    }
    return "[" + std::to_string(elements.size()) + " × " + ggufTypeName(v.arrayType) + "] "
           + hashText(canonicalText(v));
}

std::vector<MetadataChange> diffMetadata(const std::vector<KeyValue>& a, const std::vector<KeyValue>& b)
{
    std::map<std::string_view, const GgufValue*> inA, inB;
    for (const KeyValue& kv : a)
        inA.emplace(kv.key, &kv.value);
    for (const KeyValue& kv : b)
        inB.emplace(kv.key, &kv.value);
    std::vector<MetadataChange> removed, changed, added;
    for (const KeyValue& kv : a) {
        const auto other = inB.find(kv.key);
        if (other == inB.end())
            removed.push_back({kv.key, MetadataChangeKind::Removed, summarizeValue(kv.value), {}});
        else if (!(*other->second == kv.value))
            changed.push_back({kv.key, MetadataChangeKind::Changed, summarizeValue(kv.value),
                               summarizeValue(*other->second)});
    }
    for (const KeyValue& kv : b)
        if (!inA.count(kv.key))
            added.push_back({kv.key, MetadataChangeKind::Added, {}, summarizeValue(kv.value)});
    removed.insert(removed.end(), changed.begin(), changed.end());
    removed.insert(removed.end(), added.begin(), added.end());
    return removed;
}

const char* metadataChangeKindName(MetadataChangeKind kind)
{
    switch (kind) {
    case MetadataChangeKind::Added: return "added";
    case MetadataChangeKind::Removed: return "removed";
    case MetadataChangeKind::Changed: return "changed";
    }
    return "?";
}

} // namespace qx

#include "io/model_summary.h"

#include "eval/held_out_figure.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace qx {
namespace {

using nlohmann::json;

constexpr size_t kJsonPreviewElements = 8;

const char* formatName(ModelFormat format)
{
    switch (format) {
    case ModelFormat::Gguf: return "gguf";
    case ModelFormat::Safetensors: return "safetensors";
    case ModelFormat::HfFolder: return "hf-folder";
    case ModelFormat::Llama2c: return "llama2c";
    }
    return "?";
}

std::string escaped(const std::string& s, size_t maxChars)
{
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        if (i == maxChars) {
            out += "\"...(" + std::to_string(s.size()) + " bytes)";
            return out;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '"' || c == '\\')
            out += std::string("\\") + char(c);
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else
            out += char(c);
    }
    return out + "\"";
}

std::string formatScalar(const GgufValue& v, size_t maxChars)
{
    if (const auto* s = std::get_if<std::string>(&v.value))
        return escaped(*s, maxChars);
    if (const auto* b = std::get_if<bool>(&v.value))
        return *b ? "true" : "false";
    if (const auto* d = std::get_if<double>(&v.value)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.9g", *d);
        return buf;
    }
    if (const auto* u = std::get_if<uint64_t>(&v.value))
        return std::to_string(*u);
    if (const auto* i = std::get_if<int64_t>(&v.value))
        return std::to_string(*i);
    return "?";
}

json jsonValue(const GgufValue& v)
{
    if (v.isArray()) {
        const auto& elements = v.elements();
        json first = json::array();
        for (size_t i = 0; i < elements.size() && i < kJsonPreviewElements; ++i)
            first.push_back(jsonValue(elements[i]));
        return json{{"element_type", ggufTypeName(v.arrayType)}, {"count", elements.size()}, {"first", first}};
    }
    if (const auto* s = std::get_if<std::string>(&v.value))
        return *s;
    if (const auto* b = std::get_if<bool>(&v.value))
        return *b;
    if (const auto* d = std::get_if<double>(&v.value))
        return *d;
    if (const auto* u = std::get_if<uint64_t>(&v.value))
        return *u;
    if (const auto* i = std::get_if<int64_t>(&v.value))
        return *i;
    return nullptr;
}

json jsonSpec(const ModelSpec& s)
{
    json j = {{"architecture", s.architecture}, {"name", s.name}, {"context_length", s.contextLength},
              {"embedding_length", s.embeddingLength}, {"block_count", s.blockCount}, {"head_count", s.headCount},
              {"head_count_kv", s.headCountKv}, {"feed_forward_length", s.feedForwardLength},
              {"vocab_size", s.vocabSize}, {"rope_dimension_count", s.ropeDimensionCount},
              {"rope_freq_base", s.ropeFreqBase}, {"rope_scaling_type", s.ropeScalingType},
              {"rope_scaling_factor", s.ropeScalingFactor}, {"rms_norm_eps", s.rmsNormEps},
              {"tied_embeddings", s.tiedEmbeddings}, {"rope_neox", s.ropeNeox}};
    j["bos_token_id"] = s.bosTokenId ? json(*s.bosTokenId) : json(nullptr);
    j["eos_token_id"] = s.eosTokenId ? json(*s.eosTokenId) : json(nullptr);
    return j;
}

double totalBitsPerWeight(const ModelFile& m)
{
    const uint64_t n = m.totalParameters();
    return n ? 8.0 * double(m.totalTensorBytes()) / double(n) : 0.0;
}

void writeSpecLine(std::ostringstream& out, const ModelSpec& s)
{
    out << "Architecture: " << (s.architecture.empty() ? "(not stated)" : s.architecture);
    if (!s.name.empty())
        out << "  name " << escaped(s.name, 60);
    out << "\n  layers " << s.blockCount << ", embedding " << s.embeddingLength << ", FFN " << s.feedForwardLength
        << ", heads " << s.headCount << " (KV " << s.headCountKv << "), vocab " << s.vocabSize << ", context "
        << s.contextLength << (s.tiedEmbeddings ? ", tied embeddings" : "") << "\n";
}

void writeTensorTable(std::ostringstream& out, const ModelFile& m)
{
    size_t width = 4;
    for (const auto& t : m.tensors)
        width = std::max(width, t.name.size());
    char line[256];
    std::snprintf(line, sizeof line, "  %-*s  %-22s %-8s %12s %8s\n", int(width), "name", "shape", "type", "bytes", "bits/w");
    out << "\nTensors (" << m.tensors.size() << "):\n" << line;
    for (const auto& t : m.tensors) {
        const std::string type(tensorTypeName(t.type));
        std::snprintf(line, sizeof line, "  %-*s  %-22s %-8s %12llu %8.4f\n", int(width), t.name.c_str(),
                      formatShape(t.ne).c_str(), type.c_str(), static_cast<unsigned long long>(t.nbytes),
                      t.bitsPerWeight());
        out << line;
        if (!t.aliasOf.empty())
            out << "      (alias of " << t.aliasOf << ": same data, not counted in the totals)\n";
    }
}

} // namespace

std::string formatShape(const std::vector<int64_t>& ne)
{
    std::string s;
    for (size_t i = 0; i < ne.size(); ++i)
        s += (i ? " x " : "") + std::to_string(ne[i]);
    return s.empty() ? "scalar" : s;
}

std::string formatBytes(uint64_t bytes)
{
    static const char* const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int unit = 0;
    while (v >= 1024.0 && unit < 4) {
        v /= 1024.0;
        ++unit;
    }
    char buf[32];
    if (unit == 0)
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    else
        std::snprintf(buf, sizeof buf, "%.2f %s", v, kUnits[unit]);
    return buf;
}

std::string formatGgufValue(const GgufValue& v, size_t maxElements, size_t maxChars)
{
    if (!v.isArray())
        return formatScalar(v, maxChars);
    const auto& elements = v.elements();
    std::string s = std::string("arr[") + ggufTypeName(v.arrayType) + "," + std::to_string(elements.size()) + "] [";
    for (size_t i = 0; i < elements.size() && i < maxElements; ++i)
        s += (i ? ", " : "") + formatGgufValue(elements[i], maxElements, maxChars);
    return s + (elements.size() > maxElements ? ", ...]" : "]");
}

std::string modelInfoText(const ModelFile& m)
{
    std::ostringstream out;
    out << "File: " << m.path << "\nFormat: " << formatName(m.format);
    if (m.format == ModelFormat::Gguf)
        out << " v" << m.ggufVersion << ", alignment " << m.alignment;
    out << "\n";
    writeSpecLine(out, m.spec);
    if (!m.tokenizer.model.empty())
        out << "Tokenizer: " << m.tokenizer.model << (m.tokenizer.pre.empty() ? "" : " (pre " + m.tokenizer.pre + ")")
            << ", " << m.tokenizer.vocabSize << " tokens, " << m.tokenizer.mergeCount << " merges\n";
    if (const auto figure = heldOutFigure(m)) {
        char ppl[64];
        std::snprintf(ppl, sizeof ppl, "%.4f +/- %.4f", figure->ppl, figure->uncertainty);
        out << "Held-out perplexity: " << ppl << " (n_ctx " << figure->nCtx << ", " << figure->tokens
            << " tokens of: " << figure->text << ")\n";
    }
    size_t width = 0;
    for (const auto& kv : m.metadata)
        width = std::max(width, kv.key.size());
    out << "\nMetadata (" << m.metadata.size() << " keys):\n";
    for (const auto& kv : m.metadata) {
        std::string key = kv.key;
        key.resize(width + 2, ' ');
        const std::string type = kv.value.isArray() ? "" : std::string(ggufTypeName(kv.value.type)) + " ";
        out << "  " << key << type << formatGgufValue(kv.value) << "\n";
    }
    writeTensorTable(out, m);
    char totals[160];
    std::snprintf(totals, sizeof totals, "\nTotals: %zu tensors, %llu parameters, %llu bytes (%s), %.4f bits/weight\n",
                  m.tensors.size(), static_cast<unsigned long long>(m.totalParameters()),
                  static_cast<unsigned long long>(m.totalTensorBytes()), formatBytes(m.totalTensorBytes()).c_str(),
                  totalBitsPerWeight(m));
    out << totals;
    return out.str();
}

std::string modelInfoJson(const ModelFile& m)
{
    json j = {{"path", m.path}, {"format", formatName(m.format)}};
    if (m.format == ModelFormat::Gguf) {
        j["gguf_version"] = m.ggufVersion;
        j["alignment"] = m.alignment;
    }
    j["spec"] = jsonSpec(m.spec);
    j["tokenizer"] = {{"model", m.tokenizer.model}, {"pre", m.tokenizer.pre}, {"vocab_size", m.tokenizer.vocabSize},
                      {"merge_count", m.tokenizer.mergeCount}};
    if (const auto figure = heldOutFigure(m))
        j["held_out"] = {{"ppl", figure->ppl}, {"uncertainty", figure->uncertainty}, {"n_ctx", figure->nCtx},
                         {"tokens", figure->tokens}, {"text", figure->text}};
    json metadata = json::array();
    for (const auto& kv : m.metadata)
        metadata.push_back({{"key", kv.key}, {"type", ggufTypeName(kv.value.type)}, {"value", jsonValue(kv.value)}});
    j["metadata"] = std::move(metadata);
    json tensors = json::array();
    for (const auto& t : m.tensors)
        tensors.push_back({{"name", t.name}, {"shape", t.ne}, {"type", std::string(tensorTypeName(t.type))},
                           {"offset", t.fileOffset}, {"bytes", t.nbytes}, {"parameters", t.elementCount()},
                           {"bits_per_weight", t.bitsPerWeight()}});
    for (size_t i = 0; i < m.tensors.size(); ++i)
        if (!m.tensors[i].aliasOf.empty())
            tensors[i]["alias_of"] = m.tensors[i].aliasOf;
    j["tensors"] = std::move(tensors);
    j["totals"] = {{"tensors", m.tensors.size()}, {"parameters", m.totalParameters()},
                   {"bytes", m.totalTensorBytes()}, {"bits_per_weight", totalBitsPerWeight(m)}};
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace qx

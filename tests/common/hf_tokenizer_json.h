#pragma once
// Test helper: Hugging Face tokenizer.json documents over the GPT-2 vocabulary of a GGUF file (tokens and
// merges), laid out as the published openai-community/gpt2 tokenizer.json, with the pieces needed to give
// them other pre-tokenizers (Split, ByteLevel, Sequence).
#include "model/vocab.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fstream>
#include <string>

namespace qx::test {

inline const char* const kLlama3Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
inline const char* const kQwen2Regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

inline QJsonObject byteLevel(bool addPrefixSpace, bool useRegex)
{
    return {{"type", "ByteLevel"}, {"add_prefix_space", addPrefixSpace}, {"trim_offsets", true}, {"use_regex", useRegex}};
}

inline QJsonObject split(const QString& regex, const QString& behavior = QStringLiteral("Isolated"), bool invert = false)
{
    return {{"type", "Split"}, {"pattern", QJsonObject{{"Regex", regex}}}, {"behavior", behavior}, {"invert", invert}};
}

inline QJsonObject sequence(const char* key, QJsonArray items)
{
    return {{"type", "Sequence"}, {key, items}};
}

inline QJsonObject addedToken(int id, const QString& content, bool special, bool normalized, bool strip = false)
{
    return {{"id", id}, {"content", content}, {"single_word", false}, {"lstrip", strip}, {"rstrip", strip},
            {"normalized", normalized}, {"special", special}};
}

/// A TemplateProcessing post-processor that puts special token `content` (`id`) before the sequence.
inline QJsonObject bosTemplate(int id, const QString& content)
{
    const QJsonObject special{{"SpecialToken", QJsonObject{{"id", content}, {"type_id", 0}}}};
    const QJsonObject sequenceA{{"Sequence", QJsonObject{{"id", "A"}, {"type_id", 0}}}};
    const QJsonObject entry{{"id", content}, {"ids", QJsonArray{id}}, {"tokens", QJsonArray{content}}};
    return {{"type", "TemplateProcessing"}, {"single", QJsonArray{special, sequenceA}}, {"pair", QJsonArray{}},
            {"special_tokens", QJsonObject{{content, entry}}}};
}

/// A byte-level BPE tokenizer.json over `v` (a GGUF GPT-2 vocabulary): ByteLevel pre-tokenizer with the
/// GPT-2 expression, ByteLevel post-processor and decoder, <|endoftext|> (50256) as a special added token.
inline QJsonObject gpt2TokenizerJson(const Vocab& v)
{
    QJsonObject vocab;
    for (int32_t i = 0; i < v.size(); ++i)
        vocab.insert(QString::fromStdString(v.tokens[size_t(i)]), i);
    QJsonArray merges;
    for (const std::string& m : v.merges)
        merges.append(QString::fromStdString(m));
    const QJsonObject model{{"type", "BPE"}, {"dropout", QJsonValue()}, {"unk_token", QJsonValue()},
                            {"continuing_subword_prefix", QJsonValue()}, {"end_of_word_suffix", QJsonValue()},
                            {"fuse_unk", false}, {"byte_fallback", false}, {"ignore_merges", false},
                            {"vocab", vocab}, {"merges", merges}};
    return {{"version", "1.0"}, {"truncation", QJsonValue()}, {"padding", QJsonValue()},
            {"added_tokens", QJsonArray{addedToken(50256, "<|endoftext|>", true, false)}}, {"normalizer", QJsonValue()},
            {"pre_tokenizer", byteLevel(false, true)}, {"post_processor", byteLevel(false, true)},
            {"decoder", byteLevel(false, true)}, {"model", model}};
}

/// `doc` with model.ignore_merges set to `ignore`.
inline QJsonObject withIgnoreMerges(QJsonObject doc, bool ignore)
{
    QJsonObject model = doc["model"].toObject();
    model["ignore_merges"] = ignore;
    doc["model"] = model;
    return doc;
}

inline void writeJson(const std::string& path, const QJsonObject& o)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace qx::test

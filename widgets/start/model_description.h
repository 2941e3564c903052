#pragma once
// Totals and descriptions of an opened model for headers and the Info view, as translated text.

#include "io/model_file.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace qx::ui {

class ModelDescription {
    Q_DECLARE_TR_FUNCTIONS(ModelDescription)
public:
    /// Bytes on disk: the file itself, or the sum of the distinct data files of a folder/sharded model.
    static uint64_t fileBytes(const ModelFile& model);
    /// Tensor bytes × 8 / parameters (0 for an empty model).
    static double bitsPerWeight(const ModelFile& model);
    /// "GGUF v3", "safetensors", "Hugging Face folder", "llama2.c checkpoint".
    static QString formatText(const ModelFile& model);
    /// The model's name (from its metadata, else the file name).
    static QString displayName(const ModelFile& model);
    /// One line: "48 tensors · 292,608 parameters · 1.1 MiB · 32.00 bits/weight".
    static QString totalsLine(const ModelFile& model);
    /// "Selected tensors: 3 · 12,288 parameters · 48.0 KiB"; empty for an empty selection.
    static QString selectionLine(const ModelFile& model, const QStringList& tensorNames);
    /// "SentencePiece (llama), 512 tokens" etc.; "no tokenizer" when the file has none.
    static QString tokenizerText(const TokenizerInfo& tokenizer);
};

} // namespace qx::ui

#include "start/model_description.h"

#include "common/format_text.h"

#include <QFileInfo>
#include <QLocale>

#include <set>

namespace qx::ui {

uint64_t ModelDescription::fileBytes(const ModelFile& model)
{
    const QFileInfo info(QString::fromStdString(model.path));
    if (info.isFile())
        return static_cast<uint64_t>(info.size());
    std::set<std::string> files;
    for (const TensorInfo& t : model.tensors)
        if (!t.sourceFile.empty())
            files.insert(t.sourceFile);
    uint64_t total = 0;
    for (const std::string& f : files)
        total += static_cast<uint64_t>(QFileInfo(QString::fromStdString(f)).size());
    return total;
}

double ModelDescription::bitsPerWeight(const ModelFile& model)
{
    const uint64_t params = model.totalParameters();
    return params ? 8.0 * static_cast<double>(model.totalTensorBytes()) / static_cast<double>(params) : 0.0;
}

QString ModelDescription::formatText(const ModelFile& model)
{
    switch (model.format) {
    case ModelFormat::Gguf: return tr("GGUF v%1").arg(model.ggufVersion);
    case ModelFormat::Safetensors: return tr("safetensors");
    case ModelFormat::HfFolder: return tr("Hugging Face folder");
    case ModelFormat::Llama2c: return tr("llama2.c checkpoint");
    }
    return {};
}

QString ModelDescription::displayName(const ModelFile& model)
{
    if (!model.spec.name.empty())
        return QString::fromStdString(model.spec.name);
    return QFileInfo(QString::fromStdString(model.path)).fileName();
}

QString ModelDescription::totalsLine(const ModelFile& model)
{
    const QLocale locale;
    return tr("%1 tensors · %2 parameters · %3 on disk · %4 bits/weight")
        .arg(locale.toString(static_cast<qulonglong>(model.tensors.size())),
             locale.toString(static_cast<qulonglong>(model.totalParameters())), formatBytes(fileBytes(model)),
             locale.toString(bitsPerWeight(model), 'f', 2));
}

QString ModelDescription::selectionLine(const ModelFile& model, const QStringList& tensorNames)
{
    uint64_t parameters = 0;
    uint64_t bytes = 0;
    int count = 0;
    for (const QString& name : tensorNames) {
        if (const TensorInfo* t = model.findTensor(name.toStdString())) {
            parameters += t->elementCount();
            bytes += t->nbytes;
            ++count;
        }
    }
    if (count == 0)
        return {};
    const QLocale locale;
    return tr("Selected tensors: %1 · %2 parameters · %3")
        .arg(locale.toString(count), locale.toString(static_cast<qulonglong>(parameters)), formatBytes(bytes));
}

QString ModelDescription::tokenizerText(const TokenizerInfo& tokenizer)
{
    if (tokenizer.model.empty())
        return tr("no tokenizer in this model");
    QString kind;
    if (tokenizer.model == "llama")
        kind = tr("SentencePiece (llama)");
    else if (tokenizer.model == "gpt2")
        kind = tr("byte-level BPE (gpt2)");
    else
        kind = QString::fromStdString(tokenizer.model);
    QString text = tr("%1, %2 tokens").arg(kind, QLocale().toString(static_cast<qlonglong>(tokenizer.vocabSize)));
    if (tokenizer.mergeCount > 0)
        text += tr(", %1 merges").arg(QLocale().toString(static_cast<qlonglong>(tokenizer.mergeCount)));
    if (!tokenizer.pre.empty())
        text += tr(", pre-tokenizer “%1”").arg(QString::fromStdString(tokenizer.pre));
    return text;
}

} // namespace qx::ui

// SchemePanel's format choice: the scheme the edited controls describe, the note with its exact
// bits/weight and nearest GGUF type, and showing the scheme of the selected tensor.
#include "plan/scheme_panel.h"

#include "common/format_text.h"
#include "plan/plan_document.h"
#include "plan/uniform_scheme_editor.h"

#include "export/scheme_choice_gguf.h"
#include "plan/presets.h"
#include "quant/formats.h"

#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace qx::ui {
namespace {

QString latin(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

std::optional<SchemeChoice> SchemePanel::currentScheme() const
{
    const FormatInfo& f = kFormats[static_cast<size_t>(selectedFormatIndex())];
    if (f.ggufExportable)
        return std::nullopt;
    if (f.family == FormatFamily::Integer)
        return choiceOf(m_uniform->scheme());
    return SchemeChoice(f.scheme);
}

QString SchemePanel::formatLabel() const
{
    const auto scheme = currentScheme();
    return scheme ? QString::fromStdString(schemeChoiceName(*scheme))
                  : latin(kFormats[static_cast<size_t>(selectedFormatIndex())].name);
}

void SchemePanel::formatChosen()
{
    const FormatInfo& f = kFormats[static_cast<size_t>(selectedFormatIndex())];
    if (f.family == FormatFamily::Integer)
        m_uniform->setScheme(uniformSchemeOf(f.scheme));
    updateFormatNote();
}

void SchemePanel::updateFormatNote()
{
    if (!m_formatNote)
        return;
    const FormatInfo& f = kFormats[static_cast<size_t>(selectedFormatIndex())];
    QString family = latin(formatFamilyName(f.family));
    family[0] = family[0].toUpper();
    m_uniform->setVisible(f.family == FormatFamily::Integer);
    const auto scheme = currentScheme();
    m_formatName->setVisible(scheme.has_value());
    m_formatName->setText(tr("Scheme: <b>%1</b>").arg(formatLabel().toHtmlEscaped()));
    emit contentsChanged();
    if (!scheme) {
        QString note = f.blockSize > 1 ? tr("%1, blocks of %2 values").arg(family).arg(f.blockSize) : family;
        // llama-quantize refuses these without importance data (IQ1_M: except token_embd and output).
        if (llamaQuantizeRefusal("blk.0.ffn_down.weight", f.ggufType, 0, false))
            note += m_doc->imatrix() ? tr("; quantized with the importance matrix")
                                     : tr("; needs an importance matrix (load or compute one under the presets)");
        m_formatNote->setText(note);
        return;
    }
    const GgufExportability gguf = ggufExportability(*scheme);
    const QString nearest = latin(tensorTypeName(gguf.type.value_or(TensorType::F16)));
    std::optional<TensorType> held;
    const QString bits = selectionBitsText(*scheme, &held);
    if (held && *held != gguf.type)
        m_formatNote->setText(tr("%1 %2 — not exportable to GGUF; nearest type %3, which these rows cannot hold: a file "
                                 "holds %4. The error columns show this scheme; the file size counts %4.")
                                  .arg(bits, family, nearest, latin(tensorTypeName(*held))));
    else
        m_formatNote->setText(tr("%1 %2 — not exportable to GGUF: a file holds %3 (llama-quantize's fallback where "
                                 "rows do not fit). The error columns show this scheme; the file size counts %3.")
                                  .arg(bits, family, nearest));
}

QString SchemePanel::selectionBitsText(const SchemeChoice& scheme, std::optional<TensorType>* heldType) const
{
    std::set<TensorType> held;
    const auto model = m_doc->model();
    if (!model)
        return {};
    uint64_t bytes = 0, values = 0;
    int unfit = 0;
    for (const QString& name : m_selection.isEmpty() ? m_doc->allTensors() : m_selection) {
        const TensorInfo* t = model->findTensor(name.toStdString());
        if (!t || !isQuantizableTensor(*t))
            continue;
        if (!schemeChoiceFit(scheme, t->rowLength()).fits) {
            ++unfit;
            continue;
        }
        bytes += schemeChoiceBytes(scheme, t->rows(), t->rowLength());
        held.insert(schemeChoiceFileType(scheme, t->rowLength()));
        values += t->elementCount();
    }
    QString text = !values ? tr("No tensor here can hold it.")
                   : m_selection.isEmpty()
                       ? tr("Exactly %1 bits/weight (%2) over every weight it fits.")
                       : tr("Exactly %1 bits/weight (%2) on the selection.");
    if (values)
        text = text.arg(QLocale().toString(8.0 * static_cast<double>(bytes) / static_cast<double>(values), 'f', 4),
                        formatBytes(bytes));
    if (unfit)
        text += QLatin1Char(' ') + tr("%n tensor(s) cannot hold it (row length).", "", unfit);
    if (held.size() == 1)
        *heldType = *held.begin();
    return text;
}

void SchemePanel::setSelection(const QStringList& tensors)
{
    m_selection = tensors;
    m_applySelection->setEnabled(!tensors.isEmpty());
    m_applySelection->setText(tensors.isEmpty() ? tr("Apply to Selection") : tr("Apply to %1 Selected").arg(tensors.size()));
    showSchemeOfSelection();
    updateFormatNote();
}

void SchemePanel::showSchemeOfSelection()
{
    if (m_selection.isEmpty())
        return;
    const auto scheme = m_doc->schemeOf(m_selection.front().toStdString());
    const auto uniform = scheme ? uniformSchemeOf(*scheme) : std::nullopt;
    if (!uniform)
        return;
    const FormatInfo* format = scheme->catalogId() ? findFormat(schemeInfo(*scheme->catalogId()).name) : nullptr;
    const FormatInfo& current = kFormats[static_cast<size_t>(selectedFormatIndex())];
    const auto distance = [&](const FormatInfo& f) { return std::abs(uniformSchemeOf(f.scheme).bits - uniform->bits); };
    if (!format && current.family == FormatFamily::Integer)
        format = &current;  // a custom scheme: keep the integer row shown, else the one with the closest bits
    for (size_t i = 0; !scheme->catalogId() && current.family != FormatFamily::Integer && i < kFormats.size(); ++i)
        if (kFormats[i].family == FormatFamily::Integer && (!format || distance(kFormats[i]) < distance(*format)))
            format = &kFormats[i];
    const QSignalBlocker block(m_format);
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format - kFormats.data())));
    m_uniform->setScheme(*uniform);
}

} // namespace qx::ui

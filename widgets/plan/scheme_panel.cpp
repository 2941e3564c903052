#include "plan/scheme_panel.h"

#include "common/error_text.h"
#include "common/format_text.h"
#include "common/job_runner.h"
#include "plan/calibration_box.h"
#include "plan/plan_document.h"
#include "plan/plan_solver.h"
#include "plan/sensitivity_box.h"
#include "plan/uniform_scheme_editor.h"

#include "export/gguf_compat.h"
#include "plan/solver_plan.h"

#include "quant/formats.h"
#include "quant/quantize.h"
#include "quant/uniform_quant.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>

namespace qx::ui {
namespace {

constexpr int kSliderSteps = 1000;

QString latin(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QPushButton* button(const QString& text, const QString& tip, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setToolTip(tip);
    return b;
}

} // namespace

SchemePanel::SchemePanel(PlanDocument* document, QWidget* parent)
    : QWidget(parent), m_doc(document), m_runner(new JobRunner(this)), m_solveTimer(new QTimer(this))
{
    m_solveTimer->setSingleShot(true);
    m_solveTimer->setInterval(30);  // coalesces slider moves; each solve is milliseconds
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(setupFormatBox());
    layout->addWidget(setupPresetBox());
    layout->addWidget(setupBudgetBox());
    auto* calibrateBox = new QGroupBox(tr("Calibrate"), this);
    m_calibration = new CalibrationBox(m_doc, calibrateBox);
    (new QVBoxLayout(calibrateBox))->addWidget(m_calibration);
    layout->addWidget(calibrateBox);
    connect(m_calibration, &CalibrationBox::statusMessage, this, &SchemePanel::statusMessage);
    layout->addWidget(m_status);
    layout->addStretch(1);
    connect(m_solveTimer, &QTimer::timeout, this, &SchemePanel::solveNow);
    connect(m_doc, &PlanDocument::modelChanged, this, &SchemePanel::buildCandidates);
    setSelection({});
    updateFormatNote();
    if (m_doc->model())
        buildCandidates();
}

SchemePanel::~SchemePanel()
{
    m_runner->cancel();
    m_runner->waitForIdle();
}

QWidget* SchemePanel::setupFormatBox()
{
    auto* box = new QGroupBox(tr("Format"), this);
    m_format = new QComboBox(box);
    m_format->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_format->setMinimumContentsLength(16);
    m_format->setToolTip(tr("Formats of the traits table: GGUF types first, then schemes a GGUF file cannot hold"));
    for (size_t i = 0; i < kFormats.size(); ++i) {
        const FormatInfo& f = kFormats[i];
        if (f.ggufExportable && (!canQuantize(f.ggufType) || f.ggufType == TensorType::BF16))
            continue;
        if (!f.ggufExportable && i > 0 && kFormats[i - 1].ggufExportable)
            m_format->insertSeparator(m_format->count());
        const QString bits = QLocale().toString(f.bitsPerWeight, 'f', 2);
        // Below the separator: schemes a GGUF file cannot hold (the tooltip and the note under the box say so;
        // a longer item text would be cut in the closed box).
        m_format->addItem(tr("%1 — %2 bits/weight").arg(latin(f.name), bits), static_cast<int>(i));
        if (!f.ggufExportable)
            m_format->setItemData(m_format->count() - 1, tr("Not in GGUF: for measuring, a GGUF export holds llama-quantize's type"),
                                  Qt::ToolTipRole);
    }
    selectFormat(QStringLiteral("Q4_K"));
    m_formatNote = new QLabel(box);
    m_formatNote->setWordWrap(true);
    m_formatName = new QLabel(box);
    m_formatName->setWordWrap(true);
    m_formatName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formatName->setToolTip(tr("The scheme Apply gives the tensors, as the tree's Planned column names it"));
    m_uniform = new UniformSchemeEditor(box);

    m_applySelection = button(tr("Apply to Selection"), tr("Give the selected tensors this format (Ctrl+T)"), box);
    m_applySelection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    auto* applyAll = button(tr("Apply to All"), tr("Every quantizable weight in this format; norms stay F32, "
                                                   "rows that do not fit take llama-quantize's fallback"), box);
    m_pattern = new QLineEdit(box);
    m_pattern->setPlaceholderText(tr("Regex, e.g. ffn_down|attn_v"));
    auto* applyMatching = button(tr("Apply to Matching"), tr("Tensors whose name matches the regular expression"), box);
    auto* pin = button(tr("Pin"), tr("Presets and the budget solver keep the selected tensors' formats"), box);
    auto* unpin = button(tr("Unpin"), tr("Let presets and the solver change the selected tensors again"), box);

    auto* row1 = new QHBoxLayout;
    row1->addWidget(m_applySelection);
    row1->addWidget(applyAll);
    auto* row2 = new QHBoxLayout;
    row2->addWidget(m_pattern, 1);
    row2->addWidget(applyMatching);
    auto* row3 = new QHBoxLayout;
    row3->addWidget(pin);
    row3->addWidget(unpin);
    row3->addStretch(1);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_format);
    layout->addWidget(m_formatName);
    layout->addWidget(m_uniform);
    layout->addWidget(m_formatNote);
    layout->addLayout(row1);
    layout->addLayout(row2);
    layout->addLayout(row3);

    connect(m_format, &QComboBox::currentIndexChanged, this, &SchemePanel::formatChosen);
    connect(m_uniform, &UniformSchemeEditor::schemeChanged, this, &SchemePanel::updateFormatNote);
    connect(m_applySelection, &QPushButton::clicked, this, &SchemePanel::applyToSelection);
    connect(applyAll, &QPushButton::clicked, this, &SchemePanel::applyToAll);
    connect(applyMatching, &QPushButton::clicked, this, [this] { applyToMatching(m_pattern->text()); });
    connect(m_pattern, &QLineEdit::returnPressed, this, [this] { applyToMatching(m_pattern->text()); });
    connect(pin, &QPushButton::clicked, this, [this] { pinSelection(true); });
    connect(unpin, &QPushButton::clicked, this, [this] { pinSelection(false); });
    return box;
}

QWidget* SchemePanel::setupPresetBox()
{
    auto* box = new QGroupBox(tr("llama-quantize preset"), this);
    m_preset = new QComboBox(box);
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setMinimumContentsLength(8);
    m_preset->setToolTip(tr("llama-quantize's type mixes (llama.cpp b4748), rule for rule; the Reason column "
                            "says which rule chose each tensor's type"));
    for (Preset p : allPresets())
        m_preset->addItem(latin(presetName(p)), static_cast<int>(p));
    m_preset->setCurrentIndex(m_preset->findText(QStringLiteral("Q4_K_M")));
    auto* apply = button(tr("Apply Preset"), tr("Re-plan every unpinned tensor with this mix"), box);
    auto* layout = new QVBoxLayout(box);
    auto* row = new QHBoxLayout;
    row->addWidget(m_preset, 1);
    row->addWidget(apply);
    layout->addLayout(row);
    layout->addWidget(setupImatrixRow(box));
    connect(apply, &QPushButton::clicked, this,
            [this] { applyPreset(static_cast<Preset>(m_preset->currentData().toInt())); });
    return box;
}

bool SchemePanel::selectFormat(const QString& name)
{
    const FormatInfo* f = findFormat(name.toStdString());
    const int row = f ? m_format->findData(static_cast<int>(f - kFormats.data())) : -1;
    if (row < 0)
        return false;
    m_format->setCurrentIndex(row);
    return true;
}

int SchemePanel::selectedFormatIndex() const
{
    return m_format->currentData().toInt();
}

QString SchemePanel::formatNote() const
{
    return m_formatNote->text();
}

void SchemePanel::report(const EditSummary& s)
{
    QStringList parts;
    parts << tr("%n tensor(s) changed", nullptr, static_cast<int>(s.changed));
    if (s.fallbacks)
        parts << tr("%1 took llama-quantize's fallback type").arg(s.fallbacks);
    if (s.skippedPinned)
        parts << tr("%1 pinned kept").arg(s.skippedPinned);
    if (s.skippedUnfit)
        parts << tr("%1 left as they are (vectors, or rows the format cannot hold)").arg(s.skippedUnfit);
    m_status->setText(parts.join(QStringLiteral(" · ")));
    emit statusMessage(m_status->text());
}

EditSummary SchemePanel::applyTo(const QStringList& tensors)
{
    const FormatInfo& f = kFormats[static_cast<size_t>(selectedFormatIndex())];
    return f.ggufExportable ? m_doc->setType(tensors, f.ggufType) : m_doc->setScheme(tensors, *currentScheme());
}

void SchemePanel::applyToSelection()
{
    report(applyTo(m_selection));
}

void SchemePanel::applyToMatching(const QString& pattern)
{
    const QStringList names = m_doc->tensorsMatching(pattern);
    if (names.isEmpty()) {
        m_status->setText(tr("No tensor matches “%1”").arg(pattern));
        return;
    }
    report(applyTo(names));
}

void SchemePanel::applyToAll()
{
    const FormatInfo& f = kFormats[static_cast<size_t>(selectedFormatIndex())];
    report(f.ggufExportable ? m_doc->applyPure(f.ggufType) : m_doc->setScheme(m_doc->allTensors(), *currentScheme()));
}

void SchemePanel::pinSelection(bool pinned)
{
    report(m_doc->setPinned(m_selection, pinned));
}

void SchemePanel::applyPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(static_cast<int>(preset)));
    report(m_doc->applyPreset(preset));
}

QString SchemePanel::statusText() const
{
    return m_status->text();
}

} // namespace qx::ui

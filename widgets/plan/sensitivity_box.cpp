#include "plan/sensitivity_box.h"

#include "common/error_text.h"
#include "common/job_runner.h"
#include "plan/plan_document.h"

#include "common/error.h"
#include "common/text_file.h"
#include "model/tokenizer.h"
#include "quant/formats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {
namespace {

constexpr int kProgressSteps = 1000;
constexpr TensorType kOffered[] = {TensorType::Q2_K, TensorType::Q3_K, TensorType::Q4_K, TensorType::Q5_K,
                                   TensorType::Q6_K, TensorType::IQ4_NL, TensorType::Q4_0, TensorType::Q8_0};

QString typeName(TensorType type)
{
    const std::string_view n = tensorTypeName(type);
    return QString::fromUtf8(n.data(), static_cast<qsizetype>(n.size()));
}

} // namespace

SensitivityBox::SensitivityBox(PlanDocument* document, QWidget* parent)
    : QWidget(parent), m_doc(document), m_runner(new JobRunner(this))
{
    m_type = new QComboBox(this);
    for (TensorType t : kOffered)
        m_type->addItem(typeName(t), static_cast<int>(t));
    m_type->setToolTip(tr("Type each tensor is quantized to on its own (llama-quantize's fallback where its rows "
                          "do not fit)"));
    selectType(QStringLiteral("Q4_K"));
    m_measure = new QPushButton(tr("Measure Sensitivity"), this);
    m_measure->setToolTip(tr("Enable-one KLD: each tensor quantized alone to the chosen type, everything else "
                             "unquantized; mean KL divergence (nats) of the output against the unquantized model "
                             "on the first %1 tokens of the evaluation text from Settings. Fills the Sensitivity "
                             "column.").arg(kTokens));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setFormat(tr("Measuring sensitivity… %p%"));
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_useInSolver = new QCheckBox(tr("Use measured KLD in the solver"), this);
    m_useInSolver->setToolTip(tr("Scale each tensor's predicted loss so that it matches its measured KLD; the "
                                 "budget slider then minimises the predicted KLD in nats"));
    m_useInSolver->setEnabled(false);

    auto* row = new QHBoxLayout;
    row->addWidget(m_type);
    row->addWidget(m_measure, 1);
    row->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_useInSolver);

    connect(m_measure, &QPushButton::clicked, this, &SensitivityBox::measure);
    connect(m_cancel, &QPushButton::clicked, this, &SensitivityBox::cancel);
    connect(m_useInSolver, &QCheckBox::toggled, this, &SensitivityBox::useInSolverChanged);
    connect(m_runner, &JobRunner::progressChanged, this,
            [this](double f) { m_progress->setValue(static_cast<int>(f * kProgressSteps)); });
    connect(m_doc, &PlanDocument::modelChanged, this, &SensitivityBox::modelChanged);
    modelChanged();
}

SensitivityBox::~SensitivityBox()
{
    m_runner->cancel();
    m_runner->waitForIdle();
}

bool SensitivityBox::selectType(const QString& name)
{
    const int row = m_type->findText(name);
    if (row < 0)
        return false;
    m_type->setCurrentIndex(row);
    return true;
}

TensorType SensitivityBox::type() const
{
    return static_cast<TensorType>(m_type->currentData().toInt());
}

void SensitivityBox::setTextFile(const QString& path)
{
    m_textOverride = path;
}

QString SensitivityBox::textFile() const
{
    if (!m_textOverride.isEmpty())
        return m_textOverride;
    return QSettings().value(QStringLiteral("evaluation/textFile")).toString();
}

bool SensitivityBox::useInSolver() const
{
    return m_useInSolver->isChecked();
}

void SensitivityBox::setUseInSolver(bool on)
{
    m_useInSolver->setChecked(on);
}

QString SensitivityBox::statusText() const
{
    return m_status->text();
}

std::vector<int32_t> SensitivityBox::calibrationTokens(const ModelFile& model, const std::string& path)
{
    std::vector<int32_t> tokens = Tokenizer::fromGguf(model).encode(readTextFile(path), true);
    const int64_t n = std::min<int64_t>(kTokens, static_cast<int64_t>(tokens.size())) / kSeqLen * kSeqLen;
    if (n <= 0)
        throw Error(ErrorCode::InvalidArgument, path, kNoOffset, "the text is shorter than one sequence");
    tokens.resize(static_cast<size_t>(n));
    return tokens;
}

std::vector<TensorType> SensitivityBox::measuredTypes(const ModelFile& model, TensorType type)
{
    std::vector<TensorType> types{type};
    for (const TensorInfo& t : model.tensors) {
        if (t.ne.size() < 2)
            continue;
        const std::optional<TensorType> fallback = llamaFallbackType(type, t.ne[0]);
        if (fallback && std::find(types.begin(), types.end(), *fallback) == types.end())
            types.push_back(*fallback);
    }
    return types;
}

void SensitivityBox::modelChanged()
{
    m_runner->cancel();  // a measurement of the previous model is stale
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_status->clear();
    m_measure->setEnabled(m_doc->model() != nullptr);
    const bool had = m_result != nullptr;
    m_result.reset();
    m_useInSolver->setEnabled(false);
    if (had)
        emit measured({});
}

void SensitivityBox::cancel()
{
    m_runner->cancel();
}

void SensitivityBox::measure()
{
    const auto model = m_doc->model();
    if (!model)
        return;
    const QString text = textFile();
    if (text.isEmpty()) {
        m_status->setText(tr("Choose an evaluation text in Settings or on the Evaluate page first."));
        return;
    }
    const TensorType chosen = type();
    const CacheKey key{m_doc->modelPath().toStdString(), static_cast<int>(chosen), text.toStdString()};
    if (const auto it = m_cache.find(key); it != m_cache.end()) {
        showResult(it->second, text, true);
        return;
    }
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_status->clear();
    const std::vector<TensorType> types = measuredTypes(*model, chosen);
    m_runner->start<std::shared_ptr<const MeasuredKlds>>(
        tr("Measuring sensitivity…"),
        [model, path = text.toStdString(), types](const ProgressFn& progress) {
            const std::vector<int32_t> tokens = calibrationTokens(*model, path);
            return std::make_shared<const MeasuredKlds>(measureEnableOne(model, tokens, kSeqLen, types, nullptr, progress));
        },
        [this, model, key, text](JobResult<std::shared_ptr<const MeasuredKlds>> result) {
            if (model != m_doc->model())
                return;  // the model changed while measuring: modelChanged() already reset the box
            m_progress->setVisible(false);
            m_cancel->setVisible(false);
            if (result.outcome == JobOutcome::Cancelled) {
                m_status->setText(tr("Measuring sensitivity was cancelled."));
            } else if (result.outcome == JobOutcome::Failed) {
                const QString reason = result.error.code ? ErrorText::codeText(*result.error.code) : QString();
                m_status->setText(tr("Measuring sensitivity failed: %1 (%2)").arg(reason, result.error.detail));
            } else {
                m_cache[key] = *result.value;
                showResult(*result.value, text, false);
            }
        });
}

void SensitivityBox::showResult(std::shared_ptr<const MeasuredKlds> result, const QString& textFile, bool cached)
{
    m_result = std::move(result);
    std::unordered_map<std::string, double> kld;
    for (const MeasuredKld& m : *m_result)
        kld[m.tensor] = m.kld;
    const auto most = std::max_element(m_result->begin(), m_result->end(),
                                       [](const MeasuredKld& a, const MeasuredKld& b) { return a.kld < b.kld; });
    QString line = tr("%n tensors measured at %1 on “%2”", nullptr, static_cast<int>(m_result->size()))
                       .arg(typeName(type()), QFileInfo(textFile).fileName());
    if (most != m_result->end())
        line += tr(" · most sensitive: %1 (KLD %2)")
                    .arg(QString::fromStdString(most->tensor), QLocale().toString(most->kld, 'g', 3));
    if (cached)
        line += tr(" · from the cache");
    m_status->setText(line);
    m_useInSolver->setEnabled(!m_result->empty());
    emit measured(kld);
}

} // namespace qx::ui

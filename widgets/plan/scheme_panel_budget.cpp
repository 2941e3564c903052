// SchemePanel's size budget: the candidate table, the typed target and the slider (2–8.5 bits/weight over
// most of the track), the solver, and the readout of the current plan with its scale.
#include "plan/scheme_panel.h"

#include "common/error_text.h"
#include "common/format_text.h"
#include "common/job_runner.h"
#include "plan/plan_document.h"
#include "plan/plan_solver.h"
#include "plan/sensitivity_box.h"

#include "plan/solver_plan.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QSlider>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>

namespace qx::ui {
namespace {

constexpr int kSliderSteps = 1000;
constexpr double kMiB = 1024.0 * 1024.0;

} // namespace

QWidget* SchemePanel::setupBudgetBox()
{
    auto* box = new QGroupBox(tr("Size budget"), this);
    box->setToolTip(tr("Chooses per-tensor formats that minimise the predicted loss (importance-weighted squared "
                       "round-trip error) within the budget; pinned tensors are kept"));
    m_budget = new QSlider(Qt::Horizontal, box);
    m_budget->setRange(0, kSliderSteps);
    m_budget->setEnabled(false);
    m_budget->setToolTip(tr("Up to 8.5 bits/weight, where the useful plans lie, takes most of the track; the rest "
                            "reaches F16 and F32"));
    m_readout = new QLabel(box);
    m_readout->setWordWrap(true);
    m_readout->setObjectName(QStringLiteral("budgetReadout"));
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_solverInfo = new QLabel(box);
    m_solverInfo->setWordWrap(true);
    m_candidateProgress = new QProgressBar(box);
    m_candidateProgress->setRange(0, kSliderSteps);
    m_candidateProgress->setFormat(tr("Measuring candidates… %p%"));
    m_candidateProgress->setVisible(false);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(setupBudgetRow(box));
    layout->addWidget(m_budget);
    layout->addWidget(m_candidateProgress);
    layout->addWidget(m_readout);
    layout->addWidget(m_solverInfo);
    m_sensitivity = new SensitivityBox(m_doc, box);
    layout->addWidget(m_sensitivity);
    connect(m_sensitivity, &SensitivityBox::measured, this, [this](const std::unordered_map<std::string, double>& kld) {
        calibrate();
        emit sensitivityMeasured(kld);
    });
    connect(m_sensitivity, &SensitivityBox::useInSolverChanged, this, &SchemePanel::calibrate);
    connect(m_budget, &QSlider::valueChanged, this, [this] {
        m_typedBits.reset();
        syncTarget();
        m_solveTimer->start();
    });
    connect(m_runner, &JobRunner::progressChanged, this,
            [this](double f) { m_candidateProgress->setValue(static_cast<int>(f * kSliderSteps)); });
    connect(m_doc, &PlanDocument::planChanged, this, [this] {
        if (!m_solving)
            syncSliderToPlan();   // a preset, an edit, an undo: the budget shows where the plan now is
        updateReadout();
    });
    return box;
}

QWidget* SchemePanel::setupBudgetRow(QWidget* box)
{
    auto* row = new QWidget(box);
    m_budgetUnit = new QComboBox(row);
    m_budgetUnit->addItem(tr("Bits/weight"));
    m_budgetUnit->addItem(tr("File size"));
    m_target = new QDoubleSpinBox(row);
    m_target->setObjectName(QStringLiteral("budgetTarget"));
    m_target->setKeyboardTracking(false);   // solves when the number is complete (Enter or leaving the box)
    m_target->setEnabled(false);
    m_target->setToolTip(tr("Type a target: the solver finds the plan of least predicted loss within it"));
    m_budgetValue = new QLabel(row);   // kept for budgetText(): the target as the solver reads it
    m_budgetValue->hide();
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_budgetUnit);
    layout->addWidget(m_target, 1);
    connect(m_budgetUnit, &QComboBox::currentIndexChanged, this, [this] {
        syncTarget();   // the unit only changes how the budget reads, not the plan
    });
    connect(m_target, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (!m_table || m_target->signalsBlocked())
            return;
        setBudgetTarget(m_budgetUnit->currentIndex() == 0 ? value : value * kMiB);
    });
    return row;
}

void SchemePanel::setBudgetUnit(BudgetUnit unit)
{
    m_budgetUnit->setCurrentIndex(unit == BudgetUnit::BitsPerWeight ? 0 : 1);
}

void SchemePanel::setBudgetPosition(int position)
{
    m_budget->setValue(position);
    m_solveTimer->stop();
    solveNow();
}

int SchemePanel::budgetPosition() const { return m_budget->value(); }

void SchemePanel::setBudgetTarget(double value)
{
    if (!m_table)
        return;
    const auto [lo, hi] = bitsRange();
    const BudgetRange range = budgetRange(*m_table, m_doc->plan());
    const PlanTotals totals = m_doc->totals();
    const uint64_t header = totals.fileBytes > totals.tensorBytes ? totals.fileBytes - totals.tensorBytes : 0;
    const double bits = m_budgetUnit->currentIndex() == 0 || range.elements == 0
                            ? value
                            : 8.0 * (value - static_cast<double>(header)) / static_cast<double>(range.elements);
    const QSignalBlocker block(m_budget);
    m_budget->setValue(positionOfBits(bits, kSliderSteps, lo, hi));
    m_typedBits = std::clamp(bits, lo, hi);
    m_solveTimer->stop();
    solveNow();
}

std::pair<double, double> SchemePanel::bitsRange() const
{
    const BudgetRange range = budgetRange(*m_table, m_doc->plan());
    if (range.elements == 0)
        return {0.0, 0.0};
    const double n = static_cast<double>(range.elements);
    return {8.0 * static_cast<double>(range.minBytes) / n, 8.0 * static_cast<double>(range.maxBytes) / n};
}

QString SchemePanel::solverText() const
{
    return m_solverInfo->text().isEmpty() ? m_readout->text() : m_readout->text() + QLatin1Char(' ') + m_solverInfo->text();
}

QString SchemePanel::currentPlanText() const { return m_readout->text(); }

QString SchemePanel::budgetText() const
{
    return m_budgetValue->text();
}

} // namespace qx::ui

// The candidate table, the solver and the readout.
namespace qx::ui {

void SchemePanel::buildCandidates()
{
    m_runner->cancel();  // a table for the previous model is of no use any more
    m_table.reset();
    m_calibrated.reset();
    m_lossQ8 = m_lossQ4KM = -1.0;
    m_budget->setEnabled(false);
    m_target->setEnabled(false);
    m_solverInfo->clear();
    m_budgetValue->clear();
    m_candidateProgress->setVisible(false);
    updateReadout();
    const auto model = m_doc->model();
    if (!model)
        return;
    const std::string path = m_doc->modelPath().toStdString();
    const std::string cache =
        QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)).filePath(QStringLiteral("candidates")).toStdString();
    m_candidateProgress->setValue(0);
    m_candidateProgress->setVisible(true);
    const std::string imatrix = m_doc->imatrix() ? m_doc->imatrixPath().toStdString() : std::string();
    m_runner->start<std::shared_ptr<const CandidateTable>>(
        tr("Measuring candidate formats…"),
        [model, path, cache, imatrix](const ProgressFn& progress) {
            QDir().mkpath(QString::fromStdString(cache));
            const std::vector<TensorType> types = defaultCandidateTypes(!imatrix.empty());
            return std::make_shared<const CandidateTable>(
                loadOrBuildCandidateTable(*model, path, imatrix, types, cache, progress));
        },
        [this, model](JobResult<std::shared_ptr<const CandidateTable>> result) {
            m_candidateProgress->setVisible(false);
            if (model != m_doc->model())
                return;
            if (result.outcome != JobOutcome::Completed) {
                m_solverInfo->setText(result.outcome == JobOutcome::Failed
                                          ? tr("The budget solver is unavailable: %1").arg(result.error.detail)
                                          : tr("Measuring candidates was cancelled"));
                return;
            }
            m_table = *result.value;
            m_budget->setEnabled(true);
            m_target->setEnabled(true);
            m_solverInfo->setText(tr("Move the slider or type a target to let the solver choose every unpinned "
                                     "tensor's format."));
            calibrate();
            syncSliderToPlan();
            emit candidatesReady();
        });
}

uint64_t SchemePanel::budgetAtSlider(QString* label, std::string* english) const
{
    const auto [lo, hi] = bitsRange();
    const BudgetRange range = budgetRange(*m_table, m_doc->plan());
    const double bits = m_typedBits.value_or(bitsAtPosition(m_budget->value(), kSliderSteps, lo, hi));
    const uint64_t budget = std::clamp<uint64_t>(static_cast<uint64_t>(bits * static_cast<double>(range.elements) / 8.0),
                                                 range.minBytes, range.maxBytes);
    const PlanTotals totals = m_doc->totals();
    const uint64_t header = totals.fileBytes > totals.tensorBytes ? totals.fileBytes - totals.tensorBytes : 0;
    const bool bpw = m_budgetUnit->currentIndex() == 0;
    char text[64];
    if (bpw)
        std::snprintf(text, sizeof text, "budget %.2f bits/weight", bits);
    else
        std::snprintf(text, sizeof text, "budget %llu bytes", static_cast<unsigned long long>(budget + header));
    *english = text;
    *label = bpw ? tr("%1 bits/weight").arg(QLocale().toString(bits, 'f', 2)) : tr("%1 file").arg(formatBytes(budget + header));
    return budget;
}

void SchemePanel::syncTarget()
{
    if (!m_table)
        return;
    const auto [lo, hi] = bitsRange();
    const BudgetRange range = budgetRange(*m_table, m_doc->plan());
    const PlanTotals totals = m_doc->totals();
    const double header = totals.fileBytes > totals.tensorBytes ? double(totals.fileBytes - totals.tensorBytes) : 0.0;
    const double bits = m_typedBits.value_or(bitsAtPosition(m_budget->value(), kSliderSteps, lo, hi));
    const double n = static_cast<double>(range.elements);
    const QSignalBlocker block(m_target);
    if (m_budgetUnit->currentIndex() == 0) {
        m_target->setDecimals(2);
        m_target->setRange(lo, hi);
        m_target->setSingleStep(0.25);
        m_target->setSuffix(tr(" bits/weight"));
        m_target->setValue(bits);
    } else {
        m_target->setDecimals(3);
        m_target->setRange((lo * n / 8.0 + header) / kMiB, (hi * n / 8.0 + header) / kMiB);
        m_target->setSingleStep(0.1);
        m_target->setSuffix(tr(" MiB file"));
        m_target->setValue((bits * n / 8.0 + header) / kMiB);
    }
    QString label;
    std::string english;
    budgetAtSlider(&label, &english);
    m_budgetValue->setText(label);
}

void SchemePanel::syncSliderToPlan()
{
    if (!m_table)
        return;
    const auto [lo, hi] = bitsRange();
    const BudgetRange range = budgetRange(*m_table, m_doc->plan());
    const double n = static_cast<double>(range.elements);
    const double bits = n > 0 ? 8.0 * static_cast<double>(std::clamp(m_doc->totals().tensorBytes, range.minBytes,
                                                                     range.maxBytes)) / n : 0.0;
    const QSignalBlocker block(m_budget);
    m_budget->setValue(positionOfBits(bits, kSliderSteps, lo, hi));
    m_typedBits.reset();
    syncTarget();
}

void SchemePanel::solveNow()
{
    if (!m_table || !m_doc->model())
        return;
    QString label;
    std::string english;
    const uint64_t budget = budgetAtSlider(&label, &english);
    m_budgetValue->setText(label);
    const BudgetSolution s = solveBudget(*solverTable(), m_doc->plan(), budget, english);
    m_solving = true;
    m_doc->applySolverPlan(s.plan, tr("Budget %1").arg(label));
    m_solving = false;
    m_solverInfo->setText(s.result.feasible ? QString() : tr("The budget cannot be met: this is the smallest plan."));
    updateReadout();
}

const CandidateTable* SchemePanel::solverTable() const
{
    return m_calibrated ? m_calibrated.get() : m_table.get();
}

void SchemePanel::calibrate()
{
    m_calibrated.reset();
    const auto measured = m_sensitivity->result();
    if (m_table && measured && m_sensitivity->useInSolver()) {
        try {
            m_calibrated = std::make_shared<const CandidateTable>(calibrateLosses(*m_table, *measured));
            m_solverInfo->setText(tr("The solver now minimises measured KLD; move the slider to re-solve."));
        } catch (const Error& e) {
            m_solverInfo->setText(tr("Measured KLD cannot calibrate the solver: %1").arg(QString::fromUtf8(e.what())));
        }
    }
    // The scale of the readout: the same figure for Q8_0 everywhere and for Q4_K_M, on the table in use.
    m_lossQ8 = m_lossQ4KM = -1.0;
    if (const CandidateTable* table = solverTable(); table && m_doc->model()) {
        try {
            m_lossQ8 = planLoss(*table, planPure(*m_doc->model(), TensorType::Q8_0)).value_or(-1.0);
            m_lossQ4KM = planLoss(*table, planPreset(*m_doc->model(), Preset::Q4_K_M)).value_or(-1.0);
        } catch (const Error&) {
            // a model the presets cannot plan: the readout goes without its scale
        }
    }
    updateReadout();
}

void SchemePanel::updateReadout()
{
    const QLocale l;
    const PlanTotals totals = m_doc->totals();
    const QString now = tr("now %1 bits/weight, %2 file").arg(l.toString(totals.bitsPerWeight, 'f', 2), formatBytes(totals.fileBytes));
    const CandidateTable* table = solverTable();
    const std::optional<double> loss = table ? planLoss(*table, m_doc->plan()) : std::nullopt;
    const auto scale = [&](double v) { return v >= 0.0 ? l.toString(v, 'g', 3) : QStringLiteral("—"); };
    if (!m_doc->model()) {
        m_readout->clear();
    } else if (!loss) {
        m_readout->setText(table ? tr("The plan uses formats the solver does not predict (schemes): %1.").arg(now) : now);
    } else if (m_calibrated) {
        m_readout->setText(tr("Predicted KLD %1 nats per token (Q8_0 everywhere %2, Q4_K_M %3; each tensor's "
                              "measured KLD scaled to its format and summed) · %4")
                               .arg(l.toString(*loss, 'g', 3), scale(m_lossQ8), scale(m_lossQ4KM), now));
    } else {
        m_readout->setText(tr("Predicted loss %1 (Q8_0 everywhere %2, Q4_K_M %3: the squared round-trip error, "
                              "importance-weighted, summed; lower is better — measure sensitivity to predict KLD) · %4")
                               .arg(l.toString(*loss, 'g', 3), scale(m_lossQ8), scale(m_lossQ4KM), now));
    }
}

} // namespace qx::ui

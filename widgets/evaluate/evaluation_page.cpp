#include "evaluate/evaluation_page.h"

#include "evaluate/evaluate_panel.h"
#include "evaluate/runs_view.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace qx::ui {

EvaluationPage::EvaluationPage(QWidget* parent)
    : QWidget(parent)
    , m_panel(new EvaluatePanel(this))
    , m_runs(new RunsView(this))
{
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_panel);
    split->addWidget(m_runs);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    m_runs->setObjectName(QStringLiteral("runsView"));
    m_runs->setRunsModel(m_panel->runsModel());
    connect(m_runs, &RunsView::planRequested, this, &EvaluationPage::planRequested);
    connect(m_runs, &RunsView::runRequested, this, &EvaluationPage::runRequested);
}

RunsModel* EvaluationPage::runsModel() const
{
    return m_panel->runsModel();
}

void EvaluationPage::setModel(std::shared_ptr<const ModelFile> model)
{
    m_panel->setModel(std::move(model));
}

void EvaluationPage::setPlanProvider(std::function<Plan()> provider)
{
    m_panel->setPlanProvider(std::move(provider));
}

void EvaluationPage::setLabelProvider(std::function<QString()> provider)
{
    m_panel->setLabelProvider(std::move(provider));
}

void EvaluationPage::setSchemeProvider(std::function<SchemeChoices()> provider)
{
    m_panel->setSchemeProvider(std::move(provider));
}

void EvaluationPage::setCalibrationProvider(std::function<std::shared_ptr<const PlanCalibration>()> provider)
{
    m_panel->setCalibrationProvider(std::move(provider));
}

} // namespace qx::ui

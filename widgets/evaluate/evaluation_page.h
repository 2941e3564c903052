#pragma once
// The Evaluate tab: the Evaluate panel above the table of runs. The Trade-off chart (a tab of its own)
// shares the panel's RunsModel. A double click on a run asks for that run's plan (planRequested), which
// the main window loads into the plan document as one undoable edit.

#include "plan/plan.h"
#include "plan/plan_schemes.h"

#include <QWidget>

#include <functional>
#include <memory>

namespace qx {
struct ModelFile;
}

namespace qx::ui {

class EvaluatePanel;
struct PlanCalibration;
class RunsView;
class RunsModel;

class EvaluationPage : public QWidget {
    Q_OBJECT
public:
    explicit EvaluationPage(QWidget* parent = nullptr);

    void setModel(std::shared_ptr<const ModelFile> model);
    void setPlanProvider(std::function<Plan()> provider);
    /// Forwards to EvaluatePanel::setCalibrationProvider.
    void setCalibrationProvider(std::function<std::shared_ptr<const PlanCalibration>()> provider);
    /// Forwards to EvaluatePanel::setLabelProvider.
    void setLabelProvider(std::function<QString()> provider);
    /// Forwards to EvaluatePanel::setSchemeProvider.
    void setSchemeProvider(std::function<SchemeChoices()> provider);
    EvaluatePanel* panel() const { return m_panel; }
    RunsModel* runsModel() const;

signals:
    void planRequested(const qx::Plan& plan, const QString& label);
    /// Forwards RunsView::runRequested.
    void runRequested(int row);

private:
    EvaluatePanel* m_panel;
    RunsView* m_runs;
};

} // namespace qx::ui

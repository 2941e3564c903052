#pragma once
// The Runs view: the RunsModel as a sortable table (raw-number sorting), CSV export, and double-click to
// load a run's plan (planRequested).

#include "plan/plan.h"

#include <QWidget>

class QTableView;

namespace qx::ui {

class RunsModel;

class RunsView : public QWidget {
    Q_OBJECT
public:
    explicit RunsView(QWidget* parent = nullptr);
    /// The runs to list (not owned).
    void setRunsModel(RunsModel* model);

signals:
    void planRequested(const qx::Plan& plan, const QString& label);
    /// The same double click, as the run's row in the runs model (to load its schemes and weights too).
    void runRequested(int row);

private:
    RunsModel* m_model = nullptr;
    QTableView* m_table;
};

} // namespace qx::ui

#pragma once
// Every evaluation of a plan (EvaluatePanel) as a table: label, time, predicted file size, bits per weight,
// PPL ± uncertainty, baseline PPL, mean KLD ±, KLD 99th percentile, same-top %, ctx and chunks. DisplayRole is
// formatted text, SortRole the raw number. When a run's text does not fit the model, the baseline PPL says
// so next to the number (the reasons in its tooltip). The plan (with its schemes and calibrated weights) is kept with each
// run so a Runs row or a Trade-off point can load it back.

#include "eval/plan_eval.h"
#include "eval/text_fit.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace qx::ui {

struct PlanCalibration;

struct EvalRun {
    QString label;             ///< "Q4_K_M", "custom plan 3", …
    QDateTime time;
    bool isPreset = false;     ///< from "Evaluate presets"
    QString textFile;
    Plan plan;
    PlanEvaluation eval;
    QByteArray key;            ///< EvaluatePanel::planKey: plan + model + text + ctx + chunks
    SchemeChoices schemes;     ///< the plan's non-GGUF schemes, evaluated through their round trips
    std::shared_ptr<const PlanCalibration> calibration;  ///< calibrated weights evaluated with it, or null
    TextFit textFit;           ///< whether the text fits the model (judged on the F32 perplexity)
};

class RunsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Time, Size, BitsPerWeight, Ppl, PplBase, Kld, Kld99, SameTop, Ctx, Chunks, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit RunsModel(QObject* parent = nullptr);
    void addRun(EvalRun run);
    void clear();
    const std::vector<EvalRun>& runs() const { return m_runs; }
    /// Row of the run with this key, or -1.
    int findKey(const QByteArray& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void runAdded(int row);

private:
    QVariant display(const EvalRun& r, int column) const;
    QVariant raw(const EvalRun& r, int column) const;

    std::vector<EvalRun> m_runs;
};

/// Indices of the points on the Pareto front when both coordinates are to be minimised (no other point
/// is at least as good in both and better in one), ordered by x. Ties keep the first index.
std::vector<int> paretoFront(std::span<const std::pair<double, double>> points);

} // namespace qx::ui

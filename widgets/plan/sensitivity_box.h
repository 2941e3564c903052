#pragma once
// "Measure sensitivity" in the plan panel's budget box: the enable-one KLD (core/plan/sensitivity.h,
// measureEnableOne) of every quantizable tensor quantized alone to a chosen type — llama-quantize's fallback
// where the type cannot hold the rows — while all other weights stay F32. Measured on the first kTokens
// tokens (BOS first) of the evaluation text from Settings (evaluation/textFile), in sequences of kSeqLen.
// KLD is in nats, mean over the scored positions.
//
// Threading: the job runs on the box's own JobRunner (the panel's runner builds the candidate table and
// starting a job there would cancel it). A model change cancels the job and drops its result; results are
// cached per (model path, type, text file) for the session.

#include "io/tensor_type.h"
#include "plan/sensitivity.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace qx::ui {

class JobRunner;
class PlanDocument;

using MeasuredKlds = std::vector<MeasuredKld>;

class SensitivityBox : public QWidget {
    Q_OBJECT
public:
    static constexpr int64_t kTokens = 256;   ///< tokens of the text measured on (at most)
    static constexpr int64_t kSeqLen = 128;   ///< sequence length of the forward passes

    explicit SensitivityBox(PlanDocument* document, QWidget* parent = nullptr);
    ~SensitivityBox() override;

    /// Chooses the type measured (GGUF spelling); false when it is not offered.
    bool selectType(const QString& name);
    TensorType type() const;
    /// Overrides the text file (by default Settings' evaluation/textFile, read when measure() starts);
    /// an empty path returns to the default.
    void setTextFile(const QString& path);
    /// Starts the measurement for the current model, or answers at once from the cache.
    void measure();
    void cancel();
    /// Whether "Use measured KLD in the solver" is checked.
    bool useInSolver() const;
    void setUseInSolver(bool on);
    /// The measurement shown for the current model, or nullptr.
    std::shared_ptr<const MeasuredKlds> result() const { return m_result; }
    QString statusText() const;
    JobRunner* jobRunner() const { return m_runner; }

    /// First kTokens tokens of the text at `path` (BOS first), cut to a multiple of kSeqLen.
    static std::vector<int32_t> calibrationTokens(const ModelFile& model, const std::string& path);
    /// The types handed to measureEnableOne: `type`, then llama-quantize's fallbacks for the model's row
    /// widths it cannot hold (e.g. Q4_K, Q5_0, F16 on stories260K's 64- and 172-wide rows).
    static std::vector<TensorType> measuredTypes(const ModelFile& model, TensorType type);

signals:
    /// KLD per tensor name; an empty map when the measurement was dropped (model change).
    void measured(const std::unordered_map<std::string, double>& kld);
    void useInSolverChanged(bool on);

private:
    using CacheKey = std::tuple<std::string, int, std::string>;
    void modelChanged();
    void showResult(std::shared_ptr<const MeasuredKlds> result, const QString& textFile, bool cached);
    QString textFile() const;

    PlanDocument* m_doc;
    JobRunner* m_runner;
    QString m_textOverride;
    std::shared_ptr<const MeasuredKlds> m_result;
    std::map<CacheKey, std::shared_ptr<const MeasuredKlds>> m_cache;

    QComboBox* m_type = nullptr;
    QPushButton* m_measure = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QCheckBox* m_useInSolver = nullptr;
};

} // namespace qx::ui

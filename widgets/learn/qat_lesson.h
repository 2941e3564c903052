#pragma once
// Lesson "QAT live": fine-tunes a model trained by qexplore (the built-in demo model) with fake quantization
// and a straight-through estimator at 2, 3 and 4 bits, as a cancellable job with a loss chart that grows
// step by step, then compares held-out perplexity after post-training quantization (PTQ) and after QAT.
// Steps reach the UI thread as queued calls carrying plain values; the job itself runs on a JobRunner.

#include "learn/lesson.h"
#include "learn/lesson_qat.h"

#include <QElapsedTimer>

#include <optional>

class QChartView;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QValueAxis;

namespace qx::ui {

class JobRunner;
enum class JobOutcome;

class QatLesson : public Lesson {
    Q_OBJECT
public:
    explicit QatLesson(QWidget* parent = nullptr);
    ~QatLesson() override;
    QString lessonId() const override { return QStringLiteral("qat"); }
    QString title() const override { return tr("QAT live"); }
    /// A GGUF written by `qexplore-cli train` (empty: none; the lesson asks for the demo model).
    void setTrainedModelPath(const QString& path);
    QString trainedModelPath() const { return m_path; }
    void setOptions(const learn::QatLessonOptions& options) { m_options = options; }
    /// Starts (or restarts) the training job; cancel() stops it.
    void start();
    void cancel();
    JobRunner* runner() const { return m_runner; }
    /// The finished run's figures (nullopt until a run completes).
    const std::optional<learn::QatLessonResult>& result() const { return m_result; }
    /// Loss points received so far for run `index`.
    int pointsReceived(int index) const;

signals:
    void jobEnded(qx::ui::JobOutcome outcome);

protected:
    void recompute() override {}

private:
    void resetChart();
    void addPoint(int run, int64_t step, double loss);
    void showResult();

    QLabel* m_status = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    LessonChart* m_chart = nullptr;
    QValueAxis* m_axisX = nullptr;
    QValueAxis* m_axisY = nullptr;
    QList<QLineSeries*> m_series;
    QTableWidget* m_table = nullptr;
    JobRunner* m_runner = nullptr;
    QString m_path;
    learn::QatLessonOptions m_options;
    std::optional<learn::QatLessonResult> m_result;
    QElapsedTimer m_clock;  ///< since Train was pressed: the status line says how long the run took
    double m_lossLo = 0, m_lossHi = 0;
};

} // namespace qx::ui

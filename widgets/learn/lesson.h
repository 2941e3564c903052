#pragma once
// The base of every Learn lab lesson: a page that recomputes its figures whenever the lab hands it new
// data (the chosen tensor's values, or the built-in sample). Lessons call qx::learn / qx_core functions for
// every number they show and keep the last results for tests to read.

#include <QString>
#include <QWidget>

#include <cstdint>
#include <memory>
#include <vector>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QSpinBox;
class QVBoxLayout;

namespace qx::learn {
struct ActivationSet;
}

namespace qx::ui {

class LessonChart;

/// What a lesson works on: row-major values of a 2-D tensor (possibly its first rows only).
struct LessonData {
    QString tensorName;
    std::vector<float> values;
    int64_t rowLength = 0;
    int64_t totalRows = 0;   ///< rows of the whole tensor (values may hold fewer)
    bool isSample = true;    ///< the built-in heavy-tailed sample, not a model tensor
};

class Lesson : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    /// Stable identifier used by LearnLab::showLesson ("formats", "symmetric", ...).
    virtual QString lessonId() const = 0;
    /// Title for the lesson list.
    virtual QString title() const = 0;
    /// Recomputes everything for `data`.
    void setData(std::shared_ptr<const LessonData> data);
    const LessonData* data() const { return m_data.get(); }
    /// Hands over the loaded model's captured activations (nullptr: none, `note` says why); lessons that
    /// use them recompute.
    void setActivations(std::shared_ptr<const learn::ActivationSet> set, const QString& note);
    const learn::ActivationSet* activations() const { return m_activations.get(); }
    const QString& activationNote() const { return m_activationNote; }

protected:
    virtual void recompute() = 0;
    /// True for lessons built on captured activations (they recompute when those arrive).
    virtual bool usesActivations() const { return false; }
    /// A word-wrapped rich-text paragraph.
    static QLabel* makeText(const QString& html, QWidget* parent);

    // Builders: each adds one part to the lesson's column, in order, above a final stretch.
    /// The column itself (for parts the builders do not cover).
    QVBoxLayout* column();
    /// The heading and introduction (rich text).
    QLabel* addIntro(const QString& html);
    /// An empty rich-text paragraph, filled by recompute() (source line, results).
    QLabel* addParagraph();
    /// "label [spin box]", at its natural width; with `recomputes` the lesson recomputes on every change.
    QSpinBox* addSpinBox(const QString& label, int minimum, int maximum, int value, bool recomputes = true);
    /// A chart with its legend under it; call LessonChart::refresh() after filling it.
    LessonChart* addChart(int minimumHeight = 320);
    /// Any other widget.
    void addWidget(QWidget* widget);
    /// "tensor blk.0.attn_q.weight (64 × 64)" or "built-in sample" line.
    QString sourceLine() const;

private:
    QVBoxLayout* m_column = nullptr;
    std::shared_ptr<const LessonData> m_data;
    std::shared_ptr<const learn::ActivationSet> m_activations;
    QString m_activationNote;
};

/// A line through the bin counts of `values` over [lo, hi] (core Histogram); `peak` gets the largest count.
QLineSeries* histogramSeries(const std::vector<float>& values, double lo, double hi, int bins, const QString& name,
                             double& peak);
/// Removes every series and axis from `chart`.
void clearChart(QChart* chart);

/// Formats a number with `digits` significant digits in the UI locale.
QString num(double v, int digits = 4);

} // namespace qx::ui

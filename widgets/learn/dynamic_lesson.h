#pragma once
// Lesson "Dynamic vs static activation quantization": the loaded model's own activations entering one linear
// layer, per token. Dynamic int8 takes each token's absmax at run time; static int8 uses one range
// calibrated on other text. A chart of the per-token absmax against the static range, and both errors.

#include "learn/lesson.h"
#include "learn/lesson_calib.h"

class QChartView;
class QLabel;

namespace qx::ui {

class DynamicLesson : public Lesson {
    Q_OBJECT
public:
    explicit DynamicLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("dynamic"); }
    QString title() const override { return tr("Dynamic vs static activations"); }
    /// The layer whose input is shown (empty without activations).
    const std::string& layer() const { return m_layer; }
    const learn::ActQuantComparison& result() const { return m_result; }

protected:
    void recompute() override;
    bool usesActivations() const override { return true; }

private:
    void fillChart();

    QLabel* m_source = nullptr;
    QLabel* m_text = nullptr;
    LessonChart* m_chart = nullptr;
    std::string m_layer;
    learn::ActQuantComparison m_result;
};

/// "Activations entering blk.0.ffn_down.weight: 48 tokens of a calibration story, then 48 of an evaluation
/// story (stories260K)." — shared by the activation lessons.
QString activationSourceLine(const learn::ActivationSet& set, const std::string& layer);

} // namespace qx::ui

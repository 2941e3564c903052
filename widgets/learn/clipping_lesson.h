#pragma once
// Lesson "Clipping and calibration": one outlier stretches the grid; MSE against the clip ratio on the
// tensor with the ratios the percentile, MSE-search and KL calibrations choose.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QLabel;
class QSpinBox;
class QChartView;

namespace qx::ui {

class ClippingLesson : public Lesson {
    Q_OBJECT
public:
    explicit ClippingLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("clipping"); }
    QString title() const override { return tr("Clipping and calibration"); }
    static constexpr double kPercentile = 99.9;
    int bits() const;
    void setBits(int bits);
    const learn::OutlierDemo& outlier() const { return m_outlier; }
    const std::vector<learn::ClipPoint>& curve() const { return m_curve; }
    /// Percentile, MSE search, KL choices in that order.
    const std::vector<learn::ClipChoice>& choices() const { return m_choices; }

protected:
    void recompute() override;

private:
    QLabel* m_source = nullptr;
    QLabel* m_outlierText = nullptr;
    QLabel* m_choiceText = nullptr;
    QSpinBox* m_bits = nullptr;
    LessonChart* m_chart = nullptr;
    learn::OutlierDemo m_outlier;
    std::vector<learn::ClipPoint> m_curve;
    std::vector<learn::ClipChoice> m_choices;
};

} // namespace qx::ui

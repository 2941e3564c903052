#pragma once
// Lesson "Symmetric vs asymmetric": the classic worked examples and the tensor on a number line with the
// integer grid of both schemes at a chosen bit width.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QLabel;
class QSlider;
class QChartView;

namespace qx::ui {

class SymmetricLesson : public Lesson {
    Q_OBJECT
public:
    explicit SymmetricLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("symmetric"); }
    QString title() const override { return tr("Symmetric vs asymmetric"); }
    /// absmax 10.8, 8 bits, values {3.08, 3.02}.
    const learn::WorkedExample& symmetricExample() const { return m_sym; }
    /// range [−7.59, 10.8], 8 bits, values {−7.59, 0, 3.08, 10.8}.
    const learn::WorkedExample& asymmetricExample() const { return m_asym; }
    double sqnrSymmetric() const { return m_sqnrSym; }
    double sqnrAsymmetric() const { return m_sqnrAsym; }
    void setBits(int bits);

protected:
    void recompute() override;

private:
    void updateChart();

    QLabel* m_source = nullptr;
    QLabel* m_result = nullptr;
    QSlider* m_bits = nullptr;
    QLabel* m_bitsLabel = nullptr;
    QChartView* m_chart = nullptr;
    learn::WorkedExample m_sym, m_asym;
    double m_sqnrSym = 0, m_sqnrAsym = 0;
};

} // namespace qx::ui

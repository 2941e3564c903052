#pragma once
// Lesson "Symmetric vs asymmetric": the classic worked examples on the tensor's own numbers (its absmax, two
// of its weights that share a code, its range) and the tensor on a number line with the integer grid of both
// schemes at a chosen bit width.

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
    /// On the tensor: range ±absmax, 8 bits, two of its weights that share a code (learn::sameCodePair).
    const learn::WorkedExample& symmetricExample() const { return m_sym; }
    /// On the tensor: range [min, max], 8 bits, values {min, 0, the first of that pair, max}.
    const learn::WorkedExample& asymmetricExample() const { return m_asym; }
    double sqnrSymmetric() const { return m_sqnrSym; }
    double sqnrAsymmetric() const { return m_sqnrAsym; }
    void setBits(int bits);

protected:
    void recompute() override;

private:
    void updateChart();
    void updateExample();

    QLabel* m_example = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_result = nullptr;
    QSlider* m_bits = nullptr;
    QLabel* m_bitsLabel = nullptr;
    LessonChart* m_chart = nullptr;
    learn::WorkedExample m_sym, m_asym;
    double m_sqnrSym = 0, m_sqnrAsym = 0;
};

} // namespace qx::ui

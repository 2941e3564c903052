#pragma once
// Lesson "BitNet b1.58": absmean ternary quantization of the tensor, its error and size, and a dot
// product done with additions only.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QChartView;
class QLabel;

namespace qx::ui {

class BitNetLesson : public Lesson {
    Q_OBJECT
public:
    explicit BitNetLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("bitnet"); }
    QString title() const override { return tr("BitNet b1.58 (ternary)"); }
    const learn::TernaryResult& result() const { return m_result; }
    const learn::TernaryDot& dot() const { return m_dot; }

protected:
    void recompute() override;

private:
    void fillChart();

    QLabel* m_source = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_dotText = nullptr;
    LessonChart* m_chart = nullptr;
    learn::TernaryResult m_result;
    learn::TernaryDot m_dot;
};

} // namespace qx::ui

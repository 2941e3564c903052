#pragma once
// Lesson "NF4 and double quantization": NormalFloat levels vs uniform levels, their error on the tensor
// and the bits double quantization saves.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QChartView;
class QLabel;

namespace qx::ui {

class Nf4Lesson : public Lesson {
    Q_OBJECT
public:
    explicit Nf4Lesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("nf4"); }
    QString title() const override { return tr("NF4 and double quantization"); }
    const learn::Nf4Lesson& result() const { return m_result; }

protected:
    void recompute() override;

private:
    QLabel* m_source = nullptr;
    QLabel* m_text = nullptr;
    LessonChart* m_chart = nullptr;
    learn::Nf4Lesson m_result;
};

} // namespace qx::ui

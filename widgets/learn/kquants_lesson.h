#pragma once
// Lesson "GGUF k-quants anatomy": one Q4_K and one Q6_K super-block of the tensor (256 consecutive
// values) quantized exactly as llama.cpp does, decoded field by field, and the reconstruction.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QChartView;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace qx::ui {

class KQuantsLesson : public Lesson {
    Q_OBJECT
public:
    explicit KQuantsLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("kquants"); }
    QString title() const override { return tr("GGUF k-quants anatomy"); }
    void setBlock(int index);
    int block() const;
    const learn::Q4KAnatomy& q4k() const { return m_q4; }
    const learn::Q6KAnatomy& q6k() const { return m_q6; }

protected:
    void recompute() override;

private:
    void fillTables();
    void fillChart();

    QLabel* m_source = nullptr;
    QSpinBox* m_block = nullptr;
    QLabel* m_header = nullptr;
    QTableWidget* m_subBlocks = nullptr;
    QLabel* m_bytes = nullptr;
    QLabel* m_q6Text = nullptr;
    LessonChart* m_chart = nullptr;
    learn::Q4KAnatomy m_q4;
    learn::Q6KAnatomy m_q6;
};

} // namespace qx::ui

#pragma once
// Lesson "i-quants and ternary weights": how IQ2_XXS replaces per-weight bits with one codebook index on the
// E8 lattice per 8 weights (one group taken apart byte by byte), what the i-quants and K-quants keep of the
// tensor at their sizes, and how TQ1_0 packs five ternary digits into one byte — all on the tensor's own
// first 256-value blocks, quantized bit-exactly as llama.cpp does (core/learn/lesson_iquants.h).

#include "learn/lesson.h"
#include "learn/lesson_iquants.h"

class QLabel;
class QSpinBox;

namespace qx::ui {

class IquantsLesson : public Lesson {
    Q_OBJECT
public:
    explicit IquantsLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("iquants"); }
    QString title() const override { return tr("i-quants and ternary weights"); }
    const learn::IquantLessonResult& result() const { return m_result; }
    /// Shows group `index` (0..31) of the first IQ2_XXS block.
    void setGroup(int index);

protected:
    void recompute() override;

private:
    void fillGroup();
    void fillFigures();
    void fillTernary();
    void fillChart();

    QLabel* m_source = nullptr;
    QSpinBox* m_group = nullptr;
    QLabel* m_groupText = nullptr;
    QLabel* m_figures = nullptr;
    LessonChart* m_chart = nullptr;
    QLabel* m_ternary = nullptr;
    learn::IquantLessonResult m_result;
};

} // namespace qx::ui

#pragma once
// Lesson "Granularity": one scale per tensor, per row (channel) or per group of 32/64/128 values — the
// error each gives on the same tensor and the bits per weight its scales cost.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QChartView;
class QLabel;
class QSpinBox;
class QTableWidget;

namespace qx::ui {

class GranularityLesson : public Lesson {
    Q_OBJECT
public:
    explicit GranularityLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("granularity"); }
    QString title() const override { return tr("Granularity"); }
    void setBits(int bits);
    int bits() const;
    const std::vector<learn::GranularityRow>& rows() const { return m_rows; }

protected:
    void recompute() override;

private:
    QString rowName(const learn::GranularityRow& r) const;
    /// The chart's category label ("tensor", "channel", "g32").
    QString shortName(const learn::GranularityRow& r) const;

    QLabel* m_source = nullptr;
    QSpinBox* m_bits = nullptr;
    QTableWidget* m_table = nullptr;
    LessonChart* m_chart = nullptr;
    std::vector<learn::GranularityRow> m_rows;
};

} // namespace qx::ui

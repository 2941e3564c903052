#pragma once
// Lesson "Number formats": how FP32/FP16/BF16/FP8/INT8/INT4 store one value, and what a model costs.

#include "learn/lesson.h"
#include "learn/lesson_math.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace qx::ui {

class BitLayoutView;

class NumberFormatsLesson : public Lesson {
    Q_OBJECT
public:
    explicit NumberFormatsLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("formats"); }
    QString title() const override { return tr("Number formats"); }
    /// Shows `x` in every format.
    void setValue(float x);
    /// The encodings currently shown, in kNumberFormats order.
    const std::vector<learn::EncodedValue>& encodings() const { return m_encodings; }
    /// Range and spacing shown per format (kNumberFormats order).
    const std::vector<learn::FormatRange>& ranges() const { return m_ranges; }
    /// Bytes shown by the memory calculator, per format (kNumberFormats order).
    const std::vector<uint64_t>& memoryBytes() const { return m_memory; }
    /// Sets the calculator's parameter count in billions.
    void setBillions(double billions);

protected:
    void recompute() override;

private:
    void updateMemory();
    void updateRanges(float x, float absMax);
    float intAbsMax() const;

    QLabel* m_source = nullptr;
    QLineEdit* m_value = nullptr;
    QSpinBox* m_index = nullptr;
    QLabel* m_scaleNote = nullptr;
    BitLayoutView* m_bits = nullptr;
    QDoubleSpinBox* m_billions = nullptr;
    QTableWidget* m_memoryTable = nullptr;
    QTableWidget* m_rangeTable = nullptr;
    std::vector<learn::FormatRange> m_ranges;
    std::vector<learn::EncodedValue> m_encodings;
    std::vector<uint64_t> m_memory;
    float m_current = 3.14159f;
};

/// The display name of a format ("FP8 E4M3", ...); not translated (they are format names).
QString formatName(learn::NumberFormat f);

} // namespace qx::ui

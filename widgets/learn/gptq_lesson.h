#pragma once
// Lesson "GPTQ step by step": a 16 × 32 slice of a real weight (its input Hessian H = 2/n Σ x xᵀ from the
// model's captured activations) quantized one column at a time (Step / Run / Reset). Heatmaps of W, the
// working weights (quantized columns, then error-updated float columns), W minus them and H⁻¹; the final
// output error ‖WX − QX‖ against plain rounding on the same grid.

#include "learn/lesson.h"
#include "learn/lesson_calib.h"

#include <memory>

class QLabel;
class QPushButton;
class QSpinBox;

namespace qx::ui {

class HeatmapWidget;

class GptqLesson : public Lesson {
    Q_OBJECT
public:
    static constexpr int kRows = 16, kCols = 32;

    explicit GptqLesson(QWidget* parent = nullptr);
    ~GptqLesson() override;
    QString lessonId() const override { return QStringLiteral("gptq"); }
    QString title() const override { return tr("GPTQ step by step"); }
    void setBits(int bits);
    int bits() const;
    /// Quantizes the next column; Run = until the end; Reset = back to column 0.
    void step();
    void run();
    void reset();
    const std::string& layer() const { return m_layer; }
    const learn::GptqStepper* stepper() const { return m_stepper.get(); }
    /// ‖WX − QX‖ of the finished GPTQ slice and of round-to-nearest (0 until the last column is done).
    double errorGptq() const { return m_errGptq; }
    double errorRtn() const { return m_errRtn; }
    /// The quantization grid: uniform symmetric, one scale per row, bits().
    QuantGrid grid() const;

protected:
    void recompute() override;
    bool usesActivations() const override { return true; }

private:
    void setupMaps();
    void showState();

    QLabel* m_source = nullptr;
    QLabel* m_text = nullptr;
    QSpinBox* m_bits = nullptr;
    QPushButton* m_step = nullptr;
    QPushButton* m_run = nullptr;
    QPushButton* m_reset = nullptr;
    QWidget* m_maps = nullptr;
    HeatmapWidget* m_w = nullptr;
    HeatmapWidget* m_q = nullptr;
    HeatmapWidget* m_err = nullptr;
    HeatmapWidget* m_hinv = nullptr;
    std::string m_layer;
    std::unique_ptr<learn::GptqStepper> m_stepper;
    double m_errGptq = 0, m_errRtn = 0;
};

} // namespace qx::ui

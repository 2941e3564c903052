#pragma once
// Lesson "Outliers, LLM.int8, AWQ and SmoothQuant" on the captured input of one linear layer: a tokens ×
// channels heatmap of |x| with the channels holding |x| ≥ threshold (a multiple of the median channel's max |x|)
// marked; the LLM.int8 decomposition; the salient channels AWQ protects; SmoothQuant's per-channel migration of
// max|X| into max|W| (α slider).

#include "learn/lesson.h"
#include "learn/lesson_calib.h"

class QChartView;
class QDoubleSpinBox;
class QHBoxLayout;
class QLabel;
class QSlider;

namespace qx::ui {

class HeatmapWidget;

class OutliersLesson : public Lesson {
    Q_OBJECT
public:
    static constexpr int kChartChannels = 16;  ///< channels shown in the SmoothQuant charts (at most)
    static constexpr double kDefaultMultiple = 5.0;  ///< outlier threshold × the median channel's max |x|

    explicit OutliersLesson(QWidget* parent = nullptr);
    QString lessonId() const override { return QStringLiteral("outliers"); }
    QString title() const override { return tr("Outliers, LLM.int8, AWQ, SmoothQuant"); }
    /// The threshold as a multiple of the median over channels of max |x| (default kDefaultMultiple).
    void setThresholdMultiple(double multiple);
    double thresholdMultiple() const;
    /// The |x| threshold in use: thresholdMultiple() × that median on the lesson's layer.
    float threshold() const { return m_thresholdValue; }
    void setAlpha(double alpha);
    double alpha() const;
    const std::string& layer() const { return m_layer; }
    /// The weights reading the layer's input (the SmoothQuant group).
    const std::vector<std::string>& group() const { return m_group; }
    const learn::OutlierChannels& outliers() const { return m_outliers; }
    const learn::Int8Decomposition& decomposition() const { return m_int8; }
    const learn::SalientChannels& salient() const { return m_salient; }
    const learn::SmoothQuantDemo& smooth() const { return m_smooth; }
    /// The channels the SmoothQuant charts show, ascending: every channel the text names (outlier channels,
    /// AWQ's salient ones by activation and by weight), then those of largest max|X_j| up to kChartChannels.
    const std::vector<int64_t>& chartChannels() const { return m_chartChannels; }

protected:
    void recompute() override;
    bool usesActivations() const override { return true; }

private:
    QHBoxLayout* makeControls();
    void recomputeOutliers();
    void showSalient(const learn::ActivationMatrix& a, const WeightView& w);
    void recomputeSmooth();
    void chooseChartChannels();
    void fillSmoothChart(LessonChart* view, const std::vector<float>& x, const std::vector<float>& w,
                         const QString& title);

    QLabel* m_source = nullptr;
    QDoubleSpinBox* m_threshold = nullptr;
    QSlider* m_alpha = nullptr;
    QLabel* m_alphaLabel = nullptr;
    HeatmapWidget* m_map = nullptr;
    QLabel* m_int8Text = nullptr;
    QLabel* m_awqText = nullptr;
    QLabel* m_smoothText = nullptr;
    LessonChart* m_before = nullptr;
    LessonChart* m_after = nullptr;
    float m_thresholdValue = 0.0f;
    std::string m_layer;
    std::vector<std::string> m_group;
    learn::OutlierChannels m_outliers;
    learn::Int8Decomposition m_int8;
    learn::SalientChannels m_salient;
    learn::SmoothQuantDemo m_smooth;
    std::vector<int64_t> m_chartChannels;
};

} // namespace qx::ui

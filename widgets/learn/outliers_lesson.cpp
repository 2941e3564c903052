#include "learn/outliers_lesson.h"

#include "learn/dynamic_lesson.h"
#include "common/heatmap_widget.h"
#include "learn/lesson_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QCategoryAxis>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <cmath>

namespace qx::ui {

OutliersLesson::OutliersLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>Outliers, LLM.int8, AWQ and SmoothQuant</h2><p>In large language models a "
        "few <b>feature dimensions</b> (channels) of the activations carry values far larger than the rest, in "
        "almost every token. One int8 step per token must then cover the outlier, and every other channel loses "
        "precision. <b>LLM.int8</b> multiplies the outlier channels (any |x| ≥ 6 in models of several billion "
        "parameters) in FP16 and the rest in int8. A small model's activations live on another scale, so here the "
        "threshold is a multiple of the typical channel's largest |x| (the median over the channels): like 6 in a "
        "large model, it flags the few channels that stand out. "
        "<b>AWQ</b> notes that the weights meeting large activations matter most and protects them by scaling. "
        "<b>SmoothQuant</b> divides each activation channel by s<sub>j</sub> = max|X<sub>j</sub>|<sup>α</sup> / "
        "max|W<sub>j</sub>|<sup>1−α</sup> and multiplies the weights' column j by it: the product is unchanged, "
        "but the difficulty migrates from activations to weights.</p>"));
    m_source = addParagraph();
    column()->insertLayout(column()->count() - 1, makeControls());
    m_map = new HeatmapWidget(this);
    m_map->setMinimumHeight(280);
    addWidget(m_map);
    m_int8Text = addParagraph();
    m_awqText = addParagraph();
    m_before = addChart(300);
    m_after = addChart(300);
    m_smoothText = addParagraph();
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this] {
        if (m_layer.empty())
            return;
        recomputeOutliers();
        recomputeSmooth();   // the SmoothQuant charts show the outlier channels, which the threshold just changed
    });
    connect(m_alpha, &QSlider::valueChanged, this, [this] {
        if (!m_layer.empty())
            recomputeSmooth();
    });
}

QHBoxLayout* OutliersLesson::makeControls()
{
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Outlier threshold:"), this));
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("outlierMultiple"));
    m_threshold->setRange(1.0, 50.0);
    m_threshold->setDecimals(1);
    m_threshold->setSingleStep(0.5);
    m_threshold->setValue(kDefaultMultiple);
    m_threshold->setToolTip(tr("A channel is an outlier when it holds a |x| of at least this multiple of the median "
                               "over the channels of their largest |x|"));
    controls->addWidget(m_threshold);
    controls->addWidget(new QLabel(tr("× the median channel's max |x|"), this));
    controls->addSpacing(24);
    controls->addWidget(new QLabel(tr("SmoothQuant α:"), this));
    m_alpha = new QSlider(Qt::Horizontal, this);
    m_alpha->setRange(0, 100);
    m_alpha->setValue(50);
    m_alpha->setMinimumWidth(160);
    controls->addWidget(m_alpha);
    m_alphaLabel = new QLabel(this);
    controls->addWidget(m_alphaLabel);
    controls->addStretch(1);
    return controls;
}

void OutliersLesson::setThresholdMultiple(double multiple) { m_threshold->setValue(multiple); }
double OutliersLesson::thresholdMultiple() const { return m_threshold->value(); }
void OutliersLesson::setAlpha(double alpha) { m_alpha->setValue(static_cast<int>(std::lround(alpha * 100))); }
double OutliersLesson::alpha() const { return m_alpha->value() / 100.0; }

namespace {

// The weights that read the same input as `name` (q/k/v, gate/up), `name` first; or `name` alone.
std::vector<std::string> siblings(const learn::ActivationSet& set, const std::string& name)
{
    const std::string prefix = name.substr(0, name.find('.', 4) + 1);
    const std::vector<std::vector<std::string>> groups{{"attn_q.weight", "attn_k.weight", "attn_v.weight"},
                                                       {"ffn_gate.weight", "ffn_up.weight"}};
    for (const auto& parts : groups) {
        if (std::none_of(parts.begin(), parts.end(), [&](const std::string& p) { return prefix + p == name; }))
            continue;
        std::vector<std::string> out{name};
        for (const auto& p : parts)
            if (prefix + p != name && set.inputs.count(prefix + p))
                out.push_back(prefix + p);
        return out;
    }
    return {name};
}

} // namespace

void OutliersLesson::recompute()
{
    const learn::ActivationSet* set = activations();
    m_layer = set ? learn::activationLayer(*set, data()->tensorName.toStdString(), "blk.0.ffn_down.weight") : std::string();
    for (QWidget* w : std::initializer_list<QWidget*>{m_map, m_before, m_after})
        w->setVisible(!m_layer.empty());
    if (m_layer.empty()) {
        m_source->setText(activationNote());
        for (QLabel* l : {m_int8Text, m_awqText, m_smoothText})
            l->clear();
        return;
    }
    m_group = siblings(*set, m_layer);
    m_source->setText(activationSourceLine(*set, m_layer));
    recomputeOutliers();
    recomputeSmooth();
}

void OutliersLesson::recomputeOutliers()
{
    const learn::ActivationSet& set = *activations();
    const learn::ActivationMatrix& a = set.inputs.at(m_layer);
    const WeightView w = set.weights->tensor(m_layer);
    m_thresholdValue = learn::relativeOutlierThreshold(a, thresholdMultiple());
    const float t = m_thresholdValue;
    m_outliers = learn::outlierChannels(a, t);
    m_int8 = learn::llmInt8Decomposition(a, w, t);
    std::vector<float> absX(a.x.size());
    std::transform(a.x.begin(), a.x.end(), absX.begin(), [](float v) { return std::fabs(v); });
    m_map->setMatrix(tr("|x| per token (rows) and channel (columns); ticks mark channels with |x| ≥ %1").arg(num(t, 3)),
                     absX, static_cast<int>(a.rows), static_cast<int>(a.cols), HeatmapWidget::Scale::Sequential);
    QList<int> marks;
    for (int64_t c : m_outliers.channels)
        marks.append(static_cast<int>(c));
    m_map->setColumnMarks(marks, QColor(20, 20, 20));
    m_int8Text->setText(tr("<h3>LLM.int8 decomposition</h3><p>The median channel's largest |x| is %9, so the "
        "threshold %10 × %9 is |x| ≥ %3. %1 of %2 channels hold such a value (%4 values in all; the largest |x| is "
        "%5). LLM.int8 multiplies these %1 columns in FP16 and the other %6 in int8. Relative output error of "
        "X·Wᵀ: int8 everywhere <b>%7 %</b>, LLM.int8 <b>%8 %</b>.</p>")
        .arg(m_outliers.channels.size()).arg(a.cols).arg(num(t, 3)).arg(m_outliers.values)
        .arg(num(*std::max_element(m_outliers.maxAbs.begin(), m_outliers.maxAbs.end()), 4))
        .arg(a.cols - static_cast<int64_t>(m_outliers.channels.size()))
        .arg(num(100.0 * m_int8.relErrInt8, 3)).arg(num(100.0 * m_int8.relErrLlmInt8, 3))
        .arg(num(t / thresholdMultiple(), 3)).arg(num(thresholdMultiple(), 2)));
    if (m_outliers.channels.empty())
        m_int8Text->setText(m_int8Text->text() + tr("<p>No channel of this layer stands out that far: outlier "
            "features emerge in models of several billion parameters (Dettmers et al. saw them from about 6.7 B "
            "on). Lower the multiple to see the decomposition at work.</p>"));
    showSalient(a, w);
}

void OutliersLesson::showSalient(const learn::ActivationMatrix& a, const WeightView& w)
{
    QuantGrid grid;
    grid.uniform.bits = 3;
    grid.uniform.mode = UniformMode::SymmetricRestricted;
    grid.uniform.granularity = Granularity::PerChannel;
    m_salient = learn::salientChannels(a, w, 0.01, grid);
    QStringList act, wt;
    for (int64_t c : m_salient.byActivation)
        act << QString::number(c);
    for (int64_t c : m_salient.byWeight)
        wt << QString::number(c);
    m_awqText->setText(tr("<h3>Salient channels (AWQ)</h3><p>The 1 % of input channels with the largest mean |x| "
        "(channels %1) meet the largest activations. Quantizing the weight to INT3 (one scale per row) gives "
        "an output error ‖WX − QX‖ of %2; keeping just those weight columns in FP16 lowers it to <b>%3</b>, "
        "while keeping the same number of columns chosen by weight size (channels %4) gives %5. AWQ gets this "
        "effect without mixed precision by scaling the salient columns up before quantizing.</p>")
        .arg(act.join(QStringLiteral(", ")), num(m_salient.errNone, 4), num(m_salient.errKeepActivation, 4),
             wt.join(QStringLiteral(", ")), num(m_salient.errKeepWeight, 4)));
}

void OutliersLesson::recomputeSmooth()
{
    const learn::ActivationSet& set = *activations();
    std::vector<WeightView> views;
    for (const auto& n : m_group)
        views.push_back(set.weights->tensor(n));
    m_smooth = learn::smoothQuantDemo(set.inputs.at(m_layer), views, alpha());
    m_alphaLabel->setText(num(alpha(), 2));
    chooseChartChannels();
    fillSmoothChart(m_before, m_smooth.xMax, m_smooth.wMax, tr("Before: max|X_j| and max|W_j| per channel"));
    fillSmoothChart(m_after, m_smooth.xMaxAfter, m_smooth.wMaxAfter,
                    tr("After SmoothQuant (α = %1): max|X_j / s_j| and max|W_j · s_j|").arg(num(alpha(), 2)));
    QStringList names;
    for (const auto& n : m_group)
        names << QString::fromStdString(n);
    m_smoothText->setText(tr("<p>max|W_j| is taken over %1. With α = %2, the per-token int8 × per-row int8 (W8A8) "
        "relative output error of %3 goes from <b>%4 %</b> before to <b>%5 %</b> after the migration. %6</p>")
        .arg(names.join(QStringLiteral(", ")), num(alpha(), 2), names.front(),
             num(100.0 * m_smooth.relErrBefore, 3), num(100.0 * m_smooth.relErrAfter, 3),
             m_smooth.relErrAfter < m_smooth.relErrBefore
                 ? tr("The migration helps: the activations' large channels no longer set every token's step.")
                 : tr("Here the activations have no strong outlier channels, so the migration only moves error "
                      "into the weights; on large models with outliers it is what makes W8A8 work.")));
}

void OutliersLesson::chooseChartChannels()
{
    std::vector<int64_t> named(m_outliers.channels.begin(), m_outliers.channels.end());
    named.insert(named.end(), m_salient.byActivation.begin(), m_salient.byActivation.end());
    named.insert(named.end(), m_salient.byWeight.begin(), m_salient.byWeight.end());
    std::vector<int64_t> byMax(m_smooth.xMax.size());
    std::iota(byMax.begin(), byMax.end(), int64_t{0});
    std::stable_sort(byMax.begin(), byMax.end(), [this](int64_t a, int64_t b) {
        return m_smooth.xMax[static_cast<size_t>(a)] > m_smooth.xMax[static_cast<size_t>(b)];
    });
    named.insert(named.end(), byMax.begin(), byMax.end());
    m_chartChannels.clear();
    for (int64_t c : named)
        if (static_cast<int>(m_chartChannels.size()) < kChartChannels
            && std::find(m_chartChannels.begin(), m_chartChannels.end(), c) == m_chartChannels.end())
            m_chartChannels.push_back(c);
    std::sort(m_chartChannels.begin(), m_chartChannels.end());
}

void OutliersLesson::fillSmoothChart(LessonChart* view, const std::vector<float>& x, const std::vector<float>& w,
                                     const QString& title)
{
    QChart* chart = view->chart();
    clearChart(chart);
    chart->setTitle(title);
    double lo = 1e30, hi = 0;
    for (int64_t c : m_chartChannels) {
        const auto j = static_cast<size_t>(c);
        lo = std::min({lo, static_cast<double>(x[j]), static_cast<double>(w[j])});
        hi = std::max({hi, static_cast<double>(x[j]), static_cast<double>(w[j])});
    }
    // A log scale drawn by hand: each bar is log10 of its value above the power of ten below the smallest, and
    // the axis is labelled at the powers of ten (QLogValueAxis leaves its labels blank over many decades).
    const int bottom = static_cast<int>(std::floor(std::log10(std::max(1e-6, lo))));
    const int top = std::max(bottom + 1, static_cast<int>(std::ceil(std::log10(std::max(hi, 1e-6)))));
    const auto height = [bottom](float v) { return std::max(0.0, std::log10(std::max(1e-6, double(v))) - bottom); };
    auto* xs = new QBarSet(tr("max |X_j| (activations)"));
    auto* ws = new QBarSet(tr("max |W_j| (weights)"));
    QStringList cats;
    for (int64_t c : m_chartChannels) {
        xs->append(height(x[static_cast<size_t>(c)]));
        ws->append(height(w[static_cast<size_t>(c)]));
        cats << QString::number(c);
    }
    auto* series = new QBarSeries;
    series->append(xs);
    series->append(ws);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(cats);
    axisX->setTitleText(tr("channel j: those named above, then the largest max|X_j|"));
    auto* axisY = new QCategoryAxis;
    axisY->setProperty("qx_fixedTicks", true);
    axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axisY->setRange(0.0, top - bottom);
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    for (int k = bottom; k <= top; ++k)
        axisY->append(locale.toString(std::pow(10.0, k), 'g', 6), k - bottom);
    axisY->setTitleText(tr("max |·|, log"));
    chart->addSeries(series);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisX);
    series->attachAxis(axisY);
    view->refresh();
}

} // namespace qx::ui

#include "learn/bitnet_lesson.h"

#include "common/chart_util.h"
#include "learn/lesson_chart.h"

#include "common/format_text.h"
#include "io/tensor_type.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

BitNetLesson::BitNetLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>BitNet b1.58</h2><p>Every weight becomes −1, 0 or +1 times one scale γ, the "
        "mean absolute value of the tensor (<b>absmean</b>): q = clamp(round(x / γ), −1, 1). Three states carry "
        "log<sub>2</sub> 3 ≈ 1.58 bits. BitNet trains with this rule from the start; applied after training, as "
        "here, it shows how much information the weights lose.</p>"));
    m_source = addParagraph();
    m_text = addParagraph();
    m_chart = addChart(320);
    addIntro(tr("<h3>Multiplications become additions</h3><p>With ternary weights, w·x needs no "
        "multiplication per weight: add x where q = +1, subtract it where q = −1, skip it where q = 0, and multiply "
        "the sum by γ once.</p>"));
    m_dotText = addParagraph();
}

void BitNetLesson::recompute()
{
    const std::vector<float>& v = data()->values;
    m_source->setText(sourceLine());
    m_result = learn::ternaryAbsMean(v);
    const auto n = static_cast<double>(v.size());
    const auto bytes = [&](TensorType t) { return formatBytes(tensorBytes(t, v.size() - v.size() % 256).value_or(0)); };
    m_text->setText(tr("γ = %1. Codes: −1 for %2 %, 0 for %3 %, +1 for %4 % of the weights. SQNR %5 dB.<br>"
        "Size of these %6 weights: FP16 %7; ideal ternary %8 (1.58 bits); llama.cpp TQ1_0 %9, TQ2_0 %10 "
        "(whole 256-weight blocks).")
        .arg(num(m_result.gamma, 5)).arg(num(100.0 * static_cast<double>(m_result.minus) / n, 3))
        .arg(num(100.0 * static_cast<double>(m_result.zero) / n, 3)).arg(num(100.0 * static_cast<double>(m_result.plus) / n, 3))
        .arg(num(m_result.sqnrDb, 4)).arg(v.size()).arg(formatBytes(learn::weightBytes(v.size(), 16.0)))
        .arg(formatBytes(learn::weightBytes(v.size(), std::log2(3.0)))).arg(bytes(TensorType::TQ1_0)).arg(bytes(TensorType::TQ2_0)));
    fillChart();
    const auto row = static_cast<size_t>(data()->rowLength);
    const std::vector<float> x = learn::heavyTailedSample(1, data()->rowLength, 7);
    m_dot = learn::ternaryDot(std::span<const int8_t>(m_result.codes).first(row), m_result.gamma,
                              std::span<const float>(v).first(row), x);
    m_dotText->setText(tr("Row 0 of the tensor times a sample activation vector of %1 values: %2 additions, %3 "
        "subtractions, %4 skipped zeros and one multiplication by γ give %5; the full-precision weights give %6.")
        .arg(row).arg(m_dot.additions).arg(m_dot.subtractions).arg(m_dot.skipped).arg(num(m_dot.result, 5))
        .arg(num(m_dot.floatResult, 5)));
}

void BitNetLesson::fillChart()
{
    const std::vector<float>& v = data()->values;
    QChart* chart = m_chart->chart();
    clearChart(chart);
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    double peak = 1.0;
    QLineSeries* hist = histogramSeries(v, *mn, *mx, 120, tr("weights (count per bin)"), peak);
    auto* levels = new QScatterSeries;
    levels->setName(tr("ternary levels −γ, 0, +γ"));
    levels->setMarkerSize(12);
    for (int q = -1; q <= 1; ++q)
        levels->append(m_result.gamma * q, -0.1 * peak);
    QList<QXYSeries*> series{hist, levels};
    for (double t : {-m_result.threshold, m_result.threshold}) {
        auto* line = new QLineSeries;
        line->setName(t < 0 ? tr("rounding thresholds ±(γ + ε)/2") : QString());
        line->append(t, -0.2 * peak);
        line->append(t, 1.05 * peak);
        series.append(line);
    }
    QValueAxis* x = niceAxis();
    x->setTitleText(tr("weight value"));
    auto* y = new QCategoryAxis;
    y->setTitleText(tr("weights per bin"));
    y->setRange(-0.2 * peak, 1.05 * peak);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->append(tr("levels"), -0.1 * peak);
    appendRoundCounts(y, peak);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QXYSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    series.back()->setColor(series[2]->color());
    chart->legend()->markers(series.back()).first()->setVisible(false);
    m_chart->refresh();
}

} // namespace qx::ui

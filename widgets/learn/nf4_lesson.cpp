#include "learn/nf4_lesson.h"

#include "common/chart_util.h"
#include "learn/lesson_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QChartView>
#include <QLabel>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

namespace qx::ui {

Nf4Lesson::Nf4Lesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>NF4 and double quantization</h2><p>Trained weights are roughly normally "
        "distributed: most sit near zero. <b>NF4</b> (QLoRA) places its 16 levels at quantiles of a normal "
        "distribution, dense near zero and sparse in the tails, instead of evenly. Each block of 64 weights is "
        "divided by its absmax (an FP32 number: 32/64 = 0.5 bits per weight). <b>Double quantization</b> stores "
        "those absmax values themselves in 8 bits, with one FP32 scale per 256 of them.</p>"));
    m_source = addParagraph();
    m_chart = addChart(340);
    m_text = addParagraph();
}

void Nf4Lesson::recompute()
{
    m_source->setText(sourceLine());
    m_result = learn::nf4Lesson(data()->values);
    const auto& r = m_result;
    const uint64_t params = 70'000'000'000ULL;
    const double savedGb = static_cast<double>(learn::weightBytes(params, r.bitsNf4) - learn::weightBytes(params, r.bitsNf4Dq)) / 1e9;
    m_text->setText(tr("<table cellpadding=3><tr><th align=left>Block of 64, 4-bit codes</th><th>SQNR (dB)</th>"
        "<th>Bits per weight</th></tr><tr><td>uniform INT4 (absmax, FP32 scale)</td><td align=right>%1</td>"
        "<td align=right>%2</td></tr><tr><td>NF4</td><td align=right>%3</td><td align=right>%2</td></tr>"
        "<tr><td>NF4 + double quantization</td><td align=right>%4</td><td align=right>%5</td></tr></table>"
        "<p>Double quantization saves %6 bits per weight: %7 GB on a 70 B-parameter model.</p>")
        .arg(num(r.sqnrInt4, 4)).arg(num(r.bitsNf4, 5)).arg(num(r.sqnrNf4, 4)).arg(num(r.sqnrNf4Dq, 4))
        .arg(num(r.bitsNf4Dq, 5)).arg(num(r.bitsNf4 - r.bitsNf4Dq, 4)).arg(num(savedGb, 3)));
    QChart* chart = m_chart->chart();
    clearChart(chart);
    double peak = 1.0;
    QLineSeries* hist = histogramSeries(learn::normalizeByBlockAbsMax(data()->values, 64), -1.0, 1.0, 100,
                                        tr("weights ÷ their block's absmax (count per bin)"), peak);
    auto* nf4 = new QScatterSeries;
    nf4->setName(tr("NF4 levels (16)"));
    for (float l : r.nf4)
        nf4->append(l, -0.1 * peak);
    auto* uni = new QScatterSeries;
    uni->setName(tr("uniform INT4 levels (15)"));
    for (float l : r.uniform)
        uni->append(l, -0.22 * peak);
    QValueAxis* x = niceAxis();
    x->setTitleText(tr("value as a fraction of the block's absmax"));
    x->setRange(-1.05, 1.05);
    auto* y = new QCategoryAxis;
    y->setTitleText(tr("weights per bin"));
    y->setRange(-0.3 * peak, 1.05 * peak);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->append(tr("INT4"), -0.22 * peak);
    y->append(tr("NF4"), -0.1 * peak);
    appendRoundCounts(y, peak);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    nf4->setMarkerSize(10);
    uni->setMarkerSize(10);
    for (QXYSeries* s : std::initializer_list<QXYSeries*>{hist, nf4, uni}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    m_chart->refresh();
}

} // namespace qx::ui

#include "learn/clipping_lesson.h"

#include "learn/lesson_chart.h"

#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {

ClippingLesson::ClippingLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>Clipping and calibration</h2><p>Absmax scaling lets the single largest "
        "value decide the step Δ. One outlier therefore stretches the grid, and the bulk of the weights share a "
        "handful of levels. <b>Clipping</b> the range to c &lt; absmax saturates the few outliers but gives every "
        "other weight a finer grid. Calibration picks c: a <b>percentile</b> of |x|, the c with the lowest "
        "<b>MSE</b>, or the c whose histogram loses the least information (<b>KL divergence</b>, TensorRT's "
        "entropy calibration).</p>"));
    m_source = addParagraph();
    m_bits = addSpinBox(tr("Bits:"), 2, 8, 4);
    m_outlierText = addParagraph();
    m_chart = addChart(340);
    m_choiceText = addParagraph();
}

int ClippingLesson::bits() const { return m_bits->value(); }
void ClippingLesson::setBits(int bits) { m_bits->setValue(bits); }

namespace {

QLineSeries* markerLine(const QString& name, double ratio, double lo, double hi)
{
    auto* s = new QLineSeries;
    s->setName(name);
    s->append(ratio, lo);
    s->append(ratio, hi);
    return s;
}

} // namespace

void ClippingLesson::recompute()
{
    const std::vector<float>& v = data()->values;
    const int b = bits();
    m_source->setText(sourceLine());
    m_outlier = learn::outlierDemo(v, b, 10.0);
    m_outlierText->setText(tr("<b>One outlier, %1 bits, one scale per tensor.</b> As it is: Δ = %2, the weights "
        "use %3 levels, SQNR %4 dB. Add a single value 10 × absmax: Δ = %5, the same weights now use %6 levels, "
        "SQNR %7 dB.").arg(b).arg(num(m_outlier.stepClean)).arg(m_outlier.levelsClean).arg(num(m_outlier.sqnrClean, 3))
        .arg(num(m_outlier.stepOutlier)).arg(m_outlier.levelsOutlier).arg(num(m_outlier.sqnrOutlier, 3)));
    m_curve = learn::mseVsClipRatio(v, b, 0.05, 95);
    m_choices = {learn::clipChoice(v, b, ClipMethod::Percentile, kPercentile), learn::clipChoice(v, b, ClipMethod::MseSearch),
                 learn::clipChoice(v, b, ClipMethod::KlDivergence)};
    QChart* chart = m_chart->chart();
    clearChart(chart);
    auto* curve = new QLineSeries;
    curve->setName(tr("MSE at clip ratio c / absmax"));
    double hi = 0;
    for (const auto& p : m_curve) {
        if (p.mse > 0) {
            curve->append(p.ratio, p.mse);
            hi = std::max(hi, p.mse);
        }
    }
    const QStringList names{tr("Percentile %1 %").arg(num(kPercentile)), tr("MSE search"), tr("KL divergence")};
    QList<QAbstractSeries*> series{curve};
    for (int i = 0; i < 3; ++i)
        series.append(markerLine(names[i], m_choices[static_cast<size_t>(i)].ratio, 0.0, hi));
    auto* x = new QValueAxis;
    x->setTitleText(tr("clip ratio c / absmax"));
    x->setRange(0.0, 1.0);
    auto* y = new QValueAxis;
    y->setTitleText(tr("MSE (weight units²)"));
    y->setLabelFormat(QStringLiteral("%.1e"));
    y->setRange(0.0, std::min(hi, 4.0 * m_curve.front().mse) * 1.05);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    QString text = tr("<table cellpadding=3><tr><th align=left>Calibration</th><th>c / absmax</th><th>MSE</th>"
                      "<th>SQNR (dB)</th></tr>");
    for (int i = 0; i < 3; ++i) {
        const auto& c = m_choices[static_cast<size_t>(i)];
        text += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td></tr>")
                    .arg(names[i], num(c.ratio, 3), num(c.mse, 3), num(c.sqnrDb, 3));
    }
    m_choiceText->setText(text + QStringLiteral("</table>"));
    m_chart->refresh();
}

} // namespace qx::ui

#include "learn/symmetric_lesson.h"

#include "common/chart_util.h"
#include "learn/lesson_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QHBoxLayout>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSlider>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

SymmetricLesson::SymmetricLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>Symmetric (absmax) vs asymmetric (zero-point)</h2><p>Both map real numbers onto integer "
                "codes with one step Δ. <b>Symmetric</b> quantization centres the codes on 0 (range ±absmax), "
                "<b>asymmetric</b> quantization maps the range [min, max] onto them with a zero point z. The "
                "worked example below uses this tensor's own numbers.</p>"));
    m_example = addParagraph();
    m_source = addParagraph();
    m_bits = new QSlider(Qt::Horizontal, this);
    m_bits->setRange(2, 8);
    m_bits->setValue(3);
    m_bits->setTickPosition(QSlider::TicksBelow);
    auto* bitsRow = new QHBoxLayout;
    m_bitsLabel = new QLabel(this);
    bitsRow->addWidget(m_bitsLabel);
    bitsRow->addWidget(m_bits, 1);
    column()->insertLayout(column()->count() - 1, bitsRow);
    m_result = addParagraph();
    m_chart = addChart(340);
    connect(m_bits, &QSlider::valueChanged, this, &SymmetricLesson::updateChart);
}

void SymmetricLesson::setBits(int bits) { m_bits->setValue(bits); }

void SymmetricLesson::recompute()
{
    m_source->setText(sourceLine() + QLatin1Char(' ') +
                      tr("Below: the tensor's values (histogram) and the values each grid can represent."));
    updateExample();
    updateChart();
}

void SymmetricLesson::updateExample()
{
    // The classic example on the tensor: its absmax and range set the 8-bit steps; two of its weights share a
    // symmetric code (their difference is lost); min, 0, one of them and max go through the asymmetric grid.
    const std::vector<float>& v = data()->values;
    const auto [mnIt, mxIt] = std::minmax_element(v.begin(), v.end());
    const float mn = *mnIt, mx = *mxIt, absMax = std::max(std::fabs(mn), std::fabs(mx));
    const auto pair = learn::sameCodePair(v, -absMax, absMax, 8, UniformMode::SymmetricRestricted);
    const float a = pair ? pair->first : mx / 3.0f, b = pair ? pair->second : mx / 3.0f;
    m_sym = learn::workedExample(std::vector<float>{a, b}, -absMax, absMax, 8, UniformMode::SymmetricRestricted);
    m_asym = learn::workedExample(std::vector<float>{mn, 0.0f, a, mx}, mn, mx, 8, UniformMode::Asymmetric);
    const QString symmetric = pair
        ? tr("<p><b>Symmetric:</b> this tensor's absmax is %1, so with 8 bits Δ = %1 / 127 = %2. Two of its weights, "
             "%3 and %4, both become round(x / Δ) = <b>%5</b> and come back as %6: the difference between them is "
             "lost.</p>").arg(num(absMax, 5), num(m_sym.step, 5), num(a, 7), num(b, 7)).arg(m_sym.codes[0])
              .arg(num(m_sym.recon[0], 6))
        : tr("<p><b>Symmetric:</b> this tensor's absmax is %1, so with 8 bits Δ = %1 / 127 = %2. It has so few "
             "distinct values that each keeps a code of its own.</p>").arg(num(absMax, 5), num(m_sym.step, 5));
    m_example->setText(symmetric + tr(
        "<p><b>Asymmetric:</b> its range [min, max] = [%1, %2] is mapped onto the codes 0…255: "
        "Δ = (%2 − %1) / 255 = %3 and the zero point z = round(−min / Δ) = <b>%4</b> (%5 in the signed form "
        "code − 128). %1 → %6, 0 → %7, %8 → %9, %2 → %10. 0 is exact, and when the range is lopsided no code "
        "is wasted on the empty side of zero.</p>")
        .arg(num(mn, 5), num(mx, 5), num(m_asym.step, 5)).arg(m_asym.zeroPoint).arg(m_asym.zeroPoint - 128)
        .arg(m_asym.codes[0]).arg(m_asym.codes[1]).arg(num(a, 7)).arg(m_asym.codes[2]).arg(m_asym.codes[3]));
}

void SymmetricLesson::updateChart()
{
    if (!data())
        return;
    const std::vector<float>& v = data()->values;
    const int bits = m_bits->value();
    m_bitsLabel->setText(tr("Bits: %1").arg(bits));
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    const auto sym = learn::workedExample({}, *mn, *mx, bits, UniformMode::SymmetricRestricted);
    const auto asym = learn::workedExample({}, *mn, *mx, bits, UniformMode::Asymmetric);
    m_sqnrSym = learn::perTensorSqnr(v, bits, UniformMode::SymmetricRestricted);
    m_sqnrAsym = learn::perTensorSqnr(v, bits, UniformMode::Asymmetric);
    m_result->setText(tr("<b>%1 bits</b> on the tensor (one scale for the whole tensor): symmetric Δ = %2, "
                         "SQNR %3 dB; asymmetric Δ = %4, z = %5, SQNR %6 dB.")
                          .arg(bits).arg(num(sym.step)).arg(num(m_sqnrSym, 3)).arg(num(asym.step)).arg(asym.zeroPoint)
                          .arg(num(m_sqnrAsym, 3)));
    QChart* chart = m_chart->chart();
    clearChart(chart);
    double peak = 1.0;
    QLineSeries* hist = histogramSeries(v, *mn, *mx, 120, tr("Tensor values (count per bin)"), peak);
    auto grid = [&](const learn::WorkedExample& w, UniformMode mode, double y, const QString& name) {
        auto* s = new QScatterSeries;
        s->setName(name);
        s->setMarkerSize(bits <= 5 ? 9 : 5);
        for (float level : learn::gridLevels(w, bits, mode))
            s->append(level, y);
        return s;
    };
    const double top = static_cast<double>(peak);
    QList<QAbstractSeries*> series{hist, grid(sym, UniformMode::SymmetricRestricted, -0.1 * top, tr("Symmetric grid")),
                                   grid(asym, UniformMode::Asymmetric, -0.22 * top, tr("Asymmetric grid"))};
    QValueAxis* x = niceAxis();
    x->setTitleText(tr("weight value"));
    auto* y = new QCategoryAxis;
    y->setTitleText(tr("values per bin"));
    y->setRange(-0.3 * top, 1.05 * top);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->append(tr("asym. grid"), -0.22 * top);
    y->append(tr("sym. grid"), -0.1 * top);
    appendRoundCounts(y, top);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    const double pad = 0.05 * (static_cast<double>(*mx) - static_cast<double>(*mn));
    x->setRange(std::min<double>(*mn, sym.step * -((1 << (bits - 1)) - 1)) - pad, static_cast<double>(*mx) + pad);
    m_chart->refresh();
}

} // namespace qx::ui

#include "learn/symmetric_lesson.h"

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
    auto* layout = new QVBoxLayout(this);
    m_sym = learn::workedExample(std::vector<float>{3.08f, 3.02f}, -10.8f, 10.8f, 8, UniformMode::SymmetricRestricted);
    m_asym = learn::workedExample(std::vector<float>{-7.59f, 0.0f, 3.08f, 10.8f}, -7.59f, 10.8f, 8, UniformMode::Asymmetric);
    layout->addWidget(makeText(tr("<h2>Symmetric (absmax) vs asymmetric (zero-point)</h2>"
        "<p><b>Symmetric:</b> the range is ±absmax and the step is Δ = absmax / 127 for 8 bits. With absmax = 10.8, "
        "Δ = %1, so 3.08 → round(3.08 / Δ) = <b>%2</b> and 3.02 → <b>%3</b>: both come back as %4 — the "
        "difference between them is lost.</p>"
        "<p><b>Asymmetric:</b> the range [min, max] = [−7.59, 10.8] is mapped onto the codes 0…255: "
        "Δ = (10.8 + 7.59) / 255 = %5 and the zero point z = round(7.59 / Δ) = <b>%6</b> (%7 in the signed form "
        "code − 128). −7.59 → %8, 0 → %9, 3.08 → %10, 10.8 → %11. No code is wasted on the empty side of zero.</p>")
        .arg(num(m_sym.step, 5)).arg(m_sym.codes[0]).arg(m_sym.codes[1]).arg(num(m_sym.recon[0], 5))
        .arg(num(m_asym.step, 5)).arg(m_asym.zeroPoint).arg(m_asym.zeroPoint - 128)
        .arg(m_asym.codes[0]).arg(m_asym.codes[1]).arg(m_asym.codes[2]).arg(m_asym.codes[3]), this));
    m_source = makeText(QString(), this);
    layout->addWidget(m_source);
    m_bits = new QSlider(Qt::Horizontal, this);
    m_bits->setRange(2, 8);
    m_bits->setValue(3);
    m_bits->setTickPosition(QSlider::TicksBelow);
    auto* bitsRow = new QHBoxLayout;
    m_bitsLabel = new QLabel(this);
    bitsRow->addWidget(m_bitsLabel);
    bitsRow->addWidget(m_bits, 1);
    layout->addLayout(bitsRow);
    m_result = makeText(QString(), this);
    layout->addWidget(m_result);
    m_chart = makeChartView(this);
    m_chart->setMinimumHeight(340);
    layout->addWidget(m_chart);
    layout->addStretch(1);
    connect(m_bits, &QSlider::valueChanged, this, &SymmetricLesson::updateChart);
}

void SymmetricLesson::setBits(int bits) { m_bits->setValue(bits); }

void SymmetricLesson::recompute()
{
    m_source->setText(sourceLine() + QLatin1Char(' ') +
                      tr("Below: the tensor's values (histogram) and the values each grid can represent."));
    updateChart();
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
    auto* x = new QValueAxis;
    x->setTitleText(tr("weight value"));
    auto* y = new QCategoryAxis;
    y->setTitleText(tr("values per bin"));
    y->setRange(-0.3 * top, 1.05 * top);
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    y->append(tr("asym. grid"), -0.22 * top);
    y->append(tr("sym. grid"), -0.1 * top);
    for (int k = 0; k <= 4; ++k)
        y->append(QString::number(std::llround(top * k / 4.0)), top * k / 4.0);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    const double pad = 0.05 * (static_cast<double>(*mx) - static_cast<double>(*mn));
    x->setRange(std::min<double>(*mn, sym.step * -((1 << (bits - 1)) - 1)) - pad, static_cast<double>(*mx) + pad);
    x->setTickCount(9);
    x->setLabelFormat(QStringLiteral("%.3f"));
}

} // namespace qx::ui

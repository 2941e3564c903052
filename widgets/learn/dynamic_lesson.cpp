#include "learn/dynamic_lesson.h"

#include "learn/lesson_chart.h"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {

QString activationSourceLine(const learn::ActivationSet& set, const std::string& layer)
{
    return DynamicLesson::tr("Activations entering <b>%1</b> (%2 channels): %3 tokens of a calibration story, "
                             "then %3 tokens of an evaluation story, through the loaded model.")
        .arg(QString::fromStdString(layer).toHtmlEscaped())
        .arg(set.inputs.at(layer).cols)
        .arg(set.calibTokens);
}

DynamicLesson::DynamicLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>Dynamic vs static activation quantization</h2><p>Weights are known "
        "before inference; activations are not. <b>Dynamic</b> quantization measures each token's absmax at run "
        "time and gives every token its own int8 step (one extra max per token). <b>Static</b> quantization "
        "fixes one step in advance from <b>calibration</b> text and uses it for every token: no run-time "
        "statistics, but tokens with a small range get a coarse grid and tokens beyond the range are "
        "clipped.</p>"));
    m_source = addParagraph();
    m_chart = addChart(340);
    m_text = addParagraph();
}

void DynamicLesson::recompute()
{
    const learn::ActivationSet* set = activations();
    const std::string tensor = data()->tensorName.toStdString();
    m_layer = set ? learn::activationLayer(*set, tensor, "blk.0.ffn_down.weight") : std::string();
    m_chart->setVisible(!m_layer.empty());
    if (m_layer.empty()) {
        m_source->setText(activationNote());
        m_text->clear();
        return;
    }
    m_source->setText(activationSourceLine(*set, m_layer));
    m_result = learn::dynamicVsStatic(set->inputs.at(m_layer), set->calibTokens);
    const auto& r = m_result;
    m_text->setText(tr("<table cellpadding=3><tr><th align=left>int8 on the evaluation tokens</th>"
        "<th>step Δ</th><th>SQNR (dB)</th><th>MSE</th></tr>"
        "<tr><td>dynamic (per-token absmax)</td><td align=right>per token</td><td align=right>%1</td>"
        "<td align=right>%2</td></tr><tr><td>static (calibrated absmax %3)</td><td align=right>%4</td>"
        "<td align=right>%5</td><td align=right>%6</td></tr></table>"
        "<p>%7 evaluation values lie beyond the static range and are clipped. %8</p>")
        .arg(num(r.sqnrDynamic, 4)).arg(num(r.mseDynamic, 3)).arg(num(r.staticAbsMax, 4))
        .arg(num(r.staticAbsMax / 127.0, 3)).arg(num(r.sqnrStatic, 4)).arg(num(r.mseStatic, 3)).arg(r.clipped)
        .arg(r.sqnrDynamic >= r.sqnrStatic
                 ? tr("Dynamic quantization wins by %1 dB here: most tokens use only part of the calibrated range, "
                      "and each gets a finer step of its own.").arg(num(r.sqnrDynamic - r.sqnrStatic, 3))
                 : tr("Static quantization wins by %1 dB here: the calibrated range fits these tokens well.")
                       .arg(num(r.sqnrStatic - r.sqnrDynamic, 3))));
    fillChart();
}

void DynamicLesson::fillChart()
{
    QChart* chart = m_chart->chart();
    clearChart(chart);
    const auto& r = m_result;
    const auto n = static_cast<int64_t>(r.tokenAbsMax.size());
    const int64_t calib = activations()->calibTokens;
    auto* calibSeries = new QLineSeries;
    calibSeries->setName(tr("per-token absmax, calibration story"));
    auto* evalSeries = new QLineSeries;
    evalSeries->setName(tr("per-token absmax, evaluation story (dynamic ranges)"));
    for (int64_t t = 0; t < n; ++t)
        (t < calib ? calibSeries : evalSeries)->append(static_cast<double>(t), r.tokenAbsMax[static_cast<size_t>(t)]);
    auto* staticLine = new QLineSeries;
    staticLine->setName(tr("static range (max over the calibration story)"));
    staticLine->append(0, r.staticAbsMax);
    staticLine->append(static_cast<double>(n - 1), r.staticAbsMax);
    QPen pen(QColor(200, 30, 30));
    pen.setWidth(2);
    pen.setStyle(Qt::DashLine);
    staticLine->setPen(pen);
    auto* x = new QValueAxis;
    x->setTitleText(tr("token position"));
    x->setRange(0, static_cast<double>(n - 1));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(16);
    auto* y = new QValueAxis;
    y->setTitleText(tr("max |x| over the channels"));
    const float top = *std::max_element(r.tokenAbsMax.begin(), r.tokenAbsMax.end());
    y->setRange(0.0, 1.1 * std::max(top, r.staticAbsMax));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {calibSeries, evalSeries, staticLine}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    m_chart->refresh();
}

} // namespace qx::ui

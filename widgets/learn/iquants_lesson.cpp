#include "learn/iquants_lesson.h"

#include "learn/lesson_chart.h"

#include "io/tensor_type.h"

#include <QChart>
#include <QLabel>
#include <QScatterSeries>
#include <QSpinBox>
#include <QValueAxis>

#include <algorithm>

namespace qx::ui {
namespace {

QString typeName(TensorType type)
{
    const std::string_view n = tensorTypeName(type);
    return QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
}

bool isTernary(TensorType t) { return t == TensorType::TQ1_0 || t == TensorType::TQ2_0; }
bool isKQuant(TensorType t) { return t == TensorType::Q2_K || t == TensorType::Q3_K; }

} // namespace

IquantsLesson::IquantsLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>i-quants and ternary weights</h2><p>A K-quant spends a fixed number of bits on every "
        "weight. IQ2_XXS spends them on <b>groups of 8 weights</b> instead: their magnitudes become one 8-bit "
        "index into a codebook of 256 points of the <b>E8 lattice</b> (every coordinate 8, 25 or 43 times the "
        "scale, the points chosen so the grid covers the 8-dimensional space evenly), and their signs 7 bits — "
        "the 8th follows from parity, because E8 points have an even number of minus signs. With a 4-bit scale "
        "per 32 weights and one F16 scale per 256, that is 2.0625 bits per weight: an index chooses one of "
        "256 × 128 patterns for 8 weights where 2 bits each could only give 4<sup>8</sup> levels without any "
        "scale. IQ3_XXS does the same with 4-weight groups and 8 magnitudes; the quantizer searches the "
        "codebook for the point nearest to each group, weighted by the importance matrix when there is one.</p>"));
    m_source = addParagraph();
    m_group = addSpinBox(tr("Group of block 0:"), 0, 31, 0, false);
    connect(m_group, &QSpinBox::valueChanged, this, [this] {
        if (m_result.blocks == 0)
            return;
        m_result.group = learn::iquantLesson(data()->values, 1, m_group->value()).group;   // block 0 alone
        fillGroup();
    });
    m_groupText = addParagraph();
    addIntro(tr("<h3>What each type keeps of this tensor</h3>"));
    m_figures = addParagraph();
    m_chart = addChart(300);
    addIntro(tr("<h3>Ternary weights in base 3</h3><p>TQ1_0 and TQ2_0 store each weight as −1, 0 or +1 "
        "times one F16 scale per 256 weights. TQ2_0 spends 2 bits per digit (2.0625 bits per weight); TQ1_0 "
        "packs <b>five digits into one byte</b>, since 3<sup>5</sup> = 243 ≤ 256: the digits are read as a "
        "base-3 number n (0 … 242) and the byte stores ⌈n · 256 / 243⌉, so multiplying by 3 and keeping the "
        "high byte returns one digit after the other — 1.6 bits per digit, 1.6875 bits per weight with the "
        "scale.</p>"));
    m_ternary = addParagraph();
}

void IquantsLesson::setGroup(int index)
{
    m_group->setValue(index);
}

void IquantsLesson::recompute()
{
    m_source->setText(sourceLine());
    if (data()->values.size() < 256) {
        m_result = {};
        m_groupText->setText(tr("This tensor has fewer than 256 values: no i-quant block fits."));
        m_figures->clear();
        m_ternary->clear();
        clearChart(m_chart->chart());
        return;
    }
    m_result = learn::iquantLesson(data()->values, 64, m_group->value());
    fillGroup();
    fillFigures();
    fillChart();
    fillTernary();
}

void IquantsLesson::fillGroup()
{
    const learn::CodebookGroup& g = m_result.group;
    QString rows;
    for (int j = 0; j < 8; ++j)
        rows += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=center>%4</td>"
                               "<td align=right>%5</td></tr>")
                    .arg(8 * m_group->value() + j).arg(num(g.original[j], 4)).arg(g.magnitudes[j])
                    .arg((g.signs >> j) & 1 ? QStringLiteral("−") : QStringLiteral("+")).arg(num(g.decoded[j], 4));
    m_groupText->setText(tr("Stored for these 8 weights: codebook row <b>%1</b> (8 bits) and the signs %2 (7 bits "
        "stored, the 8th by parity); their 32-weight sub-block has the scale code %3, so one magnitude unit is "
        "%4.<table cellspacing=6><tr><th>weight</th><th>value</th><th>codebook</th><th>sign</th>"
        "<th>decoded</th></tr>%5</table>")
        .arg(g.gridIndex).arg(QString::number(g.signs, 2).rightJustified(8, QLatin1Char('0')))
        .arg(g.scaleCode).arg(num(g.scale, 4)).arg(rows));
}

void IquantsLesson::fillFigures()
{
    QString rows;
    int used = 0;
    for (const learn::IquantFigure& f : m_result.figures) {
        rows += QStringLiteral("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td></tr>")
                    .arg(typeName(f.type)).arg(num(f.bitsPerWeight, 5)).arg(num(f.sqnrDb, 3));
        used = std::max(used, f.codebookRowsUsed);
    }
    m_figures->setText(tr("The first %1 blocks of 256 values, quantized as llama.cpp does (uniform importance). "
        "IQ2_XXS uses %2 of its 256 codebook rows here.<table cellspacing=6><tr><th>type</th><th>bits/weight</th>"
        "<th>SQNR dB</th></tr>%3</table>").arg(m_result.blocks).arg(used).arg(rows));
}

void IquantsLesson::fillChart()
{
    QChart* chart = m_chart->chart();
    clearChart(chart);
    auto* iq = new QScatterSeries;
    iq->setName(tr("i-quants (codebooks)"));
    auto* tq = new QScatterSeries;
    tq->setName(tr("ternary TQ1_0, TQ2_0"));
    auto* kq = new QScatterSeries;
    kq->setName(tr("K-quants Q2_K, Q3_K"));
    double top = 1.0;
    for (const learn::IquantFigure& f : m_result.figures) {
        QScatterSeries* s = isTernary(f.type) ? tq : isKQuant(f.type) ? kq : iq;
        s->append(f.bitsPerWeight, f.sqnrDb);
        top = std::max(top, f.sqnrDb);
    }
    auto* x = new QValueAxis;
    x->setTitleText(tr("bits per weight"));
    x->setRange(1.25, 3.75);
    auto* y = new QValueAxis;
    y->setTitleText(tr("SQNR (dB)"));
    y->setRange(0.0, top * 1.1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QScatterSeries* s : {iq, tq, kq}) {
        s->setMarkerSize(11);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    m_chart->refresh();
}

void IquantsLesson::fillTernary()
{
    const learn::TernaryByte& t = m_result.ternary;
    QStringList digits, weights;
    for (int i = 0; i < 5; ++i) {
        digits << QString::number(t.trits[i] + 1);
        weights << num(t.original[i], 4);
    }
    m_ternary->setText(tr("Byte 0 of the first TQ1_0 block holds weights 0, 32, 64, 96 and 128 (%1). With the "
        "scale d = %2 they become the digits %3 (−1, 0, +1 stored as 0, 1, 2), the base-3 number %4, and the "
        "byte %5 = ⌈%4 · 256 / 243⌉.")
        .arg(weights.join(QStringLiteral(", "))).arg(num(t.scale, 4)).arg(digits.join(QStringLiteral(" ")))
        .arg(t.base3).arg(t.stored));
}

} // namespace qx::ui

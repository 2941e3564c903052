#include "learn/kquants_lesson.h"

#include "common/chart_util.h"
#include "learn/lesson_chart.h"

#include "common/half.h"
#include "io/tensor_type.h"

#include <QChart>
#include <QChartView>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {

namespace {

constexpr int kShown = 64;

double blockBits(TensorType t) { return static_cast<double>(tensorBytes(t, 256).value_or(0)) * 8.0 / 256.0; }

QString hexBytes(const uint8_t* p, int n)
{
    QStringList parts;
    for (int i = 0; i < n; ++i)
        parts << QStringLiteral("%1").arg(p[i], 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(' '));
}

} // namespace

KQuantsLesson::KQuantsLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>GGUF k-quants anatomy</h2><p>A <b>Q4_K</b> super-block holds 256 weights in "
        "144 bytes: an FP16 scale <b>d</b> and an FP16 <b>dmin</b>, twelve bytes packing eight 6-bit sub-block scales "
        "and eight 6-bit mins, and 128 bytes of 4-bit codes. Weight i of sub-block j (32 weights) is "
        "d·scale<sub>j</sub>·q − dmin·min<sub>j</sub>. The sub-block scales are themselves quantized against d: "
        "that is the saving — %1 bits per weight, where storing an FP16 scale and min for every 32 weights "
        "(Q4_1) costs %2. <b>Q6_K</b> uses 6-bit codes, sixteen 8-bit scales and one FP16 d: %3 bits per weight.</p>")
        .arg(num(blockBits(TensorType::Q4_K))).arg(num(blockBits(TensorType::Q4_1)))
        .arg(num(blockBits(TensorType::Q6_K))));
    m_source = addParagraph();
    m_block = addSpinBox(tr("Super-block (256 consecutive weights):"), 0, 0, 0);
    m_header = addParagraph();
    m_subBlocks = new QTableWidget(8, 5, this);
    m_subBlocks->setHorizontalHeaderLabels({tr("6-bit scale"), tr("6-bit min"), tr("d · scale"), tr("dmin · min"),
                                            tr("codes used (0–15)")});
    m_subBlocks->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_subBlocks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_subBlocks->setMinimumHeight(290);
    addWidget(m_subBlocks);
    m_bytes = addParagraph();
    m_chart = addChart(320);
    m_q6Text = addParagraph();
}

void KQuantsLesson::setBlock(int index) { m_block->setValue(index); }
int KQuantsLesson::block() const { return m_block->value(); }

void KQuantsLesson::recompute()
{
    const std::vector<float>& v = data()->values;
    const int blocks = static_cast<int>(v.size() / 256);
    m_source->setText(sourceLine());
    if (blocks == 0)
        return;
    {
        const QSignalBlocker block(m_block);
        m_block->setRange(0, blocks - 1);
    }
    const std::span<const float> x = std::span<const float>(v).subspan(static_cast<size_t>(block()) * 256, 256);
    m_q4 = learn::q4kAnatomy(x);
    m_q6 = learn::q6kAnatomy(x);
    fillTables();
    fillChart();
}

void KQuantsLesson::fillTables()
{
    m_header->setText(tr("<b>Q4_K header:</b> d = 0x%1 = %2, dmin = 0x%3 = %4. Reconstruction SQNR %5 dB.")
                          .arg(m_q4.block.d, 4, 16, QLatin1Char('0')).arg(num(m_q4.d, 6))
                          .arg(m_q4.block.dmin, 4, 16, QLatin1Char('0')).arg(num(m_q4.dmin, 6)).arg(num(m_q4.sqnrDb, 4)));
    for (int j = 0; j < 8; ++j) {
        const auto sj = static_cast<size_t>(j);
        const auto [lo, hi] = std::minmax_element(m_q4.q.begin() + j * 32, m_q4.q.begin() + j * 32 + 32);
        const QStringList cells{QString::number(m_q4.scales[sj]), QString::number(m_q4.mins[sj]),
                                num(m_q4.d * m_q4.scales[sj], 5), num(m_q4.dmin * m_q4.mins[sj], 5),
                                tr("%1 … %2").arg(*lo).arg(*hi)};
        for (int c = 0; c < cells.size(); ++c)
            m_subBlocks->setItem(j, c, new QTableWidgetItem(cells[c]));
    }
    m_subBlocks->setVerticalHeaderLabels({tr("sub-block 0"), tr("sub-block 1"), tr("sub-block 2"), tr("sub-block 3"),
                                          tr("sub-block 4"), tr("sub-block 5"), tr("sub-block 6"), tr("sub-block 7")});
    m_bytes->setText(tr("<b>Bytes 4–15</b> (scales and mins; sub-blocks 4–7 borrow the top two bits of bytes 4–11): "
                        "<tt>%1</tt><br><b>Bytes 16–31</b> (first codes; low nibble = weight i, high nibble = weight "
                        "i + 32): <tt>%2</tt>").arg(hexBytes(m_q4.block.scales, 12), hexBytes(m_q4.block.qs, 16)));
    QStringList scales;
    for (int8_t s : m_q6.scales)
        scales << QString::number(s);
    m_q6Text->setText(tr("<b>Q6_K of the same weights:</b> d = %1, sixteen 8-bit scales (one per 16 weights): %2. "
                         "Codes −32…31. Reconstruction SQNR %3 dB.")
                          .arg(num(m_q6.d, 6)).arg(scales.join(QStringLiteral(", "))).arg(num(m_q6.sqnrDb, 4)));
}

void KQuantsLesson::fillChart()
{
    QChart* chart = m_chart->chart();
    clearChart(chart);
    auto* orig = new QLineSeries;
    orig->setName(tr("original"));
    auto* q4 = new QLineSeries;
    q4->setName(tr("Q4_K reconstruction"));
    auto* q6 = new QLineSeries;
    q6->setName(tr("Q6_K reconstruction"));
    orig->setPen(QPen(orig->pen().color(), 3));
    for (int i = 0; i < kShown; ++i) {
        orig->append(i, m_q4.original[static_cast<size_t>(i)]);
        q4->append(i, m_q4.recon[static_cast<size_t>(i)]);
        q6->append(i, m_q6.recon[static_cast<size_t>(i)]);
    }
    auto* x = new QValueAxis;
    x->setTitleText(tr("weight index (sub-blocks 0 and 1 of the super-block)"));
    x->setRange(0, kShown - 1);
    x->setTickCount(8);
    x->setLabelFormat(QStringLiteral("%.0f"));
    QValueAxis* y = niceAxis();
    y->setTitleText(tr("weight value"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : {orig, q6, q4}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    m_chart->refresh();
}

} // namespace qx::ui

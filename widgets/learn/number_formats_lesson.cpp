#include "learn/number_formats_lesson.h"

#include "learn/bit_layout_view.h"

#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace qx::ui {

QString formatName(learn::NumberFormat f)
{
    switch (f) {
    case learn::NumberFormat::Fp32: return QStringLiteral("FP32");
    case learn::NumberFormat::Fp16: return QStringLiteral("FP16");
    case learn::NumberFormat::Bf16: return QStringLiteral("BF16");
    case learn::NumberFormat::Fp8E4M3: return QStringLiteral("FP8 E4M3");
    case learn::NumberFormat::Fp8E5M2: return QStringLiteral("FP8 E5M2");
    case learn::NumberFormat::Int8: return QStringLiteral("INT8");
    case learn::NumberFormat::Int4: return QStringLiteral("INT4");
    }
    return {};
}

NumberFormatsLesson::NumberFormatsLesson(QWidget* parent) : Lesson(parent)
{
    addIntro(tr("<h2>Number formats</h2><p>A floating-point number stores a <b>sign</b>, an "
                                  "<b>exponent</b> (the power of two, i.e. the range) and a <b>mantissa</b> (the "
                                  "digits, i.e. the precision). Fewer exponent bits shrink the range; fewer mantissa "
                                  "bits widen the gaps between neighbouring values. Integers have no exponent: INT8 "
                                  "and INT4 store a code q, and the value is Δ·q with one scale Δ shared by many "
                                  "weights.</p>"));
    m_source = addParagraph();
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    m_value = new QLineEdit(this);
    m_value->setValidator(new QDoubleValidator(m_value));
    m_index = new QSpinBox(this);
    form->addRow(tr("Value to store:"), m_value);
    form->addRow(tr("…or pick weight number:"), m_index);
    column()->insertLayout(column()->count() - 1, form);
    m_scaleNote = addParagraph();
    m_bits = new BitLayoutView(this);
    addWidget(m_bits);
    addIntro(tr("<h3>Range and precision</h3><p>The largest value each format holds, the "
                                  "smallest step away from zero, and the gap to the next representable value "
                                  "at the value above: the rounding error is at most half that gap.</p>"));
    m_rangeTable = new QTableWidget(0, 4, this);
    m_rangeTable->setHorizontalHeaderLabels({tr("Format"), tr("Largest value"), tr("Smallest positive value"),
                                             tr("Spacing at this value")});
    m_rangeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_rangeTable->verticalHeader()->hide();
    m_rangeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rangeTable->setMinimumHeight(235);
    m_rangeTable->setMaximumHeight(235);
    addWidget(m_rangeTable);
    addIntro(tr("<h3>Memory calculator</h3><p>Weights alone need parameters × bits ÷ 8 "
                                  "bytes (1 GB = 10<sup>9</sup> bytes).</p>"));
    m_billions = new QDoubleSpinBox(this);
    m_billions->setRange(0.001, 2000.0);
    m_billions->setDecimals(3);
    m_billions->setValue(70.0);
    m_billions->setSuffix(tr(" billion parameters"));
    m_billions->setMaximumWidth(320);
    addWidget(m_billions);
    m_memoryTable = new QTableWidget(0, 3, this);
    m_memoryTable->setHorizontalHeaderLabels({tr("Format"), tr("Bits per weight"), tr("Weights in memory")});
    m_memoryTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_memoryTable->verticalHeader()->hide();
    m_memoryTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_memoryTable->setMinimumHeight(235);
    m_memoryTable->setMaximumHeight(235);
    addWidget(m_memoryTable);
    connect(m_value, &QLineEdit::editingFinished, this, [this] {
        bool ok = false;
        const double v = QLocale().toDouble(m_value->text(), &ok);
        if (ok)
            setValue(static_cast<float>(v));
    });
    connect(m_index, &QSpinBox::valueChanged, this, [this](int i) {
        if (data() && i >= 0 && static_cast<size_t>(i) < data()->values.size())
            setValue(data()->values[static_cast<size_t>(i)]);
    });
    connect(m_billions, &QDoubleSpinBox::valueChanged, this, &NumberFormatsLesson::updateMemory);
    updateMemory();
}

float NumberFormatsLesson::intAbsMax() const
{
    float m = 0.0f;
    if (data())
        for (float v : data()->values)
            if (std::isfinite(v))
                m = std::max(m, std::fabs(v));
    return m > 0.0f ? m : std::max(1.0f, std::fabs(m_current));
}

void NumberFormatsLesson::recompute()
{
    m_source->setText(sourceLine());
    const QSignalBlocker block(m_index);
    m_index->setRange(0, static_cast<int>(std::min<size_t>(data()->values.size(), 1u << 30)) - 1);
    m_index->setValue(0);
    setValue(data()->values.front());
}

void NumberFormatsLesson::setValue(float x)
{
    m_current = x;
    m_value->setText(QLocale().toString(static_cast<double>(x), 'g', 9));
    const float absMax = intAbsMax();
    m_scaleNote->setText(tr("INT8 and INT4 use symmetric absmax scaling against the tensor's largest magnitude "
                            "%1: Δ = %1 / 127 for INT8 and %1 / 7 for INT4. Larger values saturate at ±%1.").arg(num(absMax, 6)));
    std::vector<BitLayoutView::Row> rows;
    m_encodings.clear();
    for (learn::NumberFormat f : learn::kNumberFormats) {
        m_encodings.push_back(learn::encodeValue(x, f, absMax));
        rows.push_back({formatName(f), learn::formatLayout(f), m_encodings.back()});
    }
    m_bits->setRows(std::move(rows));
    updateRanges(x, absMax);
}

void NumberFormatsLesson::updateRanges(float x, float absMax)
{
    m_ranges.clear();
    m_rangeTable->setRowCount(static_cast<int>(learn::kNumberFormats.size()));
    int row = 0;
    for (learn::NumberFormat f : learn::kNumberFormats) {
        m_ranges.push_back(learn::formatRange(f, x, absMax));
        const auto& r = m_ranges.back();
        const QStringList cells{formatName(f), num(r.maxValue, 6), num(r.minPositive, 4), num(r.spacingAtValue, 4)};
        for (int c = 0; c < cells.size(); ++c)
            m_rangeTable->setItem(row, c, new QTableWidgetItem(cells[c]));
        ++row;
    }
}

void NumberFormatsLesson::setBillions(double billions) { m_billions->setValue(billions); }

void NumberFormatsLesson::updateMemory()
{
    const auto params = static_cast<uint64_t>(std::llround(m_billions->value() * 1e9));
    m_memoryTable->setRowCount(static_cast<int>(learn::kNumberFormats.size()));
    m_memory.clear();
    int row = 0;
    for (learn::NumberFormat f : learn::kNumberFormats) {
        const int bits = learn::formatBits(f);
        m_memory.push_back(learn::weightBytes(params, bits));
        m_memoryTable->setItem(row, 0, new QTableWidgetItem(formatName(f)));
        m_memoryTable->setItem(row, 1, new QTableWidgetItem(QString::number(bits)));
        m_memoryTable->setItem(row, 2, new QTableWidgetItem(tr("%1 GB").arg(num(static_cast<double>(m_memory.back()) / 1e9, 4))));
        ++row;
    }
}

} // namespace qx::ui

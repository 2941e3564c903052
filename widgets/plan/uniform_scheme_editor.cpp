#include "plan/uniform_scheme_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>

#include <algorithm>

namespace qx::ui {
namespace {

constexpr int kGroupSizes[] = {32, 64, 128, 256};

QComboBox* combo(QWidget* parent, const QString& tip)
{
    auto* c = new QComboBox(parent);
    c->setToolTip(tip);
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(10);
    return c;
}

} // namespace

UniformSchemeEditor::UniformSchemeEditor(QWidget* parent) : QWidget(parent)
{
    setupControls();
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Bits:"), m_bits);
    form->addRow(tr("Granularity:"), m_granularity);
    form->addRow(tr("Group size:"), m_groupSize);
    form->addRow(tr("Symmetry:"), m_mode);
    form->addRow(tr("Scale:"), m_scale);
    form->addRow(tr("Clipping:"), m_clip);
    form->addRow(tr("Percentile:"), m_percentile);

    const auto changed = [this] {
        if (m_granularity->currentIndex() == static_cast<int>(Granularity::PerGroup)
            && m_clip->currentIndex() == static_cast<int>(ClipMethod::KlDivergence)) {
            const QSignalBlocker block(m_clip);
            m_clip->setCurrentIndex(static_cast<int>(ClipMethod::MseSearch));  // KL is not offered per group
        }
        updateEnabled();
        emit schemeChanged();
    };
    connect(m_bits, &QSpinBox::valueChanged, this, changed);
    connect(m_percentile, &QDoubleSpinBox::valueChanged, this, changed);
    for (QComboBox* c : {m_granularity, m_groupSize, m_mode, m_scale, m_clip})
        connect(c, &QComboBox::currentIndexChanged, this, changed);
    setScheme(UniformScheme{});
}

void UniformSchemeEditor::setupControls()
{
    m_bits = new QSpinBox(this);
    m_bits->setObjectName(QStringLiteral("schemeBits"));
    m_bits->setRange(2, 8);
    m_bits->setSuffix(tr(" bits"));
    m_bits->setToolTip(tr("Bits per code: 2^b levels"));
    m_granularity = combo(this, tr("Values that share one scale: the whole tensor, one row, or G consecutive "
                                   "values of a row"));
    m_granularity->setObjectName(QStringLiteral("schemeGranularity"));
    m_granularity->addItem(tr("per tensor"));
    m_granularity->addItem(tr("per channel (row)"));
    m_granularity->addItem(tr("per group"));
    m_groupSize = combo(this, tr("Values per group (per group only); the row length must be a multiple of it"));
    m_groupSize->setObjectName(QStringLiteral("schemeGroupSize"));
    for (int g : kGroupSizes)
        m_groupSize->addItem(QString::number(g), g);
    m_mode = combo(this, tr("Symmetric: codes ±(2^(b-1)-1) (restricted) or -2^(b-1)…2^(b-1)-1 (full range) around "
                            "zero; asymmetric: codes 0…2^b-1 with a zero point per group"));
    m_mode->setObjectName(QStringLiteral("schemeMode"));
    m_mode->addItem(tr("sym. restricted"));
    m_mode->addItem(tr("sym. full range"));
    m_mode->addItem(tr("asymmetric"));
    m_scale = combo(this, tr("How each group's step is stored: F32 (4 bytes) or F16 (2 bytes, rounded)"));
    m_scale->setObjectName(QStringLiteral("schemeScale"));
    m_scale->addItem(tr("F32"));
    m_scale->addItem(tr("F16"));
    m_clip = combo(this, tr("How each group's range is chosen: its absolute maximum, a percentile of |w|, the ratio "
                            "with the least squared error, or TensorRT's KL-divergence threshold"));
    m_clip->setObjectName(QStringLiteral("schemeClip"));
    m_clip->addItem(tr("absmax"));
    m_clip->addItem(tr("percentile"));
    m_clip->addItem(tr("MSE search"));
    m_clip->addItem(tr("KL divergence"));
    m_percentile = new QDoubleSpinBox(this);
    m_percentile->setObjectName(QStringLiteral("schemePercentile"));
    m_percentile->setRange(90.0, 100.0);
    m_percentile->setDecimals(3);
    m_percentile->setSingleStep(0.01);
    m_percentile->setSuffix(tr(" %"));
    m_percentile->setToolTip(tr("Percentile of |w| (symmetric) or of w at both ends (asymmetric) kept unclipped"));
}

void UniformSchemeEditor::setScheme(const UniformScheme& s)
{
    const QSignalBlocker blocks[] = {QSignalBlocker(m_bits), QSignalBlocker(m_granularity), QSignalBlocker(m_groupSize),
                                     QSignalBlocker(m_mode), QSignalBlocker(m_scale), QSignalBlocker(m_clip),
                                     QSignalBlocker(m_percentile)};
    m_hidden = s;
    m_bits->setValue(s.bits);
    m_granularity->setCurrentIndex(static_cast<int>(s.granularity));
    const int group = m_groupSize->findData(s.groupSize);
    m_groupSize->setCurrentIndex(group >= 0 ? group : m_groupSize->findData(128));
    m_mode->setCurrentIndex(static_cast<int>(s.mode));
    m_scale->setCurrentIndex(s.scaleFormat == ScaleFormat::F16 ? 1 : 0);
    m_clip->setCurrentIndex(static_cast<int>(s.clip));
    m_percentile->setValue(s.percentile);
    updateEnabled();
}

UniformScheme UniformSchemeEditor::scheme() const
{
    UniformScheme s = m_hidden;
    s.bits = m_bits->value();
    s.granularity = static_cast<Granularity>(m_granularity->currentIndex());
    s.groupSize = m_groupSize->currentData().toInt();
    s.mode = static_cast<UniformMode>(m_mode->currentIndex());
    s.scaleFormat = m_scale->currentIndex() == 1 ? ScaleFormat::F16 : ScaleFormat::F32;
    s.clip = static_cast<ClipMethod>(m_clip->currentIndex());
    s.percentile = m_percentile->value();
    if (s.clip == ClipMethod::KlDivergence)
        s.klBins = std::max(s.klBins, 2 * (1 << (s.bits - 1)));
    return s;
}

void UniformSchemeEditor::updateEnabled()
{
    const bool perGroup = m_granularity->currentIndex() == static_cast<int>(Granularity::PerGroup);
    m_groupSize->setEnabled(perGroup);
    // KL calibration costs O(bins²) per group: offered for per-tensor and per-channel scales only.
    if (auto* items = qobject_cast<QStandardItemModel*>(m_clip->model()))
        items->item(static_cast<int>(ClipMethod::KlDivergence))->setEnabled(!perGroup);
    m_percentile->setEnabled(m_clip->currentIndex() == static_cast<int>(ClipMethod::Percentile));
}

} // namespace qx::ui

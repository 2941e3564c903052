// DistributionView: controls, selection and the re-binning jobs (the drawing is in distribution_chart.cpp).
#include "tensor/distribution_view.h"

#include "common/chart_util.h"
#include "common/flow_layout.h"
#include "common/job_runner.h"
#include "common/zoom_chart_view.h"
#include "tensor/block_snap_view.h"
#include "tensor/round_trip_store.h"
#include "tensor/tensor_analysis.h"

#include "quant/dequantize.h"
#include "stats/range_histogram.h"

#include <QButtonGroup>
#include <QChart>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

DistributionView::DistributionView(QWidget* parent) : QWidget(parent), m_binner(new JobRunner(this))
{
    m_chart = new ZoomChartView(this);
    m_chart->setObjectName(QStringLiteral("distributionChart"));
    m_chart->setRubberBand(QChartView::HorizontalRubberBand);  // y follows the counts of the range
    m_chart->setToolTip(tr("Drag across a range to zoom in (it is counted again at the new resolution), wheel to "
                           "zoom, Shift+drag to pan, right click to zoom out"));
    m_legend = new ChartLegend(this);
    m_legend->setObjectName(QStringLiteral("distributionLegend"));
    m_chartPage = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(m_chartPage);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(m_legend);
    m_blockView = new BlockSnapView(this);
    m_blockView->setObjectName(QStringLiteral("blockSnapView"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_chartPage);
    m_stack->addWidget(m_blockView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(setupControls());
    layout->addWidget(m_stack, 1);
    setTensor(nullptr, nullptr, {});
}

DistributionView::~DistributionView()
{
    m_binner->cancel();
    m_binner->waitForIdle();
}

QWidget* DistributionView::setupControls()
{
    QWidget* box = nullptr;
    FlowLayout* flow = flowBar(this, &box);
    m_tensorMode = new QToolButton(box);
    m_tensorMode->setText(tr("Whole tensor"));
    m_tensorMode->setToolTip(tr("The histogram of every weight, with the selected block's levels"));
    m_blockMode = new QToolButton(box);
    m_blockMode->setText(tr("One block"));
    m_blockMode->setToolTip(tr("The selected block's values snapping to their levels, sub-block by sub-block"));
    for (QToolButton* b : {m_tensorMode, m_blockMode})
        b->setCheckable(true);
    auto* modes = new QButtonGroup(box);
    modes->addButton(m_tensorMode);
    modes->addButton(m_blockMode);
    m_tensorMode->setChecked(true);
    m_logScale = new QCheckBox(tr("Log scale"), box);
    m_logScale->setToolTip(tr("Logarithmic count axis (shows the sparse tails)"));
    m_levels = new QCheckBox(tr("Levels"), box);
    m_levels->setChecked(true);
    m_levels->setToolTip(tr("Draw the levels of the selected block as a comb (height: its values at each level) and "
                            "the range the round trip can represent (values beyond it are clipped)"));
    auto* bulk = new QToolButton(box);
    bulk->setText(tr("Bulk"));
    bulk->setToolTip(tr("Back to the central 99.9 % of the weights"));
    auto* all = new QToolButton(box);
    all->setText(tr("All"));
    all->setToolTip(tr("From the smallest to the largest weight, outliers included"));
    m_rowBox = new QSpinBox(box);
    m_rowBox->setToolTip(tr("Row (output channel) of the selected block"));
    m_blockBox = new QSpinBox(box);
    m_blockBox->setToolTip(tr("Block within the row"));
    auto* largest = new QToolButton(box);
    largest->setText(tr("Largest |w|"));
    largest->setToolTip(tr("Select the block holding the tensor's largest |w| (its grid is the widest)"));

    flow->addWidget(m_tensorMode);
    flow->addWidget(m_blockMode);
    flow->addWidget(m_logScale);
    flow->addWidget(m_levels);
    flow->addWidget(labelled(tr("Row:"), m_rowBox, box));
    flow->addWidget(labelled(tr("Block:"), m_blockBox, box));
    flow->addWidget(largest);
    flow->addStretch();
    flow->addWidget(bulk);
    flow->addWidget(all);

    connect(m_tensorMode, &QToolButton::toggled, this, [this](bool on) { setMode(on ? Mode::Tensor : Mode::Block); });
    connect(m_logScale, &QCheckBox::toggled, this, [this] { redraw(); });
    connect(m_levels, &QCheckBox::toggled, this, [this] { redraw(); });
    connect(bulk, &QToolButton::clicked, this, &DistributionView::resetZoom);
    connect(all, &QToolButton::clicked, this, &DistributionView::showAllValues);
    connect(m_rowBox, &QSpinBox::valueChanged, this, [this](int row) { selectBlock(row, m_block); });
    connect(m_blockBox, &QSpinBox::valueChanged, this, [this](int block) { selectBlock(m_row, block); });
    connect(largest, &QToolButton::clicked, this, [this] {
        if (m_store)
            selectBlock(m_maxRow, m_maxColumn / m_store->blockLength());
    });
    return box;
}

void DistributionView::setTensor(std::shared_ptr<const ModelFile> model, const TensorInfo* tensor, const QString& name)
{
    ++m_binGeneration;
    m_binner->cancel();
    m_model = std::move(model);
    m_tensor = tensor;
    m_name = name;
    m_preview.reset();
    m_original.reset();
    m_rebuilt.reset();
    m_store.reset();
    m_grid.reset();
    m_blockOriginal.clear();
    m_row = m_block = m_selectedColumn = 0;
    m_hasSelection = false;
    m_view = m_bulk = {0.0, 0.0};
    updateControls();
    redraw();
}

void DistributionView::showPreview(const TensorStats& preview, int64_t stride)
{
    m_preview = preview.histogram;
    m_stride = stride;
    redraw();
}

void DistributionView::showStats(const TensorStats& stats, std::pair<double, double> bulk)
{
    m_preview.reset();
    m_min = stats.min;
    m_max = stats.max;
    m_bulk = bulk;
    // The first block shown is a typical one: block 0 of the row whose |w| maximum is the median.
    m_typicalRow = 0;
    if (!stats.rowAbsMax.empty()) {
        std::vector<std::pair<float, int64_t>> rows;
        for (size_t r = 0; r < stats.rowAbsMax.size(); ++r)
            rows.emplace_back(stats.rowAbsMax[r], static_cast<int64_t>(r));
        std::nth_element(rows.begin(), rows.begin() + rows.size() / 2, rows.end());
        m_typicalRow = rows[rows.size() / 2].second;
    }
    resetZoom();
}

void DistributionView::showAnalysis(const TensorAnalysis* analysis)
{
    m_store = analysis ? analysis->store : nullptr;
    m_rebuilt.reset();
    if (analysis) {
        m_clipLo = analysis->clipLo;
        m_clipHi = analysis->clipHi;
        m_maxRow = analysis->maxRow;
        m_maxColumn = analysis->maxColumn;
        // A block chosen for this tensor stays chosen when the format changes (by its first column, as the
        // block length may change); otherwise a typical block (see showStats).
        if (!m_hasSelection || m_row >= m_store->rows()) {
            m_row = std::min(m_typicalRow, m_store->rows() - 1);
            m_selectedColumn = 0;
        }
        m_block = std::min(m_selectedColumn / m_store->blockLength(), m_store->blocksPerRow() - 1);
        m_hasSelection = true;
    }
    updateControls();
    updateBlock();
    if (m_view.second > m_view.first)
        requestBins();
    else
        redraw();
}

void DistributionView::setMode(Mode mode)
{
    (mode == Mode::Tensor ? m_tensorMode : m_blockMode)->setChecked(true);
    m_stack->setCurrentWidget(mode == Mode::Tensor ? m_chartPage : static_cast<QWidget*>(m_blockView));
}

DistributionView::Mode DistributionView::mode() const
{
    return m_tensorMode->isChecked() ? Mode::Tensor : Mode::Block;
}

void DistributionView::setLogScale(bool on) { m_logScale->setChecked(on); }

void DistributionView::setLevelsVisible(bool on) { m_levels->setChecked(on); }

void DistributionView::selectBlock(int64_t row, int64_t block)
{
    if (!m_store)
        return;
    row = std::clamp<int64_t>(row, 0, m_store->rows() - 1);
    block = std::clamp<int64_t>(block, 0, m_store->blocksPerRow() - 1);
    if (row == m_row && block == m_block && m_grid)
        return;
    m_row = row;
    m_block = block;
    m_selectedColumn = block * m_store->blockLength();
    m_hasSelection = true;
    updateControls();
    updateBlock();
    redraw();
}

void DistributionView::setViewRange(double lo, double hi)
{
    if (!(hi > lo) || !m_tensor)
        return;
    m_view = {lo, hi};
    requestBins();
}

void DistributionView::resetZoom()
{
    if (!(m_bulk.second > m_bulk.first))
        return setViewRange(m_min - 0.5, m_max + 0.5);   // one value only
    const auto [lo, hi] = niceRange(m_bulk.first, m_bulk.second, 8);
    setViewRange(lo, hi);
}

void DistributionView::showAllValues()
{
    const double pad = 0.01 * (m_max - m_min);
    const auto [lo, hi] = niceRange(m_min - pad, m_max + pad, 8);
    setViewRange(lo, hi);
}

void DistributionView::requestBins()
{
    if (!m_tensor || !(m_view.second > m_view.first))
        return;
    const quint64 generation = ++m_binGeneration;
    const int width = static_cast<int>(m_chart->chart()->plotArea().width());
    const int bins = std::clamp(width > 0 ? width / 2 : 200, 60, 600);
    struct Bins {
        Histogram original;
        std::optional<Histogram> rebuilt;
    };
    m_binner->start<Bins>(
        tr("Counting %1").arg(m_name),
        [model = m_model, tensor = m_tensor, store = m_store, range = m_view, bins](const ProgressFn& progress) {
            Bins out;
            out.original = rangeHistogram(rowSourceFromTensor(*tensor), range.first, range.second, bins, {}, progress);
            if (store)
                out.rebuilt = rangeHistogram(store->source(), range.first, range.second, bins, {}, progress);
            return out;
        },
        [this, generation](JobResult<Bins> result) {
            if (generation != m_binGeneration || result.outcome != JobOutcome::Completed)
                return;
            m_original = std::move(result.value->original);
            m_rebuilt = std::move(result.value->rebuilt);
            redraw();
            emit binned();
        });
}

void DistributionView::updateBlock()
{
    m_grid.reset();
    m_blockOriginal.clear();
    if (m_store && m_tensor) {
        m_grid = m_store->grid(m_row, m_block);
        std::vector<float> row(static_cast<size_t>(m_tensor->rowLength()));
        dequantizeRows(*m_tensor, m_row, 1, row);
        const auto first = row.begin() + m_block * m_store->blockLength();
        m_blockOriginal.assign(first, first + m_store->blockLength());
        // The comb shows the group holding the block's largest |w|.
        size_t at = 0;
        for (size_t i = 1; i < m_blockOriginal.size(); ++i)
            if (std::fabs(m_blockOriginal[i]) > std::fabs(m_blockOriginal[at]))
                at = i;
        m_combGroup = m_grid->groupOf(static_cast<int64_t>(at));
    }
    updateBlockView();
}

void DistributionView::updateControls()
{
    const QSignalBlocker rowBlock(m_rowBox), blockBlock(m_blockBox);
    const bool on = m_store != nullptr;
    m_rowBox->setEnabled(on);
    m_blockBox->setEnabled(on);
    m_rowBox->setRange(0, on ? static_cast<int>(m_store->rows() - 1) : 0);
    m_blockBox->setRange(0, on ? static_cast<int>(m_store->blocksPerRow() - 1) : 0);
    m_blockBox->setSuffix(on ? tr(" of %1").arg(m_store->blocksPerRow()) : QString());
    m_rowBox->setValue(static_cast<int>(m_row));
    m_blockBox->setValue(static_cast<int>(m_block));
}

QWidget* DistributionView::exportWidget() const
{
    return mode() == Mode::Tensor ? m_chartPage : static_cast<QWidget*>(m_blockView);
}

} // namespace qx::ui

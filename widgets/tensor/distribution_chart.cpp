// DistributionView's drawing: the histogram chart (original, round trip, comb, representable range, the
// values beyond the view) and the texts of the block picture.
#include "tensor/distribution_view.h"

#include "common/chart_util.h"
#include "common/zoom_chart_view.h"
#include "tensor/block_snap_view.h"
#include "tensor/round_trip_store.h"

#include <QChart>
#include <QCheckBox>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace qx::ui {
namespace {

const QColor kOriginalColor(0, 114, 178), kRebuiltColor(230, 159, 0), kCombColor(0, 158, 115),
    kClipColor(213, 94, 0), kOutsideColor(204, 121, 167);

QString count(uint64_t n)
{
    return QLocale().toString(static_cast<qulonglong>(n));
}

QString value(double v)
{
    return QLocale().toString(v, 'g', 4);
}

double peakOf(const Histogram& h)
{
    double peak = 1.0;
    for (uint64_t c : h.counts)
        peak = std::max(peak, static_cast<double>(c));
    return peak;
}

/// Stems from 0 up to each level's count (one series, zig-zagging along the axis).
QLineSeries* stemSeries(const std::vector<std::pair<double, int>>& stems, const QString& name)
{
    auto* s = new QLineSeries;
    s->setName(name);
    QList<QPointF> points;
    for (const auto& [x, n] : stems)
        points << QPointF(x, 0.0) << QPointF(x, n) << QPointF(x, 0.0);
    s->replace(points);
    s->setPen(QPen(kCombColor, 2.0));
    return s;
}

} // namespace

void DistributionView::redraw()
{
    QChart* chart = m_chart->freshChart();
    chart->setMargins(QMargins(4, 4, 4, 4));
    if (m_preview) {
        chart->setTitle(tr("%1 — preview from one row in %2, exact counts follow").arg(m_name).arg(m_stride));
        const bool logY = m_logScale->isChecked();
        QLineSeries* s = histogramSeries(*m_preview, tr("original (sampled rows)"), logY ? 0.5 : 0.0);
        s->setPen(QPen(kOriginalColor, 2.0));
        chart->addSeries(s);
        setAxes(chart, tr("weight value"), logY ? tr("count (log scale)") : tr("count"), logY);
    } else if (m_original) {
        drawTensorChart(chart);
    } else {
        chart->setTitle(m_tensor ? tr("Counting the values of %1…").arg(m_name) : tr("Select a tensor"));
    }
    m_legend->setChart(chart);
    if (auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).value(0)); x && m_original)
        connect(x, &QValueAxis::rangeChanged, this, [this](double lo, double hi) {
            if (!m_settingRange && hi > lo && (lo != m_view.first || hi != m_view.second))
                setViewRange(lo, hi);   // a zoom or a pan: count the new range again
        });
    updateBlockView();
}

void DistributionView::drawTensorChart(QChart* chart)
{
    const bool logY = m_logScale->isChecked();
    const double floor = logY ? 0.5 : 0.0;
    chart->setTitle(m_name);
    QLineSeries* original = histogramSeries(*m_original, tr("original"), floor);
    original->setPen(QPen(kOriginalColor, 2.5));
    chart->addSeries(original);
    double peak = peakOf(*m_original);
    if (m_rebuilt) {
        QLineSeries* rebuilt = histogramSeries(*m_rebuilt, tr("after the round trip (%1)").arg(
                                                              QString::fromStdString(m_store->format().name())), floor);
        rebuilt->setPen(QPen(kRebuiltColor, 1.3));
        chart->addSeries(rebuilt);
        peak = std::max(peak, peakOf(*m_rebuilt));
    }
    const double yTop = logY ? peak * 3.0 : niceRange(0.0, peak * 1.08, 5).second;
    if (m_levels->isChecked() && m_store) {
        for (double clip : {m_clipLo, m_clipHi})
            if (clip >= m_view.first && clip <= m_view.second && std::isfinite(clip)) {
                const double xs[1] = {clip};
                chart->addSeries(tickSeries(xs, floor, yTop, clip == m_clipLo ? tr("representable range %1 … %2")
                                                                                     .arg(value(m_clipLo), value(m_clipHi))
                                                                               : QString(),
                                            kClipColor, 1.5, Qt::DashLine));
            }
    }
    addOutlierMarks(chart, logY ? std::sqrt(peak) : peak * 0.55);
    m_settingRange = true;
    QValueAxis* x = niceAxis();
    x->setTitleText(tr("weight value"));
    x->setRange(m_view.first, m_view.second);
    setNiceTicks(x, 7);
    chart->addAxis(x, Qt::AlignBottom);
    QAbstractAxis* y = nullptr;
    if (logY) {
        auto* log = new QLogValueAxis;
        log->setLabelFormat(QStringLiteral("%g"));
        log->setRange(0.5, yTop);
        y = log;
    } else {
        auto* lin = new QValueAxis;
        lin->setRange(0.0, yTop);
        setNiceTicks(lin, 5);
        y = lin;
    }
    y->setTitleText(logY ? tr("count (log scale)") : tr("count"));
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    if (m_levels->isChecked() && m_grid)
        addComb(chart, logY);
    m_settingRange = false;
}

void DistributionView::addComb(QChart* chart, bool logY)
{
    Q_UNUSED(logY);
    const GridGroup& group = m_grid->groups[m_combGroup];
    if (group.levels.empty())
        return;
    std::vector<int> used(group.levels.size(), 0);
    for (int64_t i = group.first; i < group.first + group.length; ++i)
        if (const int at = m_grid->levelOf(i); at >= 0)
            ++used[static_cast<size_t>(at)];
    std::vector<std::pair<double, int>> stems;
    std::vector<double> grid;
    int most = 1;
    for (size_t k = 0; k < group.levels.size(); ++k) {
        const double v = group.levels[k];
        if (v < m_view.first || v > m_view.second)
            continue;
        grid.push_back(v);
        if (used[k])
            stems.emplace_back(v, used[k]);
        most = std::max(most, used[k]);
    }
    const int64_t first = m_block * m_store->blockLength() + group.first;
    auto* right = new QValueAxis;
    right->setTitleText(tr("values of the block per level"));
    right->setRange(0.0, niceRange(0.0, most * 1.25, 4).second);
    setNiceTicks(right, 4);
    chart->addAxis(right, Qt::AlignRight);
    QXYSeries* x = nullptr;
    const double spacing = group.levels.size() > 1 ? (group.levels[1] - group.levels[0]) : 0.0;
    const double plotWidth = std::max(100.0, 0.85 * m_chart->width());   // the fresh chart has no plot area yet
    const bool fine = spacing > 0.0 && spacing / (m_view.second - m_view.first) * plotWidth < 3.0;
    if (!fine && !grid.empty()) {
        // Every level of the grid as a short tick, used or not: the grid itself, visible at a glance.
        QLineSeries* ticks = tickSeries(grid, 0.0, right->max() * 0.05,
                                        tr("grid of row %1, values %2–%3: %n levels", nullptr, int(group.levels.size()))
                                            .arg(m_row).arg(first).arg(first + group.length - 1),
                                        kCombColor, 1.0);
        chart->addSeries(ticks);
        x = ticks;
    }
    QLineSeries* stemLine = stemSeries(stems, fine ? tr("levels in use of row %1, values %2–%3 (grid of %n levels "
                                                        "too fine to draw here)", nullptr, int(group.levels.size()))
                                                         .arg(m_row).arg(first).arg(first + group.length - 1)
                                                   : tr("values at each level"));
    chart->addSeries(stemLine);
    QList<QXYSeries*> added{stemLine};
    if (x)
        added << x;
    if (stems.size() <= 16) {
        auto* labels = new QScatterSeries;
        labels->setMarkerSize(5.0);
        labels->setColor(kCombColor);
        labels->setBorderColor(kCombColor);
        for (const auto& [v, n] : stems)
            labels->append(v, n);
        labels->setPointLabelsFormat(QStringLiteral("@yPoint"));
        labels->setPointLabelsVisible(true);
        labels->setPointLabelsClipping(false);
        chart->addSeries(labels);
        added << labels;
    }
    QAbstractAxis* bottom = chart->axes(Qt::Horizontal).value(0);
    for (QXYSeries* s : added) {
        s->attachAxis(bottom);
        s->attachAxis(right);
    }
}

void DistributionView::addOutlierMarks(QChart* chart, double yTop)
{
    const uint64_t below = m_original->below, above = m_original->above;
    if (below == 0 && above == 0)
        return;
    const double span = m_view.second - m_view.first;
    const auto mark = [&](double x, const QString& label) {
        auto* s = new QScatterSeries;
        s->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        s->setMarkerSize(8.0);
        s->setColor(kOutsideColor);
        s->setBorderColor(kOutsideColor);
        s->append(x, yTop);
        s->setPointLabelsFormat(label);
        s->setPointLabelsVisible(true);
        s->setPointLabelsClipping(false);
        return s;
    };
    QScatterSeries* first = nullptr;
    if (below)
        chart->addSeries(first = mark(m_view.first + 0.04 * span, QStringLiteral("◀ %1").arg(count(below))));
    if (above) {
        QScatterSeries* s = mark(m_view.second - 0.04 * span, QStringLiteral("%1 ▶").arg(count(above)));
        chart->addSeries(s);
        first = first ? first : s;
    }
    first->setName(tr("beyond the view: %1 below (down to %2), %3 above (up to %4)")
                       .arg(count(below), value(m_min), count(above), value(m_max)));
}

void DistributionView::updateBlockView()
{
    if (!m_grid) {
        m_blockView->setBlock(std::nullopt, m_tensor ? tr("The block picture follows the round trip.")
                                                     : tr("Select a tensor"));
        return;
    }
    m_blockView->setBlock(BlockSnapView::Block{*m_grid, m_blockOriginal, blockTitle(), scalesText()});
}

QString DistributionView::blockTitle() const
{
    const int64_t first = m_block * m_store->blockLength();
    const QString format = QString::fromStdString(m_store->format().name());
    const QString range = tr("row %1, values %2–%3").arg(m_row).arg(first).arg(first + m_store->blockLength() - 1);
    if (m_grid->kind == GridKind::SuperBlock || m_grid->groups.size() > 1)
        return tr("%1 super-block: %2 (%n sub-blocks)", nullptr, int(m_grid->groups.size())).arg(format, range);
    return tr("%1 block: %2").arg(format, range);
}

QString DistributionView::scalesText() const
{
    const BlockGrid& g = *m_grid;
    const GridGroup& one = g.groups.front();
    const CandidateFormat& f = m_store->format();
    const auto uniform = f.format.uniform();
    const int64_t n = m_store->blockLength();
    switch (g.kind) {
    case GridKind::Absmax:
        return tr("Absmax: one scale d = %1 (fp16) for all %2 values; the levels are d·q, evenly spaced and "
                  "symmetric around 0.").arg(value(one.scale)).arg(n);
    case GridKind::ZeroPoint:
        return tr("Zero point: scale d = %1 and offset m = %2 (fp16); the levels d·q + m span the block's own "
                  "range [min, max].").arg(value(one.scale), value(one.offset));
    case GridKind::SuperBlock: {
        const bool mins = one.minCode >= 0;
        const int bits = *f.format.ggufType() == TensorType::Q2_K ? 4 : *f.format.ggufType() == TensorType::Q6_K ? 8 : 6;
        if (mins)
            return tr("Super-block scales d = %1 and dmin = %2 (fp16). Each sub-block of %3 stores its own %4-bit "
                      "scale sc and min m (labels on the left): its levels are (d·sc)·q − dmin·m, so the step "
                      "differs between sub-blocks.").arg(value(g.superScale), value(g.superMin)).arg(one.length).arg(bits);
        return tr("Super-block scale d = %1 (fp16). Each sub-block of %2 stores its own %3-bit scale sc (labels "
                  "on the left): its levels are (d·sc)·q, so the step differs between sub-blocks.")
            .arg(value(g.superScale)).arg(one.length).arg(bits);
    }
    case GridKind::Codebook:
        if (g.groups.size() > 1)
            return tr("Super-block scale d = %1 (fp16); each sub-block of %2 scales the 16 non-uniform codebook "
                      "values by d·sc.").arg(value(g.superScale)).arg(one.length);
        return !f.format.isGguf() ? tr("Block absmax %1 times the 16 NormalFloat levels (denser near 0, where most "
                               "weights are).").arg(value(one.scale))
                          : tr("Scale d = %1 (fp16) times 16 non-uniform codebook values (denser near 0).")
                                .arg(value(one.scale));
    case GridKind::Uniform: {
        const UniformScheme u = uniform.value_or(UniformScheme{});
        const QString where = u.granularity == Granularity::PerGroup     ? tr("one Δ per group of %1 values").arg(u.groupSize)
                              : u.granularity == Granularity::PerChannel ? tr("one Δ per row")
                                                                         : tr("one Δ for the whole tensor");
        if (u.mode == UniformMode::Asymmetric) {
            const int z = one.scale != 0.0f ? static_cast<int>(std::lround(-one.offset / one.scale)) : 0;
            return tr("Step Δ = %1 and zero point z = %2 (%3): the levels Δ·(q − z) cover [min, max], and 0 is "
                      "exact.").arg(value(one.scale)).arg(z).arg(where);
        }
        return tr("Step Δ = %1 (%2): the levels Δ·q are symmetric around 0.").arg(value(one.scale), where);
    }
    case GridKind::Values:
        if (g.tooMany)
            return tr("%1 keeps more than %2 distinct values here: no grid to draw.").arg(QString::fromStdString(f.name())).arg(BlockGrid::kMaxLevels);
        return tr("%1 is a floating-point format: %n distinct values in this block, spaced by their exponents "
                  "rather than one step.", nullptr, int(one.levels.size())).arg(QString::fromStdString(f.name()));
    }
    return {};
}

} // namespace qx::ui

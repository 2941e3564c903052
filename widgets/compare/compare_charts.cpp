// The Compare page's charts: the per-layer SQNR of B against A and the overlaid distributions of a tensor.
#include "compare/compare_page.h"

#include "common/chart_util.h"
#include "common/job_runner.h"
#include "common/zoom_chart_view.h"
#include "compare/compare_table_model.h"
#include "compare/pair_histograms.h"
#include "io/model_file.h"
#include "tensor/tensor_analysis.h"

#include <QChart>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <cmath>

namespace qx::ui {
namespace {

// One hue per class (Okabe–Ito, as the Layers view), the layer totals in the text colour.
const QColor kClassColours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                                QColor(0x80, 0x80, 0x80)};

void addPoint(QLineSeries* s, int layer, double db, double& lo, double& hi)
{
    if (!std::isfinite(db))
        return;
    s->append(layer, db);
    lo = std::min(lo, db);
    hi = std::max(hi, db);
}

void addLayerAxes(QChart* chart, int maxLayer, double lo, double hi)
{
    auto* x = new QValueAxis;
    x->setTitleText(ComparePage::tr("layer (blk index)"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setRange(0, std::max(1, maxLayer));
    x->setTickCount(std::min(std::max(1, maxLayer), 16) + 1);
    auto* y = new QValueAxis;
    y->setTitleText(ComparePage::tr("SQNR of B against A (dB)"));
    y->setRange(lo - std::abs(hi - lo) * 0.05 - 0.5, hi + std::abs(hi - lo) * 0.05 + 0.5);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

/// The tensor holding `name`'s data: itself, the tensor it is a second name of, or token_embd for the
/// output head of a model without one.
const TensorInfo* dataOf(const ModelFile& m, const std::string& name)
{
    const TensorInfo* t = m.findTensor(name);
    if (t && !t->aliasOf.empty())
        t = m.findTensor(t->aliasOf);
    if (!t && name == "output.weight")
        t = m.findTensor("token_embd.weight");
    return t;
}

} // namespace

void ComparePage::fillLayersChart()
{
    QChart* chart = static_cast<ZoomChartView*>(m_layersChart)->freshChart();
    chart->legend()->setAlignment(Qt::AlignBottom);
    const auto& d = diff();
    if (!d || d->layers.empty()) {
        chart->setTitle(d ? tr("No layers to compare") : QString());
        return;
    }
    double lo = INFINITY, hi = -INFINITY;
    int maxLayer = 0;
    const auto& classes = layerTensorClasses();
    for (size_t c = 0; c < classes.size(); ++c) {
        auto* s = new QLineSeries;
        s->setName(QString::fromStdString(classes[c]));
        s->setPen(QPen(kClassColours[c % std::size(kClassColours)], 1.5));
        for (const TensorDiff& t : d->tensors)
            if (t.layer >= 0 && t.tensorClass == classes[c] && t.status == TensorDiffStatus::Compared)
                addPoint(s, t.layer, t.sqnrDb, lo, hi);
        if (s->count() > 0)
            chart->addSeries(s);
        else
            delete s;
    }
    auto* total = new QLineSeries;
    total->setName(tr("layer (all tensors)"));
    total->setPen(QPen(palette().color(QPalette::WindowText), 3));
    for (const DiffTotals& t : d->layers) {
        maxLayer = std::max(maxLayer, std::stoi(t.key));
        addPoint(total, std::stoi(t.key), t.sqnrDb, lo, hi);
    }
    chart->addSeries(total);
    if (lo > hi) {
        chart->setTitle(tr("Every layer tensor is identical in A and B"));
        return;
    }
    chart->setTitle(tr("Error of B against A, per layer"));
    addLayerAxes(chart, maxLayer, lo, hi);
}

void ComparePage::showDistribution(int row)
{
    const TensorDiff* t = m_table->tensorAt(row);
    if (!t || !m_model || !m_other)
        return;
    const TensorInfo* a = dataOf(*m_model, t->name);
    const TensorInfo* b = dataOf(*m_other, t->name);
    if (!a || !b) {   // only in one model: its values alone
        a = a ? a : b;
        b = b ? b : a;
    }
    if (!a)
        return;
    const QString name = QString::fromStdString(t->name);
    m_distributionLabel->setText(tr("%1: values in A (%2) and in B (%3)")
                                     .arg(name, QString::fromLatin1(tensorTypeName(a->type).data()),
                                          QString::fromLatin1(tensorTypeName(b->type).data())));
    auto keepA = m_model, keepB = m_other;
    JobRunner::Work<PairHistograms> work = [keepA, keepB, a, b](const ProgressFn& progress) {
        return pairHistograms(*a, *b, 128, progress);
    };
    const quint64 generation = m_generation;
    m_distributionRunner->start<PairHistograms>(tr("Distributions"), std::move(work),
                                    [this, generation, name](JobResult<PairHistograms> r) {
        if (generation != m_generation || r.outcome != JobOutcome::Completed) {
            if (r.outcome == JobOutcome::Failed)
                m_distributionLabel->setText(r.error.detail);
            return;
        }
        QChart* chart = static_cast<ZoomChartView*>(m_distributionChart)->freshChart();
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setTitle(name);
        auto* sa = histogramSeries(r.value->a, tr("A"), 0.5);
        sa->setPen(QPen(kClassColours[0], 2));
        auto* sb = histogramSeries(r.value->b, tr("B"), 0.5);
        sb->setPen(QPen(kClassColours[4], 1.5));
        chart->addSeries(sa);
        chart->addSeries(sb);
        setAxes(chart, tr("value"), tr("count"), true);
        emit distributionShown();
    });
}

} // namespace qx::ui

#include "tensor/tensor_views.h"

#include "common/chart_util.h"
#include "common/job_runner.h"
#include "common/table_export.h"
#include "common/zoom_chart_view.h"
#include "tensor/distribution_view.h"
#include "tensor/outliers_view.h"
#include "tensor/values_model.h"
#include "tensor/values_view.h"

#include "stats/range_histogram.h"

#include <QChart>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

TensorViews::TensorViews(QWidget* parent) : QWidget(parent), m_runner(new JobRunner(this))
{
    auto* bar = new QWidget(this);
    setupBar(bar);
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    m_distribution = new DistributionView(this);
    m_distribution->setObjectName(QStringLiteral("distributionView"));
    m_outliers = new OutliersView(this);
    m_outliers->setObjectName(QStringLiteral("outliersView"));
    m_errorHistogram = new ZoomChartView(this);
    m_rowError = new ZoomChartView(this);
    m_values = new ValuesView(this);
    m_values->setObjectName(QStringLiteral("valuesView"));
    auto* errorPage = new QWidget(this);
    auto* errorLayout = new QVBoxLayout(errorPage);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_errorHistogram);
    errorLayout->addWidget(m_rowError);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_distribution, tr("Distribution"));
    m_tabs->addTab(m_outliers, tr("Outliers"));
    m_tabs->addTab(errorPage, tr("Error"));
    m_tabs->addTab(m_values, tr("Values"));

    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) { refreshTab(tab); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    showAnalysis();
}

TensorViews::~TensorViews() = default;

void TensorViews::setupBar(QWidget* bar)
{
    m_candidate = new QComboBox(bar);
    for (const CandidateFormat& c : candidateFormats())
        m_candidate->addItem(QString::fromStdString(c.name()));
    m_candidate->setCurrentText(QStringLiteral("Q4_K"));
    m_candidate->setToolTip(tr("Candidate format: the tensor is quantized to it and dequantized again"));
    auto* exportButton = new QPushButton(tr("Export PNG/SVG…"), bar);
    exportButton->setToolTip(tr("Save the current tab as a PNG picture or an SVG vector drawing (chosen by the file type)"));

    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Candidate format:"), bar));
    row->addWidget(m_candidate, 1);
    row->addWidget(exportButton);

    connect(m_candidate, &QComboBox::currentTextChanged, this, [this] {
        if (m_stats && currentTensor())
            startRoundTrip();
        else
            recompute();
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = askChartImagePath(this);
        if (!path.isEmpty())
            exportChart(path);
    });
}

void TensorViews::setModel(std::shared_ptr<const ModelFile> model)
{
    m_model = std::move(model);
    m_tensor.clear();
    recompute();
}

void TensorViews::setTensor(const QString& name)
{
    if (name == m_tensor && m_stats)
        return;
    m_tensor = name;
    recompute();
}

void TensorViews::setCandidate(const QString& name) { m_candidate->setCurrentText(name); }

QString TensorViews::candidate() const { return m_candidate->currentText(); }

void TensorViews::setCandidateFormat(const CandidateFormat& format)
{
    const QString name = QString::fromStdString(format.name());
    if (m_custom && *m_custom == format)
        return m_candidate->setCurrentText(name);
    if (m_candidate->findText(name) < 0 || (m_custom && m_custom->name() == format.name())) {  // replace the custom entry
        if (m_custom)
            m_candidate->removeItem(m_candidate->findText(QString::fromStdString(m_custom->name())));
        m_custom = format;
        m_candidate->addItem(name);
    }
    m_candidate->setCurrentText(name);
}

CandidateFormat TensorViews::currentFormat() const
{
    const std::string name = m_candidate->currentText().toStdString();
    CandidateFormat format = m_custom && m_custom->name() == name ? *m_custom : candidateByName(name);
    if (format.format.isGguf())
        format.imatrix = m_imatrix;
    return format;
}

void TensorViews::setImatrix(std::shared_ptr<const ImatrixFile> imatrix)
{
    if (imatrix == m_imatrix)
        return;
    m_imatrix = std::move(imatrix);
    startRoundTrip();
}

void TensorViews::showTab(int index) { m_tabs->setCurrentIndex(index); }

void TensorViews::setLogScale(bool on) { m_distribution->setLogScale(on); }

bool TensorViews::exportChart(const QString& path) const
{
    if (m_tabs->currentWidget() == m_distribution)
        return isSvgPath(path) ? exportWidgetSvg(m_distribution->exportWidget(), path)
                               : m_distribution->exportWidget()->grab().save(path, "PNG");
    if (isSvgPath(path))
        return exportWidgetSvg(m_tabs->currentWidget(), path);
    return saveImagePng(m_tabs->currentWidget()->grab().toImage(), path);
}

const TensorInfo* TensorViews::currentTensor() const
{
    if (m_model)
        for (const TensorInfo& t : m_model->tensors)
            if (QString::fromStdString(t.name) == m_tensor)
                return &t;
    return nullptr;
}

void TensorViews::recompute()
{
    const quint64 generation = ++m_generation;
    m_stats.reset();
    m_preview.reset();
    m_stride = 0;
    m_bulk = {0.0, 0.0};
    m_analysis.reset();
    const TensorInfo* tensor = currentTensor();
    m_distribution->setTensor(m_model, tensor, m_tensor);
    updateValues();
    if (!tensor) {
        m_runner->cancel();
        showAnalysis();
        return;
    }
    m_summary->setText(tr("Computing…"));
    if (static_cast<int64_t>(tensor->elementCount()) <= kPreviewValues)
        return startStats(generation);
    std::shared_ptr<const ModelFile> model = m_model;  // keeps the mapping alive while the job runs
    using Preview = std::pair<TensorStats, int64_t>;
    m_runner->start<Preview>(
        tr("Preview of %1").arg(m_tensor),
        [model, tensor](const ProgressFn& progress) {
            int64_t stride = 1;
            TensorStats s = previewStats(*tensor, kPreviewValues, stride, progress);
            return Preview{std::move(s), stride};
        },
        [this, generation](JobResult<Preview> result) {
            if (generation != m_generation)
                return;
            if (result.outcome == JobOutcome::Completed) {
                m_preview = std::move(result.value->first);
                m_stride = result.value->second;
                m_distribution->showPreview(*m_preview, m_stride);
                emit histogramShown();
            }
            if (result.outcome != JobOutcome::Cancelled)
                startStats(generation);  // a failed preview still leaves the exact statistics to try
        });
}

void TensorViews::startStats(quint64 generation)
{
    const TensorInfo* tensor = currentTensor();
    std::shared_ptr<const ModelFile> model = m_model;
    using Stats = std::pair<TensorStats, std::pair<double, double>>;
    m_runner->start<Stats>(
        tr("Statistics of %1").arg(m_tensor),
        [model, tensor](const ProgressFn& progress) {
            const auto part = [&progress](double from, double to) {
                return [&progress, from, to](double f) { return !progress || progress(from + (to - from) * f); };
            };
            TensorStats stats = viewStats(*tensor, part(0.0, 0.8));
            const auto bulk = centralRangeOf(rowSourceFromTensor(*tensor), stats.histogram,
                                             DistributionView::kBulkCoverage, {}, part(0.8, 1.0));
            return Stats{std::move(stats), bulk};
        },
        [this, generation](JobResult<Stats> result) {
            if (generation != m_generation)
                return;  // stale: a newer request is on its way
            if (result.outcome == JobOutcome::Failed)
                m_summary->setText(tr("Cannot read this tensor: %1").arg(result.error.detail));
            if (result.outcome != JobOutcome::Completed)
                return showAnalysis();
            m_stats = std::move(result.value->first);
            m_bulk = result.value->second;
            m_preview.reset();
            m_stride = 1;
            m_distribution->showStats(*m_stats, m_bulk);
            showAnalysis();
            emit histogramShown();
            emit statsReady();
            startRoundTrip();
        });
}

void TensorViews::startRoundTrip()
{
    const quint64 generation = ++m_generation;
    m_analysis.reset();
    m_distribution->showAnalysis(nullptr);
    const TensorInfo* tensor = currentTensor();
    updateValues();
    if (!tensor || !m_stats)
        return;
    m_summary->setText(tr("Computing the round trip…"));
    const CandidateFormat format = currentFormat();
    std::shared_ptr<const ModelFile> model = m_model;
    TensorStats stats = *m_stats;
    m_runner->start<TensorAnalysis>(
        tr("Analysing %1").arg(m_tensor),
        [model, tensor, format, stats](const ProgressFn& progress) {
            return analyzeRoundTrip(*tensor, format, stats, progress);
        },
        [this, generation](JobResult<TensorAnalysis> result) {
            if (generation != m_generation)
                return;
            if (result.outcome == JobOutcome::Completed)
                m_analysis = std::move(result.value);
            else if (result.outcome == JobOutcome::Failed)
                m_summary->setText(tr("Cannot analyse with this format: %1").arg(result.error.detail));
            showAnalysis();
            m_distribution->showAnalysis(m_analysis ? &*m_analysis : nullptr);
            if (m_analysis) {
                m_values->model()->setWholeRoundTrip(m_analysis->wholeRoundTrip);
                emit analysisReady();
            }
        });
}

void TensorViews::updateValues()
{
    const TensorInfo* tensor = currentTensor();
    m_values->model()->setTensor(m_model, tensor, currentFormat());
    m_values->setShape(tensor ? tensor->rows() : 0, tensor ? tensor->rowLength() : 0);
}

void TensorViews::showAnalysis()
{
    if (m_analysis) {
        const TensorError& e = m_analysis->error;
        m_summary->setText(tr("%1 as %2: SQNR %3 dB, relative error %4, RMSE %5, max |error| %6, cosine %7")
                               .arg(QString::fromStdString(m_analysis->tensorName),
                                    QString::fromStdString(m_analysis->format.name()), dbText(e.sqnrDb),
                                    QLocale().toString(e.relativeFrobenius, 'g', 4), QLocale().toString(e.rmse, 'g', 4),
                                    QLocale().toString(e.maxAbsError, 'g', 4), QLocale().toString(e.cosine, 'f', 6)));
        m_summary->setToolTip(tr("SQNR: 10·log10(Σw² / Σe²), higher is better. Relative error: ‖e‖ / ‖w‖. "
                                 "RMSE: root mean square of e = dequantized − original."));
    } else if (m_tensor.isEmpty()) {
        m_summary->setText(tr("Select a tensor to see its distribution and quantization error."));
    }
    m_outliers->setTable(m_stats ? &*m_stats : nullptr);
    m_dirtyTabs = (1u << OutliersTab) | (1u << ErrorTab);
    refreshTab(m_tabs->currentIndex());
}

void TensorViews::refreshTab(int tab)
{
    if (!(m_dirtyTabs & (1u << tab)))
        return;
    m_dirtyTabs &= ~(1u << tab);
    if (tab == OutliersTab) {
        m_outliers->setStats(m_stats ? &*m_stats : nullptr, m_tensor);
        const TensorInfo* t = currentTensor();
        if (m_analysis && t)
            m_outliers->setHeatmap(m_analysis->heatmap, t->rows(), t->rowLength());
    } else if (tab == ErrorTab) {
        fillError();
    }
}

void TensorViews::fillError()
{
    QChart* hist = m_errorHistogram->freshChart();
    QChart* rows = m_rowError->freshChart();
    if (!m_analysis)
        return;
    hist->setTitle(tr("Error histogram (dequantized − original)"));
    hist->addSeries(histogramSeries(m_analysis->error.errorHistogram, tr("error"), 0.0));
    setAxes(hist, tr("error (weight units)"), tr("count"), false);
    hist->legend()->hide();

    rows->setTitle(tr("SQNR per row"));
    auto* s = new QLineSeries;
    s->setName(tr("SQNR (dB)"));
    for (size_t r = 0; r < m_analysis->rows.size(); ++r)
        if (std::isfinite(m_analysis->rows[r].sqnrDb))
            s->append(static_cast<double>(r), m_analysis->rows[r].sqnrDb);
    rows->addSeries(s);
    setAxes(rows, tr("row (output channel)"), tr("SQNR (dB)"), false);
    if (auto* y = qobject_cast<QValueAxis*>(rows->axes(Qt::Vertical).value(0)); y && s->count() > 0) {
        double lo = INFINITY, hi = -INFINITY;
        for (const QPointF& p : s->points()) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
        y->setRange(lo - 0.5, hi + 0.5);
        y->applyNiceNumbers();
        y->setLabelFormat(QStringLiteral("%.1f"));
    }
    rows->legend()->hide();
}

} // namespace qx::ui

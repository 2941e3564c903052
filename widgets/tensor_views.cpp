#include "tensor_views.h"

#include "job_runner.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QFileDialog>
#include <QTabWidget>
#include <QValueAxis>
#include <QXYSeries>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

namespace {

/// Replaces the chart of `view` by an empty one in the palette's theme (old axes and series go with it).
QChart* freshChart(QChartView* view)
{
    QChart* old = view->chart();
    auto* chart = new QChart;
    const bool dark = view->palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->legend()->setAlignment(Qt::AlignBottom);
    view->setChart(chart);
    delete old;
    return chart;
}

QChartView* makeChartView(QWidget* parent)
{
    auto* view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setRubberBand(QChartView::RectangleRubberBand);  // drag to zoom, right click to zoom out
    view->setMinimumHeight(200);
    freshChart(view);
    return view;
}

/// A step line through the bins of `h` (counts floored at `floor` so a log axis can show empty bins).
QLineSeries* histogramSeries(const Histogram& h, const QString& name, double floor)
{
    auto* s = new QLineSeries;
    s->setName(name);
    for (size_t i = 0; i < h.counts.size(); ++i) {
        const double y = std::max(static_cast<double>(h.counts[i]), floor);
        s->append(h.binLo(static_cast<int>(i)), y);
        s->append(h.binLo(static_cast<int>(i)) + h.binWidth(), y);
    }
    return s;
}

void setAxes(QChart* chart, const QString& xTitle, const QString& yTitle, bool logY)
{
    auto* x = new QValueAxis;
    x->setTitleText(xTitle);
    x->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    QAbstractAxis* y = nullptr;
    if (logY) {
        auto* logAxis = new QLogValueAxis;
        logAxis->setLabelFormat(QStringLiteral("%g"));
        y = logAxis;
    } else {
        auto* lin = new QValueAxis;
        lin->setLabelFormat(QStringLiteral("%.0f"));
        y = lin;
    }
    y->setTitleText(yTitle);
    chart->addAxis(y, Qt::AlignLeft);
    double x0 = INFINITY, x1 = -INFINITY, y1 = 0.0;
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
        if (auto* line = qobject_cast<QXYSeries*>(s))
            for (const QPointF& p : line->points()) {
                x0 = std::min(x0, p.x());
                x1 = std::max(x1, p.x());
                y1 = std::max(y1, p.y());
            }
    }
    if (x0 < x1)
        x->setRange(x0, x1);
    if (auto* lin = qobject_cast<QValueAxis*>(y)) {
        lin->setRange(0.0, y1 > 0.0 ? y1 * 1.05 : 1.0);
        lin->applyNiceNumbers();
    } else if (y1 > 0.0) {
        y->setRange(0.5, y1 * 2.0);
    }
}

QString dbText(double db)
{
    if (std::isinf(db))
        return db > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    return QString::number(db, 'f', 2);
}

} // namespace

TensorViews::TensorViews(QWidget* parent) : QWidget(parent), m_runner(new JobRunner(this))
{
    m_candidate = new QComboBox(this);
    for (const CandidateFormat& c : candidateFormats())
        m_candidate->addItem(QString::fromStdString(c.name));
    m_candidate->setCurrentText(QStringLiteral("Q4_K"));
    m_candidate->setToolTip(tr("Candidate format: the tensor is quantized to it and dequantized again"));
    m_logScale = new QCheckBox(tr("Log scale"), this);
    m_logScale->setToolTip(tr("Logarithmic count axis (shows the sparse tails)"));
    auto* exportButton = new QPushButton(tr("Export PNG…"), this);
    exportButton->setToolTip(tr("Save the chart as a PNG picture (SVG needs Qt SVG, not installed)"));
    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Candidate format:"), this));
    bar->addWidget(m_candidate);
    bar->addWidget(m_logScale);
    bar->addStretch(1);
    bar->addWidget(exportButton);

    m_distribution = makeChartView(this);
    m_errorHistogram = makeChartView(this);
    m_rowError = makeChartView(this);
    auto* errorPage = new QWidget(this);
    auto* errorLayout = new QVBoxLayout(errorPage);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_errorHistogram);
    errorLayout->addWidget(m_rowError);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_distribution, tr("Distribution"));
    m_tabs->addTab(errorPage, tr("Error"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(m_candidate, &QComboBox::currentTextChanged, this, [this] { recompute(); });
    connect(m_logScale, &QCheckBox::toggled, this, [this] { fillDistribution(); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), QString(), tr("PNG images (*.png)"));
        if (!path.isEmpty())
            exportChart(path);
    });
    showAnalysis();
}

TensorViews::~TensorViews() = default;

void TensorViews::setModel(std::shared_ptr<const ModelFile> model)
{
    m_model = std::move(model);
    m_tensor.clear();
    recompute();
}

void TensorViews::setTensor(const QString& name)
{
    if (name == m_tensor && m_analysis)
        return;
    m_tensor = name;
    recompute();
}

void TensorViews::setCandidate(const QString& name) { m_candidate->setCurrentText(name); }

QString TensorViews::candidate() const { return m_candidate->currentText(); }

void TensorViews::showTab(int index) { m_tabs->setCurrentIndex(index); }

void TensorViews::setLogScale(bool on) { m_logScale->setChecked(on); }

bool TensorViews::exportChart(const QString& path) const
{
    QWidget* page = m_tabs->currentWidget();
    return page->grab().save(path, "PNG");
}

void TensorViews::recompute()
{
    const quint64 generation = ++m_generation;
    m_analysis.reset();
    const TensorInfo* tensor = nullptr;
    if (m_model)
        for (const TensorInfo& t : m_model->tensors)
            if (QString::fromStdString(t.name) == m_tensor)
                tensor = &t;
    if (!tensor) {
        m_runner->cancel();
        showAnalysis();
        return;
    }
    m_summary->setText(tr("Computing…"));
    const CandidateFormat format = candidateByName(m_candidate->currentText().toStdString());
    std::shared_ptr<const ModelFile> model = m_model;  // keeps the mapping alive while the job runs
    m_runner->start<TensorAnalysis>(
        tr("Analysing %1").arg(m_tensor),
        [model, tensor, format](const ProgressFn& progress) { return analyzeTensor(*tensor, format, progress); },
        [this, generation](JobResult<TensorAnalysis> result) {
            if (generation != m_generation)
                return;  // stale: a newer request is on its way
            if (result.outcome == JobOutcome::Completed)
                m_analysis = std::move(result.value);
            else if (result.outcome == JobOutcome::Failed)
                m_summary->setText(tr("Cannot analyse with this format: %1").arg(result.error.detail));
            showAnalysis();
            if (m_analysis)
                emit analysisReady();
        });
}

void TensorViews::showAnalysis()
{
    if (m_analysis) {
        const TensorError& e = m_analysis->error;
        m_summary->setText(tr("%1 as %2: SQNR %3 dB, relative error %4, RMSE %5, max |error| %6, cosine %7")
                               .arg(QString::fromStdString(m_analysis->tensorName),
                                    QString::fromStdString(m_analysis->format.name), dbText(e.sqnrDb))
                               .arg(e.relativeFrobenius, 0, 'g', 4)
                               .arg(e.rmse, 0, 'g', 4)
                               .arg(e.maxAbsError, 0, 'g', 4)
                               .arg(e.cosine, 0, 'f', 6));
        m_summary->setToolTip(tr("SQNR: 10·log10(Σw² / Σe²), higher is better. Relative error: ‖e‖ / ‖w‖. "
                                 "RMSE: root mean square of e = dequantized − original."));
    } else if (m_tensor.isEmpty()) {
        m_summary->setText(tr("Select a tensor to see its distribution and quantization error."));
    }
    fillDistribution();
    fillError();
}

void TensorViews::fillDistribution()
{
    QChart* chart = freshChart(m_distribution);
    if (!m_analysis)
        return;
    const bool logY = m_logScale->isChecked();
    const double floor = logY ? 0.5 : 0.0;
    chart->setTitle(tr("Weight distribution of %1").arg(QString::fromStdString(m_analysis->tensorName)));
    chart->addSeries(histogramSeries(m_analysis->stats.histogram, tr("original"), floor));
    chart->addSeries(histogramSeries(m_analysis->reconstructedHistogram,
                                     tr("after %1 round trip").arg(QString::fromStdString(m_analysis->format.name)),
                                     floor));
    setAxes(chart, tr("weight value"), logY ? tr("count (log scale)") : tr("count"), logY);
}

void TensorViews::fillError()
{
    QChart* hist = freshChart(m_errorHistogram);
    QChart* rows = freshChart(m_rowError);
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

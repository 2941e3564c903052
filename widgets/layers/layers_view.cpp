#include "layers/layers_view.h"

#include "common/flow_layout.h"

#include "common/job_runner.h"
#include "common/table_export.h"
#include "layers/layer_table_model.h"
#include "layers/plan_layer_errors.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

namespace {

const QString kDefaultCandidate = QStringLiteral("Q4_0");

} // namespace

LayersView::LayersView(QWidget* parent) : QWidget(parent), m_runner(new JobRunner(this))
{
    m_planTimer = new QTimer(this);
    m_planTimer->setSingleShot(true);
    m_planTimer->setInterval(kPlanDebounceMs);
    connect(m_planTimer, &QTimer::timeout, this, &LayersView::refreshPlan);
    setupBar();
    setupPages();
    QWidget* barWidget = nullptr;
    FlowLayout* bar = flowBar(this, &barWidget);
    bar->addWidget(labelled(tr("Format:"), m_candidate, barWidget));
    bar->addWidget(labelled(tr("Metric:"), m_metric, barWidget));
    bar->addWidget(labelled(tr("Class:"), m_class, barWidget));
    bar->addWidget(m_compute);
    bar->addWidget(m_cancel);
    bar->addWidget(m_progress);
    bar->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(barWidget);
    layout->addWidget(m_pages, 1);

    connect(m_compute, &QPushButton::clicked, this, &LayersView::compute);
    connect(m_cancel, &QPushButton::clicked, m_runner, &JobRunner::cancel);
    connect(m_candidate, &QComboBox::activated, this, [this] { m_formatChosen = true; });
    connect(m_candidate, &QComboBox::currentIndexChanged, this, &LayersView::formatChanged);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { fillChart(); });
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] { fillChart(); });
    connect(m_runner, &JobRunner::progressChanged, this,
            [this](double f) { m_progress->setValue(static_cast<int>(f * 1000.0)); });
    fillChart();
}

void LayersView::setupBar()
{
    m_candidate = new QComboBox(this);
    m_candidate->addItem(tr("Current plan"));
    m_candidate->setItemData(0, tr("Each tensor in the format the plan gives it (type or scheme); follows every edit"),
                             Qt::ToolTipRole);
    for (const CandidateFormat& c : candidateFormats())
        m_candidate->addItem(QString::fromStdString(c.name()));
    m_candidate->insertSeparator(1);
    m_candidate->setCurrentText(kDefaultCandidate);
    m_candidate->setToolTip(tr("The current plan, or one candidate format for every layer tensor"));
    m_metric = new QComboBox(this);
    m_metric->addItem(tr("SQNR (dB)"));
    m_metric->addItem(tr("Relative error"));
    m_metric->setItemData(0, tr("Signal-to-quantization-noise ratio 10·log10(Σw² / Σe²); higher is better"),
                          Qt::ToolTipRole);
    m_metric->setItemData(1, tr("‖dequantized − original‖ / ‖original‖; lower is better"), Qt::ToolTipRole);
    m_compute = new QPushButton(tr("Compute"), this);
    m_compute->setToolTip(tr("Quantize and dequantize every layer tensor with the chosen format"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("layersStatus"));
    m_class = new QComboBox(this);
    m_class->addItem(tr("All classes"), QString());
    for (const std::string& cls : layerTensorClasses())
        m_class->addItem(QString::fromStdString(cls), QString::fromStdString(cls));
    m_class->setToolTip(tr("Tensor class drawn in the chart"));
}

void LayersView::setupPages()
{
    m_chart = new QChartView(this);
    m_chart->setObjectName(QStringLiteral("layersChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setRubberBand(QChartView::RectangleRubberBand);
    m_table = new LayerTableModel(this);
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_table);
    proxy->setSortRole(LayerTableModel::SortRole);
    m_tableView = new QTableView(this);
    m_tableView->setModel(proxy);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(0, Qt::AscendingOrder);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tableView->setToolTip(tr("One row per layer, one column per tensor class; right click to export as CSV"));
    installTableExport(m_tableView);
    auto* exportButton = new QPushButton(tr("Export PNG/SVG…"), this);
    exportButton->setToolTip(tr("Save the chart as a PNG picture or an SVG vector drawing (chosen by the file type)"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = askChartImagePath(this);
        if (!path.isEmpty() && !exportChartImage(m_chart, path))
            m_status->setText(tr("Cannot write %1").arg(path));
    });
    auto* chartPage = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(chartPage);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chart, 1);
    chartLayout->addWidget(exportButton, 0, Qt::AlignRight);
    m_pages = new QTabWidget(this);
    m_pages->addTab(chartPage, tr("Chart"));
    m_pages->addTab(m_tableView, tr("Table"));
}

void LayersView::setClassFilter(const QString& tensorClass)
{
    const int i = m_class->findData(tensorClass);
    m_class->setCurrentIndex(std::max(0, i));
}

void LayersView::showPage(int page) { m_pages->setCurrentIndex(page); }

void LayersView::setModel(std::shared_ptr<const ModelFile> model)
{
    m_model = std::move(model);
    ++m_generation;
    m_runner->cancel();
    m_values.reset();
    m_status->clear();
    m_formatChosen = false;
    m_waitingForErrors = false;
    applyDefaultFormat();
    fillChart();
}

void LayersView::setPlan(PlanDocument* document, PlanErrorService* errors)
{
    if (m_plan)
        disconnect(m_plan, nullptr, this, nullptr);
    if (m_errors)
        disconnect(m_errors, nullptr, this, nullptr);
    m_plan = document;
    m_errors = errors;
    if (m_plan)
        connect(m_plan, &PlanDocument::planChanged, this, &LayersView::planEdited);
    if (m_errors)
        connect(m_errors, &PlanErrorService::idle, this, [this] {
            if (m_waitingForErrors && !m_planTimer->isActive())
                m_planTimer->start();
        });
    planEdited();
}

void LayersView::setCandidate(const QString& name)
{
    m_formatChosen = true;
    m_candidate->setCurrentText(name);
}

void LayersView::selectCurrentPlan()
{
    m_formatChosen = true;
    m_candidate->setCurrentIndex(0);
}

bool LayersView::isCurrentPlanSelected() const { return m_candidate->currentIndex() == 0; }

void LayersView::setMetric(int metric) { m_metric->setCurrentIndex(metric); }

void LayersView::applyDefaultFormat()
{
    if (m_formatChosen)
        return;
    const bool plan = m_plan && m_model && m_plan->model() == m_model && planDiffersFromStored(*m_plan);
    if (plan)
        m_candidate->setCurrentIndex(0);
    else
        m_candidate->setCurrentText(kDefaultCandidate);
}

void LayersView::formatChanged()
{
    ++m_generation;
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_waitingForErrors = false;
    m_values.reset();
    if (isCurrentPlanSelected()) {
        m_planTimer->start();
    } else {
        m_status->setText(m_model ? tr("Press Compute to measure %1").arg(m_candidate->currentText()) : QString());
        fillChart();
    }
}

void LayersView::planEdited()
{
    applyDefaultFormat();
    if (!isCurrentPlanSelected())
        return;
    ++m_generation;  // whatever is running belongs to an older plan
    m_runner->cancel();
    m_planTimer->start();
}

void LayersView::compute()
{
    if (isCurrentPlanSelected())
        refreshPlan();
    else
        computeCandidate();
}

void LayersView::computeCandidate()
{
    if (!m_model)
        return;
    CandidateFormat format = candidateByName(m_candidate->currentText().toStdString());
    if (m_plan && format.format.isGguf())
        format.imatrix = m_plan->imatrix();   // the i-quants round-trip with the plan's importance matrix
    std::shared_ptr<const ModelFile> model = m_model;
    runJob(m_candidate->currentText(), false, [model, format](const ProgressFn& p) {
        std::vector<LayerTensorError> values = analyzeLayers(*model, format, p);
        for (LayerTensorError& v : values)
            v.format = format.name();
        return values;
    });
}

void LayersView::refreshPlan()
{
    m_planTimer->stop();
    if (!isCurrentPlanSelected() || !m_model || !m_plan || m_plan->model() != m_model) {
        m_status->setText(m_model && !m_plan ? tr("No plan") : QString());
        fillChart();
        return;
    }
    if (m_errors && m_errors->isBusy()) {
        m_waitingForErrors = true;  // its results are about to arrive: take them rather than measure twice
        m_status->setText(tr("Waiting for the plan's errors (%n tensor(s) left)…", nullptr, m_errors->pendingCount()));
        return;
    }
    m_waitingForErrors = false;
    std::vector<PlannedLayerItem> items = plannedLayerItems(*m_plan, m_errors);
    const bool allKnown = std::all_of(items.begin(), items.end(),
                                      [](const PlannedLayerItem& i) { return i.known || i.failed; });
    if (allKnown) {
        ++m_generation;
        m_runner->cancel();
        showValues(measurePlannedLayers(*m_model, items), tr("current plan"), true);
        return;
    }
    std::shared_ptr<const ModelFile> model = m_model;
    runJob(tr("current plan"), true, [model, items = std::move(items)](const ProgressFn& p) { return measurePlannedLayers(*model, items, p); });
}

void LayersView::runJob(const QString& label, bool fromPlan,
                        std::function<std::vector<LayerTensorError>(const ProgressFn&)> work)
{
    const quint64 generation = ++m_generation;
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Computing…"));
    m_runner->start<std::vector<LayerTensorError>>(
        tr("Layer errors"), std::move(work),
        [this, generation, label, fromPlan](JobResult<std::vector<LayerTensorError>> result) {
            if (generation != m_generation)
                return;
            m_cancel->setEnabled(false);
            if (result.outcome == JobOutcome::Completed) {
                showValues(std::move(*result.value), label, fromPlan);
                return;
            }
            m_status->setText(result.outcome == JobOutcome::Cancelled ? tr("Cancelled") : result.error.detail);
            fillChart();
        });
}

void LayersView::showValues(std::vector<LayerTensorError> values, const QString& label, bool fromPlan)
{
    m_values = std::move(values);
    m_valuesLabel = label;
    m_valuesFromPlan = fromPlan;
    m_progress->setValue(1000);
    m_status->setText(tr("%n tensor(s)", nullptr, static_cast<int>(m_values->size())));
    fillChart();
    emit valuesReady();
}

void LayersView::addPointToolTips(QLineSeries* series, std::vector<QString> texts)
{
    connect(series, &QLineSeries::hovered, this, [this, series, texts = std::move(texts)](const QPointF& at, bool on) {
        if (!on || series->count() == 0) {
            QToolTip::hideText();
            return;
        }
        int best = 0;
        for (int i = 1; i < series->count(); ++i)
            if (std::abs(series->at(i).x() - at.x()) < std::abs(series->at(best).x() - at.x()))
                best = i;
        QToolTip::showText(QCursor::pos(), texts[size_t(best)], m_chart);
    });
}

namespace {

// Seven distinguishable hues (Okabe–Ito), one per class, readable on light and dark backgrounds.
const QColor kClassColours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                                QColor(0xCC, 0x79, 0xA7), QColor(0xD5, 0x5E, 0x00), QColor(0x56, 0xB4, 0xE9),
                                QColor(0x80, 0x80, 0x80)};

/// What the chart's lines span, for the axes.
struct ChartExtent {
    double lo = INFINITY, hi = -INFINITY;
    int maxLayer = 0;
};

void addAxes(QChart* chart, bool sqnr, const ChartExtent& e)
{
    auto* x = new QValueAxis;
    x->setTitleText(LayersView::tr("layer (blk index)"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setRange(0, std::max(1, e.maxLayer));
    x->setTickCount(std::min(std::max(1, e.maxLayer), 16) + 1);
    auto* y = new QValueAxis;
    y->setTitleText(sqnr ? LayersView::tr("SQNR (dB)") : LayersView::tr("relative error"));
    y->setRange(e.lo - std::abs(e.hi - e.lo) * 0.05 - 1e-9, e.hi + std::abs(e.hi - e.lo) * 0.05 + 1e-9);
    y->applyNiceNumbers();
    y->setLabelFormat(sqnr ? QStringLiteral("%.1f") : QStringLiteral("%.3f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace

void LayersView::fillChart()
{
    QChart* old = m_chart->chart();
    auto* chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocalizeNumbers(true);   // axis labels as the language writes numbers
    m_chart->setChart(chart);
    delete old;
    m_table->setValues(m_values ? *m_values : std::vector<LayerTensorError>{}, m_metric->currentIndex(),
                       m_values && m_valuesFromPlan);
    if (!m_values || m_values->empty())
        return;
    const QString only = m_class->currentData().toString();
    const bool sqnr = m_metric->currentIndex() == 0;
    chart->setTitle(tr("Round-trip error per layer (%1)").arg(m_valuesLabel));
    ChartExtent extent;
    const auto& classes = layerTensorClasses();
    for (size_t c = 0; c < classes.size(); ++c) {
        if (!only.isEmpty() && only != QString::fromStdString(classes[c]))
            continue;
        auto* s = new QLineSeries;
        s->setName(QString::fromStdString(classes[c]));
        s->setPen(QPen(kClassColours[c % 7], 2.0));
        s->setPointsVisible(true);
        std::vector<QString> tips;
        for (const LayerTensorError& e : *m_values) {
            const double v = sqnr ? e.sqnrDb : e.relativeError;
            if (e.tensorClass != classes[c] || !std::isfinite(v))
                continue;
            s->append(e.layer, v);
            tips.push_back(LayerTableModel::toolTipFor(e));
            extent = {std::min(extent.lo, v), std::max(extent.hi, v), std::max(extent.maxLayer, e.layer)};
        }
        if (s->count() == 0) {
            delete s;
            continue;
        }
        chart->addSeries(s);
        addPointToolTips(s, std::move(tips));
    }
    if (!chart->series().isEmpty())
        addAxes(chart, sqnr, extent);  // none when every tensor is exact (kept as stored): nothing finite to draw
}

} // namespace qx::ui

#include "learn/qat_lesson.h"

#include "learn/lesson_chart.h"

#include "common/chart_util.h"
#include "common/job_runner.h"

#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace qx::ui {

QatLesson::QatLesson(QWidget* parent) : Lesson(parent), m_runner(new JobRunner(this))
{
    addIntro(tr("<h2>Quantization-aware training (QAT), live</h2><p><b>Post-training "
        "quantization</b> (PTQ) rounds the finished weights. <b>QAT</b> keeps training with the rounding in the "
        "forward pass: the model sees its quantized weights, and the gradient passes through the rounding as if "
        "it were the identity (the <b>straight-through estimator</b>) to update float \"latent\" weights. The "
        "weights learn to sit where rounding hurts least.</p><p>Here the built-in demo model (trained by "
        "qexplore on its own generated stories) is fine-tuned for %1 steps of %2 × %3 tokens at 2, 3 and 4 bits "
        "(asymmetric, one FP16 step per %4 weights). That takes about 15 seconds of processor time: roughly 10 "
        "seconds on two idle cores, several times longer when they are busy. Perplexity is measured on held-out "
        "stories.</p>")
        .arg(m_options.steps).arg(m_options.batch).arg(m_options.seqLen).arg(m_options.group));
    auto* controls = new QHBoxLayout;
    m_start = new QPushButton(tr("Train"), this);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    controls->addWidget(m_start);
    controls->addWidget(m_cancel);
    controls->addWidget(m_progress, 1);
    column()->insertLayout(column()->count() - 1, controls);
    m_status = addParagraph();
    m_chart = addChart(320);
    m_table = new QTableWidget(0, 4, this);
    m_table->setHorizontalHeaderLabels({tr("Weights"), tr("PTQ perplexity"), tr("QAT perplexity"),
                                        tr("PTQ loss recovered")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(150);
    addWidget(m_table);
    connect(m_start, &QPushButton::clicked, this, &QatLesson::start);
    connect(m_cancel, &QPushButton::clicked, this, &QatLesson::cancel);
    connect(m_runner, &JobRunner::progressChanged, this, [this](double f) { m_progress->setValue(static_cast<int>(f * 1000)); });
    resetChart();
    setTrainedModelPath(QString());
}

QatLesson::~QatLesson()
{
    m_runner->cancel();
    m_runner->waitForIdle(); // no step callback may reach this object once it is gone
}

void QatLesson::setTrainedModelPath(const QString& path)
{
    m_path = path;
    m_start->setEnabled(!path.isEmpty() && !m_runner->isBusy());
    m_status->setText(path.isEmpty()
        ? tr("This lesson needs a model trained by qexplore: open the built-in demo model (it opens at start).")
        : tr("Model: <b>%1</b>. Press <b>Train</b>.").arg(QFileInfo(path).fileName().toHtmlEscaped()));
}

void QatLesson::resetChart()
{
    QChart* chart = m_chart->chart();
    clearChart(chart);
    m_series.clear();
    chart->setTitle(tr("Training loss per step (fake-quantized forward pass)"));
    m_axisX = new QValueAxis;
    m_axisX->setTitleText(tr("step"));
    m_axisX->setRange(0, static_cast<double>(std::max<int64_t>(1, m_options.steps - 1)));
    m_axisX->setLabelFormat(QStringLiteral("%.0f"));
    m_axisX->setTickType(QValueAxis::TicksDynamic);
    m_axisX->setTickAnchor(0);
    m_axisX->setTickInterval(std::max<int64_t>(1, m_options.steps / 10));
    m_axisY = new QValueAxis;
    m_axisY->setTitleText(tr("loss (nats per token)"));
    m_axisY->setRange(0, 1);
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (int b : m_options.bits) {
        auto* s = new QLineSeries;
        s->setName(tr("QAT INT%1").arg(b));
        chart->addSeries(s);
        s->attachAxis(m_axisX);
        s->attachAxis(m_axisY);
        m_series.append(s);
    }
    m_lossLo = 1e30;
    m_lossHi = 0;
    m_chart->refresh();
}

int QatLesson::pointsReceived(int index) const
{
    return index >= 0 && index < m_series.size() ? static_cast<int>(m_series[index]->count()) : 0;
}

void QatLesson::addPoint(int run, int64_t step, double loss)
{
    if (run < 0 || run >= m_series.size())
        return;
    m_series[run]->append(static_cast<double>(step), loss);
    m_lossLo = std::min(m_lossLo, loss);
    m_lossHi = std::max(m_lossHi, loss);
    const double pad = std::max(1e-3, 0.1 * (m_lossHi - m_lossLo));
    m_axisY->setRange(std::max(0.0, m_lossLo - pad), m_lossHi + pad);
    setNiceTicks(m_axisY, 5);
}

void QatLesson::start()
{
    if (m_path.isEmpty())
        return;
    m_result.reset();
    m_table->setRowCount(0);
    resetChart();
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    m_status->setText(tr("Training…"));
    m_clock.start();
    const std::string path = m_path.toStdString();
    const learn::QatLessonOptions options = m_options;
    QPointer<QatLesson> self(this);
    m_runner->start<learn::QatLessonResult>(tr("QAT lesson"),
        [path, options, self](const ProgressFn& progress) {
            return learn::runQatLesson(path, options, [self](int run, int64_t step, double loss) {
                QMetaObject::invokeMethod(self, [self, run, step, loss] { if (self) self->addPoint(run, step, loss); },
                                          Qt::QueuedConnection);
            }, progress);
        },
        [this](JobResult<learn::QatLessonResult> r) {
            m_start->setEnabled(true);
            m_cancel->setEnabled(false);
            if (r.outcome == JobOutcome::Completed) {
                m_result = std::move(r.value);
                showResult();
            } else if (r.outcome == JobOutcome::Cancelled) {
                m_status->setText(tr("Cancelled."));
            } else {
                m_status->setText(tr("Training failed: %1").arg(r.error.detail.toHtmlEscaped()));
            }
            emit jobEnded(r.outcome);
        });
}

void QatLesson::cancel() { m_runner->cancel(); }

void QatLesson::showResult()
{
    const learn::QatLessonResult& r = *m_result;
    m_progress->setValue(1000);
    const QString seconds = QLocale().toString(static_cast<double>(m_clock.elapsed()) / 1000.0, 'f', 1);
    m_status->setText(tr("Done in %1 s. Float (unquantized) model: held-out perplexity %2.")
                          .arg(seconds, num(r.pplFloat, 5)));
    m_table->setRowCount(static_cast<int>(r.runs.size()) + 1);
    auto set = [this](int row, int col, const QString& text) { m_table->setItem(row, col, new QTableWidgetItem(text)); };
    set(0, 0, tr("F32 (no quantization)"));
    set(0, 1, num(r.pplFloat, 5));
    set(0, 2, num(r.pplFloat, 5));
    set(0, 3, QStringLiteral("—"));
    for (size_t i = 0; i < r.runs.size(); ++i) {
        const learn::QatRun& run = r.runs[i];
        const int row = static_cast<int>(i) + 1;
        set(row, 0, tr("INT%1, group %2").arg(run.bits).arg(m_options.group));
        set(row, 1, num(run.pplPtq, 5));
        set(row, 2, num(run.pplQat, 5));
        const double lost = std::log(run.pplPtq) - std::log(r.pplFloat);
        set(row, 3, lost > 1e-3 ? tr("%1 %").arg(num(100.0 * (std::log(run.pplPtq) - std::log(run.pplQat)) / lost, 3))
                                : tr("nothing to recover"));
    }
}

} // namespace qx::ui

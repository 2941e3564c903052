#include "plan/calibration_box.h"

#include "common/flow_layout.h"

#include "common/app_settings.h"
#include "common/error_text.h"
#include "common/job_runner.h"
#include "plan/plan_calibration.h"
#include "plan/plan_document.h"

#include "common/error.h"
#include "common/text_file.h"
#include "common/thread_count.h"
#include "eval/perplexity.h"
#include "model/tokenizer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace qx::ui {

struct CalibrationBox::Output {
    std::shared_ptr<const LlamaWeights> weights;
    std::shared_ptr<const CalibResult> result;
    double overlap = -1.0;  ///< < 0: no evaluation text to compare with
    bool cached = false;
    int64_t chunks = 0;     ///< calibration chunks actually used
};

namespace {

const char* const kGrids[] = {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K",
                              "Q5_K", "Q6_K", "int4-g32", "int4-g128", "int3-g32"};

ProgressFn scaled(const ProgressFn& progress, double from, double to)
{
    return [progress, from, to](double f) { return !progress || progress(from + (to - from) * f); };
}

QString methodText(const std::string& method)
{
    if (method == "rtn") return CalibrationBox::tr("RTN (round to nearest)");
    if (method == "imatrix") return CalibrationBox::tr("imatrix (importance-weighted RTN)");
    if (method == "gptq") return CalibrationBox::tr("GPTQ");
    if (method == "gptq-act") return CalibrationBox::tr("GPTQ, act-order");
    if (method == "awq") return CalibrationBox::tr("AWQ");
    if (method == "awq-noclip") return CalibrationBox::tr("AWQ without clipping");
    if (method == "smoothquant") return CalibrationBox::tr("SmoothQuant (W8A8)");
    return CalibrationBox::tr("LLM.int8 (W8A8, outliers in float)");
}

/// Runs capture (or the cache) and the method on the job thread.
CalibrationBox::Output calibrate(std::shared_ptr<const ModelFile> model, std::shared_ptr<const LlamaWeights> weights,
                                 std::shared_ptr<CalibCache> cache, CalibRequest request, const std::string& calibPath,
                                 const std::string& evalPath, int threads, const ProgressFn& progress);

} // namespace

CalibrationBox::CalibrationBox(PlanDocument* document, QWidget* parent)
    : QWidget(parent), m_doc(document), m_runner(new JobRunner(this)), m_cache(std::make_shared<CalibCache>())
{
    setupControls();
    connect(m_doc, &PlanDocument::modelChanged, this, &CalibrationBox::modelChanged);
    connect(m_runner, &JobRunner::progressChanged, this,
            [this](double f) { m_progress->setValue(static_cast<int>(f * 1000.0)); });
    modelChanged();
}

CalibrationBox::~CalibrationBox()
{
    m_runner->cancel();
    m_runner->waitForIdle();
}

void CalibrationBox::setupControls()
{
    const QSettings settings;
    m_method = new QComboBox(this);
    for (const std::string& m : calibMethodNames())
        m_method->addItem(methodText(m), QString::fromStdString(m));
    m_method->setToolTip(tr("How the weights are rounded: RTN looks at one weight at a time; the other methods "
                            "also use the activations captured on the calibration text"));
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_method->setMinimumContentsLength(12);  // the long method names must not widen the plan dock
    m_grid = new QComboBox(this);
    for (const char* g : kGrids)
        m_grid->addItem(QString::fromLatin1(g), QString::fromLatin1(g));
    m_grid->setToolTip(tr("The grid the weights are rounded onto: GGUF block types (exportable) or uniform "
                          "integer groups (asymmetric, F16 step; evaluation only)"));
    m_text = new QLineEdit(this);
    const QString evalText = settings.value(QStringLiteral("evaluation/textFile")).toString();
    m_text->setText(settings.value(QStringLiteral("calibration/textFile"), evalText).toString());
    m_text->setToolTip(tr("Plain text whose activations are captured; it should not overlap the evaluation text"));
    setupParameters();
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* textRow = new QHBoxLayout;
    textRow->addWidget(m_text, 1);
    textRow->addWidget(browse);

    m_form = new QFormLayout;
    m_form->addRow(tr("Method:"), m_method);
    m_form->addRow(tr("Grid:"), m_grid);
    m_form->addRow(tr("Text:"), textRow);
    m_form->addRow(tr("Chunks:"), m_chunks);
    m_form->addRow(tr("Context:"), m_ctx);
    m_form->addRow(tr("Dampening:"), m_damp);
    m_form->addRow(tr("Alpha:"), m_alpha);
    m_form->addRow(tr("Threshold:"), m_threshold);

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_overlap = new QLabel(this);
    m_overlap->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 7);
    m_details->setToolTip(tr("Per-layer notes of the last run: losses, dampening, AWQ scales, outlier columns"));
    m_details->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addLayout(setupButtons());
    layout->addWidget(m_progress);
    layout->addWidget(m_overlap);
    layout->addWidget(m_status);
    layout->addWidget(m_details);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Calibration text"), m_text->text(),
                                                          tr("Text files (*.txt *.raw);;All files (*)"));
        if (!path.isEmpty())
            setTextFile(path);
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, &CalibrationBox::updateParameterRows);
    updateParameterRows();
}

void CalibrationBox::setupParameters()
{
    m_chunks = new QSpinBox(this);
    m_chunks->setRange(1, 100000);
    const QSettings settings;
    m_chunks->setValue(settings.value(QStringLiteral("calibration/chunks"), 16).toInt());
    m_chunks->setToolTip(tr("Chunks of the calibration text to capture (fewer when the text is shorter)"));
    m_ctx = new QSpinBox(this);
    m_ctx->setRange(16, 32768);
    m_ctx->setValue(settings.value(QStringLiteral("calibration/ctx"), 128).toInt());
    m_ctx->setToolTip(tr("Tokens per calibration chunk; the first is replaced by BOS, as llama-imatrix does"));
    m_damp = new QDoubleSpinBox(this);
    m_damp->setRange(0.001, 100.0);
    m_damp->setDecimals(3);
    m_damp->setValue(1.0);
    m_damp->setSuffix(tr(" %"));
    m_damp->setToolTip(tr("GPTQ dampening in % of the mean Hessian diagonal (raised automatically when needed)"));
    m_alpha = new QDoubleSpinBox(this);
    m_alpha->setRange(0.0, 1.0);
    m_alpha->setSingleStep(0.05);
    m_alpha->setValue(0.5);
    m_alpha->setToolTip(tr("SmoothQuant migration strength: 0 leaves the activations alone, 1 moves all their "
                           "range into the weights"));
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0.1, 1000.0);
    m_threshold->setValue(6.0);
    m_threshold->setToolTip(tr("LLM.int8: input columns with any |x| at or above this stay in float"));
}

QLayout* CalibrationBox::setupButtons()
{
    m_run = new QPushButton(tr("Run"), this);
    m_run->setToolTip(tr("Capture the calibration text's activations (cached) and quantize with the method"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setToolTip(tr("Stop the run; the plan stays as it is"));
    m_apply = new QPushButton(tr("Apply to Plan"), this);
    m_apply->setToolTip(tr("Give the calibrated tensors their calibrated weights and type (one undo step); the "
                           "plan's other tensors keep their formats. Then evaluate it in the Evaluate tab or "
                           "export it"));
    m_wholePlan = new QCheckBox(tr("Others as stored"), this);
    m_wholePlan->setToolTip(tr("Apply also resets every tensor the method did not calibrate (embeddings, output, "
                               "norms) to its stored type"));
    auto* row = new FlowLayout;
    row->addWidget(m_run);
    row->addWidget(m_cancel);
    row->addWidget(m_apply);
    row->addWidget(m_wholePlan);
    connect(m_run, &QPushButton::clicked, this, &CalibrationBox::run);
    connect(m_cancel, &QPushButton::clicked, this, &CalibrationBox::cancel);
    connect(m_apply, &QPushButton::clicked, this, &CalibrationBox::applyToPlan);
    return row;
}

bool CalibrationBox::selectMethod(const QString& method)
{
    const int i = m_method->findData(method);
    if (i >= 0)
        m_method->setCurrentIndex(i);
    return i >= 0;
}

bool CalibrationBox::selectGrid(const QString& grid)
{
    const int i = m_grid->findData(grid);
    if (i >= 0)
        m_grid->setCurrentIndex(i);
    return i >= 0;
}

void CalibrationBox::setTextFile(const QString& path) { m_text->setText(path); }
QString CalibrationBox::textFile() const { return m_text->text(); }

void CalibrationBox::setModelText(const QString& path, int nCtx)
{
    const QSettings settings;
    const bool hadModelText = !m_modelText.isEmpty();
    m_modelText = path;
    if (!path.isEmpty()) {
        m_text->setText(path);
        m_ctx->setValue(nCtx);
    } else if (hadModelText) {
        const QString evalText = settings.value(QStringLiteral("evaluation/textFile")).toString();
        m_text->setText(settings.value(QStringLiteral("calibration/textFile"), evalText).toString());
        m_ctx->setValue(settings.value(QStringLiteral("calibration/ctx"), 128).toInt());
    }
}
void CalibrationBox::setChunks(int chunks) { m_chunks->setValue(chunks); }
void CalibrationBox::setContext(int nCtx) { m_ctx->setValue(nCtx); }

void CalibrationBox::setEvaluationTextProvider(std::function<QString()> provider)
{
    m_evalText = std::move(provider);
}

QString CalibrationBox::evaluationText() const
{
    if (m_evalText)
        return m_evalText();
    return QSettings().value(QStringLiteral("evaluation/textFile")).toString();
}

CalibRequest CalibrationBox::request() const
{
    CalibRequest r;
    r.method = m_method->currentData().toString().toStdString();
    r.grid = m_grid->currentData().toString().toStdString();
    r.dampPercent = m_damp->value();
    r.alpha = m_alpha->value();
    r.threshold = static_cast<float>(m_threshold->value());
    r.chunks = m_chunks->value();
    r.nCtx = m_ctx->value();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!dir.isEmpty())
        r.cacheDir = (dir + QStringLiteral("/calib")).toStdString();
    return r;
}

void CalibrationBox::updateParameterRows()
{
    const std::string m = m_method->currentData().toString().toStdString();
    m_form->setRowVisible(m_damp, methodUses(m, "damp"));
    m_form->setRowVisible(m_alpha, methodUses(m, "alpha"));
    m_form->setRowVisible(m_threshold, methodUses(m, "threshold"));
    const bool w8a8 = isW8A8Method(m);
    m_grid->setEnabled(!w8a8);
    m_grid->setToolTip(w8a8 ? tr("SmoothQuant and LLM.int8 quantize weights and activations to int8 per row and "
                                 "per token: there is no grid to choose, and the result cannot be exported to GGUF")
                            : tr("The grid the weights are rounded onto: GGUF block types (exportable) or uniform "
                                 "integer groups (asymmetric, F16 step; evaluation only)"));
}

void CalibrationBox::setBusy(bool busy)
{
    const bool model = m_doc->model() != nullptr;
    m_run->setEnabled(!busy && model);
    m_cancel->setEnabled(busy);
    m_apply->setEnabled(!busy && m_result != nullptr);
    m_progress->setVisible(busy);  // a full bar after the run would only draw the eye
    if (busy)
        m_progress->setValue(0);
}

void CalibrationBox::modelChanged()
{
    m_runner->cancel();
    m_weights.reset();
    m_result.reset();
    m_resultLabel.clear();
    m_notes.clear();
    m_details->clear();
    m_details->hide();
    m_overlap->clear();
    m_overlap->hide();  // an empty label would still take a line
    m_progress->setValue(0);
    m_status->setText(m_doc->model() ? tr("Choose a method and a calibration text, then Run.")
                                     : tr("Open a model to calibrate."));
    setBusy(false);
}

QString CalibrationBox::statusText() const { return m_status->text(); }
QString CalibrationBox::overlapText() const { return m_overlap->text(); }

void CalibrationBox::run()
{
    auto model = m_doc->model();
    if (!model)
        return;
    const QString calibPath = m_text->text();
    if (calibPath.isEmpty()) {
        m_status->setText(tr("Choose a calibration text first."));
        return;
    }
    QSettings settings;
    if (calibPath != m_modelText) {  // the model's own text is no default for other models
        settings.setValue(QStringLiteral("calibration/textFile"), calibPath);
        settings.setValue(QStringLiteral("calibration/ctx"), m_ctx->value());
    }
    settings.setValue(QStringLiteral("calibration/chunks"), m_chunks->value());
    const int threads = resolveInteractiveThreadCount(AppSettings::threads());
    m_result.reset();
    setBusy(true);
    const QString name = m_method->currentText();
    m_status->setText(tr("Calibrating with %1…").arg(name));
    m_runner->start<Output>(
        tr("Calibrating with %1").arg(name),
        [model, weights = m_weights, cache = m_cache, request = request(), calib = calibPath.toStdString(),
         eval = evaluationText().toStdString(), threads](const ProgressFn& progress) {
            return calibrate(model, weights, cache, request, calib, eval, threads, progress);
        },
        [this, model, calibPath](JobResult<Output> r) {
            if (r.outcome == JobOutcome::Completed && model == m_doc->model()) {
                m_resultLabel = tr("%1 (calibrated on %2, %3 chunks)")
                                    .arg(QString::fromStdString(r.value->result->label), QFileInfo(calibPath).fileName())
                                    .arg(r.value->chunks);
                showOutput(*r.value);
            } else if (r.outcome == JobOutcome::Failed) {
                m_status->setText(tr("Calibration failed: %1 (%2)")
                                      .arg(r.error.code ? ErrorText::codeText(*r.error.code) : tr("unexpected error"),
                                           r.error.detail));
            } else {
                m_status->setText(tr("Calibration cancelled; the plan was not changed."));
            }
            setBusy(false);
            emit finished(r.outcome == JobOutcome::Completed && m_result != nullptr);
        });
}

void CalibrationBox::showOutput(const Output& out)
{
    if (out.weights)   // GPTQ streams from the file and leaves the float weights to the other methods
        m_weights = out.weights;
    m_result = out.result;
    m_lastCached = out.cached;
    m_progress->setValue(m_progress->maximum());
    m_overlap->show();
    if (out.overlap < 0.0)
        m_overlap->setText(tr("No evaluation text is set: overlap not checked."));
    else if (out.overlap > 0.0)
        m_overlap->setText(tr("<b>Warning:</b> %1 % of the evaluation text's lines also occur in the calibration "
                              "text. That flatters the calibrated methods; evaluate on other text.")
                               .arg(100.0 * out.overlap, 0, 'f', 1));
    else
        m_overlap->setText(tr("Calibration and evaluation texts share no line."));
    int layers = 0;
    for (const std::string& name : out.result->tensors()) {
        const TensorInfo* t = m_doc->model() ? m_doc->model()->findTensor(name) : nullptr;
        layers += t && t->rows() > 1 ? 1 : 0;  // AWQ's and SmoothQuant's folded norms are not counted
    }
    QString status = tr("%1: %2 layers quantized%3.")
                         .arg(m_resultLabel)
                         .arg(layers)
                         .arg(out.cached ? tr(" (captured statistics from the cache)") : QString());
    if (out.result->w8a8)
        status += QLatin1Char(' ') + tr("W8A8 results can be evaluated but not exported to GGUF.");
    else if (!out.result->exportable())
        status += QLatin1Char(' ') + tr("Uniform integer grids have no GGUF type: evaluation only.");
    m_status->setText(status);
    m_notes.clear();
    for (const std::string& n : out.result->notes)
        m_notes << QString::fromStdString(n);
    m_details->setPlainText(m_notes.join(QLatin1Char('\n')));
    m_details->setVisible(!m_notes.isEmpty());
}

void CalibrationBox::cancel() { m_runner->cancel(); }

bool CalibrationBox::applyToPlan()
{
    if (!m_result || !m_doc->model())
        return false;
    const bool whole = m_wholePlan->isChecked();
    const EditSummary s = m_doc->applyCalibration(m_result, m_resultLabel,
                                                  whole ? CalibrationScope::WholePlan : CalibrationScope::CalibratedTensors);
    emit statusMessage((whole ? tr("Applied %1 as the whole plan (%n tensor(s) changed): evaluate it in the Evaluate "
                                   "tab (undo restores the previous plan)", nullptr, s.changed)
                              : tr("Applied %1 to its %n calibrated tensor(s); the others keep their formats. "
                                   "Evaluate it in the Evaluate tab (undo restores the previous plan)", nullptr,
                                   static_cast<int>(m_result->tensors().size())))
                           .arg(m_resultLabel));
    return true;
}

namespace {

CalibrationBox::Output calibrate(std::shared_ptr<const ModelFile> model, std::shared_ptr<const LlamaWeights> weights,
                                 std::shared_ptr<CalibCache> cache, CalibRequest request, const std::string& calibPath,
                                 const std::string& evalPath, int threads, const ProgressFn& progress)
{
    CalibrationBox::Output out;
    request.calibText = readTextFile(calibPath);
    if (!evalPath.empty() && QFileInfo::exists(QString::fromStdString(evalPath)))
        out.overlap = textOverlap(request.calibText, readTextFile(evalPath));
    const Tokenizer tok = model->format == ModelFormat::Gguf ? Tokenizer::fromGguf(*model) : openTokenizer(model->path);
    const std::vector<int32_t> tokens = tok.encode(request.calibText, true);
    const int64_t whole = static_cast<int64_t>(tokens.size()) / std::max<int64_t>(1, request.nCtx);
    out.chunks = request.chunks > 0 ? std::min(request.chunks, whole) : whole;
    ForwardOptions fo;
    fo.threads = threads;
    std::shared_ptr<CalibResult> result;
    if (request.method == "gptq" || request.method == "gptq-act") {
        // Block-sequential on the streamed engine, straight from the file, as `qexplore-cli quantize` does:
        // no float copy of the model and no capture to keep; the result held as the grid's blocks.
        result = std::make_shared<CalibResult>(
            runStreamedGptq(model, tokens, chunkBosToken(*model), request, true, fo, progress, true));
    } else if (request.method == "awq" || request.method == "awq-noclip") {
        // Block by block from the file too, each block's statistics captured as it goes.
        result = std::make_shared<CalibResult>(runStreamedAwq(model, tokens, chunkBosToken(*model), request, fo, progress));
    } else if (isW8A8Method(request.method)) {
        // Each block's inputs captured as the float block runs, the weights kept as int8 rows.
        result = std::make_shared<CalibResult>(runStreamedW8A8(model, tokens, chunkBosToken(*model), request, fo, progress));
    } else {
        out.weights = weights ? weights : LlamaWeights::fromModel(model);
        const CaptureOutcome c = captureCached(out.weights, model->path, tokens, request, chunkBosToken(*model), fo,
                                               cache.get(), scaled(progress, 0.0, 0.5));
        out.cached = c.fromMemory || c.fromDisk;
        result = std::make_shared<CalibResult>(runCalibration(*out.weights, *c.data, request, scaled(progress, 0.5, 1.0)));
    }
    if (result->tensors().empty())
        throw Error(ErrorCode::Unsupported, "the grid " + request.grid + " fits no layer of this model");
    out.result = std::move(result);
    return out;
}

} // namespace

} // namespace qx::ui

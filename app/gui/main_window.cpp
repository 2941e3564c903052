#include "gui/main_window.h"

#include "common/about_dialog.h"
#include "common/app_icon.h"
#include "common/app_settings.h"
#include "common/error_text.h"
#include "common/format_text.h"
#include "common/job_runner.h"
#include "common/memory_indicator.h"
#include "common/docs_dialog.h"
#include "common/settings_dialog.h"
#include "compare/compare_page.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/evaluation_page.h"
#include "evaluate/tradeoff_view.h"
#include "eval/held_out_figure.h"
#include "layers/layers_view.h"
#include "learn/learn_lab.h"
#include "plan/calibration_box.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"
#include "plan/plan_export.h"
#include "plan/plan_file_actions.h"
#include "plan/scheme_panel.h"
#include "plan/sensitivity_box.h"
#include "start/model_description.h"
#include "start/model_info_view.h"
#include "start/start_page.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_tree_model.h"
#include "tensor/tensor_views.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QUndoStack>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace qx::app {
namespace {

/// The one local file or folder a drag carries, or an empty string.
QString droppedPath(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().front().isLocalFile())
        return {};
    return mime->urls().front().toLocalFile();
}

} // namespace

MainWindow::MainWindow(ui::ModelOpener opener, QWidget* parent)
    : QMainWindow(parent), m_runner(new ui::JobRunner(this)),
      m_loader(new ui::ModelLoader(m_runner, std::move(opener), this))
{
    m_runner->setObjectName(QStringLiteral("jobRunner"));
    setWindowTitle(tr("Quantization Explorer"));
    setWindowIcon(ui::appIcon());
    setAcceptDrops(true);
    setupPlan();
    setupActions();
    setupPlanActions();
    setupMenus();
    setupCentralWidget();
    setupStatusBar();
    connectSignals();
    refreshRecent();
    showPage(Page::Start);
    m_baseFont = QApplication::font();
    resize(QSize(fontMetrics().averageCharWidth() * 160, fontMetrics().height() * 45));
}

MainWindow::~MainWindow()
{
    // ~QWidget hides and deletes the children after this object has stopped being a MainWindow; a signal
    // they emit on the way (a dock's visibilityChanged, a tab's currentChanged) must not reach our slots.
    for (QObject* child : findChildren<QObject*>())
        disconnect(child, nullptr, this, nullptr);
}

void MainWindow::showPlannedFormat(const QString& tensor)
{
    const qx::PlanEntry* entry = m_plan->plan().find(tensor.toStdString());
    if (const auto scheme = entry ? m_plan->schemeOf(entry->tensor) : std::nullopt) {
        m_tensorViews->setCandidateFormat(ui::candidateOf(*scheme));
        return;
    }
    const qx::TensorTypeInfo* info = entry ? qx::tensorTypeInfo(entry->type) : nullptr;
    if (info && info->isQuantized) {
        const std::string_view name = qx::tensorTypeName(entry->type);
        m_tensorViews->setFormat(QString::fromUtf8(name.data(), qsizetype(name.size())));
    }
}

void MainWindow::openPath(const QString& path)
{
    if (!maybeKeepPlan())
        return;
    m_startPage->clearError();
    m_loader->open(QFileInfo(path).absoluteFilePath());
}

void MainWindow::setDemo(DemoFiles locations, std::function<DemoFiles()> writer)
{
    m_demoLocations = std::move(locations);
    m_demoWriter = std::move(writer);
    m_startPage->setDemoAvailable(static_cast<bool>(m_demoWriter));
}

void MainWindow::applyModelTexts(const QString& path)
{
    ui::EvaluatePanel* evaluate = m_evaluation->panel();
    ui::CalibrationBox* calibration = m_schemePanel->calibrationBox();
    ui::SensitivityBox* sensitivity = m_schemePanel->sensitivityBox();
    std::optional<DemoFiles> demo;
    const bool isDemo = m_demoWriter && !m_demoLocations.model.isEmpty()
        && QFileInfo(path).absoluteFilePath() == QFileInfo(m_demoLocations.model).absoluteFilePath();
    if (isDemo) {
        try {
            demo = m_demoWriter();  // the model is there already; this restores a text that was deleted
        } catch (const Error& e) {
            statusBar()->showMessage(QString::fromUtf8(e.what()), 5000);
        }
    }
    if (!demo) {
        evaluate->setModelDefaults(std::nullopt);
        calibration->setModelText({}, 0);
        sensitivity->setTextFile({});
        return;
    }
    const std::optional<HeldOutFigure> figure = m_model ? heldOutFigure(*m_model) : std::nullopt;
    const int64_t trained = m_model && m_model->spec.contextLength > 0 ? m_model->spec.contextLength : 128;
    const int nCtx = static_cast<int>(figure ? figure->nCtx : std::min<int64_t>(trained, 512));
    evaluate->setModelDefaults(ui::EvaluationDefaults{demo->text, nCtx, 0});
    calibration->setModelText(demo->calibrationText, nCtx);
    sensitivity->setTextFile(demo->text);
}

void MainWindow::showPage(Page page)
{
    if (page != Page::Start && !m_model)
        page = Page::Start;
    m_stack->setCurrentWidget(page == Page::Start ? static_cast<QWidget*>(m_startPage) : m_modelPage);
    if (page == Page::Tensors)
        m_tabs->setCurrentWidget(m_tensorSplit);
    else if (page == Page::Info)
        m_tabs->setCurrentWidget(m_infoView);
    else if (page == Page::Layers)
        m_tabs->setCurrentWidget(m_layersView);
    else if (page == Page::Evaluate)
        m_tabs->setCurrentWidget(m_evaluation);
    else if (page == Page::Tradeoff)
        m_tabs->setCurrentWidget(m_tradeoff);
    else if (page == Page::Compare)
        m_tabs->setCurrentWidget(m_compare);
    else if (page == Page::Learn)
        m_tabs->setCurrentWidget(m_learnLab);
    const bool open = static_cast<bool>(m_model);
    m_actions.close->setEnabled(open);
    m_actions.savePlan->setEnabled(open);
    m_actions.savePlanAs->setEnabled(open);
    m_actions.exportGguf->setEnabled(open && m_planExport->calibrationBlocker().isEmpty());
    m_actions.loadPlan->setEnabled(open);
    m_actions.exportReport->setEnabled(open);
    m_actions.find->setEnabled(open);
    m_actions.showTensors->setEnabled(open);
    m_actions.showInfo->setEnabled(open);
    updatePlanDock();
}

QString MainWindow::summaryText() const
{
    return m_model ? m_modelTotals->text() : QString();
}

void MainWindow::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Model File"), dialogDirectory(),
        tr("Model files (*.gguf *.safetensors *.bin);;GGUF (*.gguf);;safetensors (*.safetensors);;"
           "llama2.c checkpoints (*.bin);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Hugging Face Model Folder"), dialogDirectory());
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::openDemo()
{
    if (!m_demoWriter)
        return;
    auto writer = m_demoWriter;
    m_runner->start<DemoFiles>(
        tr("Preparing the demo model…"), [writer](const ProgressFn&) { return writer(); },
        [this](ui::JobResult<DemoFiles> result) {
            if (result.outcome == ui::JobOutcome::Completed)
                openPath(result.value->model);
            else if (result.outcome == ui::JobOutcome::Failed)
                onFailed(tr("demo model"), result.error.detail);
        });
}

void MainWindow::closeModel()
{
    if (!maybeKeepPlan())
        return;
    m_model.reset();
    m_modelPath.clear();
    m_plan->setModel(nullptr, {});
    updatePlanDock();
    m_planTotals->clear();
    m_tensorPane->setModelFile(nullptr);
    m_infoView->setModelFile(nullptr);
    m_tensorViews->setModel(nullptr);
    m_layersView->setModel(nullptr);
    m_learnLab->setModel(nullptr);
    m_evaluation->setModel(nullptr);
    m_compare->setModel(nullptr);
    setWindowTitle(tr("Quantization Explorer"));
    refreshRecent();
    showPage(Page::Start);
}

void MainWindow::showSettings()
{
    ui::SettingsDialog dialog(this);
    dialog.exec();
}

void MainWindow::showDocumentation(const QString& page)
{
    auto* dialog = new ui::DocsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!page.isEmpty())
        dialog->showPage(page);
    dialog->show();   // modeless: the pages can stay open beside the window
}

void MainWindow::showAbout(int page)
{
    ui::AboutDialog dialog(static_cast<ui::AboutDialog::Page>(page), this);
    dialog.exec();
}

void MainWindow::onLoaded(const QString& path, std::shared_ptr<const ModelFile> model)
{
    m_model = std::move(model);
    m_tensorPane->setModelFile(m_model);
    m_infoView->setModelFile(m_model);
    m_tensorViews->setModel(m_model);
    m_layersView->setModel(m_model);
    m_learnLab->setModel(m_model);
    m_evaluation->setModel(m_model);
    m_compare->setModel(m_model);
    m_modelPath = QFileInfo(path).absoluteFilePath();
    applyModelTexts(m_modelPath);
    m_plan->setModel(m_model, m_modelPath);
    m_schemeDock->widget()->setMinimumWidth(0);
    fitPlanDock();
    resizeDocks({m_schemeDock}, {m_schemeDock->widget()->minimumWidth() + fontMetrics().averageCharWidth() * 4},
                Qt::Horizontal);
    const QString architecture = QString::fromStdString(m_model->spec.architecture);
    m_modelTitle->setText(tr("%1 — %2, %3")
                              .arg(QFileInfo(path).fileName(), architecture.isEmpty() ? tr("unknown architecture") : architecture,
                                   ui::ModelDescription::formatText(*m_model)));
    m_modelTotals->setText(ui::ModelDescription::totalsLine(*m_model));
    updateTitle();
    updatePlanTotals();
    ui::AppSettings::addRecentFile(QFileInfo(path).absoluteFilePath());
    const bool isDemo = !m_demoLocations.model.isEmpty() && m_modelPath == QFileInfo(m_demoLocations.model).absoluteFilePath();
    statusBar()->showMessage(isDemo ? tr("Opened the built-in demo model") : tr("Opened %1").arg(QDir::toNativeSeparators(path)),
                             5000);
    showPage(Page::Tensors);
    updatePlanDock();
    // The tree gets what its plan columns need, up to two thirds, as long as the views keep their minimum.
    const int splitWidth = std::max(m_tensorSplit->width(), 800);
    const int most = std::max(splitWidth / 2, std::min(splitWidth * 2 / 3, splitWidth - m_tensorViews->minimumSizeHint().width()));
    const int tree = std::clamp(m_tensorPane->columnsWidth(), splitWidth / 2, most);
    m_tensorSplit->setSizes({tree, splitWidth - tree});
    if (m_plan->recoveryAvailable())
        m_planFiles->offerRecovery();
    emit modelShown(path);
}

void MainWindow::onFailed(const QString& path, const QString& message)
{
    if (!m_model)
        showPage(Page::Start);
    m_startPage->showError(message);
    if (!QFileInfo::exists(path)) {  // a recent entry whose file has gone
        ui::AppSettings::removeRecentFile(path);
        refreshRecent();
    }
    if (m_model) {
        // Non-blocking: the open model stays usable and tests never hang on a modal loop.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Could not open the model"), message,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    statusBar()->showMessage(tr("Could not open %1").arg(QDir::toNativeSeparators(path)), 8000);
    emit openFailed(path, message);
}

void MainWindow::setBusy(bool busy, const QString& label)
{
    if (busy) {
        m_progress->setRange(0, 0);
        statusBar()->showMessage(label);
    }
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
}

void MainWindow::refreshRecent()
{
    m_startPage->setRecentFiles(ui::AppSettings::recentFiles());
    refreshRecentMenu();
}

void MainWindow::refreshRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = ui::AppSettings::recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        const QString& path = recent[i];
        // &1 … &9, &0: the first ten entries have a key of their own.
        QAction* a = m_recentMenu->addAction(tr("&%1 %2").arg((i + 1) % 10).arg(QFileInfo(path).fileName()));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openPath(path); });
    }
    m_recentMenu->setToolTipsVisible(true);
    if (!recent.isEmpty())
        m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("&Clear List"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        ui::AppSettings::clearRecentFiles();
        refreshRecent();
    });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

QString MainWindow::dialogDirectory() const
{
    const QStringList recent = ui::AppSettings::recentFiles();
    return recent.isEmpty() ? QDir::homePath() : QFileInfo(recent.front()).absolutePath();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openPath(path);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeKeepPlan()) {
        event->ignore();
        return;
    }
    saveSettings();
    m_planErrors->cancel();
    m_planErrors->waitForIdle();
    m_runner->cancel();
    m_runner->waitForIdle();
    event->accept();
}

} // namespace qx::app

namespace qx::app {

void MainWindow::setUnsavedPlanPrompt(std::function<QMessageBox::StandardButton()> prompt)
{
    m_planFiles->setUnsavedPrompt(std::move(prompt));
}

bool MainWindow::maybeKeepPlan()
{
    return m_planFiles->maybeKeepPlan();
}

QString MainWindow::planTotalsText() const
{
    return m_planTotals->text();
}

void MainWindow::updatePlanTotals()
{
    m_planTotals->setText(m_model ? ui::PlanFileActions::totalsLine(*m_plan) : QString());
}

void MainWindow::updateTitle()
{
    if (!m_model) {
        setWindowTitle(tr("Quantization Explorer"));
        setWindowModified(false);
        return;
    }
    const QString plan = m_plan->fileName().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(QFileInfo(m_plan->fileName()).fileName());
    setWindowTitle(tr("%1%2[*] — Quantization Explorer").arg(QFileInfo(m_modelPath).fileName(), plan));
    setWindowModified(m_plan->isDirty());
}

} // namespace qx::app

namespace qx::app {

bool MainWindow::isPlanningPage() const
{
    QWidget* page = m_tabs->currentWidget();
    return m_stack->currentWidget() == m_modelPage
           && (page == m_tensorSplit || page == m_layersView || page == m_evaluation || page == m_tradeoff);
}

void MainWindow::updatePlanDock()
{
    const bool show = m_model && m_planDockWanted && isPlanningPage();
    if (show == m_schemeDock->isVisible())
        return;
    m_planDockAuto = true;
    m_schemeDock->setVisible(show);
    m_planDockAuto = false;
}

void MainWindow::setZoom(int percent)
{
    m_zoom = qBound(ui::AppSettings::kMinZoom, percent, ui::AppSettings::kMaxZoom);
    ui::AppSettings::setZoomPercent(m_zoom);
    QFont font = m_baseFont;
    font.setPointSizeF(m_baseFont.pointSizeF() * m_zoom / 100.0);
    QApplication::setFont(font);
    QFont title = font;
    title.setPointSizeF(font.pointSizeF() * 1.3);
    title.setBold(true);
    m_modelTitle->setFont(title);
    m_actions.zoomReset->setText(m_zoom == 100 ? tr("&Actual Size") : tr("&Actual Size (now %1 %)").arg(m_zoom));
    statusBar()->showMessage(tr("Zoom %1 %").arg(m_zoom), 3000);
}

void MainWindow::restoreSettings()
{
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tensorSplit->restoreState(settings.value(QStringLiteral("window/tensorSplit")).toByteArray());
    m_learnLab->restoreSplitter(settings.value(QStringLiteral("window/learnSplit")).toByteArray());
    m_planDockWanted = settings.value(QStringLiteral("window/planDock"), true).toBool();
    if (const int zoom = ui::AppSettings::zoomPercent(); zoom != 100)
        setZoom(zoom);
    updatePlanDock();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tensorSplit"), m_tensorSplit->saveState());
    settings.setValue(QStringLiteral("window/learnSplit"), m_learnLab->splitterState());
    settings.setValue(QStringLiteral("window/planDock"), m_planDockWanted);
}

} // namespace qx::app

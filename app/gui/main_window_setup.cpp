// MainWindow's construction: actions, menus, the central pages, the plan dock, the status bar and the
// signal wiring (the window's behaviour is in main_window.cpp).
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
#include "evaluate/runs_model.h"
#include "evaluate/tradeoff_view.h"
#include "layers/layers_view.h"
#include "learn/learn_lab.h"
#include "plan/calibration_box.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"
#include "plan/plan_export.h"
#include "plan/plan_file_actions.h"
#include "plan/scheme_panel.h"
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

#include <utility>

namespace qx::app {

void MainWindow::setupActions()
{
    m_actions.open = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Model File…"), this);
    m_actions.open->setShortcut(QKeySequence::Open);
    m_actions.openFolder = new QAction(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Open Model &Folder…"), this);
    m_actions.openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));  // Ctrl+Shift+O loads a plan
    m_actions.close = new QAction(tr("&Close Model"), this);
    m_actions.close->setShortcut(QKeySequence::Close);
    m_actions.settings = new QAction(tr("&Settings…"), this);
    m_actions.settings->setShortcut(QKeySequence::Preferences);
    m_actions.settings->setMenuRole(QAction::PreferencesRole);
    m_actions.quit = new QAction(tr("&Quit"), this);
    m_actions.quit->setShortcut(QKeySequence::Quit);
    m_actions.quit->setMenuRole(QAction::QuitRole);
    m_actions.find = new QAction(tr("&Filter Tensors"), this);
    m_actions.find->setShortcut(QKeySequence::Find);
    m_actions.showTensors = new QAction(tr("&Tensors"), this);
    m_actions.showTensors->setShortcut(QKeySequence(Qt::ALT | Qt::Key_1));
    m_actions.showInfo = new QAction(tr("&Info"), this);
    m_actions.showInfo->setShortcut(QKeySequence(Qt::ALT | Qt::Key_2));
    m_actions.about = new QAction(tr("&About Quantization Explorer"), this);
    m_actions.about->setMenuRole(QAction::AboutRole);
    m_actions.aboutQt = new QAction(tr("About &Qt"), this);
    m_actions.aboutQt->setMenuRole(QAction::AboutQtRole);
    m_actions.docs = new QAction(tr("&Documentation"), this);
    m_actions.docs->setShortcut(QKeySequence::HelpContents);
    m_actions.docs->setToolTip(tr("The README and the pages of docs/, built into the program"));
    m_actions.licence = new QAction(tr("&Licence"), this);
    m_actions.zoomIn = new QAction(tr("Zoom &In"), this);
    m_actions.zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    m_actions.zoomOut = new QAction(tr("Zoom &Out"), this);
    m_actions.zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_actions.zoomReset = new QAction(tr("&Actual Size"), this);
    m_actions.zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connectActions();
}

void MainWindow::connectActions()
{
    connect(m_actions.open, &QAction::triggered, this, &MainWindow::chooseFile);
    connect(m_actions.openFolder, &QAction::triggered, this, &MainWindow::chooseFolder);
    connect(m_actions.close, &QAction::triggered, this, &MainWindow::closeModel);
    connect(m_actions.settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.find, &QAction::triggered, this, [this] {
        if (!m_model)
            return;
        showPage(Page::Tensors);
        m_tensorPane->focusFilter();
    });
    connect(m_actions.showTensors, &QAction::triggered, this, [this] { showPage(Page::Tensors); });
    connect(m_actions.showInfo, &QAction::triggered, this, [this] { showPage(Page::Info); });
    connect(m_actions.about, &QAction::triggered, this, [this] { showAbout(int(ui::AboutDialog::Page::About)); });
    connect(m_actions.licence, &QAction::triggered, this, [this] { showAbout(int(ui::AboutDialog::Page::Licence)); });
    connect(m_actions.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    connect(m_actions.docs, &QAction::triggered, this, [this] { showDocumentation(); });
    // Steps of 10 % up to 200 %, then 25 %: fine control where laptops need it, big steps for projectors.
    connect(m_actions.zoomIn, &QAction::triggered, this, [this] { setZoom(m_zoom + (m_zoom >= 200 ? 25 : 10)); });
    connect(m_actions.zoomOut, &QAction::triggered, this, [this] { setZoom(m_zoom - (m_zoom > 200 ? 25 : 10)); });
    connect(m_actions.zoomReset, &QAction::triggered, this, [this] { setZoom(100); });
}

void MainWindow::setupMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions.open);
    file->addAction(m_actions.openFolder);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(m_actions.close);
    file->addSeparator();
    file->addAction(m_actions.loadPlan);
    file->addAction(m_actions.savePlan);
    file->addAction(m_actions.savePlanAs);
    file->addAction(m_actions.exportGguf);
    file->addAction(m_actions.exportReport);
    file->setToolTipsVisible(true);  // says why Export GGUF is disabled for W8A8 calibrations
    file->addSeparator();
    file->addAction(m_actions.settings);
    file->addSeparator();
    file->addAction(m_actions.quit);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_actions.undo);
    edit->addAction(m_actions.redo);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_actions.showTensors);
    view->addAction(m_actions.showInfo);
    view->addSeparator();
    view->addAction(m_actions.find);
    view->addSeparator();
    view->addAction(m_actions.zoomIn);
    view->addAction(m_actions.zoomOut);
    view->addAction(m_actions.zoomReset);
    m_viewMenu = view;
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_actions.docs);
    help->addAction(m_actions.licence);
    help->addSeparator();
    help->addAction(m_actions.about);
    help->addAction(m_actions.aboutQt);
}

void MainWindow::setupCentralWidget()
{
    m_startPage = new ui::StartPage(this);
    m_startPage->setObjectName(QStringLiteral("startPage"));
    m_tensorPane = new ui::TensorPane(this);
    m_tensorPane->setObjectName(QStringLiteral("tensorPane"));
    m_infoView = new ui::ModelInfoView(this);
    m_infoView->setObjectName(QStringLiteral("infoView"));

    m_modelTitle = new QLabel(this);
    QFont titleFont = m_modelTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_modelTitle->setFont(titleFont);
    m_modelTotals = new QLabel(this);
    m_modelTotals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelTotals->setWordWrap(true);
    m_planTotals = new QLabel(this);
    m_planTotals->setWordWrap(true);
    m_planTotals->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_planTotals->setToolTip(tr("The GGUF file the plan would export to (exact bytes), its bits per weight over the "
                                "planned tensors, and its tensor data relative to the stored model"));
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tensorViews = new ui::TensorViews(this);
    m_tensorViews->setObjectName(QStringLiteral("tensorViews"));
    m_tensorSplit = new QSplitter(Qt::Horizontal, this);
    m_tensorSplit->addWidget(m_tensorPane);
    m_tensorSplit->addWidget(m_tensorViews);
    m_tensorViews->setMinimumWidth(fontMetrics().averageCharWidth() * 50);  // the splitter may give the tree more
    m_tensorSplit->setStretchFactor(0, 3);
    m_tensorSplit->setStretchFactor(1, 2);
    m_tensorSplit->setSizes({560, 400});  // room for full tensor names and the plan columns in the tree
    m_tabs->addTab(m_tensorSplit, tr("Tensors"));
    m_tabs->addTab(m_infoView, tr("Info"));
    m_layersView = new ui::LayersView(this);
    m_layersView->setObjectName(QStringLiteral("layersView"));
    m_tabs->addTab(m_layersView, tr("Layers"));
    m_evaluation = new ui::EvaluationPage(this);
    m_evaluation->setObjectName(QStringLiteral("evaluationPage"));
    m_tabs->addTab(m_evaluation, tr("Evaluate"));
    m_tradeoff = new ui::TradeoffView(this);
    m_tradeoff->setObjectName(QStringLiteral("tradeoffView"));
    m_tradeoff->setRunsModel(m_evaluation->runsModel());
    m_tabs->addTab(m_tradeoff, tr("Trade-off"));
    m_compare = new ui::ComparePage(this);
    m_compare->setObjectName(QStringLiteral("comparePage"));
    m_compare->setPlanDocument(m_plan);
    m_tabs->addTab(m_compare, tr("Compare"));
    m_learnLab = new ui::LearnLab(this);
    m_learnLab->setObjectName(QStringLiteral("learnLab"));
    m_tabs->addTab(m_learnLab, tr("Learn"));

    m_modelPage = new QWidget(this);
    auto* layout = new QVBoxLayout(m_modelPage);
    layout->addWidget(m_modelTitle);
    layout->addWidget(m_modelTotals);
    layout->addWidget(m_planTotals);
    layout->addWidget(m_tabs, 1);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_startPage);
    m_stack->addWidget(m_modelPage);
    setCentralWidget(m_stack);

    m_tensorPane->treeModel()->setPlan(m_plan, m_planErrors);
    m_layersView->setPlan(m_plan, m_planErrors);
    m_schemePanel = new ui::SchemePanel(m_plan, this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_schemePanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_schemeDock = new QDockWidget(tr("Plan"), this);
    m_schemeDock->setObjectName(QStringLiteral("planDock"));
    m_schemeDock->setWidget(scroll);
    m_schemeDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, m_schemeDock);
    m_schemeDock->hide();
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_schemeDock->toggleViewAction());
    // A Plan dock the user closes stays closed on every page until shown again from the View menu.
    connect(m_schemeDock, &QDockWidget::visibilityChanged, this, [this] {
        if (!m_planDockAuto && m_model && isPlanningPage())
            m_planDockWanted = !m_schemeDock->isHidden();   // closed (hidden), not just covered or minimised
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updatePlanDock);
}

void MainWindow::setupStatusBar()
{
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(fontMetrics().averageCharWidth() * 30);
    m_progress->setVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the running job"));
    m_cancel->setVisible(false);
    m_memory = new ui::MemoryIndicator(this);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->addPermanentWidget(m_memory);
}

void MainWindow::connectSignals()
{
    connect(m_startPage, &ui::StartPage::openFileRequested, this, &MainWindow::chooseFile);
    connect(m_startPage, &ui::StartPage::openFolderRequested, this, &MainWindow::chooseFolder);
    connect(m_startPage, &ui::StartPage::openDemoRequested, this, &MainWindow::openDemo);
    connect(m_startPage, &ui::StartPage::openPathRequested, this, &MainWindow::openPath);
    connect(m_startPage, &ui::StartPage::clearRecentRequested, this, [this] {
        ui::AppSettings::clearRecentFiles();
        refreshRecent();
    });
    connect(m_loader, &ui::ModelLoader::loaded, this, &MainWindow::onLoaded);
    connect(m_loader, &ui::ModelLoader::failed, this, &MainWindow::onFailed);
    connect(m_loader, &ui::ModelLoader::cancelled, this,
            [this](const QString& path) { statusBar()->showMessage(tr("Opening %1 was cancelled").arg(path), 5000); });
    connect(m_runner, &ui::JobRunner::started, this, [this](const QString& label) { setBusy(true, label); });
    connect(m_runner, &ui::JobRunner::finished, this, [this] { setBusy(m_runner->isBusy()); });
    connect(m_runner, &ui::JobRunner::progressChanged, this, [this](double fraction) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(fraction * 1000.0));
    });
    connect(m_cancel, &QToolButton::clicked, m_runner, &ui::JobRunner::cancel);
    connect(m_tensorPane, &ui::TensorPane::selectionChanged, this, [this](const QStringList& names) {
        if (m_model)
            statusBar()->showMessage(ui::ModelDescription::selectionLine(*m_model, names));
        if (!names.isEmpty()) {
            m_tensorViews->setTensor(names.first());
            showPlannedFormat(names.first());
        }
        m_schemePanel->setSelection(m_tensorPane->selectedTensorNames(true));
    });
    connect(m_schemePanel, &ui::SchemePanel::contentsChanged, this, &MainWindow::fitPlanDock, Qt::QueuedConnection);
    connect(m_schemePanel, &ui::SchemePanel::sensitivityMeasured, m_tensorPane->treeModel(), &ui::TensorTreeModel::setSensitivity);
    connect(m_schemePanel, &ui::SchemePanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connectEvaluation();
    connect(m_tensorPane, &ui::TensorPane::openInLearnLab, this, [this](const QString& name) {
        m_learnLab->openTensor(name);
        showPage(Page::Learn);
    });
}

void MainWindow::fitPlanDock()
{
    // Grows only: the panel gets wider with the uniform scheme controls or a longer "Apply to N Selected".
    const int needed = m_schemePanel->minimumSizeHint().width() + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    if (needed > m_schemeDock->widget()->minimumWidth())
        m_schemeDock->widget()->setMinimumWidth(needed);
}

void MainWindow::connectEvaluation()
{
    m_evaluation->setPlanProvider([this] { return m_plan->planToUse(); });
    // The importance matrix is computed on the evaluation text; asked for by a refused evaluation, it runs
    // that evaluation once it is in use.
    const auto computeImatrix = [this] {
        ui::EvaluatePanel* panel = m_evaluation->panel();
        m_schemePanel->computeImatrix(panel->textFile(), panel->contextLength(), panel->chunkCount());
    };
    connect(m_schemePanel, &ui::SchemePanel::imatrixComputeRequested, this, computeImatrix);
    connect(m_evaluation->panel(), &ui::EvaluatePanel::imatrixComputeRequested, this, [this, computeImatrix] {
        m_evaluateAfterImatrix = true;
        computeImatrix();
    });
    connect(m_plan, &ui::PlanDocument::imatrixChanged, this, [this] { m_tensorViews->setImatrix(m_plan->imatrix()); });
    connect(m_schemePanel, &ui::SchemePanel::imatrixComputed, this, [this](bool ok) {
        if (std::exchange(m_evaluateAfterImatrix, false) && ok)
            m_evaluation->panel()->evaluate();
    });
    m_evaluation->setCalibrationProvider([this] { return m_plan->calibration(); });
    m_evaluation->setSchemeProvider([this] { return m_plan->schemes(); });
    m_evaluation->setLabelProvider([this] { return m_plan->describe(); });
    m_schemePanel->calibrationBox()->setEvaluationTextProvider([this] { return m_evaluation->panel()->textFile(); });
    // A run loads back with its schemes and calibrated weights, so evaluating it again gives the same figures.
    const auto load = [this](int row) {
        const ui::EvalRun& run = m_evaluation->panel()->runsModel()->runs()[size_t(row)];
        if (m_plan->loadPlan(run.plan, run.label, run.schemes, run.calibration))
            statusBar()->showMessage(tr("Loaded the plan of run \u201c%1\u201d (undo restores the previous plan)").arg(run.label), 8000);
    };
    connect(m_evaluation, &ui::EvaluationPage::runRequested, this, load);
    connect(m_tradeoff, &ui::TradeoffView::runRequested, this, load);
}

void MainWindow::setupPlan()
{
    m_plan = new ui::PlanDocument(this);
    m_planErrors = new ui::PlanErrorService(this);
    m_planErrors->setDocument(m_plan);
    m_planFiles = new ui::PlanFileActions(m_plan, this, [this] { return dialogDirectory(); });
    m_planExport = new ui::PlanExport(m_plan, m_runner, this);
    m_planExport->setObjectName(QStringLiteral("planExport"));
    connect(m_planFiles, &ui::PlanFileActions::statusMessage, this,
            [this](const QString& message, int timeout) { statusBar()->showMessage(message, timeout); });
    connect(m_plan, &ui::PlanDocument::planChanged, this, &MainWindow::updatePlanTotals);
    connect(m_plan, &ui::PlanDocument::planChanged, this, [this](const QStringList& changed) {
        const QStringList selected = m_tensorPane ? m_tensorPane->selectedTensorNames() : QStringList();
        if (!selected.isEmpty() && (changed.isEmpty() || changed.contains(selected.first())))
            showPlannedFormat(selected.first());  // the views follow the selected tensor's new format
    });
    connect(m_plan, &ui::PlanDocument::dirtyChanged, this, &MainWindow::updateTitle);
    connect(m_plan, &ui::PlanDocument::fileNameChanged, this, &MainWindow::updateTitle);
}

void MainWindow::setupPlanActions()
{
    m_actions.savePlan = new QAction(tr("&Save Plan"), this);
    m_actions.savePlan->setShortcut(QKeySequence::Save);
    m_actions.savePlanAs = new QAction(tr("Save Plan &As…"), this);
    m_actions.savePlanAs->setShortcut(QKeySequence::SaveAs);
    m_actions.loadPlan = new QAction(tr("&Load Plan…"), this);
    m_actions.loadPlan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_actions.undo = m_plan->undoStack()->createUndoAction(this, tr("&Undo"));
    m_actions.undo->setShortcut(QKeySequence::Undo);
    m_actions.redo = m_plan->undoStack()->createRedoAction(this, tr("&Redo"));
    m_actions.redo->setShortcuts(QKeySequence::keyBindings(QKeySequence::Redo) << QKeySequence(Qt::CTRL | Qt::Key_Y));
    connect(m_actions.savePlan, &QAction::triggered, m_planFiles, &ui::PlanFileActions::save);
    connect(m_actions.savePlanAs, &QAction::triggered, m_planFiles, &ui::PlanFileActions::saveAs);
    connect(m_actions.loadPlan, &QAction::triggered, m_planFiles, &ui::PlanFileActions::load);
    m_actions.exportGguf = new QAction(tr("&Export GGUF…"), this);
    m_actions.exportGguf->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_actions.exportGguf->setToolTip(tr("Write the plan as a GGUF file that llama.cpp loads (size shown in the header)"));
    connect(m_actions.exportGguf, &QAction::triggered, m_planExport, &ui::PlanExport::exportInteractively);
    m_actions.exportReport = new QAction(tr("Export Plan &Report…"), this);
    m_actions.exportReport->setToolTip(tr("Per tensor: stored and planned type, size and why (calibrated tensors name "
                                          "their method), as Markdown, CSV or JSON"));
    connect(m_actions.exportReport, &QAction::triggered, m_planExport, &ui::PlanExport::exportReportInteractively);
    connect(m_plan, &ui::PlanDocument::calibrationChanged, this, [this] {
        const QString blocker = m_planExport->calibrationBlocker();
        m_actions.exportGguf->setEnabled(m_model && blocker.isEmpty());
        m_actions.exportGguf->setToolTip(blocker.isEmpty() ? tr("Write the plan as a GGUF file that llama.cpp loads "
                                                                "(size shown in the header)")
                                                           : blocker);
    });
    connect(m_planExport, &ui::PlanExport::finished, this, [this](ui::JobOutcome outcome, const QString&, const QString& message) {
        statusBar()->showMessage(message, 15000);
        if (outcome == ui::JobOutcome::Failed)
            QMessageBox::warning(this, tr("Export failed"), message);
    });
}

} // namespace qx::app

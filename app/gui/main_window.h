#pragma once
// The main window: a start page (no model open) and, once a model is open, a header with its totals above
// the Tensors and Info tabs. Opening goes through ModelLoader on the JobRunner, so the window stays
// responsive; failures show in a banner on the start page. Business logic lives in qx_widgets.

#include "gui/demo_model.h"
#include "start/model_loader.h"

#include <QFont>
#include <QMainWindow>
#include <QMessageBox>

#include <functional>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace qx::ui {
class JobRunner;
class MemoryIndicator;
class ModelInfoView;
class StartPage;
class TensorPane;
class TensorViews;
class LayersView;
class LearnLab;
class EvaluationPage;
class TradeoffView;
class ComparePage;
class PlanDocument;
class PlanErrorService;
class PlanExport;
class PlanFileActions;
class SchemePanel;
}

namespace qx::app {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Page { Start, Tensors, Info, Layers, Evaluate, Tradeoff, Compare, Learn };

    explicit MainWindow(ui::ModelOpener opener, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a model file or folder in the background.
    void openPath(const QString& path);
    /// Enables "Open demo model": `writer` writes the demo files (runs as a job) and returns their paths,
    /// `locations`. The model at locations.model opens with the demo's texts and context as defaults.
    void setDemo(DemoFiles locations, std::function<DemoFiles()> writer);
    void showPage(Page page);

    const std::shared_ptr<const ModelFile>& model() const { return m_model; }
    /// The totals line shown above the tabs ("48 tensors · …"), empty when no model is open.
    QString summaryText() const;
    /// The plan being edited for the open model (undo stack, dirty flag, autosave).
    ui::PlanDocument* planDocument() const { return m_plan; }
    ui::PlanErrorService* planErrors() const { return m_planErrors; }
    ui::SchemePanel* schemePanel() const { return m_schemePanel; }
    /// The plan totals line ("Plan: … file · … bits/weight · …% of the stored tensors").
    QString planTotalsText() const;
    /// Replaces the Save/Discard/Cancel question asked before an unsaved plan is dropped (tests).
    void setUnsavedPlanPrompt(std::function<QMessageBox::StandardButton()> prompt);
    /// Restores the window geometry, dock layout, splitter sizes and zoom of the last session (QSettings).
    void restoreSettings();
    /// Stores what restoreSettings() restores (also done when the window closes).
    void saveSettings() const;
    /// Sets the interface zoom (percent of the system font size; View › Zoom) and stores it.
    void setZoom(int percent);
    int zoom() const { return m_zoom; }
    /// True for the pages the Plan dock belongs to (Tensors, Layers, Evaluate, Trade-off).
    bool isPlanningPage() const;

signals:
    void modelShown(const QString& path);
    void openFailed(const QString& path, const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void setupActions();
    void connectActions();
    void setupMenus();
    void setupCentralWidget();
    void setupStatusBar();
    void connectSignals();
    void connectEvaluation();
    /// Points the tensor views at the plan's quantized type for `tensor` (stored types leave them as they are).
    void showPlannedFormat(const QString& tensor);
    /// Widens the plan dock to the scheme panel's minimum width when that grew.
    void fitPlanDock();

    void chooseFile();
    void chooseFolder();
    void openDemo();
    void closeModel();
    void showSettings();
    /// Help › About, on the page `page` (ui::AboutDialog::Page).
    void showAbout(int page);
    void showDocumentation(const QString& page = {});
    /// Shows the Plan dock on planning pages (unless the user closed it), hides it elsewhere.
    void updatePlanDock();
    void refreshRecentMenu();
    void onLoaded(const QString& path, std::shared_ptr<const ModelFile> model);
    void onFailed(const QString& path, const QString& message);
    void setBusy(bool busy, const QString& label = {});
    void refreshRecent();
    QString dialogDirectory() const;
    void setupPlan();
    void setupPlanActions();
    bool maybeKeepPlan();
    void updatePlanTotals();
    void updateTitle();

    ui::JobRunner* m_runner;
    ui::ModelLoader* m_loader;
    /// Points Evaluate, Calibrate and Sensitivity at the demo's texts when `path` is the demo model, back
    /// at the Settings defaults otherwise.
    void applyModelTexts(const QString& path);

    DemoFiles m_demoLocations;
    std::function<DemoFiles()> m_demoWriter;
    std::shared_ptr<const ModelFile> m_model;

    QStackedWidget* m_stack = nullptr;
    ui::StartPage* m_startPage = nullptr;
    QWidget* m_modelPage = nullptr;
    QLabel* m_modelTitle = nullptr;
    QLabel* m_modelTotals = nullptr;
    QTabWidget* m_tabs = nullptr;
    ui::TensorPane* m_tensorPane = nullptr;
    ui::ModelInfoView* m_infoView = nullptr;
    ui::TensorViews* m_tensorViews = nullptr;
    ui::LayersView* m_layersView = nullptr;
    ui::LearnLab* m_learnLab = nullptr;
    ui::EvaluationPage* m_evaluation = nullptr;
    ui::TradeoffView* m_tradeoff = nullptr;
    ui::ComparePage* m_compare = nullptr;
    QSplitter* m_tensorSplit = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
    ui::MemoryIndicator* m_memory = nullptr;
    ui::PlanDocument* m_plan = nullptr;
    ui::PlanErrorService* m_planErrors = nullptr;
    ui::SchemePanel* m_schemePanel = nullptr;
    ui::PlanFileActions* m_planFiles = nullptr;
    bool m_evaluateAfterImatrix = false;  ///< an evaluation refused for want of an imatrix waits for one
    ui::PlanExport* m_planExport = nullptr;
    QDockWidget* m_schemeDock = nullptr;
    QLabel* m_planTotals = nullptr;
    QString m_modelPath;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    bool m_planDockWanted = true;   ///< the user has not closed the Plan dock
    bool m_planDockAuto = false;    ///< the dock is being shown/hidden by updatePlanDock()
    int m_zoom = 100;
    QFont m_baseFont;               ///< the application font at 100 %

    struct Actions {
        QAction* open = nullptr;
        QAction* openFolder = nullptr;
        QAction* close = nullptr;
        QAction* settings = nullptr;
        QAction* quit = nullptr;
        QAction* find = nullptr;
        QAction* showTensors = nullptr;
        QAction* showInfo = nullptr;
        QAction* about = nullptr;
        QAction* aboutQt = nullptr;
        QAction* docs = nullptr;
        QAction* licence = nullptr;
        QAction* zoomIn = nullptr;
        QAction* zoomOut = nullptr;
        QAction* zoomReset = nullptr;
        QAction* savePlan = nullptr;
        QAction* savePlanAs = nullptr;
        QAction* loadPlan = nullptr;
        QAction* exportGguf = nullptr;
        QAction* exportReport = nullptr;
        QAction* undo = nullptr;
        QAction* redo = nullptr;
    } m_actions;
};

} // namespace qx::app

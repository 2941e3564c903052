#include "gui/screenshot_session.h"

#include "common/job_runner.h"
#include "compare/compare_output_panel.h"
#include "compare/compare_page.h"
#include "compare/compare_table_model.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/evaluation_page.h"
#include "layers/layers_view.h"
#include "learn/learn_lab.h"
#include "plan/plan_document.h"
#include "plan/plan_error_service.h"
#include "plan/scheme_panel.h"
#include "plan/uniform_scheme_editor.h"
#include "tensor/distribution_view.h"
#include "tensor/tensor_views.h"

#include "gui/main_window.h"

#include <QCoreApplication>
#include <QDir>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTableView>
#include <QPixmap>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>

namespace qx::app {

template <class T>
T* ScreenshotSession::page(const char* name) const
{
    return m_window->findChild<T*>(QString::fromLatin1(name));
}

ScreenshotSession::ScreenshotSession(MainWindow* window, QString directory, QString modelPath, QObject* parent)
    : QObject(parent), m_window(window), m_directory(std::move(directory)), m_modelPath(std::move(modelPath))
{
}

void ScreenshotSession::start()
{
    if (!QDir().mkpath(m_directory)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(m_directory));
        QTimer::singleShot(0, this, [this] { emit finished(1); });
        return;
    }
    m_window->resize(m_size);  // the same picture whatever the screen
    QTimer::singleShot(0, this, [this] {
        m_window->showPage(MainWindow::Page::Start);
        grabTo(QStringLiteral("start.png"));
        if (m_modelPath.isEmpty()) {
            emit finished(m_ok ? 0 : 1);
            return;
        }
        connect(m_window, &MainWindow::modelShown, this, &ScreenshotSession::onModelShown);
        connect(m_window, &MainWindow::openFailed, this, &ScreenshotSession::onOpenFailed);
        m_window->openPath(m_modelPath);
    });
}

bool ScreenshotSession::grabTo(const QString& name)
{
    // Let pending layout and paint events settle (charts lay out over a few rounds) so the picture shows the
    // final geometry.
    for (int round = 0; round < 4; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
    const QString path = QDir(m_directory).filePath(name);
    const bool ok = m_window->grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    std::fflush(stdout);
    if (ok)
        m_written << path;
    m_ok = m_ok && ok;
    return ok;
}

void ScreenshotSession::onModelShown()
{
    // Deferred: modelShown() is emitted inside the job's completion, before the status bar drops its
    // progress indicator.
    QTimer::singleShot(0, this, &ScreenshotSession::grabModelViews);
}

void ScreenshotSession::grabModelViews()
{
    m_window->showPage(MainWindow::Page::Tensors);
    grabTo(QStringLiteral("tensors.png"));
    m_window->showPage(MainWindow::Page::Info);
    grabTo(QStringLiteral("info.png"));
    grabTensorViews();
}

void ScreenshotSession::grabTensorViews()
{
    // The first matrix of the model, as Q4_K (Q4_0 when its rows are too short for 256-blocks).
    QString name;
    QString format = QStringLiteral("Q4_0");
    for (const TensorInfo& t : m_window->model()->tensors)
        if (name.isEmpty() && t.rows() > 1 && t.rowLength() % 32 == 0) {
            name = QString::fromStdString(t.name);
            if (t.rowLength() % 256 == 0)
                format = QStringLiteral("Q4_K");
        }
    ui::TensorViews* views = page<ui::TensorViews>("tensorViews");
    auto* distribution = views->findChild<ui::DistributionView*>(QStringLiteral("distributionView"));
    if (name.isEmpty()) {
        emit finished(m_ok ? 0 : 1);
        return;
    }
    m_window->showPage(MainWindow::Page::Tensors);
    // After the round trip the Distribution view counts the values again: the pictures wait for that.
    auto grab = [this, views, distribution, format] {
        QTimer::singleShot(0, this, [this, views, distribution, format] {
            views->showTab(0);
            grabTo(QStringLiteral("distribution.png"));
            views->setLogScale(true);
            grabTo(QStringLiteral("tensor-distribution-log.png"));
            views->setLogScale(false);
            distribution->setMode(ui::DistributionView::Mode::Block);
            grabTo(QStringLiteral("tensor-distribution-block.png"));
            distribution->setMode(ui::DistributionView::Mode::Tensor);
            views->showTab(ui::TensorViews::OutliersTab);
            grabTo(QStringLiteral("tensor-outliers.png"));
            views->showTab(ui::TensorViews::ErrorTab);
            grabTo(QStringLiteral("tensor-error.png"));
            views->showTab(ui::TensorViews::ValuesTab);
            grabTo(QStringLiteral("tensor-values.png"));
            grabLayers(format);
        });
    };
    connect(views, &ui::TensorViews::analysisReady, this, [views, distribution, grab] {
        connect(distribution, &ui::DistributionView::binned, views, grab, Qt::SingleShotConnection);
    }, Qt::SingleShotConnection);
    views->setCandidate(format);
    views->setTensor(name);
}

void ScreenshotSession::grabLayers(const QString& format)
{
    ui::LayersView* layers = page<ui::LayersView>("layersView");
    m_window->showPage(MainWindow::Page::Layers);
    connect(layers, &ui::LayersView::valuesReady, this, [this] {
        QTimer::singleShot(0, this, [this] {
            grabTo(QStringLiteral("layers.png"));
            grabPlan();
        });
    }, Qt::SingleShotConnection);
    layers->setCandidate(format);
    layers->compute();
}

void ScreenshotSession::grabPlan()
{
    // The tree with llama-quantize's Q4_K_M mix planned, once the background errors are in.
    m_window->planDocument()->applyPreset(Preset::Q4_K_M);
    m_window->showPage(MainWindow::Page::Tensors);
    page<ui::TensorViews>("tensorViews")->showTab(0);   // the tree beside the distribution: what the window is about
    auto finish = [this] {
        QTimer::singleShot(0, this, [this] {
            grabTo(QStringLiteral("main-window.png"));
            grabLayersPlan();
        });
    };
    if (m_window->planErrors()->isBusy())
        connect(m_window->planErrors(), &ui::PlanErrorService::idle, this, finish, Qt::SingleShotConnection);
    else
        finish();
}

void ScreenshotSession::grabCustomScheme()
{
    QString name;
    for (const TensorInfo& t : m_window->model()->tensors)
        if (name.isEmpty() && t.rows() > 1 && t.rowLength() % 32 == 0 && isQuantizableTensor(t))
            name = QString::fromStdString(t.name);
    ui::SchemePanel* panel = m_window->schemePanel();
    if (name.isEmpty() || !panel->selectFormat(QStringLiteral("INT4 g128 asym")))
        return grabEvaluation();
    panel->setSelection({name});
    ui::UniformSchemeEditor* editor = panel->uniformEditor();
    editor->findChild<QSpinBox*>(QStringLiteral("schemeBits"))->setValue(3);
    auto* groupSize = editor->findChild<QComboBox*>(QStringLiteral("schemeGroupSize"));
    groupSize->setCurrentIndex(groupSize->findData(32));
    editor->findChild<QComboBox*>(QStringLiteral("schemeClip"))->setCurrentIndex(static_cast<int>(ClipMethod::MseSearch));
    panel->applyToSelection();
    auto finish = [this] {
        QTimer::singleShot(0, this, [this] {
            grabTo(QStringLiteral("plan-custom-scheme.png"));
            m_window->planDocument()->undoStack()->undo();  // the evaluation below sees the Q4_K_M mix
            m_window->schemePanel()->setSelection({});
            m_window->schemePanel()->selectFormat(QStringLiteral("Q4_K"));   // the panel as a user first sees it
            grabEvaluation();
        });
    };
    if (m_window->planErrors()->isBusy())
        connect(m_window->planErrors(), &ui::PlanErrorService::idle, this, finish, Qt::SingleShotConnection);
    else
        finish();
}

void ScreenshotSession::grabLayersPlan()
{
    // The Layers view on "Current plan": each layer tensor in its Q4_K_M type.
    ui::LayersView* layers = page<ui::LayersView>("layersView");
    m_window->showPage(MainWindow::Page::Layers);
    connect(layers, &ui::LayersView::valuesReady, this, [this] {
        QTimer::singleShot(0, this, [this] {
            grabTo(QStringLiteral("layers-plan.png"));
            grabCustomScheme();
        });
    }, Qt::SingleShotConnection);
    layers->selectCurrentPlan();
}

void ScreenshotSession::grabEvaluation()
{
    ui::EvaluatePanel* panel = page<ui::EvaluationPage>("evaluationPage")->panel();
    // --text, or the model's own text (the demo's) when it brings one
    const QString text = m_textPath.isEmpty() ? panel->textFile() : m_textPath;
    if (text.isEmpty() || (m_textPath.isEmpty() && !panel->hasModelDefaults())) {
        grabLearn();
        return;
    }
    panel->setTextFile(text);
    panel->setContext(128, 8);
    m_window->showPage(MainWindow::Page::Evaluate);
    panel->evaluate();          // the current plan (Q4_K_M) ...
    panel->evaluatePresets();   // ... and the common mixes, one after the other
    auto* poll = new QTimer(this);
    auto* elapsed = new QElapsedTimer;
    elapsed->start();
    connect(poll, &QTimer::timeout, this, [this, poll, panel, elapsed] {
        const bool timedOut = elapsed->elapsed() > 300'000;
        if (panel->runner()->isBusy() && !timedOut)
            return;
        poll->stop();
        poll->deleteLater();
        delete elapsed;
        if (timedOut)
            std::fprintf(stderr, "evaluation did not finish in 300 s\n");
        grabTo(QStringLiteral("evaluate.png"));
        m_window->showPage(MainWindow::Page::Tradeoff);
        grabTo(QStringLiteral("trade-off.png"));
        grabLearn();
    });
    poll->start(250);
}

void ScreenshotSession::grabCompare()
{
    ui::ComparePage* page = this->page<ui::ComparePage>("comparePage");
    m_window->showPage(MainWindow::Page::Compare);
    connect(page, &ui::ComparePage::compared, this, [this, page] {
        ui::CompareOutputPanel* panel = page->outputPanel();
        if (!m_textPath.isEmpty()) {
            panel->setTextFile(m_textPath);
            panel->setContext(128, 8);
        }
        if (m_textPath.isEmpty() || !panel->evaluateButton()->isEnabled())
            return grabCompareTabs();
        connect(panel, &ui::CompareOutputPanel::evaluated, this, &ScreenshotSession::grabCompareTabs,
                Qt::SingleShotConnection);
        panel->evaluate();
    }, Qt::SingleShotConnection);
    page->compareWith(m_comparePath);
}

void ScreenshotSession::grabCompareTabs()
{
    ui::ComparePage* page = this->page<ui::ComparePage>("comparePage");
    const auto grabAll = [this, page](const QString& suffix) {
        for (int tab : {ui::ComparePage::TensorsTab, ui::ComparePage::LayersTab, ui::ComparePage::MetadataTab,
                        ui::ComparePage::OutputTab}) {
            page->showTab(tab);
            static const char* names[] = {"tensors", "layers", "distribution", "metadata", "output"};
            grabTo(QStringLiteral("compare-%1%2.png").arg(QString::fromLatin1(names[tab]), suffix));
        }
    };
    grabAll(QString());
    m_window->resize(1920, 1080);
    grabAll(QStringLiteral("-1920"));
    m_window->resize(m_size);
    if (page->tableModel()->rowCount() < 3) {
        m_comparePath.clear();
        return finish();
    }
    connect(page, &ui::ComparePage::distributionShown, this, [this, page] {
        page->showTab(ui::ComparePage::DistributionTab);
        grabTo(QStringLiteral("compare-distribution.png"));
        m_comparePath.clear();
        finish();
    }, Qt::SingleShotConnection);
    page->findChild<QTableView*>(QStringLiteral("compareTable"))->selectRow(2);
}

void ScreenshotSession::grabLearn()
{
    m_window->showPage(MainWindow::Page::Learn);
    page<ui::LearnLab>("learnLab")->showLesson(QStringLiteral("symmetric"));
    grabTo(QStringLiteral("learn-lab.png"));
    page<ui::LearnLab>("learnLab")->showLesson(QStringLiteral("iquants"));
    grabTo(QStringLiteral("learn-iquants.png"));
    // The outliers lesson reads activations of the model's own forward pass: captured once, in the background.
    auto* lab = page<ui::LearnLab>("learnLab");
    lab->showLesson(QStringLiteral("outliers"));
    const auto grabOutliers = [this] {
        grabTo(QStringLiteral("learn-outliers.png"));
        finish();
    };
    if (!lab->activationJob()->isBusy())
        return grabOutliers();
    connect(lab->activationJob(), &ui::JobRunner::finished, this, [grabOutliers] { QTimer::singleShot(0, grabOutliers); },
            Qt::SingleShotConnection);
}

void ScreenshotSession::finish()
{
    if (!m_comparePath.isEmpty())
        return grabCompare();
    m_window->planDocument()->undoStack()->setClean();  // nothing to save when the session quits
    emit finished(m_ok ? 0 : 1);
}

void ScreenshotSession::onOpenFailed()
{
    QTimer::singleShot(0, this, [this] {
        grabTo(QStringLiteral("open-error.png"));
        emit finished(1);
    });
}

} // namespace qx::app

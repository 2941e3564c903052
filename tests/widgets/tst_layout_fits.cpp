// Every page, tab, dock and lesson of the main window at 1280×800 and 1920×1080, in English, German and
// French, on the built-in demo model with a plan, three runs and a comparison with its own Q4_K_M export: no
// text is cut (labels, buttons, tabs, column headers, group titles, combo boxes, chart texts;
// tests/common/layout_check.h), no widget overlaps
// another, the window's minimum size fits the screen, and no list or table scrolls sideways (but the tensor
// tree below 1920 pixels).
// Screenshots of every page go to $QX_VIEWS_SHOTS/layout (default test-scratch/views-shots/layout).
#include "common/layout_check.h"
#include "common/main_window_steps.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/widget_shots.h"

#include "gui/main_window.h"

#include "common/app_settings.h"
#include "common/docs_dialog.h"
#include "common/settings_dialog.h"
#include "common/translation.h"
#include "compare/compare_page.h"
#include "evaluate/evaluation_page.h"
#include "evaluate/runs_model.h"
#include "layers/layers_view.h"
#include "learn/learn_lab.h"
#include "learn/lesson.h"
#include "plan/plan_document.h"
#include "plan/plan_export.h"
#include "tensor/distribution_view.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_views.h"

#include "io/model_file.h"
#include "plan/presets.h"

#include <QDir>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableView>
#include <QTreeView>
#include <QtTest/QtTest>

using namespace qx;

namespace {

void settle()
{
    for (int round = 0; round < 6; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

/// A run as Evaluate adds it, with plausible figures (the layout cares about the texts, not the values).
ui::EvalRun fakeRun(const QString& label, const Plan& plan, double bpw, double kld, bool preset)
{
    ui::EvalRun run;
    run.label = label;
    run.time = QDateTime(QDate(2026, 1, 2), QTime(10, 30));
    run.isPreset = preset;
    run.plan = plan;
    run.eval.nCtx = 128;
    run.eval.nChunk = 8;
    run.eval.fileBytes = static_cast<uint64_t>(455520 * bpw / 8 + 40000);
    run.eval.bitsPerWeight = bpw;
    run.eval.ppl = 6.5 + 20 * kld;
    run.eval.pplUnc = 0.21;
    run.eval.pplBase = 6.41;
    run.eval.kldMean = kld;
    run.eval.kldUnc = kld / 20;
    run.eval.kld99 = static_cast<float>(kld * 6);
    run.eval.sameTop = 1.0 - kld;
    run.key = label.toUtf8();
    return run;
}

} // namespace

class TstLayoutFits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }
    void everyPageFits_data();
    void everyPageFits();

private:
    void check(QWidget* root, const QString& page);
    void checkNoSidewaysScrolling(QAbstractScrollArea* area, const QString& page);
    QStringList m_problems;
    QString m_tag;
    QSize m_size;
    QTreeView* m_tree = nullptr;   ///< the tensor tree
};

void TstLayoutFits::everyPageFits_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    for (const char* lang : {"en", "de", "fr"})
        for (const QSize size : {QSize(1280, 800), QSize(1920, 1080)})
            QTest::newRow(qPrintable(QStringLiteral("%1 %2x%3").arg(QLatin1String(lang)).arg(size.width()).arg(size.height())))
                << QString::fromLatin1(lang) << size;
}

void TstLayoutFits::check(QWidget* root, const QString& page)
{
    settle();
    for (const QString& p : test::layoutProblems(root))
        m_problems << page + QStringLiteral(": ") + p;
    // Lists and tables show their columns without scrolling sideways; only the tensor tree may scroll on a
    // laptop (its plan columns fit from 1920 pixels on, checked there).
    for (QAbstractItemView* v : root->findChildren<QAbstractItemView*>())
        if (v->isVisible() && (m_size.width() >= 1920 || v != m_tree) && !qobject_cast<QHeaderView*>(v))
            checkNoSidewaysScrolling(v, page);
    if (root->isWindow() && root->minimumSizeHint().width() > m_size.width()) {
        m_problems << QStringLiteral("%1: the window needs %2 px wide, the screen has %3").arg(page)
                          .arg(root->minimumSizeHint().width()).arg(m_size.width());
        for (QWidget* w : root->findChildren<QWidget*>())
            if (w->isVisible() && w->minimumSizeHint().width() > 350)
                qInfo("  min width %d: %s %s", w->minimumSizeHint().width(), qPrintable(test::layout_detail::describe(w)),
                      qobject_cast<QLabel*>(w) ? qPrintable(qobject_cast<QLabel*>(w)->text().left(80)) : qPrintable(w->parentWidget()->metaObject()->className()));
    }
    if (root->isWindow() && root->minimumSizeHint().height() > m_size.height())
        m_problems << QStringLiteral("%1: the window needs %2 px high, the screen has %3").arg(page)
                          .arg(root->minimumSizeHint().height()).arg(m_size.height());
    const QString dir = test::shotDir() + QStringLiteral("/layout");
    QDir().mkpath(dir);
    root->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, m_tag, QString(page).replace(QLatin1Char(' '), QLatin1Char('-'))));
}

void TstLayoutFits::checkNoSidewaysScrolling(QAbstractScrollArea* area, const QString& page)
{
    settle();
    if (area->horizontalScrollBar()->maximum() > 0 && qobject_cast<QTreeView*>(area)) {
        auto* t = qobject_cast<QTreeView*>(area);
        for (int c = 0; c < t->header()->count(); ++c)
            if (!t->header()->isSectionHidden(c))
                qInfo("  column %s: %d", qPrintable(t->model()->headerData(c, Qt::Horizontal).toString()), t->header()->sectionSize(c));
        qInfo("  viewport %d", t->viewport()->width());
    }
    if (area->horizontalScrollBar()->maximum() > 0)
        m_problems << QStringLiteral("%1: %2 scrolls sideways by %3 px").arg(page, test::layout_detail::describe(area))
                          .arg(area->horizontalScrollBar()->maximum());
}

void TstLayoutFits::everyPageFits()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    m_problems.clear();
    m_size = size;
    m_tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    ui::installTranslations(*qApp, language);
    const std::string demo = QX_SOURCE_DIR "/resources/demo-model.gguf";
    app::MainWindow window(&openModel);
    const app::DemoFiles files{QString::fromStdString(demo), QStringLiteral(QX_SOURCE_DIR "/resources/demo-text.txt"),
                               QStringLiteral(QX_SOURCE_DIR "/resources/demo-text.txt")};
    window.setDemo(files, [files] { return files; });
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    check(&window, QStringLiteral("start"));
    QVERIFY2(window.minimumSizeHint().width() <= size.width() && window.minimumSizeHint().height() <= size.height(),
             qPrintable(QStringLiteral("minimum size %1×%2").arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));

    QVERIFY(test::openAndWait(window, demo));
    m_tree = test::child<ui::TensorPane>(window, "tensorPane")->findChild<QTreeView*>(QStringLiteral("tensorTree"));
    window.planDocument()->applyPreset(Preset::Q4_K_M);
    ui::RunsModel* runs = test::child<ui::EvaluationPage>(window, "evaluationPage")->runsModel();
    const Plan plan = window.planDocument()->plan();
    runs->addRun(fakeRun(QStringLiteral("Q4_K_M"), plan, 5.94, 0.012, true));
    runs->addRun(fakeRun(QStringLiteral("solver 4.73 bpw"), plan, 4.73, 0.031, false));
    runs->addRun(fakeRun(QStringLiteral("Q4_K_M + GPTQ"), plan, 5.94, 0.009, false));

    // Tensors: the tree beside each view of a tensor.
    ui::TensorViews* views = test::child<ui::TensorViews>(window, "tensorViews");
    QSignalSpy analysed(views, &ui::TensorViews::analysisReady);
    test::selectTensor(window, "blk.0.ffn_down.weight");
    QVERIFY(analysed.wait(30000));
    QVERIFY(QTest::qWaitFor([views] { return views->findChild<ui::DistributionView*>(QStringLiteral("distributionView"))->rebuiltHistogram().has_value(); }, 20000));
    check(&window, QStringLiteral("distribution"));
    views->findChild<ui::DistributionView*>(QStringLiteral("distributionView"))->setMode(ui::DistributionView::Mode::Block);
    check(&window, QStringLiteral("one block"));
    views->findChild<ui::DistributionView*>(QStringLiteral("distributionView"))->setMode(ui::DistributionView::Mode::Tensor);
    for (int tab : {ui::TensorViews::OutliersTab, ui::TensorViews::ErrorTab, ui::TensorViews::ValuesTab}) {
        views->showTab(tab);
        check(&window, QStringLiteral("tensor tab %1").arg(tab));
    }

    window.showPage(app::MainWindow::Page::Info);
    check(&window, QStringLiteral("info"));
    window.showPage(app::MainWindow::Page::Layers);
    QSignalSpy layers(test::child<ui::LayersView>(window, "layersView"), &ui::LayersView::valuesReady);
    test::child<ui::LayersView>(window, "layersView")->compute();
    QVERIFY2(layers.count() > 0 || layers.wait(60000),
             qPrintable(test::child<ui::LayersView>(window, "layersView")->findChild<QLabel*>(QStringLiteral("layersStatus"))->text()));
    check(&window, QStringLiteral("layers"));
    window.showPage(app::MainWindow::Page::Evaluate);
    check(&window, QStringLiteral("evaluate"));
    window.showPage(app::MainWindow::Page::Tradeoff);
    check(&window, QStringLiteral("trade-off"));
    // Compare: the demo against its own Q4_K_M export; every column of the table without scrolling sideways,
    // long names elided in the middle.
    QTemporaryDir scratch;
    const QString exported = scratch.filePath(QStringLiteral("demo-Q4_K_M.gguf"));
    QSignalSpy written(test::child<ui::PlanExport>(window, "planExport"), &ui::PlanExport::finished);
    test::child<ui::PlanExport>(window, "planExport")->exportTo(exported);
    QVERIFY(written.wait(60000));
    QVERIFY2(written.first().at(0).value<ui::JobOutcome>() == ui::JobOutcome::Completed,
             qPrintable(written.first().at(2).toString()));
    auto* compare = test::child<ui::ComparePage>(window, "comparePage");
    window.showPage(app::MainWindow::Page::Compare);
    QSignalSpy compared(compare, &ui::ComparePage::compared);
    compare->compareWith(exported);
    QVERIFY(compared.wait(60000));
    QVERIFY(compare->diff() && !compare->diff()->tensors.empty());
    check(&window, QStringLiteral("compare"));
    window.showPage(app::MainWindow::Page::Learn);
    for (ui::Lesson* lesson : test::child<ui::LearnLab>(window, "learnLab")->lessons()) {
        test::child<ui::LearnLab>(window, "learnLab")->showLesson(lesson->lessonId());
        check(&window, QStringLiteral("lesson %1").arg(lesson->lessonId()));
    }

    ui::SettingsDialog settings(&window);
    settings.show();
    check(&settings, QStringLiteral("settings"));
    ui::DocsDialog docs(&window);
    docs.show();
    check(&docs, QStringLiteral("documentation"));
    window.setUnsavedPlanPrompt([] { return QMessageBox::Discard; });   // the plan goes with the window
    for (const QString& p : std::as_const(m_problems))
        qWarning("%s", qPrintable(p));
    QVERIFY2(m_problems.isEmpty(), qPrintable(QStringLiteral("%1 problems (listed above)").arg(m_problems.size())));
}

QX_TEST_MAIN(TstLayoutFits)
#include "tst_layout_fits.moc"

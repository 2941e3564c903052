// The main window end to end, offscreen: opening through the job runner, the totals shown, errors shown in
// the start page's banner (no crash, no modal dialog), drag and drop, recent files, Ctrl+F.

#include "common/test_main.h"
#include "fake_model.h"
#include "common/main_window_steps.h"
#include "gui/main_window.h"

#include "common/app_settings.h"
#include "evaluate/evaluate_panel.h"
#include "evaluate/evaluation_page.h"
#include "plan/calibration_box.h"
#include "plan/scheme_panel.h"
#include "start/start_page.h"
#include "tensor/tensor_filter_proxy.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_tree_model.h"

#include <QLineEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTreeView>
#include <QMimeData>
#include <QStandardPaths>
#include <QtTest/QtTest>

#include <thread>

using namespace qx;

namespace {

std::shared_ptr<const ModelFile> fakeOpener(const std::string& path)
{
    if (path.find("bad") != std::string::npos)
        throw Error(ErrorCode::BadMagic, path, 0, "expected GGUF magic");
    if (path.find("slow") != std::string::npos)
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return test::fakeModel(2);
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        ui::AppSettings::clearRecentFiles();
    }

    void opensModelInBackground()
    {
        app::MainWindow window(fakeOpener);
        window.show();
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        window.openPath(QStringLiteral("/fake/good.gguf"));
        QVERIFY(test::child<ui::JobRunner>(window, "jobRunner")->isBusy());  // returns at once; the work runs on the job thread
        QVERIFY(shown.wait(10000));
        QCOMPARE(test::child<ui::TensorPane>(window, "tensorPane")->treeModel()->tensorCount(), 9);
        QVERIFY2(window.summaryText().startsWith(QStringLiteral("9 tensors · 1304 parameters")),
                 qPrintable(window.summaryText()));
        QCOMPARE(ui::AppSettings::recentFiles().value(0), QStringLiteral("/fake/good.gguf"));
        QVERIFY(!test::child<ui::StartPage>(window, "startPage")->isErrorVisible());
    }

    void badFileShowsError()
    {
        app::MainWindow window(fakeOpener);
        window.show();
        QSignalSpy failed(&window, &app::MainWindow::openFailed);
        window.openPath(QStringLiteral("/fake/bad.gguf"));
        QVERIFY(failed.wait(10000));
        QVERIFY(!window.model());
        QVERIFY(test::child<ui::StartPage>(window, "startPage")->isErrorVisible());
        QCOMPARE(test::child<ui::StartPage>(window, "startPage")->errorText(),
                 QStringLiteral("Could not open “/fake/bad.gguf”: this is not a model file of a known kind (at byte 0).\n"
                                "Detail: expected GGUF magic"));
    }

    void dropOpensFile()
    {
        app::MainWindow window(fakeOpener);
        window.show();
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/fake/dropped.gguf"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.front().front().toString(), QStringLiteral("/fake/dropped.gguf"));
    }

    void cancelKeepsStartPage()
    {
        app::MainWindow window(fakeOpener);
        window.show();
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        window.openPath(QStringLiteral("/fake/slow.gguf"));
        test::child<ui::JobRunner>(window, "jobRunner")->cancel();
        QTRY_VERIFY(!test::child<ui::JobRunner>(window, "jobRunner")->isBusy());
        QVERIFY(shown.isEmpty());
        QVERIFY(!window.model());
    }

    void multiSelectionReportsTotals()
    {
        app::MainWindow window(fakeOpener);
        window.show();
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        window.openPath(QStringLiteral("/fake/good.gguf"));
        QVERIFY(shown.wait(10000));
        test::child<ui::TensorPane>(window, "tensorPane")->setFilterText(QStringLiteral("attn_q"));
        QTreeView* view = test::child<ui::TensorPane>(window, "tensorPane")->findChild<QTreeView*>(QStringLiteral("tensorTree"));
        const QModelIndex first = view->model()->index(0, 0, view->model()->index(0, 0));
        const QModelIndex second = view->model()->index(0, 0, view->model()->index(1, 0));
        view->selectionModel()->select(first, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        view->selectionModel()->select(second, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(test::child<ui::TensorPane>(window, "tensorPane")->selectedTensorNames(),
                 (QStringList{QStringLiteral("blk.0.attn_q.weight"), QStringLiteral("blk.1.attn_q.weight")}));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Selected tensors: 2 · 512 parameters · 544 B"));
    }

    void ctrlFFocusesFilter()
    {
        app::MainWindow window(fakeOpener);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        window.openPath(QStringLiteral("/fake/good.gguf"));
        QVERIFY(shown.wait(10000));
        window.showPage(app::MainWindow::Page::Info);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        auto* filter = test::child<ui::TensorPane>(window, "tensorPane")->findChild<QLineEdit*>();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("attn_q"));
        QCOMPARE(test::child<ui::TensorPane>(window, "tensorPane")->proxy()->rowCount(), 2);
    }

    void demoBringsItsTexts()
    {
        // The demo model opens with its own texts and context in Evaluate and Calibrate, which are not stored
        // as the Settings defaults; the next model gets the Settings defaults back.
        ui::AppSettings::setEvaluationDefaults({QStringLiteral("/texts/wiki.txt"), 512, 40});
        QSettings().remove(QStringLiteral("calibration"));
        const app::DemoFiles files{QStringLiteral("/fake/demo-model.gguf"), QStringLiteral("/fake/demo-text.txt"),
                                   QStringLiteral("/fake/demo-calibration.txt")};
        int written = 0;
        app::MainWindow window(fakeOpener);
        window.setDemo(files, [&] { ++written; return files; });
        window.show();
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        emit test::child<ui::StartPage>(window, "startPage")->openDemoRequested();  // the start page's "Open demo model"
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.front().front().toString(), files.model);
        QCOMPARE(written, 2);  // the job, then opening checks the texts are there
        ui::EvaluatePanel* panel = test::child<ui::EvaluationPage>(window, "evaluationPage")->panel();
        QCOMPARE(panel->textFile(), files.text);
        QCOMPARE(panel->contextLength(), 128);  // the fake model states no context and no held-out figure
        QCOMPARE(panel->chunkCount(), 0);
        QCOMPARE(window.schemePanel()->calibrationBox()->textFile(), files.calibrationText);
        QCOMPARE(ui::AppSettings::evaluationDefaults().textFile, QStringLiteral("/texts/wiki.txt"));

        window.openPath(QStringLiteral("/fake/good.gguf"));
        QVERIFY(shown.wait(10000));
        QCOMPARE(panel->textFile(), QStringLiteral("/texts/wiki.txt"));
        QCOMPARE(panel->contextLength(), 512);
        QCOMPARE(window.schemePanel()->calibrationBox()->textFile(), QStringLiteral("/texts/wiki.txt"));
    }
};

QX_TEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"

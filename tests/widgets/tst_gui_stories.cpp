// The GUI shell on real files from ../shared: stories260K through qx::openModel, and broken files.

#include "common/main_window_steps.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "gui/main_window.h"

#include "common/app_settings.h"
#include "start/start_page.h"
#include "tensor/tensor_pane.h"
#include "tensor/tensor_tree_model.h"

#include <QStandardPaths>
#include <QtTest/QtTest>

#include <fstream>

using namespace qx;

class TestGuiStories : public QObject {
    Q_OBJECT

    static QString openAndWait(app::MainWindow& window, const std::string& path, bool expectSuccess)
    {
        QSignalSpy shown(&window, &app::MainWindow::modelShown);
        QSignalSpy failed(&window, &app::MainWindow::openFailed);
        window.openPath(QString::fromStdString(path));
        [&] { QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() || !failed.isEmpty(), 20000); }();
        [&] { QCOMPARE(shown.size(), expectSuccess ? 1 : 0); }();
        return failed.isEmpty() ? QString() : failed.front().at(1).toString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        ui::AppSettings::clearRecentFiles();
    }

    void treeOfStories260K()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        ui::TensorTreeModel model;
        model.setModelFile(openModel(path));
        QCOMPARE(model.groupCount(), 6);  // global + blk.0 … blk.4
        QCOMPARE(model.tensorCount(), 48);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("global"));
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
        QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("blk.4"));
        QCOMPARE(model.rowCount(model.index(5, 0)), 9);
        // blk.0.ffn_down.weight: 172 × 64 F32 = 11008 weights, 44032 bytes.
        const QModelIndex layer0 = model.index(1, 0);
        bool found = false;
        for (int r = 0; r < model.rowCount(layer0); ++r) {
            if (model.index(r, 0, layer0).data().toString() != QLatin1String("blk.0.ffn_down.weight"))
                continue;
            found = true;
            QCOMPARE(model.index(r, ui::TensorTreeModel::ShapeColumn, layer0).data().toString(), QStringLiteral("172 × 64"));
            QCOMPARE(model.index(r, ui::TensorTreeModel::SizeColumn, layer0).data(ui::TensorTreeModel::SortRole).toULongLong(), 44032ull);
        }
        QVERIFY(found);
    }

    void windowOpensStories260K()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        app::MainWindow window(&openModel);
        window.show();
        openAndWait(window, path, true);
        QCOMPARE(test::child<ui::TensorPane>(window, "tensorPane")->treeModel()->tensorCount(), 48);
        QVERIFY2(window.summaryText().startsWith(QStringLiteral("48 tensors · 292800 parameters")),
                 qPrintable(window.summaryText()));
    }

    void garbageFileShowsError()
    {
        const std::string path = test::scratchDir("gui_stories") + "/garbage.gguf";
        std::ofstream(path, std::ios::binary) << "this is not a model at all";
        app::MainWindow window(&openModel);
        window.show();
        const QString message = openAndWait(window, path, false);
        QVERIFY2(message.contains(QString::fromStdString(path)), qPrintable(message));
        QVERIFY(test::child<ui::StartPage>(window, "startPage")->isErrorVisible());
        QCOMPARE(test::child<ui::StartPage>(window, "startPage")->errorText(), message);
        QVERIFY(!window.model());
    }

    void truncatedGgufShowsOffset()
    {
        QX_REQUIRE_SHARED(source, "models/stories260K.gguf");
        const std::string path = test::scratchDir("gui_stories") + "/truncated.gguf";
        {
            std::ifstream in(source, std::ios::binary);
            std::string head(4096, '\0');
            in.read(head.data(), static_cast<std::streamsize>(head.size()));
            std::ofstream(path, std::ios::binary) << head;
        }
        app::MainWindow window(&openModel);
        window.show();
        const QString message = openAndWait(window, path, false);
        QVERIFY2(message.startsWith(QStringLiteral("Could not open “%1”").arg(QString::fromStdString(path))), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("at byte")) || message.contains(QStringLiteral("ends early")), qPrintable(message));
    }
};

QX_TEST_MAIN(TestGuiStories)
#include "tst_gui_stories.moc"

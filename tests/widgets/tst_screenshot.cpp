// qexplore --screenshot end to end (offscreen): the pictures of the start page, tensor tree and Info view; the
// window size and language of a run.

#include "common/test_data.h"
#include "common/test_main.h"

#include <QImage>
#include <QProcess>
#include <QtTest/QtTest>

class TestScreenshot : public QObject {
    Q_OBJECT

    static int run(const QStringList& args, int timeoutMs = 60000)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QString::fromStdString(qx::test::scratchDir("screenshot/config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), QString::fromStdString(qx::test::scratchDir("screenshot/cache")));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(QX_QEXPLORE), args);
        if (!process.waitForFinished(timeoutMs))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private slots:
    void writesMainViews()
    {
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("screenshot/ok"));
        QCOMPARE(run({QStringLiteral("--screenshot"), dir, QString::fromStdString(model)}), 0);
        for (const char* name : {"start.png", "tensors.png", "info.png"}) {
            const QImage image(dir + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(!image.isNull(), name);
            QCOMPARE(image.size(), QSize(1280, 800));
        }
    }

    void demoEvaluatesOnItsOwnText()
    {
        // --demo without --text: the demo's held-out text is evaluated, so Evaluate and Trade-off are drawn.
        const QString dir = QString::fromStdString(qx::test::scratchDir("screenshot/demo"));
        QCOMPARE(run({QStringLiteral("--screenshot"), dir, QStringLiteral("--demo")}, 300000), 0);
        for (const char* name : {"info.png", "layers.png", "evaluate.png", "trade-off.png"}) {
            const QImage image(dir + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(!image.isNull(), name);
            // The width is the window's: a page whose minimum width exceeds 1280 px widens it, which the
            // layout checks catch; here only that each page was drawn matters.
            QCOMPARE(image.height(), 800);
            QVERIFY2(image.width() >= 1280, name);
        }
    }

    void sizeAndLanguageForThisRun()
    {
        // --size and --language: the pictures at 1920×1080, the stable names docs/screenshots uses among them.
        QX_REQUIRE_SHARED(model, "models/stories260K.gguf");
        const QString dir = QString::fromStdString(qx::test::scratchDir("screenshot/de-1920"));
        QCOMPARE(run({QStringLiteral("--screenshot"), dir, QStringLiteral("--size"), QStringLiteral("1920x1080"),
                      QStringLiteral("--language"), QStringLiteral("de"), QString::fromStdString(model)}),
                 0);
        for (const char* name : {"start.png", "main-window.png", "distribution.png", "learn-lab.png", "learn-outliers.png"}) {
            const QImage image(dir + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(!image.isNull(), name);
            QCOMPARE(image.size(), QSize(1920, 1080));
        }
        QCOMPARE(run({QStringLiteral("--screenshot"), dir, QStringLiteral("--size"), QStringLiteral("wide")}), 2);
    }

    void badFileWritesErrorPicture()
    {
        const std::string bad = qx::test::scratchDir("screenshot") + "/bad.gguf";
        QFile file(QString::fromStdString(bad));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("GGUF\\x03 but then nothing");
        file.close();
        const QString dir = QString::fromStdString(qx::test::scratchDir("screenshot/bad"));
        QCOMPARE(run({QStringLiteral("--screenshot"), dir, QStringLiteral("--open"), QString::fromStdString(bad)}), 1);
        QVERIFY(!QImage(dir + QStringLiteral("/open-error.png")).isNull());
    }
};

QX_TEST_GUILESS_MAIN(TestScreenshot)
#include "tst_screenshot.moc"

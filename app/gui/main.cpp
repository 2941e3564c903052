// qexplore: the desktop application. Wiring only — the window is MainWindow, the logic lives in qx_widgets.

#include "gui/demo_model.h"
#include "common/error.h"
#include "common/runtime_settings.h"
#include "gui/main_window.h"
#include "compare/compare_page.h"
#include "gui/screenshot_session.h"

#include "common/app_settings.h"
#include "common/translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSize>

#include <cstdio>
#include <cstdlib>

namespace {

struct Options {
    QString modelPath;
    QString screenshotDir;
    QString textPath;
    QString comparePath;
    QString language;      ///< overrides the language setting for this run (screenshots in every language)
    QSize windowSize{1280, 800};
    bool demo = false;
};

Options parseOptions(const QApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Look inside language model files and decide how to quantize them."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption open(QStringLiteral("open"), QApplication::translate("main", "Open the model at <path>."),
                                  QApplication::translate("main", "path"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the main views into <dir>/*.png and quit."),
        QApplication::translate("main", "dir"));
    const QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Open the built-in demo model."));
    parser.addOption(open);
    parser.addOption(demo);
    const QCommandLineOption text(
        QStringLiteral("text"),
        QApplication::translate("main", "With --screenshot: evaluate the common presets on <file> and render the Evaluate and Trade-off tabs too."),
        QApplication::translate("main", "file"));
    const QCommandLineOption compare(
        QStringLiteral("compare"),
        QApplication::translate("main", "Compare the opened model with the model at <path> (Compare tab)."),
        QApplication::translate("main", "path"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QApplication::translate("main", "With --screenshot: the window size, e.g. 1920x1080 (default 1280x800)."),
                                  QApplication::translate("main", "WxH"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QApplication::translate("main", "Interface language for this run (en, de, fr), whatever the settings say."),
                                      QApplication::translate("main", "code"));
    parser.addOption(screenshot);
    parser.addOption(text);
    parser.addOption(compare);
    parser.addOption(size);
    parser.addOption(language);
    parser.addPositionalArgument(QStringLiteral("model"), QApplication::translate("main", "A model file or folder to open."),
                                 QStringLiteral("[model]"));
    parser.process(app);
    Options options;
    options.modelPath = parser.value(open);
    if (options.modelPath.isEmpty() && !parser.positionalArguments().isEmpty())
        options.modelPath = parser.positionalArguments().front();
    options.screenshotDir = parser.value(screenshot);
    options.textPath = parser.value(text);
    options.comparePath = parser.value(compare);
    options.demo = parser.isSet(demo);
    options.language = parser.value(language);
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(QLatin1Char('x'));
        const int w = wh.size() == 2 ? wh[0].toInt() : 0, h = wh.size() == 2 ? wh[1].toInt() : 0;
        if (w < 320 || h < 240) {
            std::fprintf(stderr, "--size: expected WIDTHxHEIGHT of at least 320x240, got \"%s\"\n",
                         qPrintable(parser.value(size)));
            std::exit(2);
        }
        options.windowSize = QSize(w, h);
    }
    if (options.demo && options.modelPath.isEmpty()) {
        try {
            options.modelPath = qx::app::writeDemoFiles().model;
        } catch (const qx::Error& e) {
            qWarning("%s", e.what());   // the start page still opens
        }
    }
    return options;
}

} // namespace

int main(int argc, char** argv)
{
    qx::restartWithRuntimeSettings(argv); // passive OpenMP wait (the UI thread keeps its core), huge pages
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("qexplore"));
    QApplication::setApplicationName(QStringLiteral("qexplore"));
    QApplication::setApplicationVersion(QStringLiteral(QEXPLORE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.qexplore"));
    qx::ui::installTranslations(app, qx::ui::AppSettings::language());
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Quantization Explorer"));
    if (const int threads = qx::ui::AppSettings::threads(); threads > 0 && !qEnvironmentVariableIsSet("OMP_NUM_THREADS"))
        qputenv("OMP_NUM_THREADS", QByteArray::number(threads));
    const Options options = parseOptions(app);
    if (!options.language.isEmpty()) {
        qx::ui::installTranslations(app, options.language);
        QApplication::setApplicationDisplayName(QApplication::translate("main", "Quantization Explorer"));
    }

    qx::app::MainWindow window(&qx::openModel);
    window.setDemo(qx::app::demoFileLocations(), &qx::app::writeDemoFiles);
    if (options.screenshotDir.isEmpty())
        window.restoreSettings();   // screenshots show the default layout, whatever the last session was
    window.show();
    if (!options.screenshotDir.isEmpty()) {
        auto* session = new qx::app::ScreenshotSession(&window, options.screenshotDir, options.modelPath, &app);
        session->setEvaluationText(options.textPath);
        session->setComparePath(options.comparePath);
        session->setWindowSize(options.windowSize);
        QObject::connect(session, &qx::app::ScreenshotSession::finished, &app, &QCoreApplication::exit);
        session->start();
    } else if (!options.modelPath.isEmpty()) {
        window.openPath(options.modelPath);
        if (!options.comparePath.isEmpty())
            QObject::connect(&window, &qx::app::MainWindow::modelShown, &window, [&window, &options] {
                window.showPage(qx::app::MainWindow::Page::Compare);
                window.findChild<qx::ui::ComparePage*>(QStringLiteral("comparePage"))->compareWith(options.comparePath);
            }, Qt::SingleShotConnection);
    }
    return app.exec();
}

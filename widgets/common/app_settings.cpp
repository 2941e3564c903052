#include "common/app_settings.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSettings>

namespace qx::ui {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kThreadsKey = QStringLiteral("compute/threads");
const QString kRecentKey = QStringLiteral("files/recent");
const QString kTextFileKey = QStringLiteral("evaluation/textFile");
const QString kContextKey = QStringLiteral("evaluation/ctx");
const QString kChunksKey = QStringLiteral("evaluation/chunks");
const QString kZoomKey = QStringLiteral("ui/zoomPercent");

} // namespace

QString AppSettings::language()
{
    return QSettings().value(kLanguageKey).toString();
}

void AppSettings::setLanguage(const QString& code)
{
    QSettings().setValue(kLanguageKey, code);
}

int AppSettings::threads()
{
    return qMax(0, QSettings().value(kThreadsKey, 0).toInt());
}

void AppSettings::setThreads(int threads)
{
    QSettings().setValue(kThreadsKey, qMax(0, threads));
}

QStringList AppSettings::recentFiles()
{
    return QSettings().value(kRecentKey).toStringList();
}

void AppSettings::addRecentFile(const QString& path)
{
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
}

void AppSettings::removeRecentFile(const QString& path)
{
    QStringList list = recentFiles();
    list.removeAll(path);
    QSettings().setValue(kRecentKey, list);
}

void AppSettings::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
}

int AppSettings::zoomPercent()
{
    return qBound(kMinZoom, QSettings().value(kZoomKey, 100).toInt(), kMaxZoom);
}

void AppSettings::setZoomPercent(int percent)
{
    QSettings().setValue(kZoomKey, qBound(kMinZoom, percent, kMaxZoom));
}

EvaluationDefaults AppSettings::evaluationDefaults()
{
    const QSettings settings;
    EvaluationDefaults d;
    d.textFile = settings.value(kTextFileKey).toString();
    d.context = settings.value(kContextKey, EvaluationDefaults::kDefaultContext).toInt();
    d.chunks = qMax(0, settings.value(kChunksKey, EvaluationDefaults::kDefaultChunks).toInt());
    return d;
}

void AppSettings::setEvaluationDefaults(const EvaluationDefaults& defaults)
{
    const bool changed = defaults != evaluationDefaults();
    QSettings settings;
    settings.setValue(kTextFileKey, defaults.textFile);
    settings.setValue(kContextKey, defaults.context);
    settings.setValue(kChunksKey, qMax(0, defaults.chunks));
    if (changed)
        emit notifier()->evaluationDefaultsChanged();
}

SettingsNotifier* AppSettings::notifier()
{
    // Parented to the application so it dies with it; recreated if asked for without one (tests).
    static QPointer<SettingsNotifier> instance;
    if (!instance)
        instance = new SettingsNotifier(QCoreApplication::instance());
    return instance;
}

} // namespace qx::ui

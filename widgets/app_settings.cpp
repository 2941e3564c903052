#include "app_settings.h"

#include <QSettings>

namespace qx::ui {
namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kThreadsKey = QStringLiteral("compute/threads");
const QString kRecentKey = QStringLiteral("files/recent");

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

} // namespace qx::ui

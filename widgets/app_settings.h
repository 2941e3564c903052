#pragma once
// The user's settings, stored with QSettings (organisation "qexplore", application "qexplore"):
// interface language, worker threads and the recently opened models (newest first).

#include <QString>
#include <QStringList>

namespace qx::ui {

class AppSettings {
public:
    static constexpr int kMaxRecent = 10;

    /// Language code such as "de" or "fr"; empty means "follow the system locale".
    static QString language();
    static void setLanguage(const QString& code);
    /// Worker threads for the computation libraries; 0 means automatic (all cores).
    static int threads();
    static void setThreads(int threads);

    static QStringList recentFiles();
    /// Moves `path` to the front of the recent list (at most kMaxRecent entries).
    static void addRecentFile(const QString& path);
    static void removeRecentFile(const QString& path);
    static void clearRecentFiles();
};

} // namespace qx::ui

#pragma once
// The user's settings, stored with QSettings (organisation "qexplore", application "qexplore"):
// interface language and zoom, worker threads, the recently opened models (newest first) and the Evaluate panel's
// defaults (keys evaluation/textFile, evaluation/ctx, evaluation/chunks). A change of the evaluation
// defaults is announced through AppSettings::notifier() so open panels pick it up at once.

#include <QObject>
#include <QString>
#include <QStringList>

namespace qx::ui {

/// Default text, context and chunk count of the Evaluate panel.
struct EvaluationDefaults {
    static constexpr int kDefaultContext = 512;
    static constexpr int kDefaultChunks = 40;
    static constexpr int kMinContext = 16, kMaxContext = 32768, kMaxChunks = 100000;  ///< editor ranges
    QString textFile;              ///< empty: none chosen
    int context = kDefaultContext; ///< tokens per chunk (llama-perplexity -c)
    int chunks = kDefaultChunks;   ///< 0 = every whole chunk
    bool operator==(const EvaluationDefaults&) const = default;
};

/// Announces settings changes (one application-wide instance: AppSettings::notifier()).
class SettingsNotifier : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void evaluationDefaultsChanged();
};

class AppSettings {
public:
    static constexpr int kMaxRecent = 10;

    /// Language code such as "de" or "fr"; empty means "follow the system locale".
    static QString language();
    static void setLanguage(const QString& code);
    /// Worker threads for the computation libraries; 0 means automatic (resolveInteractiveThreadCount).
    static int threads();
    static void setThreads(int threads);

    static QStringList recentFiles();
    /// Moves `path` to the front of the recent list (at most kMaxRecent entries).
    static void addRecentFile(const QString& path);
    static void removeRecentFile(const QString& path);
    static void clearRecentFiles();

    /// Interface zoom in percent of the system font size (View › Zoom; for projectors), 50..300.
    static int zoomPercent();
    static void setZoomPercent(int percent);
    static constexpr int kMinZoom = 50, kMaxZoom = 300;

    static EvaluationDefaults evaluationDefaults();
    /// Stores `defaults`; emits notifier()->evaluationDefaultsChanged() when they differ from the stored ones.
    static void setEvaluationDefaults(const EvaluationDefaults& defaults);
    /// The application-wide notifier (owned by the application object).
    static SettingsNotifier* notifier();
};

} // namespace qx::ui

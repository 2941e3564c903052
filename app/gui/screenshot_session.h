#pragma once
// `--screenshot DIR`: renders the main views with QWidget::grab() into DIR/*.png and then quits — the start
// page, and when a model was given the tensor tree, the Info view, the tensor and Layers views, the tree with
// a Q4_K_M plan and the Layers view on that plan (or the error banner if it failed), then the scheme panel with
// a custom uniform scheme (INT3, groups of 32, asymmetric, MSE clipping) applied to one tensor (undone
// afterwards); with an evaluation text (--text, or the demo model's own), also the Evaluate and Trade-off tabs
// after evaluating the common presets (ctx 128, 8 chunks); with a second model, the Compare page's tabs
// against it (with a text, after evaluating both models' outputs on it: ctx 128, 8 chunks); last the Learn lab on its symmetric/asymmetric lesson. Four pictures have stable names that
// docs/screenshots and the AppStream metainfo use: main-window.png (the tree with the Q4_K_M plan),
// distribution.png, trade-off.png and learn-lab.png.

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

namespace qx::app {

class MainWindow;

class ScreenshotSession : public QObject {
    Q_OBJECT
public:
    ScreenshotSession(MainWindow* window, QString directory, QString modelPath, QObject* parent = nullptr);
    /// The text to evaluate presets on before grabbing the Evaluate and Trade-off tabs (none: the model's own
    /// text when it brings one, as the demo does; else skipped).
    void setEvaluationText(const QString& path) { m_textPath = path; }
    /// A second model to compare the first with before quitting (Compare page, 1280×800 and 1920×1080).
    void setComparePath(const QString& path) { m_comparePath = path; }
    /// The window size of every picture (default 1280×800).
    void setWindowSize(QSize size) { m_size = size; }

    /// Starts once the event loop runs; emits finished() when every picture is written.
    void start();
    const QStringList& writtenFiles() const { return m_written; }

signals:
    void finished(int exitCode);

private:
    /// The window's page of type T named `name` ("tensorViews", "layersView", "comparePage", …).
    template <class T>
    T* page(const char* name) const;
    bool grabTo(const QString& name);
    void onModelShown();
    void grabModelViews();
    void grabTensorViews();
    void grabLayers(const QString& format);
    void grabPlan();
    void grabLayersPlan();
    void grabCustomScheme();
    void grabEvaluation();
    void grabCompare();
    void grabCompareTabs();
    void grabLearn();
    void finish();
    void onOpenFailed();

    MainWindow* m_window;
    QString m_directory;
    QString m_modelPath;
    QString m_textPath;
    QString m_comparePath;
    QStringList m_written;
    QSize m_size{1280, 800};
    bool m_ok = true;
};

} // namespace qx::app

#pragma once
// The page shown when no model is open: open buttons, the recent models, an optional demo button and a
// banner for the last error (non-modal, so a failed open never blocks the window).

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QFrame;

namespace qx::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);

    /// Shows the recent models (paths, newest first).
    void setRecentFiles(const QStringList& paths);
    /// The demo button is shown only when a demo model can be produced.
    void setDemoAvailable(bool available);
    void showError(const QString& message);
    void clearError();
    QString errorText() const;
    bool isErrorVisible() const;

signals:
    void openFileRequested();
    void openFolderRequested();
    void openDemoRequested();
    void openPathRequested(const QString& path);
    void clearRecentRequested();

private:
    QWidget* createHeader();
    QWidget* createButtons();
    QWidget* createRecent();
    QWidget* createErrorBanner();

    QPushButton* m_demo = nullptr;
    QListWidget* m_recent = nullptr;
    QPushButton* m_clearRecent = nullptr;
    QLabel* m_noRecent = nullptr;
    QFrame* m_errorBanner = nullptr;
    QLabel* m_errorText = nullptr;
};

} // namespace qx::ui

#pragma once
// Help › Documentation: the README and every docs/*.md page, embedded in the program under :/docs at build
// time, rendered as Markdown in a browser pane — no network, no external viewer. Pictures the pages reference (docs/screenshots) are embedded too.

#include <QDialog>
#include <QStringList>

class QListWidget;
class QTextBrowser;

namespace qx::ui {

class DocsDialog : public QDialog {
    Q_OBJECT
public:
    explicit DocsDialog(QWidget* parent = nullptr);
    /// The embedded pages (resource paths, README first).
    static QStringList pages();
    /// Shows the page with this resource path (e.g. ":/docs/docs/calibration.md"); false when absent.
    bool showPage(const QString& resourcePath);
    QString currentPage() const { return m_current; }
    /// The text of the page shown (plain, for tests).
    QString pageText() const;

private:
    QListWidget* m_list;
    QTextBrowser* m_browser;
    QString m_current;
};

} // namespace qx::ui

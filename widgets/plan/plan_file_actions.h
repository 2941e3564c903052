#pragma once
// The dialogs around a PlanDocument for a main window: Save / Save As / Load plan JSON, the
// Save/Discard/Cancel question before unsaved changes are dropped, the (non-blocking) offer to recover an
// autosaved plan, and the one-line plan totals shown in the window's header.

#include <QMessageBox>
#include <QObject>
#include <QString>

#include <functional>

namespace qx::ui {

class PlanDocument;

class PlanFileActions : public QObject {
    Q_OBJECT
public:
    /// Dialogs open over `window`; `directory` gives the folder file dialogs start in.
    PlanFileActions(PlanDocument* document, QWidget* window, std::function<QString()> directory);

    /// Saves to the current file, or asks for one. False when cancelled or failed.
    bool save();
    bool saveAs();
    /// Asks for a plan file and loads it (one undo step); a plan that does not fit is reported.
    void load();
    /// True when the plan may be dropped: clean, saved, or discarded; false on Cancel.
    bool maybeKeepPlan();
    /// Replaces the Save/Discard/Cancel question (tests).
    void setUnsavedPrompt(std::function<QMessageBox::StandardButton()> prompt);
    /// Opens the window-modal "Recover unsaved plan?" box (object name "planRecoveryBox") without blocking.
    void offerRecovery();
    /// "Plan (Q4_K_M): 297.0 KiB file (304,096 bytes) · 7.915 bits/weight · 24.7 % of the stored tensors".
    static QString totalsLine(const PlanDocument& document);

signals:
    void statusMessage(const QString& message, int timeoutMs);

private:
    bool saveTo(const QString& path);

    PlanDocument* m_doc;
    QWidget* m_window;
    std::function<QString()> m_directory;
    std::function<QMessageBox::StandardButton()> m_prompt;
};

} // namespace qx::ui

#pragma once
// Preferences: interface language (system default, English, German, French) and worker threads.
// Both take effect at the next start; the dialog says so.

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace qx::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    /// Writes the choices to AppSettings (called on OK).
    void save() const;
    QComboBox* languageBox() const { return m_language; }
    QSpinBox* threadsBox() const { return m_threads; }

private:
    QComboBox* m_language;
    QSpinBox* m_threads;
};

} // namespace qx::ui

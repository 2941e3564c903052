#pragma once
// Preferences: interface language (system default, English, German, French) and worker threads, which take
// effect at the next start (the dialog says so), and the Evaluate panel's default text file, context and
// chunk count, which open panels take over as soon as OK is pressed (AppSettings::setEvaluationDefaults).

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace qx::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    /// Writes the choices to AppSettings (called on OK).
    void save() const;

private:
    QWidget* setupEvaluation();
    void browseTextFile();

    QComboBox* m_language;
    QSpinBox* m_threads;
    QLineEdit* m_textFile = nullptr;
    QSpinBox* m_context = nullptr;
    QSpinBox* m_chunks = nullptr;
};

} // namespace qx::ui

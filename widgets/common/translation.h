#pragma once
// Interface languages. The app's .qm files are embedded under :/i18n (qt_add_translations); Qt's own
// strings (standard dialogs) come from the system's Qt translations when installed.

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace qx::ui {

struct LanguageChoice {
    QString code;        ///< "de", "fr", "en"
    QString nativeName;  ///< "Deutsch", "Français", "English"
};

/// The languages the app ships (English first).
QList<LanguageChoice> availableLanguages();
/// Installs the translators for `code` (empty = system locale) into `app`, replacing those of an earlier
/// call (widgets made before keep their texts); returns the locale used.
QLocale installTranslations(QCoreApplication& app, const QString& code);

} // namespace qx::ui

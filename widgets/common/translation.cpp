#include "common/translation.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace qx::ui {

QList<LanguageChoice> availableLanguages()
{
    const QStringList codes = {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")};
    QList<LanguageChoice> list;
    for (const QString& code : codes) {
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        list.push_back({code, name});
    }
    return list;
}

QLocale installTranslations(QCoreApplication& app, const QString& code)
{
    // Translators installed by an earlier call go first, so switching languages never stacks them.
    static QList<QPointer<QTranslator>> installed;
    for (const QPointer<QTranslator>& t : std::as_const(installed))
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    installed.clear();
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    // A language without a translation of its own shows the English text, with English plurals ("1 tensor").
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("qexplore"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || own->load(QStringLiteral(":/i18n/qexplore_en.qm")))
        app.installTranslator(own), installed << own;
    else
        delete own;
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt), installed << qt;
    else
        delete qt;
    return locale;
}

} // namespace qx::ui

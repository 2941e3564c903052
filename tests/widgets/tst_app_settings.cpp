// Settings kept with QSettings (recent files, language, threads), the settings dialog, and the embedded
// German and French translations.

#include "common/app_settings.h"
#include "common/format_text.h"
#include "common/settings_dialog.h"
#include "common/translation.h"

#include <QComboBox>
#include <QSpinBox>
#include <QStandardPaths>
#include <QtTest/QtTest>

using namespace qx::ui;

class TestAppSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("qexplore-test"));
        AppSettings::clearRecentFiles();
        AppSettings::setLanguage({});
        AppSettings::setThreads(0);
    }

    void recentFilesNewestFirstAndBounded()
    {
        for (int i = 0; i < AppSettings::kMaxRecent + 3; ++i)
            AppSettings::addRecentFile(QStringLiteral("/m/%1.gguf").arg(i));
        AppSettings::addRecentFile(QStringLiteral("/m/5.gguf"));  // re-opened: moves to the front
        const QStringList list = AppSettings::recentFiles();
        QCOMPARE(list.size(), AppSettings::kMaxRecent);
        QCOMPARE(list.front(), QStringLiteral("/m/5.gguf"));
        QCOMPARE(list.at(1), QStringLiteral("/m/12.gguf"));
        QCOMPARE(list.count(QStringLiteral("/m/5.gguf")), 1);
        AppSettings::removeRecentFile(QStringLiteral("/m/5.gguf"));
        QCOMPARE(AppSettings::recentFiles().front(), QStringLiteral("/m/12.gguf"));
        AppSettings::clearRecentFiles();
        QVERIFY(AppSettings::recentFiles().isEmpty());
    }

    void dialogSavesLanguageAndThreads()
    {
        SettingsDialog dialog;
        auto* language = dialog.findChild<QComboBox*>(QStringLiteral("languageBox"));
        auto* threads = dialog.findChild<QSpinBox*>(QStringLiteral("threadsBox"));
        QVERIFY(language && threads);
        QCOMPARE(language->currentData().toString(), QString());  // system default first
        QCOMPARE(language->count(), 4);  // system, English, Deutsch, Français
        language->setCurrentIndex(language->findData(QStringLiteral("fr")));
        // The box offers 1..hardware threads; pick the largest so the check holds on a 1- or 2-core machine.
        const int wanted = threads->maximum();
        QVERIFY(wanted >= 1);
        threads->setValue(wanted);
        dialog.save();
        QCOMPARE(AppSettings::language(), QStringLiteral("fr"));
        QCOMPARE(AppSettings::threads(), wanted);
        SettingsDialog again;
        QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("languageBox"))->currentText(), QStringLiteral("Français"));
        QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("threadsBox"))->value(), wanted);
    }

    void germanAndFrenchAreEmbedded()
    {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("qx::ui::TensorPane", "Invalid regular expression"),
                 QStringLiteral("Ungültiger regulärer Ausdruck"));
        QCOMPARE(QCoreApplication::translate("qx::app::MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(formatBytes(1536), QStringLiteral("1,50 KiB"));  // German decimal comma
        installTranslations(*QCoreApplication::instance(), QStringLiteral("fr"));
        QCOMPARE(QCoreApplication::translate("qx::ui::TensorTreeModel", "Size"), QStringLiteral("Taille"));
        QLocale::setDefault(QLocale::c());
        QCOMPARE(formatBytes(1536), QStringLiteral("1.50 KiB"));
        QCOMPARE(formatBytes(1023ull * 1024 + 512), QStringLiteral("1023.5 KiB"));  // never grouped
    }
};

QTEST_MAIN(TestAppSettings)
#include "tst_app_settings.moc"

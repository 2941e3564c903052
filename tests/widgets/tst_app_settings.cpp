// Settings kept with QSettings (recent files, language, threads), the settings dialog, and the embedded
// German and French translations.

#include "common/app_settings.h"
#include "common/format_text.h"
#include "common/settings_dialog.h"
#include "common/test_main.h"
#include "common/translation.h"

#include <QComboBox>
#include <QSpinBox>
#include <QStandardPaths>
#include <QFile>
#include <QXmlStreamReader>
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

    void pluralsReadNaturallyInEveryLanguage()
    {
        QCoreApplication& app = *QCoreApplication::instance();
        installTranslations(app, QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("qx::ui::LayersView", "%n tensor(s)", nullptr, 1), QStringLiteral("1 tensor"));
        QCOMPARE(QCoreApplication::translate("qx::ui::LayersView", "%n tensor(s)", nullptr, 38), QStringLiteral("38 tensors"));
        installTranslations(app, QStringLiteral("es"));   // no Spanish: English text, English plurals
        QCOMPARE(QCoreApplication::translate("qx::ui::PlanDocument", "%n edit(s)", nullptr, 1), QStringLiteral("1 edit"));
        installTranslations(app, QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("qx::ui::LayersView", "%n tensor(s)", nullptr, 1), QStringLiteral("1 Tensor"));
        // Every %n string of the interface, singular and plural, in English, German and French: no "(s)".
        QFile ts(QStringLiteral(QX_SOURCE_DIR "/translations/qexplore_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        QList<QPair<QString, QString>> plurals;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.isStartElement() && xml.name() == QLatin1String("source"))
                if (const QString source = xml.readElementText(); source.contains(QStringLiteral("%n")))
                    plurals.append({context, source});
        }
        QVERIFY(plurals.size() >= 10);
        for (const char* lang : {"en", "de", "fr"}) {
            installTranslations(app, QString::fromLatin1(lang));
            for (const auto& [ctx, source] : std::as_const(plurals))
                for (int n : {1, 2}) {
                    const QString text = QCoreApplication::translate(ctx.toUtf8().constData(), source.toUtf8().constData(), nullptr, n);
                    QVERIFY2(!text.contains(QStringLiteral("(s)")), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(lang), text)));
                }
        }
        installTranslations(app, QStringLiteral("en"));
    }
};

QX_TEST_MAIN(TestAppSettings)
#include "tst_app_settings.moc"

// The Settings dialog edits the Evaluate panel's defaults (QSettings keys evaluation/textFile, evaluation/ctx,
// evaluation/chunks) through AppSettings; an open panel shows the new values as soon as OK is pressed, Cancel
// changes nothing, and the dialog shows what is stored.
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/app_settings.h"
#include "common/settings_dialog.h"
#include "evaluate/evaluate_panel.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QtTest/QtTest>

using namespace qx::ui;

namespace {

void press(SettingsDialog& dialog, QDialogButtonBox::StandardButton which)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box);
    box->button(which)->click();
}

} // namespace

class TstSettingsDefaults : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("qexplore-test-settings-defaults"));
        QSettings().clear();
    }
    void storedDefaultsAndRanges();
    void okUpdatesOpenPanel();
    void cancelChangesNothing();
    void dialogShowsStoredPanelClamps();
};

void TstSettingsDefaults::storedDefaultsAndRanges()
{
    QCOMPARE(AppSettings::evaluationDefaults(), EvaluationDefaults{});
    QCOMPARE(AppSettings::evaluationDefaults().context, 512);
    QCOMPARE(AppSettings::evaluationDefaults().chunks, 40);
    SettingsDialog dialog;
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("textFileEdit"))->text(), QString());
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("contextBox"))->value(), 512);
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("chunksBox"))->value(), 40);
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("contextBox"))->minimum(), 16);
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("chunksBox"))->specialValueText(), QStringLiteral("all"));
    dialog.resize(dialog.sizeHint());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString shot = QString::fromStdString(qx::test::scratchDir("settings-shots")) + QStringLiteral("/settings.png");
    QVERIFY(dialog.grab().save(shot));
    qInfo("dialog screenshot: %s", qPrintable(shot));
}

void TstSettingsDefaults::okUpdatesOpenPanel()
{
    EvaluatePanel panel;
    QCOMPARE(panel.contextLength(), 512);
    QSignalSpy changed(AppSettings::notifier(), &SettingsNotifier::evaluationDefaultsChanged);
    SettingsDialog dialog;
    dialog.findChild<QLineEdit*>(QStringLiteral("textFileEdit"))->setText(QStringLiteral("/data/wiki.test.raw"));
    dialog.findChild<QSpinBox*>(QStringLiteral("contextBox"))->setValue(128);
    dialog.findChild<QSpinBox*>(QStringLiteral("chunksBox"))->setValue(0);
    press(dialog, QDialogButtonBox::Ok);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(changed.count(), 1);
    const QSettings settings;  // the same keys the panel always used
    QCOMPARE(settings.value(QStringLiteral("evaluation/textFile")).toString(), QStringLiteral("/data/wiki.test.raw"));
    QCOMPARE(settings.value(QStringLiteral("evaluation/ctx")).toInt(), 128);
    QCOMPARE(settings.value(QStringLiteral("evaluation/chunks")).toInt(), 0);
    QCOMPARE(panel.textFile(), QStringLiteral("/data/wiki.test.raw"));
    QCOMPARE(panel.contextLength(), 128);
    QCOMPARE(panel.chunkCount(), 0);
    EvaluatePanel later;
    QCOMPARE(later.contextLength(), 128);
}

void TstSettingsDefaults::cancelChangesNothing()
{
    const EvaluationDefaults before = AppSettings::evaluationDefaults();
    EvaluatePanel panel;
    QSignalSpy changed(AppSettings::notifier(), &SettingsNotifier::evaluationDefaultsChanged);
    SettingsDialog dialog;
    dialog.findChild<QSpinBox*>(QStringLiteral("contextBox"))->setValue(1024);
    dialog.findChild<QLineEdit*>(QStringLiteral("textFileEdit"))->setText(QStringLiteral("/elsewhere.txt"));
    press(dialog, QDialogButtonBox::Cancel);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(AppSettings::evaluationDefaults(), before);
    QCOMPARE(panel.contextLength(), before.context);
    // OK with nothing changed: no announcement either.
    SettingsDialog same;
    press(same, QDialogButtonBox::Ok);
    QCOMPARE(changed.count(), 0);
}

void TstSettingsDefaults::dialogShowsStoredPanelClamps()
{
    AppSettings::setEvaluationDefaults({QStringLiteral("/t.txt"), 256, 7});
    SettingsDialog dialog;
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("textFileEdit"))->text(), QStringLiteral("/t.txt"));
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("contextBox"))->value(), 256);
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("chunksBox"))->value(), 7);
    EvaluatePanel panel;
    panel.setContext(100000, -3);  // clamped by the panel's editors like the dialog's
    QCOMPARE(panel.contextLength(), EvaluationDefaults::kMaxContext);
    QCOMPARE(panel.chunkCount(), 0);
}

QX_TEST_MAIN(TstSettingsDefaults)
#include "tst_settings_defaults.moc"

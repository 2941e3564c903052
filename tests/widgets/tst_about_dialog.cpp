// Help › About: the MIT licence text, the third-party libraries with their licences, the About Qt button; and
// the app icon loaded from the PNGs rendered from resources/qexplore.svg (every size, the SVG's colours).
#include "common/about_dialog.h"
#include "common/app_icon.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>

class TestAboutDialog : public QObject {
    Q_OBJECT
private slots:
    void licenceAndThirdParty()
    {
        QApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        qx::ui::AboutDialog dialog(qx::ui::AboutDialog::Page::Licence);
        QCOMPARE(dialog.findChild<QTabWidget*>(QStringLiteral("aboutTabs"))->count(), 3);
        QCOMPARE(dialog.findChild<QTabWidget*>(QStringLiteral("aboutTabs"))->currentIndex(), 1);
        const QString licence = qx::ui::AboutDialog::licenceText();
        QVERIFY(licence.startsWith(QStringLiteral("MIT License")));
        QVERIFY(licence.contains(QStringLiteral("Permission is hereby granted, free of charge")));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("aboutText"))->text().contains(QStringLiteral("9.8.7")));
        const QString thirdParty = dialog.findChild<QTextBrowser*>(QStringLiteral("thirdParty"))->toPlainText();
        for (const char* name : {"Qt 6", "LGPL-3.0", "oneDNN", "Apache-2.0", "Eigen", "MPL-2.0", "Oniguruma",
                                 "BSD-2-Clause", "JSON for Modern C++"})
            QVERIFY2(thirdParty.contains(QString::fromLatin1(name)), name);
        QVERIFY(dialog.findChild<QPushButton*>(QStringLiteral("aboutQt")));
    }

    void iconFromThePngs()
    {
        const QIcon icon = qx::ui::appIcon();
        const QList<QSize> sizes = icon.availableSizes();
        for (int side : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QVERIFY2(sizes.contains(QSize(side, side)), qPrintable(QString::number(side)));
        const QImage image = icon.pixmap(QSize(64, 64)).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(64, 64));
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);                    // outside the rounded square
        const QColor top = image.pixelColor(32, 4);                // the gradient's top: #3a6fb0
        QVERIFY(std::abs(top.red() - 0x3a) < 8 && std::abs(top.green() - 0x6f) < 8 && std::abs(top.blue() - 0xb0) < 8);
        const QColor bar = image.pixelColor(32, 40);               // the middle bar: white at 90 % over blue
        QVERIFY(bar.red() > 220 && bar.green() > 220 && bar.blue() > 220);
    }
};

QX_TEST_MAIN(TestAboutDialog)
#include "tst_about_dialog.moc"

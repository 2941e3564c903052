#pragma once
// Screenshots from widget tests: each test grabs the widgets it checks into one folder, $QX_VIEWS_SHOTS or a
// scratch folder, so a person can look at what the assertions saw.

#include "common/test_data.h"

#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QWidget>
#include <QtTest/QtTest>

namespace qx::test {

/// The screenshot folder (created).
inline QString shotDir()
{
    const QByteArray env = qgetenv("QX_VIEWS_SHOTS");
    const QString dir = env.isEmpty() ? QString::fromStdString(scratchDir("views-shots")) : QString::fromLocal8Bit(env);
    QDir().mkpath(dir);
    return dir;
}

/// Shows `w` at 1100 × 700 and saves it as shotDir()/name.png (fails the test when it cannot be saved).
inline void shoot(QWidget& w, const QString& name)
{
    w.resize(1100, 700);
    w.show();
    QCoreApplication::processEvents();
    QVERIFY(w.grab().save(shotDir() + QLatin1Char('/') + name + QStringLiteral(".png")));
}

} // namespace qx::test

#pragma once
// Runs qexplore-cli (the executable ctest names in $QX_CLI) and collects its exit code and output.

#include <QElapsedTimer>
#include <QProcess>
#include <QThread>
#include <QString>
#include <QStringList>

#include <signal.h>

namespace qx::test {

struct CliResult {
    int exitCode = -1;
    QString out, err;
    qint64 stopMs = -1;   ///< interruptCli: milliseconds from the signal to the end of the process
};

inline CliResult runCli(const QStringList& args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(qEnvironmentVariable("QX_CLI"), args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/// Starts the CLI, waits until its stderr or stdout shows `marker` (the command is under way), sends
/// `signal` (SIGINT: Ctrl-C) `delayMs` later and collects the result; exitCode is -1 when the marker never
/// appeared or the process crashed.
inline CliResult interruptCli(const QStringList& args, const QString& marker, int timeoutMs = 120000,
                              int signal = SIGINT, int delayMs = 0)
{
    QProcess p;
    p.start(qEnvironmentVariable("QX_CLI"), args);
    QByteArray err, out;
    QElapsedTimer timer;
    timer.start();
    const QByteArray wanted = marker.toUtf8();
    while (!err.contains(wanted) && !out.contains(wanted) && p.state() != QProcess::NotRunning
           && timer.elapsed() < timeoutMs) {
        p.waitForReadyRead(100);
        err += p.readAllStandardError();
        out += p.readAllStandardOutput();
    }
    if (delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(delayMs));
    const bool sent = p.state() == QProcess::Running && ::kill(static_cast<pid_t>(p.processId()), signal) == 0;
    QElapsedTimer stop;
    stop.start();
    p.waitForFinished(timeoutMs);
    const qint64 stopMs = stop.elapsed();
    err += p.readAllStandardError();
    out += p.readAllStandardOutput();
    const bool normal = p.exitStatus() == QProcess::NormalExit;
    return {sent && normal ? p.exitCode() : -1, QString::fromUtf8(out), QString::fromUtf8(err), stopMs};
}

} // namespace qx::test

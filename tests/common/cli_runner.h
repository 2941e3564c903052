#pragma once
// Runs qexplore-cli (the executable ctest names in $QX_CLI) and collects its exit code and output.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace qx::test {

struct CliResult {
    int exitCode = -1;
    QString out, err;
};

inline CliResult runCli(const QStringList& args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(qEnvironmentVariable("QX_CLI"), args);
    p.waitForFinished(timeoutMs);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace qx::test

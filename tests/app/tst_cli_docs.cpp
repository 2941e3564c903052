// The bash completion and the man page of qexplore-cli that the build generates (packaging/gen_cli_docs.sh,
// help2man) agree with the program's own --help texts, read here independently: every command completes
// from a prefix, every option of every command's --help completes after "-", and the man page has a section
// per command listing its options. Skips when the build made no package files (QX_BUILD_PACKAGE_FILES=OFF).
#include "common/cli_runner.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

namespace {

const QString kPackaging = QStringLiteral(QX_BINARY_DIR "/packaging");

QStringList commandsOf(const QString& help)
{
    QStringList commands;
    bool inList = false;
    for (const QString& line : help.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Commands:"))) {
            inList = true;
        } else if (inList && line.trimmed().isEmpty()) {
            break;
        } else if (inList) {
            commands.append(line.trimmed().section(QLatin1Char(' '), 0, 0));
        }
    }
    return commands;
}

/// -x / --long names starting the option lines (indented at most 6 spaces; "[-m, --model]" for an optional
/// alias) of a command's help.
QSet<QString> optionsOf(const QString& help)
{
    static const QRegularExpression optionLine(QStringLiteral("^ {1,6}(\\[?-\\S.*?)(?: {2,}|$)"));
    static const QRegularExpression name(QStringLiteral("^--?[A-Za-z0-9][A-Za-z0-9_-]*$"));
    QSet<QString> options;
    for (const QString& line : help.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = optionLine.match(line);
        if (!m.hasMatch())
            continue;
        for (const QString& word : m.captured(1).split(QRegularExpression(QStringLiteral("[\\[\\] ,=]+")), Qt::SkipEmptyParts))
            if (name.match(word).hasMatch())
                options.insert(word);
    }
    return options;
}

/// What the generated completion offers for the words typed so far (the last one being completed).
QSet<QString> complete(const QStringList& words)
{
    QStringList quoted;
    for (const QString& w : words)
        quoted.append(QLatin1Char('\'') + w + QLatin1Char('\''));
    const QString script = QStringLiteral("source '%1/qexplore-cli.bash'; COMP_WORDS=(%2); COMP_CWORD=%3; _qexplore_cli; "
                                          "printf '%s\\n' \"${COMPREPLY[@]}\"")
                               .arg(kPackaging, quoted.join(QLatin1Char(' ')))
                               .arg(words.size() - 1);
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), script});
    bash.waitForFinished(30000);
    const QStringList out = QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return QSet<QString>(out.begin(), out.end());
}

} // namespace

class TestCliDocs : public QObject {
    Q_OBJECT
    QStringList m_commands;

private slots:
    void initTestCase()
    {
        if (!QFile::exists(kPackaging + QStringLiteral("/qexplore-cli.bash")))
            QSKIP("no generated package files in this build (QX_BUILD_PACKAGE_FILES=OFF)");
        m_commands = commandsOf(qx::test::runCli({QStringLiteral("--help")}).out);
        QVERIFY2(m_commands.size() >= 18, qPrintable(m_commands.join(QLatin1Char(' '))));
    }

    void commandsComplete()
    {
        for (const QString& c : m_commands) {
            const QSet<QString> offered = complete({QStringLiteral("qexplore-cli"), c.left(2)});
            QVERIFY2(offered.contains(c), qPrintable(c));
            for (const QString& o : offered)
                QVERIFY2(o.startsWith(c.left(2)), qPrintable(o));
        }
        QCOMPARE(complete({QStringLiteral("qexplore-cli"), QStringLiteral("sen")}), QSet<QString>{QStringLiteral("sensitivity")});
    }

    void everyOptionCompletes()
    {
        int total = 0;
        for (const QString& c : m_commands) {
            const QSet<QString> options = optionsOf(qx::test::runCli({c, QStringLiteral("--help")}).out);
            const QSet<QString> offered = complete({QStringLiteral("qexplore-cli"), c, QStringLiteral("-")});
            for (const QString& o : options)
                QVERIFY2(offered.contains(o), qPrintable(c + QLatin1Char(' ') + o));
            total += int(options.size());
        }
        qInfo("%d options of %lld commands complete", total, qlonglong(m_commands.size()));
        QVERIFY(total > 100);
        QVERIFY(complete({QStringLiteral("qexplore-cli"), QStringLiteral("ppl"), QStringLiteral("--kld-b")})
                    .contains(QStringLiteral("--kld-base")));
    }

    void manPageListsEveryCommand()
    {
        QProcess gunzip;
        gunzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), kPackaging + QStringLiteral("/qexplore-cli.1.gz")});
        QVERIFY(gunzip.waitForFinished(30000));
        const QString man = QString::fromUtf8(gunzip.readAllStandardOutput());
        QVERIFY(man.startsWith(QLatin1String(".\\\" DO NOT MODIFY THIS FILE!")));  // help2man's header
        QVERIFY(man.contains(QLatin1String(".SH COMMANDS")));
        for (const QString& c : m_commands) {
            const qsizetype at = man.indexOf(QStringLiteral(".SS \"%1\"").arg(c));
            QVERIFY2(at >= 0, qPrintable(c));
            const qsizetype next = man.indexOf(QLatin1String(".SS "), at + 4);
            const QString section = man.mid(at, next < 0 ? -1 : next - at);
            for (const QString& o : optionsOf(qx::test::runCli({c, QStringLiteral("--help")}).out))
                QVERIFY2(section.contains(QString(o).replace(QLatin1Char('-'), QLatin1String("\\-"))) || section.contains(o),
                         qPrintable(c + QLatin1Char(' ') + o));
        }
    }
};

QX_TEST_GUILESS_MAIN(TestCliDocs)
#include "tst_cli_docs.moc"

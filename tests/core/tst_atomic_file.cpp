// The atomic writer and every core writer built on it: on a full disk (a file size limit, RLIMIT_FSIZE with
// SIGXFSZ ignored, so the test runs without root anywhere) the old file keeps every byte, the error names
// the file and the reason from errno, and no temporary file is left; two writers never share a temporary.
#include "common/atomic_file.h"
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "eval/kld_base_file.h"
#include "io/gguf_writer.h"
#include "plan/plan.h"
#include "plan/plan_schemes.h"
#include "quant/imatrix_file.h"

#include <QtTest/QtTest>

#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace qx;
namespace fs = std::filesystem;

namespace {

constexpr rlim_t kLimitBytes = 4096;

std::string readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writePlain(const std::string& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

/// Files in `dir` other than `keep`.
QStringList strays(const std::string& dir, const std::string& keep)
{
    QStringList out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename() != keep)
            out << QString::fromStdString(e.path().filename().string());
    return out;
}

/// Runs `write` with the process's file size limit at kLimitBytes (writes beyond it fail with EFBIG).
/// Returns the error it threw; fails the test when it threw nothing.
std::optional<Error> underSizeLimit(const std::function<void()>& write)
{
    rlimit old {};
    getrlimit(RLIMIT_FSIZE, &old);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = old;
    small.rlim_cur = kLimitBytes;
    setrlimit(RLIMIT_FSIZE, &small);
    std::optional<Error> caught;
    try {
        write();
    } catch (const Error& e) {
        caught = e;
    }
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    return caught;
}

Plan bigPlan()
{
    Plan plan;
    plan.sourcePath = "model.gguf";
    for (int i = 0; i < 200; ++i)
        plan.entries.push_back({"blk." + std::to_string(i) + ".ffn_down.weight", {4096, 11008}, TensorType::Q4_K,
                                "hand-edited entry number " + std::to_string(i), true});
    return plan;
}

ImatrixFile bigImatrix()
{
    ImatrixFile f;
    f.entries.push_back({"blk.0.ffn_down.weight", 3, std::vector<float>(4096, 1.5f), {}});
    return f;
}

GgufTensorToWrite bigTensor()
{
    return {"t", {4096}, TensorType::F32, [](std::span<std::byte> dst) { std::fill(dst.begin(), dst.end(), std::byte{7}); }};
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private slots:
    void writesAndLeavesNothingElse()
    {
        const std::string dir = test::scratchDir("atomic-file/plain");
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::string path = dir + "/out.txt";
        writeFileAtomically(path, "first");
        writeFileAtomically(path, "second version");
        QCOMPARE(readAll(path), std::string("second version"));
        QCOMPARE(strays(dir, "out.txt"), QStringList());
    }

    void keepsTheModeOfTheFileItReplaces()
    {
        const std::string dir = test::scratchDir("atomic-file/mode");
        const std::string path = dir + "/plan.json";
        writePlain(path, "old");
        ::chmod(path.c_str(), 0640);
        writeFileAtomically(path, "new");
        struct stat st {};
        ::stat(path.c_str(), &st);
        QCOMPARE(int(st.st_mode & 0777), 0640);
    }

    void twoWritersHaveTheirOwnTemporaryFiles()
    {
        const std::string dir = test::scratchDir("atomic-file/two");
        const std::string path = dir + "/out.gguf";
        AtomicFile a(path), b(path);
        QVERIFY(a.tempPath() != b.tempPath());
        QCOMPARE(fs::path(a.tempPath()).parent_path(), fs::path(path).parent_path());
        a.write(std::string_view("from a"));
        b.write(std::string_view("from b"));
        a.commit();
        QCOMPARE(readAll(path), std::string("from a"));
        // b is abandoned: its temporary goes, a's complete file stays
    }

    void abandonedWriterRemovesItsTemporary()
    {
        const std::string dir = test::scratchDir("atomic-file/abandon");
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::string temp;
        {
            AtomicFile f(dir + "/x.bin");
            f.write(std::string_view("partial"));
            f.finish();
            temp = f.tempPath();
            QVERIFY(fs::exists(temp));
        }
        QVERIFY(!fs::exists(temp));
        QVERIFY(fs::is_empty(dir));
    }

    // A killed writer leaves its temporary file; the next writer to the same target removes it, but never
    // the file of a writer that is still alive (it holds a lock on it, or has created it a moment ago).
    void abandonedTemporariesAreRemovedByTheNextWriter()
    {
        const std::string dir = test::scratchDir("atomic-file/stale");
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::string path = dir + "/out.gguf";
        writePlain(path + ".Xy12Zq.partial", "left by a killed writer");
        fs::last_write_time(path + ".Xy12Zq.partial", fs::file_time_type::clock::now() - std::chrono::minutes(5));
        writePlain(dir + "/other.gguf.Ab34Cd.partial", "another target's");
        // a writer that has created its file and not yet locked it (a concurrent export hit this gap)
        writePlain(path + ".Fr56Sh.partial", "just created");
        AtomicFile alive(path);
        QVERIFY(!fs::exists(path + ".Xy12Zq.partial"));
        QVERIFY(fs::exists(dir + "/other.gguf.Ab34Cd.partial"));
        QVERIFY(fs::exists(path + ".Fr56Sh.partial"));
        writeFileAtomically(path, "second writer");
        QVERIFY(fs::exists(alive.tempPath()));
        alive.write(std::string_view("first writer"));
        alive.commit();
        QCOMPARE(readAll(path), std::string("first writer"));
    }

    void missingFolderNamesTheFileAndTheReason()
    {
        try {
            writeFileAtomically("/nonexistent-folder-qx/plan.json", "x");
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Io);
            QCOMPARE(e.file(), std::string("/nonexistent-folder-qx/plan.json"));
            QVERIFY2(e.detail().find("No such file or directory") != std::string::npos, e.what());
        }
    }

    // Every writer of the core, aimed at a file holding the user's work, on a disk that fills up.
    void fullDiskKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("plan (CLI plan -o)") << "plan";
        QTest::newRow("plan with schemes (GUI Save Plan, autosave)") << "plan-schemes";
        QTest::newRow("imatrix .dat") << "imatrix-dat";
        QTest::newRow("GGUF (imatrix GGUF, synth, train, quantize)") << "gguf";
        QTest::newRow("ppl --save-kld-base") << "kld-base";
        QTest::newRow("report and other text") << "text";
    }
    void fullDiskKeepsTheOldFile()
    {
        QFETCH(QString, name);
        const std::string dir = test::scratchDir("atomic-file/full-" + name.toStdString());
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::string path = dir + "/target";
        const std::string handEdited = "{\"hand-edited\": true, \"the user's\": \"work\"}\n";
        writePlain(path, handEdited);
        const std::map<QString, std::function<void()>> writers{
            {"plan", [&] { savePlan(path, bigPlan()); }},
            {"plan-schemes", [&] { savePlan(path, bigPlan(), SchemeChoices{}); }},
            {"imatrix-dat", [&] { writeImatrixDat(path, bigImatrix()); }},
            {"gguf", [&] { writeGguf(path, {}, {bigTensor()}); }},
            {"kld-base", [&] {
                 KldBaseWriter w(path, {64, 32000, 2, std::vector<int32_t>(128, 1)});
                 w.writeChunk(std::vector<uint16_t>(size_t(kldScoredPerChunk(64) * kldRecordWidth(32000)), 0));
                 w.close();
             }},
            {"text", [&] { writeFileAtomically(path, std::string(20000, 'r')); }},
        };
        const std::optional<Error> e = underSizeLimit(writers.at(name));
        QVERIFY2(e.has_value(), "the write did not fail although it exceeds the size limit");
        QCOMPARE(e->code(), ErrorCode::Io);
        QCOMPARE(e->file(), path);
        QVERIFY2(e->detail().find(std::strerror(EFBIG)) != std::string::npos, e->what());
        QCOMPARE(readAll(path), handEdited);
        QCOMPARE(strays(dir, "target"), QStringList());
    }
};

QX_TEST_APPLESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"

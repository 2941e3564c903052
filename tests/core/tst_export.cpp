// GGUF export against llama-quantize (b4748): synth-d256 exported pure, with the imatrix and by the
// Q3_K_M/Q4_K_M/Q5_K_M presets must give the reference files' tensors byte for byte (and, in
// llama-quantize's tensor order, the whole files); plus the safety rules (no overwriting the input,
// no partial files on failure or cancellation) and the size prediction.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "export/gguf_export.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/presets.h"

#include <QtTest/QtTest>

#include <atomic>
#include <filesystem>
#include <thread>
#include <fstream>
#include <iterator>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace qx;
namespace fs = std::filesystem;

namespace {

std::vector<char> fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Every tensor of `ref` is in `ours` with the same type, shape and bytes.
void compareTensors(const std::string& oursPath, const std::string& refPath)
{
    const auto ours = openModel(oursPath);
    const auto ref = openModel(refPath);
    QCOMPARE(ours->tensors.size(), ref->tensors.size());
    for (const TensorInfo& r : ref->tensors) {
        const TensorInfo* o = ours->findTensor(r.name);
        QVERIFY2(o, r.name.c_str());
        QVERIFY2(o->type == r.type, (r.name + " type").c_str());
        QVERIFY2(o->ne == r.ne, (r.name + " shape").c_str());
        QVERIFY2(o->data.size() == r.data.size(), (r.name + " size").c_str());
        QVERIFY2(std::equal(o->data.begin(), o->data.end(), r.data.begin()), (r.name + " bytes differ").c_str());
    }
    QCOMPARE(ours->metadata, ref->metadata);
}

/// Exports in llama-quantize's order and checks tensors, whole file and the predicted size.
void exportAndCompare(const Plan& plan, const std::string& refName, const std::string& outName)
{
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/" + refName);
    const auto model = openModel(modelPath);
    const std::string out = qx::test::scratchDir("tst_export") + "/" + outName;
    ExportOptions options;
    options.llamaQuantizeOrder = true;
    options.imatrixLabel = "imatrix.dat";   // llama-quantize records the path as typed
    const ExportResult result = exportGguf(*model, plan, out, options);
    QCOMPARE(result.fileBytes, uint64_t(fs::file_size(refPath)));
    QCOMPARE(predictExportSize(*model, plan, options), result.fileBytes);
    compareTensors(out, refPath);
    QVERIFY2(fileBytes(out) == fileBytes(refPath), "whole file differs");
}

/// Makes a directory unwritable even for root (the immutable flag), or undoes it. False when unsupported.
bool setImmutable(const fs::path& dir, bool on)
{
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ok && ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    ::close(fd);
    return ok;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private slots:
    void pure_data()
    {
        QTest::addColumn<QString>("type");
        for (const char* t : {"Q4_0", "Q4_1", "Q5_0", "Q5_1", "Q8_0", "Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_NL",
                              "IQ4_XS", "F16", "BF16"})
            QTest::newRow(t) << t;
    }
    void pure()
    {
        QFETCH(QString, type);
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        const Plan plan = planPure(*model, *tensorTypeFromName(type.toStdString()));
        exportAndCompare(plan, "pure-" + type.toStdString() + ".gguf", "pure-" + type.toStdString() + ".gguf");
    }

    void imatrix_data()
    {
        QTest::addColumn<QString>("type");
        for (const char* t : {"Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "IQ4_XS", "Q4_0"})
            QTest::newRow(t) << t;
    }
    void imatrix()
    {
        QFETCH(QString, type);
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
        const auto model = openModel(modelPath);
        Plan plan = planPure(*model, *tensorTypeFromName(type.toStdString()), true);
        plan.imatrixPath = imatrixPath;
        exportAndCompare(plan, "imatrix-" + type.toStdString() + ".gguf", "imatrix-" + type.toStdString() + ".gguf");
    }

    void imatrixAsGguf()
    {
        // The same importance in llama.cpp's newer GGUF imatrix format quantizes to the same bytes.
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(datPath, "reference/synth-d256/imatrix.dat");
        QX_REQUIRE_SHARED(refPath, "reference/synth-d256/imatrix-Q4_K.gguf");
        const std::string dir = qx::test::scratchDir("tst_export");
        writeImatrixGguf(dir + "/imatrix.gguf", readImatrixDat(datPath));
        const auto model = openModel(modelPath);
        Plan plan = planPure(*model, TensorType::Q4_K, true);
        plan.imatrixPath = dir + "/imatrix.gguf";
        ExportOptions options;
        options.llamaQuantizeOrder = true;
        const std::string out = dir + "/imatrix-gguf-Q4_K.gguf";
        const ExportResult r = exportGguf(*model, plan, out, options);
        QCOMPARE(predictExportSize(*model, plan, options), r.fileBytes);
        const auto ours = openModel(out), ref = openModel(refPath);   // metadata differ: the imatrix file name
        QCOMPARE(ours->tensors.size(), ref->tensors.size());
        for (size_t i = 0; i < ref->tensors.size(); ++i) {
            const auto& o = ours->tensors[i].data;
            const auto& w = ref->tensors[i].data;
            QVERIFY2(o.size() == w.size() && std::equal(o.begin(), o.end(), w.begin()), ref->tensors[i].name.c_str());
        }
        QVERIFY(ours->findMetadata("quantize.imatrix.entries_count"));
    }

    void preset_data()
    {
        QTest::addColumn<QString>("mix");
        for (const char* m : {"Q3_K_M", "Q4_K_M", "Q5_K_M"})
            QTest::newRow(m) << m;
    }
    void preset()
    {
        QFETCH(QString, mix);
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        const Plan plan = planPreset(*model, *presetFromName(mix.toStdString()));
        exportAndCompare(plan, "preset-" + mix.toStdString() + ".gguf", "preset-" + mix.toStdString() + ".gguf");
    }

    void sourceOrderKeepsTensorsAndSize()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(refPath, "reference/synth-d256/preset-Q4_K_M.gguf");
        const auto model = openModel(modelPath);
        const Plan plan = planPreset(*model, Preset::Q4_K_M);
        const std::string out = qx::test::scratchDir("tst_export") + "/source-order.gguf";
        const ExportResult r = exportGguf(*model, plan, out);
        QCOMPARE(r.fileBytes, predictedFileSize(*model, plan));
        QCOMPARE(r.fileBytes, uint64_t(fs::file_size(refPath)));
        QCOMPARE(r.quantizedTensors, 30);
        QCOMPARE(r.copiedTensors, 9);
        compareTensors(out, refPath);
        const auto written = openModel(out);
        for (size_t i = 0; i < model->tensors.size(); ++i)
            QCOMPARE(written->tensors[i].name, model->tensors[i].name);
    }

    void refusesToOverwriteInput()
    {
        QX_REQUIRE_SHARED(storiesPath, "models/stories260K.gguf");
        const std::string dir = qx::test::scratchDir("tst_export");
        const std::string copy = dir + "/stories-copy.gguf";
        fs::copy_file(storiesPath, copy, fs::copy_options::overwrite_existing);
        const auto before = fileBytes(copy);
        const auto model = openModel(copy);
        const Plan plan = planPreset(*model, Preset::Q8_0);
        try {
            exportGguf(*model, plan, copy);
            QFAIL("overwrote the input");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
        }
        fs::create_symlink(copy, dir + "/link.gguf");
        QVERIFY_THROWS_EXCEPTION(Error, exportGguf(*model, plan, dir + "/link.gguf"));
        fs::remove(dir + "/link.gguf");
        QVERIFY(fileBytes(copy) == before);
    }

    void readOnlyDirectory()
    {
        QX_REQUIRE_SHARED(storiesPath, "models/stories260K.gguf");
        const fs::path dir = fs::path(qx::test::scratchDir("tst_export")) / "readonly";
        fs::create_directories(dir);
        fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
        const bool immutable = ::geteuid() == 0 && setImmutable(dir, true);
        if (::geteuid() == 0 && !immutable) {
            fs::permissions(dir, fs::perms::owner_all);
            QSKIP("running as root without the immutable flag: cannot make a directory read-only");
        }
        const auto model = openModel(storiesPath);
        bool threw = false;
        try {
            exportGguf(*model, planPreset(*model, Preset::Q8_0), (dir / "out.gguf").string());
        } catch (const Error& e) {
            threw = e.code() == ErrorCode::Io && std::string(e.what()).find("cannot create") != std::string::npos;
        }
        if (immutable)
            setImmutable(dir, false);
        fs::permissions(dir, fs::perms::owner_all);
        QVERIFY2(threw, "no Io error 'cannot create' for a read-only directory");
        QVERIFY(fs::is_empty(dir));
    }

    void fullDisk()
    {
        QX_REQUIRE_SHARED(storiesPath, "models/stories260K.gguf");
        const fs::path dir = fs::path(qx::test::scratchDir("tst_export")) / "small-disk";
        fs::create_directories(dir);
        if (::geteuid() != 0 || ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=512k") != 0)
            QSKIP("cannot mount a small tmpfs here (needs root): the full-disk case is not exercised");
        struct Unmount {
            fs::path dir;
            ~Unmount() { ::umount(dir.c_str()); }
        } unmount{dir};
        const auto model = openModel(storiesPath);
        bool threw = false;
        try {
            exportGguf(*model, planPure(*model, TensorType::F16), (dir / "out.gguf").string());   // 601248 bytes
        } catch (const Error& e) {
            threw = e.code() == ErrorCode::Io && std::string(e.what()).find("not enough free space") != std::string::npos;
        }
        const bool empty = fs::is_empty(dir);
        // a plan that fits is written normally
        const uint64_t written = exportGguf(*model, planPreset(*model, Preset::Q8_0), (dir / "q8.gguf").string()).fileBytes;
        QVERIFY2(threw, "no Io 'not enough free space' error");
        QVERIFY(empty);
        QCOMPARE(written, uint64_t(489248));
    }

    void cancelLeavesNothing()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto before = fileBytes(modelPath);
        const auto model = openModel(modelPath);
        const std::string out = qx::test::scratchDir("tst_export") + "/cancelled.gguf";
        fs::remove(out);
        double last = 0;
        try {
            exportGguf(*model, planPreset(*model, Preset::Q4_K_M), out, {}, [&](double f) {
                last = f;
                return f < 0.5;
            });
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
        QVERIFY(last >= 0.5 && last < 1.0);
        QVERIFY(!fs::exists(out));
        for (const auto& e : fs::directory_iterator(fs::path(out).parent_path()))
            QVERIFY2(e.path().filename().string().rfind("cancelled.gguf", 0) != 0, "a temporary file was left");
        QVERIFY(fileBytes(modelPath) == before);
    }

    // Two exports aimed at one target at the same time: each writes its own temporary file and verifies it
    // before the rename, so the target ends as one of the two complete files, never a mix, and nothing
    // else is left. Repeated, because the interleaving differs from run to run.
    void concurrentExportsToOneTarget()
    {
        QX_REQUIRE_SHARED(storiesPath, "models/stories260K.gguf");
        const fs::path dir = fs::path(qx::test::scratchDir("tst_export")) / "concurrent";
        fs::remove_all(dir);
        fs::create_directories(dir);
        const auto model = openModel(storiesPath);
        const Plan q8 = planPreset(*model, Preset::Q8_0), q4 = planPreset(*model, Preset::Q4_0);
        exportGguf(*model, q8, (dir / "solo-q8.gguf").string());
        exportGguf(*model, q4, (dir / "solo-q4.gguf").string());
        const auto soloQ8 = fileBytes((dir / "solo-q8.gguf").string()), soloQ4 = fileBytes((dir / "solo-q4.gguf").string());
        const std::string target = (dir / "out.gguf").string();
        for (int run = 0; run < 6; ++run) {
            std::atomic<int> done{0};
            auto job = [&](const Plan& plan) {
                try {
                    exportGguf(*model, plan, target);   // both must succeed: neither touches the other's file
                    ++done;
                } catch (const Error& e) {
                    qWarning("%s", e.what());
                }
            };
            std::thread a(job, std::cref(q8)), b(job, std::cref(q4));
            a.join();
            b.join();
            QCOMPARE(done.load(), 2);
            const auto got = fileBytes(target);
            QVERIFY2(got == soloQ8 || got == soloQ4, "the target is neither complete export");
            QCOMPARE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), std::ptrdiff_t(3));
        }
    }

    void stories260kKeepsMisfits()
    {
        QX_REQUIRE_SHARED(storiesPath, "models/stories260K.gguf");
        const auto model = openModel(storiesPath);
        const Plan plan = planPreset(*model, Preset::Q4_0);
        const std::string out = qx::test::scratchDir("tst_export") + "/stories-q4_0.gguf";
        const ExportResult r = exportGguf(*model, plan, out);
        QCOMPARE(r.fileBytes, predictedFileSize(*model, plan));
        const auto written = openModel(out);
        QCOMPARE(written->findTensor("blk.0.ffn_down.weight")->type, TensorType::F32);
        QCOMPARE(written->findTensor("blk.0.ffn_up.weight")->type, TensorType::Q4_0);
        QCOMPARE(written->findMetadata("general.file_type")->toInt(), int64_t(2));
        const TensorInfo* down = written->findTensor("blk.0.ffn_down.weight");
        const TensorInfo* src = model->findTensor("blk.0.ffn_down.weight");
        QVERIFY(std::equal(down->data.begin(), down->data.end(), src->data.begin()));
    }
};

QX_TEST_APPLESS_MAIN(TestExport)
#include "tst_export.moc"

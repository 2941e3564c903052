// Split GGUF models (gguf-split's split.* keys): an export with --split-max-size writes parts that our reader
// opens as the whole model from any part, tensor for tensor equal to the single-file export; gguf-split's
// size rule and keys; --keep-split writes the same parts again; a missing or disagreeing part is an error
// naming the file. (That llama.cpp loads these parts, and that they equal `llama-gguf-split --split` of the
// single file byte for byte, is checked by hand as docs/gguf_types.md describes.)
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "export/gguf_export.h"
#include "io/gguf_reader.h"
#include "io/gguf_split.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/presets.h"

#include <QtTest/QtTest>

#include <filesystem>

using namespace qx;
namespace fs = std::filesystem;

namespace {

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

bool sameTensors(const ModelFile& a, const ModelFile& b)
{
    if (a.tensors.size() != b.tensors.size())
        return false;
    for (const TensorInfo& t : a.tensors) {
        const TensorInfo* u = b.findTensor(t.name);
        if (!u || u->type != t.type || u->ne != t.ne || !std::equal(t.data.begin(), t.data.end(), u->data.begin(), u->data.end()))
            return false;
    }
    return true;
}

int64_t intKey(const ModelFile& m, const char* key)
{
    const GgufValue* v = m.findMetadata(key);
    return v ? v->toInt() : -1;
}

} // namespace

class TestGgufSplit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void partNames();
    void splitExportOpensAsWholeModel();
    void keepSplitWritesTheSameParts();
    void missingOrWrongPartIsAnError();

private:
    std::string m_dir;
    std::shared_ptr<const ModelFile> m_model;
    Plan m_plan;
    std::shared_ptr<const ModelFile> m_single;
    std::vector<std::string> m_parts;
};

void TestGgufSplit::initTestCase()
{
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    m_dir = qx::test::scratchDir("tst_gguf_split");
    for (const auto& entry : fs::directory_iterator(m_dir))
        fs::remove_all(entry.path());
    m_model = openModel(modelPath);
    m_plan = planPreset(*m_model, Preset::Q4_K_M);
    exportGguf(*m_model, m_plan, m_dir + "/single.gguf");
    m_single = openModel(m_dir + "/single.gguf");
    ExportOptions options;
    options.splitMaxBytes = 300000;   // "--split-max-size 0.3M": synth-d256 Q4_K_M has ~0.9 MB of tensor data
    const ExportResult r = exportGguf(*m_model, m_plan, m_dir + "/split.gguf", options);
    m_parts = r.files;
}

void TestGgufSplit::partNames()
{
    QCOMPARE(splitPartPath("/x/model", 0, 3), std::string("/x/model-00001-of-00003.gguf"));
    QCOMPARE(*splitPrefix("/x/model-00002-of-00003.gguf", 1, 3), std::string("/x/model"));
    QVERIFY(!splitPrefix("/x/model-00002-of-00003.gguf", 0, 3));
    QVERIFY(!splitPrefix("/x/model.gguf", 0, 1));
}

void TestGgufSplit::splitExportOpensAsWholeModel()
{
    if (!m_model)
        QSKIP("shared data not found");
    QVERIFY2(m_parts.size() >= 3, qPrintable(QString::number(m_parts.size())));
    uint64_t fileBytes = 0;
    size_t tensorsInParts = 0;
    for (size_t i = 0; i < m_parts.size(); ++i) {
        QCOMPARE(m_parts[i], splitPartPath(m_dir + "/split", int(i), int(m_parts.size())));
        QVERIFY(!fs::exists(m_parts[i] + ".partial"));
        fileBytes += fs::file_size(m_parts[i]);
        const auto part = openGguf(m_parts[i]);   // one part alone, as gguf-split wrote it
        QCOMPARE(intKey(*part, "split.no"), int64_t(i));
        QCOMPARE(intKey(*part, "split.count"), int64_t(m_parts.size()));
        QCOMPARE(intKey(*part, "split.tensors.count"), int64_t(m_single->tensors.size()));
        QCOMPARE(part->findMetadata("split.no")->type, GgufType::U16);
        QCOMPARE(part->findMetadata("split.tensors.count")->type, GgufType::I32);
        QCOMPARE(part->findMetadata("general.architecture") != nullptr, i == 0);   // metadata in the first part only
        // gguf-split's key order (it sets split.count last), so that the parts equal `llama-gguf-split --split`'s.
        const auto& md = part->metadata;
        QVERIFY(md.size() >= 3);
        QCOMPARE(md[md.size() - 3].key + " " + md[md.size() - 2].key + " " + md.back().key,
                 std::string("split.no split.tensors.count split.count"));
        // gguf-split's rule: a part's padded data stays within the limit unless one tensor alone exceeds it.
        uint64_t data = 0;
        for (const TensorInfo& t : part->tensors)
            data += (t.nbytes + 31) / 32 * 32;
        QVERIFY(data <= 300000 || part->tensors.size() == 1);
        tensorsInParts += part->tensors.size();
    }
    QCOMPARE(tensorsInParts, m_single->tensors.size());
    QVERIFY(fileBytes > fs::file_size(m_dir + "/single.gguf"));   // each part has its own header
    for (const std::string& any : {m_parts.front(), m_parts[1], m_parts.back()}) {
        const auto whole = openModel(any);
        QCOMPARE(whole->splitPaths, m_parts);
        QVERIFY(sameTensors(*whole, *m_single));
        QCOMPARE(whole->spec.blockCount, m_single->spec.blockCount);
        QCOMPARE(whole->tensors.front().name, m_single->tensors.front().name);   // tensors in part order
    }
    QVERIFY(openModel(m_dir + "/single.gguf")->splitPaths.empty());
}

void TestGgufSplit::keepSplitWritesTheSameParts()
{
    if (!m_model)
        QSKIP("shared data not found");
    const auto split = openModel(m_parts[1]);
    ExportOptions options;
    options.keepSplit = true;
    PresetOptions fileOrder;
    fileOrder.fileOrder = true;
    const ExportResult r = exportGguf(*split, planPreset(*split, Preset::Q8_0, fileOrder), m_dir + "/again.gguf", options);
    QCOMPARE(r.files.size(), m_parts.size());
    for (size_t i = 0; i < m_parts.size(); ++i) {
        const auto a = openGguf(m_parts[i]), b = openGguf(r.files[i]);
        QCOMPARE(b->tensors.size(), a->tensors.size());
        for (size_t t = 0; t < a->tensors.size(); ++t)
            QCOMPARE(b->tensors[t].name, a->tensors[t].name);
        const auto& md = b->metadata;   // llama-quantize's key order
        QCOMPARE(md[md.size() - 3].key + " " + md[md.size() - 2].key + " " + md.back().key,
                 std::string("split.no split.count split.tensors.count"));
    }
    // --keep-split of a single file: one part named -00001-of-00001 without split keys, as llama-quantize writes.
    const ExportResult one = exportGguf(*m_single, m_plan, m_dir + "/one.gguf", options);
    QCOMPARE(one.files, std::vector<std::string>{m_dir + "/one-00001-of-00001.gguf"});
    QVERIFY(!openModel(one.files[0])->findMetadata("split.count"));
    // Both kinds of split at once are refused.
    options.splitMaxBytes = 1000000;
    QVERIFY(!errorOf([&] { exportGguf(*m_single, m_plan, m_dir + "/both.gguf", options); }).empty());
}

void TestGgufSplit::missingOrWrongPartIsAnError()
{
    if (!m_model)
        QSKIP("shared data not found");
    const std::string dir = m_dir + "/broken";
    fs::create_directories(dir);
    const int n = int(m_parts.size());
    for (int i = 0; i < n; ++i)
        fs::copy_file(m_parts[size_t(i)], splitPartPath(dir + "/m", i, n), fs::copy_options::overwrite_existing);
    fs::remove(splitPartPath(dir + "/m", 1, n));
    std::string why = errorOf([&] { openModel(splitPartPath(dir + "/m", 0, n)); });
    QVERIFY2(why.find(splitPartPath(dir + "/m", 1, n)) != std::string::npos && why.find("missing") != std::string::npos,
             why.c_str());
    // Part 1 copied in place of part 2: its split.no disagrees with its name.
    fs::copy_file(m_parts[0], splitPartPath(dir + "/m", 1, n));
    why = errorOf([&] { openModel(splitPartPath(dir + "/m", n - 1, n)); });
    QVERIFY2(why.find("expected part 2 of " + std::to_string(n)) != std::string::npos, why.c_str());
    // A part renamed out of the pattern cannot find its siblings.
    fs::copy_file(m_parts[0], dir + "/renamed.gguf");
    why = errorOf([&] { openModel(dir + "/renamed.gguf"); });
    QVERIFY2(why.find("cannot be found") != std::string::npos, why.c_str());
    fs::remove_all(dir);
}

QX_TEST_APPLESS_MAIN(TestGgufSplit)
#include "tst_gguf_split.moc"

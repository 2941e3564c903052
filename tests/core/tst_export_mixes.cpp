// All 29 llama-quantize mixes exported from synth-d256 with imatrix.dat against llama-quantize b4748: every
// tensor's bytes equal the reference digests (digests-lowbit-and-mixes.txt), the nine IQ1/IQ2/IQ3 mix files
// and the low-bit pure files are byte-identical as whole files (llama-quantize's tensor order); and the
// refusals and options of llama-quantize: very-low-bit types without importance data, requantizing,
// --leave-output-tensor, --include/--exclude-weights, --override-kv.
#include "common/error.h"
#include "common/sha256.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "export/gguf_export.h"
#include "export/kv_override.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/presets.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using namespace qx;
namespace fs = std::filesystem;

namespace {

const char* const kMixes[] = {"Q2_K",  "Q2_K_S", "Q3_K_S",  "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S",
                              "Q5_K_M", "Q6_K",  "Q8_0",    "Q4_0",   "Q4_1",   "Q5_0",   "Q5_1",   "IQ1_S",
                              "IQ1_M", "IQ2_XXS", "IQ2_XS", "IQ2_S",  "IQ2_M",  "IQ3_XXS", "IQ3_XS", "IQ3_S",
                              "IQ3_M", "IQ4_NL", "IQ4_XS",  "TQ1_0",  "TQ2_0"};

struct Digest {
    uint32_t type = 0;
    std::string shape, sha16;
};

/// The digests of one file: "== FILE" then "name type shape sha256[:16]" lines.
std::map<std::string, Digest> readDigests(const std::string& path, const std::string& file)
{
    std::ifstream in(path);
    std::map<std::string, Digest> out;
    std::string line;
    bool inFile = false;
    while (std::getline(in, line)) {
        if (line.rfind("== ", 0) == 0) {
            inFile = line.substr(3) == file;
            continue;
        }
        std::istringstream fields(line);
        std::string name;
        Digest d;
        if (inFile && fields >> name >> d.type >> d.shape >> d.sha16)
            out[name] = d;
    }
    return out;
}

std::string shapeOf(const TensorInfo& t)
{
    std::string s;
    for (const int64_t n : t.ne)
        s += (s.empty() ? "" : "x") + std::to_string(n);
    return s;
}

std::vector<char> fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The quantize.imatrix.file value llama-quantize recorded (the path as typed), to write the same.
std::string recordedImatrixLabel(const std::string& refPath)
{
    const auto ref = openModel(refPath);
    const GgufValue* v = ref->findMetadata("quantize.imatrix.file");
    return v ? std::get<std::string>(v->value) : std::string();
}

/// sha256[:16] of tensor bytes, as the digests file spells it.
std::string digest16(std::span<const std::byte> bytes)
{
    return sha256Hex({reinterpret_cast<const char*>(bytes.data()), bytes.size()}).substr(0, 16);
}

std::string scratch(const std::string& name) { return qx::test::scratchDir("tst_export_mixes") + "/" + name; }

/// Exports synth-d256 by `plan` into the scratch folder and returns the output path.
std::string exportTo(const ModelFile& model, const Plan& plan, const std::string& name, ExportOptions options = {})
{
    const std::string out = scratch(name);
    exportGguf(model, plan, out, options);
    return out;
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestExportMixes : public QObject {
    Q_OBJECT
private slots:
    void mixesMatchLlamaQuantize_data();
    void mixesMatchLlamaQuantize();
    void lowBitPureFilesWhole_data();
    void lowBitPureFilesWhole();
    void veryLowBitWithoutImatrixIsRefused();
    void requantizingNeedsPermission();
    void leaveOutputTensor();
    void includeAndExcludeWeights();
    void overrideKv();
    void overrideKvParsing();
};

void TestExportMixes::mixesMatchLlamaQuantize_data()
{
    QTest::addColumn<QString>("mix");
    for (const char* m : kMixes)
        QTest::newRow(m) << m;
}

void TestExportMixes::mixesMatchLlamaQuantize()
{
    QFETCH(QString, mix);
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    QX_REQUIRE_SHARED(digestPath, "reference/synth-d256/digests-lowbit-and-mixes.txt");
    const std::string file = "mix-imatrix-" + mix.toStdString() + ".gguf";
    const auto digests = readDigests(digestPath, file);
    QCOMPARE(digests.size(), size_t(39));
    const auto model = openModel(modelPath);
    PresetOptions presetOptions;
    presetOptions.hasImatrix = true;
    Plan plan = planPreset(*model, *presetFromName(mix.toStdString()), presetOptions);
    plan.imatrixPath = imatrixPath;
    ExportOptions options;
    options.llamaQuantizeOrder = true;
    const std::string refPath = qx::test::sharedPath("reference/synth-d256/" + file);
    const bool haveFile = fs::exists(refPath);
    if (haveFile)
        options.imatrixLabel = recordedImatrixLabel(refPath);
    const std::string out = exportTo(*model, plan, file, options);
    const auto ours = openModel(out);
    QCOMPARE(ours->tensors.size(), digests.size());
    for (const TensorInfo& t : ours->tensors) {
        const auto d = digests.find(t.name);
        QVERIFY2(d != digests.end(), t.name.c_str());
        QVERIFY2(d->second.type == uint32_t(t.type) && d->second.shape == shapeOf(t), (t.name + ": type or shape").c_str());
        QVERIFY2(digest16(t.data) == d->second.sha16, (t.name + " (" + std::string(tensorTypeName(t.type))
                                                                       + "): bytes differ from llama-quantize's").c_str());
    }
    if (haveFile)
        QVERIFY2(fileBytes(out) == fileBytes(refPath), "whole file differs");
    fs::remove(out);
}

void TestExportMixes::lowBitPureFilesWhole_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("withImatrix");
    QTest::newRow("IQ3_XXS") << "IQ3_XXS" << true;
    QTest::newRow("IQ3_S") << "IQ3_S" << true;
    QTest::newRow("TQ1_0") << "TQ1_0" << false;
    QTest::newRow("TQ2_0") << "TQ2_0" << false;
}

void TestExportMixes::lowBitPureFilesWhole()
{
    QFETCH(QString, type);
    QFETCH(bool, withImatrix);
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    QX_REQUIRE_SHARED(refPath, "reference/synth-d256/pure-" + type.toStdString() + ".gguf");
    const auto model = openModel(modelPath);
    Plan plan = planPure(*model, *tensorTypeFromName(type.toStdString()), withImatrix);
    ExportOptions options;
    options.llamaQuantizeOrder = true;
    if (withImatrix) {
        plan.imatrixPath = imatrixPath;
        options.imatrixLabel = recordedImatrixLabel(refPath);
    }
    const std::string out = exportTo(*model, plan, "pure-" + type.toStdString() + ".gguf", options);
    QCOMPARE(predictExportSize(*model, plan, options), uint64_t(fs::file_size(out)));
    QVERIFY2(fileBytes(out) == fileBytes(refPath), "whole file differs");
    fs::remove(out);
}

void TestExportMixes::veryLowBitWithoutImatrixIsRefused()
{
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    const auto model = openModel(modelPath);
    const std::string out = scratch("refused.gguf");
    // llama-quantize's order visits token_embd/output first (Q2_K and Q5_K here), then blk.0.attn_k.
    const std::string why = errorOf([&] { exportGguf(*model, planPreset(*model, Preset::IQ2_XXS), out); });
    QVERIFY2(why == std::string("Missing importance matrix for tensor blk.0.attn_k.weight in a very low-bit quantization "
                              "(IQ2_XXS); llama-quantize refuses it: the result would be garbage"), why.c_str());
    QVERIFY(!fs::exists(out) && !fs::exists(out + ".partial"));
    QVERIFY(presetNeedsImatrix(Preset::IQ1_M) && presetNeedsImatrix(Preset::Q2_K_S) && !presetNeedsImatrix(Preset::IQ2_M));
    // IQ1_M may go without importance on token_embd and output only; Q2_K in a Q2_K_S mix only on token_embd.
    QVERIFY(!llamaQuantizeRefusal("token_embd.weight", TensorType::IQ1_M, uint32_t(Preset::IQ1_M), false));
    QVERIFY(llamaQuantizeRefusal("blk.0.ffn_up.weight", TensorType::IQ1_M, uint32_t(Preset::IQ1_M), false));
    QVERIFY(llamaQuantizeRefusal("output.weight", TensorType::Q2_K, uint32_t(Preset::Q2_K_S), false));
    QVERIFY(!llamaQuantizeRefusal("output.weight", TensorType::Q2_K, uint32_t(Preset::Q2_K), false));
    QVERIFY(!llamaQuantizeRefusal("blk.0.ffn_up.weight", TensorType::IQ2_S, uint32_t(Preset::IQ2_M), true));
    // Excluding a tensor's importance brings the refusal back for that tensor.
    Plan plan = planPreset(*model, Preset::IQ2_XS, PresetOptions{false, true});
    plan.imatrixPath = imatrixPath;
    ExportOptions options;
    options.excludeWeights = {"blk.2.ffn_gate"};
    QVERIFY(errorOf([&] { exportGguf(*model, plan, out, options); }).find("tensor blk.2.ffn_gate.weight") != std::string::npos);
    // The IQ3_XXS mix needs no imatrix; without one it changes attn_v and ffn_down as llama-quantize does.
    const Plan iq3 = planPreset(*model, Preset::IQ3_XXS);
    QCOMPARE(iq3.find("blk.1.attn_v.weight")->type, TensorType::IQ3_S);
    QCOMPARE(iq3.find("blk.1.ffn_down.weight")->type, TensorType::Q3_K);
    QCOMPARE(planPreset(*model, Preset::IQ3_XXS, PresetOptions{false, true}).find("blk.1.attn_v.weight")->type,
             TensorType::IQ3_XXS);
}

void TestExportMixes::requantizingNeedsPermission()
{
    QX_REQUIRE_SHARED(q4Path, "reference/synth-d256/pure-Q4_K.gguf");
    const auto model = openModel(q4Path);
    const Plan plan = planPure(*model, TensorType::Q8_0);
    ExportOptions llamaDefaults;
    llamaDefaults.allowRequantize = false;
    const std::string out = scratch("requant.gguf");
    const std::string why = errorOf([&] { exportGguf(*model, plan, out, llamaDefaults); });
    QVERIFY2(why.find("requantizing from type Q4_K is disabled") != std::string::npos, why.c_str());
    QVERIFY(!fs::exists(out));
    // Keeping every tensor as stored is no requantization; permission lets the conversion through.
    QVERIFY(errorOf([&] { exportGguf(*model, planPure(*model, TensorType::Q4_K), out, llamaDefaults); }).empty());
    llamaDefaults.allowRequantize = true;
    const ExportResult r = exportGguf(*model, plan, out, llamaDefaults);
    QCOMPARE(r.quantizedTensors, 30);
    QCOMPARE(openModel(out)->findTensor("blk.0.attn_q.weight")->type, TensorType::Q8_0);
    fs::remove(out);
}

void TestExportMixes::leaveOutputTensor()
{
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    const auto model = openModel(modelPath);
    PresetOptions options;
    options.leaveOutputTensor = true;
    const Plan plan = planPreset(*model, Preset::Q4_K_M, options);
    QCOMPARE(plan.find("output.weight")->type, TensorType::F32);
    QVERIFY(plan.find("output.weight")->reason.find("--leave-output-tensor") != std::string::npos);
    QCOMPARE(plan.find("token_embd.weight")->type, TensorType::Q4_K);   // not "serves as output": there is one
    const Plan normal = planPreset(*model, Preset::Q4_K_M);
    for (const PlanEntry& e : plan.entries)
        if (e.tensor != "output.weight")
            QCOMPARE(e.type, normal.find(e.tensor)->type);
}

void TestExportMixes::includeAndExcludeWeights()
{
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    QX_REQUIRE_SHARED(pureQ4, "reference/synth-d256/pure-Q4_K.gguf");
    QX_REQUIRE_SHARED(imatrixQ4, "reference/synth-d256/imatrix-Q4_K.gguf");
    const auto model = openModel(modelPath);
    Plan plan = planPure(*model, TensorType::Q4_K, true);
    plan.imatrixPath = imatrixPath;
    ExportOptions options;
    options.includeWeights = {"ffn_down"};
    const auto ours = openModel(exportTo(*model, plan, "include.gguf", options));
    QCOMPARE(ours->findMetadata("quantize.imatrix.entries_count")->toInt(), int64_t(4));
    const auto withImp = openModel(imatrixQ4), without = openModel(pureQ4);
    const auto same = [](const TensorInfo& a, const TensorInfo& b) { return std::equal(a.data.begin(), a.data.end(), b.data.begin(), b.data.end()); };
    QVERIFY(same(*ours->findTensor("blk.1.ffn_down.weight"), *withImp->findTensor("blk.1.ffn_down.weight")));
    QVERIFY(same(*ours->findTensor("blk.1.attn_q.weight"), *without->findTensor("blk.1.attn_q.weight")));
    options.includeWeights.clear();
    options.excludeWeights = {"blk."};   // every entry: as if there were no imatrix at all
    const auto none = openModel(exportTo(*model, plan, "exclude.gguf", options));
    QVERIFY(!none->findMetadata("quantize.imatrix.file"));
    QVERIFY(same(*none->findTensor("blk.1.ffn_down.weight"), *without->findTensor("blk.1.ffn_down.weight")));
}

void TestExportMixes::overrideKv()
{
    QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
    QX_REQUIRE_SHARED(imatrixPath, "reference/synth-d256/imatrix.dat");
    const auto model = openModel(modelPath);
    Plan plan = planPure(*model, TensorType::Q8_0);
    plan.imatrixPath = imatrixPath;
    ExportOptions options;
    for (const char* kv : {"general.name=str:renamed", "qx.test.count=int:7", "qx.test.ratio=float:0.25",
                           "qx.test.flag=bool:true"})
        options.kvOverrides.push_back(parseKvOverride(kv));
    const auto ours = openModel(exportTo(*model, plan, "override.gguf", options));
    std::vector<std::string> tail;
    for (const KeyValue& kv : ours->metadata)
        tail.push_back(kv.key);
    tail.erase(tail.begin(), tail.end() - 9);
    // As llama-quantize: file_type, then the overrides in order (general.name moves), then the imatrix keys.
    const std::vector<std::string> expected = {"general.file_type", "general.name", "qx.test.count", "qx.test.ratio",
                                               "qx.test.flag", "quantize.imatrix.file", "quantize.imatrix.dataset",
                                               "quantize.imatrix.entries_count", "quantize.imatrix.chunks_count"};
    QCOMPARE(tail, expected);
    QCOMPARE(std::get<std::string>(ours->findMetadata("general.name")->value), std::string("renamed"));
    QCOMPARE(ours->findMetadata("qx.test.count")->type, GgufType::I32);
    QCOMPARE(ours->findMetadata("qx.test.ratio")->type, GgufType::F32);
    QCOMPARE(std::get<double>(ours->findMetadata("qx.test.ratio")->value), 0.25);
    QCOMPARE(std::get<bool>(ours->findMetadata("qx.test.flag")->value), true);
}

void TestExportMixes::overrideKvParsing()
{
    QCOMPARE(parseKvOverride("a.b=int:-3").value.toInt(), int64_t(-3));
    for (const char* bad : {"novalue", "=int:3", "k=int:3x", "k=bool:yes", "k=float:", "k=text:a", "k=float:nan"})
        QVERIFY2(!errorOf([&] { parseKvOverride(bad); }).empty(), bad);
    QVERIFY(!errorOf([&] { parseKvOverride("k=str:" + std::string(128, 'x')); }).empty());
    QVERIFY(errorOf([&] { parseKvOverride("k=str:" + std::string(127, 'x')); }).empty());
}

QX_TEST_APPLESS_MAIN(TestExportMixes)
#include "tst_export_mixes.moc"

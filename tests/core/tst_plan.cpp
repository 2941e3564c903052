// Plans and llama-quantize's mixes: presets against llama.cpp's own choices for synth-d256, row-width
// fallbacks on stories260K, JSON round trip and the errors of plans that do not fit.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/presets.h"

#include <QtTest/QtTest>

#include <fstream>
#include <sstream>

using namespace qx;

namespace {

std::vector<std::pair<std::string, std::string>> readTypes(const std::string& path)
{
    std::ifstream in(path);
    std::vector<std::pair<std::string, std::string>> out;
    std::string name, type;
    while (in >> name >> type)
        out.emplace_back(name, type);
    return out;
}

std::string upper(std::string s)
{
    for (char& c : s)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

ErrorCode codeOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return ErrorCode::Io;   // "no error" is reported as a code the callers never expect
}

} // namespace

class TestPlan : public QObject {
    Q_OBJECT
private slots:
    void presetMatchesLlamaQuantize_data()
    {
        QTest::addColumn<QString>("mix");
        QTest::newRow("Q3_K_M") << "Q3_K_M";
        QTest::newRow("Q4_K_M") << "Q4_K_M";
        QTest::newRow("Q5_K_M") << "Q5_K_M";
    }
    void presetMatchesLlamaQuantize()
    {
        QFETCH(QString, mix);
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(typesPath, "reference/synth-d256/preset-" + mix.toStdString() + ".types.txt");
        const auto model = openModel(modelPath);
        const Plan plan = planPreset(*model, *presetFromName(mix.toStdString()));
        const auto expected = readTypes(typesPath);
        QCOMPARE(expected.size(), size_t(39));
        QCOMPARE(plan.entries.size(), expected.size());
        for (const auto& [name, type] : expected) {
            const PlanEntry* e = plan.find(name);
            QVERIFY2(e, name.c_str());
            QVERIFY2(upper(std::string(tensorTypeName(e->type))) == upper(type),
                     (name + ": " + std::string(tensorTypeName(e->type)) + " vs " + type + " (" + e->reason + ")").c_str());
        }
        QCOMPARE(*plan.ftype, uint32_t(*presetFromName(mix.toStdString())));
    }

    /// All 29 llama-quantize mixes with an importance matrix: each tensor's type equals
    /// mix-imatrix-<MIX>.types.txt (llama-quantize b4748 --imatrix on synth-d256).
    void imatrixMixesMatchLlamaQuantize_data()
    {
        QTest::addColumn<QString>("mix");
        for (const char* m : {"Q2_K", "Q2_K_S", "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q4_K_S", "Q4_K_M", "Q5_K_S", "Q5_K_M",
                              "Q6_K", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1", "IQ1_S", "IQ1_M", "IQ2_XXS", "IQ2_XS",
                              "IQ2_S", "IQ2_M", "IQ3_XXS", "IQ3_XS", "IQ3_S", "IQ3_M", "IQ4_NL", "IQ4_XS", "TQ1_0",
                              "TQ2_0"})
            QTest::newRow(m) << m;
    }
    void imatrixMixesMatchLlamaQuantize()
    {
        QFETCH(QString, mix);
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(typesPath, "reference/synth-d256/mix-imatrix-" + mix.toStdString() + ".types.txt");
        const auto model = openModel(modelPath);
        const auto preset = presetFromName(mix.toStdString());
        QVERIFY(preset);
        PresetOptions options;
        options.hasImatrix = true;
        const Plan plan = planPreset(*model, *preset, options);
        const auto expected = readTypes(typesPath);
        QCOMPARE(expected.size(), size_t(39));
        QCOMPARE(plan.entries.size(), expected.size());
        for (const auto& [name, type] : expected) {
            const PlanEntry* e = plan.find(name);
            QVERIFY2(e, name.c_str());
            QVERIFY2(upper(std::string(tensorTypeName(e->type))) == upper(type),
                     (name + ": " + std::string(tensorTypeName(e->type)) + " vs " + type + " (" + e->reason + ")").c_str());
        }
        QCOMPARE(*plan.ftype, uint32_t(*preset));
    }

    void q4kmReasons()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        const Plan plan = planPreset(*model, Preset::Q4_K_M);
        QCOMPARE(plan.find("blk.2.attn_v.weight")->reason, std::string("attn_v #2 of 4 (use_more_bits) -> Q6_K"));
        QCOMPARE(plan.find("blk.3.ffn_down.weight")->reason, std::string("ffn_down layer 3 of 4 (use_more_bits) -> Q6_K"));
        QCOMPARE(plan.find("output.weight")->reason, std::string("output.weight rule -> Q6_K"));
        QVERIFY(plan.find("blk.0.attn_norm.weight")->reason.find("1-D") != std::string::npos);
    }

    void pureAndFloatPresets()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        for (TensorType type : {TensorType::Q4_0, TensorType::Q6_K, TensorType::IQ4_XS, TensorType::F16}) {
            const Plan plan = planPure(*model, type);
            for (const PlanEntry& e : plan.entries)
                QCOMPARE(e.type, model->findTensor(e.tensor)->ne.size() >= 2 ? type : TensorType::F32);
        }
        QCOMPARE(*planPure(*model, TensorType::Q4_K).ftype, 15u);
        QCOMPARE(*planPure(*model, TensorType::Q3_K).ftype, 12u);
        const Plan q8 = planPreset(*model, Preset::Q8_0);   // output stays Q8_0: "new_type != Q8_0" rule
        QCOMPARE(q8.find("output.weight")->type, TensorType::Q8_0);
        const Plan q2 = planPreset(*model, Preset::Q2_K);   // n_gqa = 2 < 4
        QCOMPARE(q2.find("blk.0.attn_v.weight")->type, TensorType::Q3_K);
        QCOMPARE(q2.find("blk.0.ffn_down.weight")->type, TensorType::Q3_K);
        QCOMPARE(q2.find("blk.0.attn_output.weight")->type, TensorType::Q3_K);
        QCOMPARE(q2.find("blk.0.attn_q.weight")->type, TensorType::Q2_K);
        PresetOptions withImatrix;
        withImatrix.hasImatrix = true;
        QCOMPARE(planPreset(*model, Preset::Q4_0, withImatrix).find("blk.0.ffn_down.weight")->type, TensorType::Q4_0);
    }

    void stories260kFallbacks()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        const auto model = openModel(modelPath);
        // ffn_down rows are 172 wide: no block size fits; K-quants fall back as llama.cpp does
        const Plan q4km = planPreset(*model, Preset::Q4_K_M);
        QCOMPARE(q4km.find("blk.0.ffn_down.weight")->type, TensorType::F16);   // Q6_K -> Q8_0 -> F16
        QCOMPARE(q4km.find("blk.1.ffn_down.weight")->type, TensorType::F16);   // Q4_K -> Q5_0 -> F16
        QCOMPARE(q4km.find("blk.0.attn_q.weight")->type, TensorType::Q5_0);    // rows of 64: Q4_K -> Q5_0
        QCOMPARE(q4km.find("output.weight")->type, TensorType::Q8_0);          // Q6_K -> Q8_0
        const Plan q4_0 = planPreset(*model, Preset::Q4_0);
        const PlanEntry* down = q4_0.find("blk.0.ffn_down.weight");
        QCOMPARE(down->type, TensorType::F32);
        QVERIFY(down->reason.find("Unsupported tensor size") != std::string::npos);
        QCOMPARE(q4_0.find("blk.0.ffn_gate.weight")->type, TensorType::Q4_0);
        QCOMPARE(planPure(*model, TensorType::Q8_0).find("blk.4.ffn_down.weight")->type, TensorType::F32);
        const Plan pureQ4k = planPure(*model, TensorType::Q4_K);   // rows of 64 and 172 do not fit 256
        QCOMPARE(pureQ4k.find("blk.0.attn_q.weight")->type, TensorType::Q5_0);
        QCOMPARE(pureQ4k.find("blk.0.ffn_down.weight")->type, TensorType::F16);
        QVERIFY(pureQ4k.find("blk.0.ffn_down.weight")->reason.find("--pure stops") != std::string::npos);
        validatePlan(*model, q4km);
        validatePlan(*model, q4_0);
    }

    void jsonRoundTrip()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        Plan plan = planPreset(*model, Preset::Q5_K_M);
        plan.entries[3].pinned = true;
        plan.imatrixPath = "/tmp/x.dat";
        const std::string path = qx::test::scratchDir("tst_plan") + "/plan.json";
        savePlan(path, plan);
        QCOMPARE(loadPlan(path), plan);
        QVERIFY(planToJson(plan).find("\"schema\": \"qexplore-plan\"") != std::string::npos);
    }

    void pinnedEntriesSurviveReplanning()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        Plan mine = planPreset(*model, Preset::Q4_K_M);
        PlanEntry* q = mine.find("blk.1.attn_q.weight");
        q->type = TensorType::Q8_0;
        q->reason = "chosen by hand";
        q->pinned = true;
        const Plan replanned = keepPinned(planPreset(*model, Preset::Q3_K_M), mine);
        QCOMPARE(*replanned.find("blk.1.attn_q.weight"), *q);
        QCOMPARE(replanned.find("blk.1.attn_k.weight")->type, TensorType::Q3_K);
        QCOMPARE(replanned.preset, std::string("Q3_K_M + pinned"));
        validatePlan(*model, replanned);
    }

    void badPlans()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        const auto model = openModel(modelPath);
        const Plan good = planPreset(*model, Preset::Q8_0);
        QCOMPARE(codeOf([&] { planFromJson("{\"schema\":\"other\",\"version\":1,\"tensors\":[]}"); }), ErrorCode::Invalid);
        QCOMPARE(codeOf([&] { planFromJson("{\"schema\":\"qexplore-plan\",\"version\":2,\"tensors\":[]}"); }),
                 ErrorCode::Unsupported);
        QCOMPARE(codeOf([&] {
                     planFromJson("{\"schema\":\"qexplore-plan\",\"version\":1,\"tensors\":[{\"name\":\"a\",\"type\":\"Q9_K\"}]}");
                 }),
                 ErrorCode::Invalid);
        Plan unknown = good;
        unknown.entries[0].tensor = "blk.99.attn_q.weight";
        QCOMPARE(codeOf([&] { validatePlan(*model, unknown); }), ErrorCode::Mismatch);
        Plan misfit = good;
        misfit.find("blk.0.ffn_down.weight")->type = TensorType::Q4_0;   // row 172
        try {
            validatePlan(*model, misfit);
            QFAIL("misfit accepted");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Mismatch);
            QVERIFY(std::string(e.what()).find("not a multiple of the Q4_0 block size 32") != std::string::npos);
        }
        Plan missing = good;
        missing.entries.pop_back();
        QCOMPARE(codeOf([&] { validatePlan(*model, missing); }), ErrorCode::Mismatch);
        Plan reshaped = good;
        reshaped.entries[0].ne = {1, 2};
        QCOMPARE(codeOf([&] { validatePlan(*model, reshaped); }), ErrorCode::Mismatch);
    }

    void llamaQuantizeCommandLine()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        const auto model = openModel(modelPath);
        Plan plan = planPreset(*model, Preset::Q4_K_M);
        QCOMPARE(llamaQuantizeCommand(*model, plan, "out.gguf"), "llama-quantize " + modelPath + " out.gguf Q4_K_M");
        plan.find("output.weight")->type = TensorType::Q8_0;
        plan.find("blk.1.attn_q.weight")->type = TensorType::Q5_K;
        plan.imatrixPath = "imatrix.dat";
        QCOMPARE(llamaQuantizeCommand(*model, plan, "out.gguf"),
                 "llama-quantize --imatrix imatrix.dat --output-tensor-type q8_0 --tensor-type 'blk\\.1\\.attn_q\\.weight=q5_k' "
                     + modelPath + " out.gguf Q4_K_M");
    }
};

QX_TEST_APPLESS_MAIN(TestPlan)
#include "tst_plan.moc"

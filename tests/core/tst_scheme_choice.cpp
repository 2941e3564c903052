// SchemeChoice: exact sizes computed by hand, round trips equal to the uniform quantizer, nearest GGUF types,
// JSON round trips and the errors of bad JSON; plan files with and without the "schemes" member.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/model_file.h"
#include "plan/plan_schemes.h"
#include "export/scheme_choice_gguf.h"
#include "quant/scheme_choice.h"

#include <QtTest/QtTest>

#include <random>

using namespace qx;

namespace {

UniformScheme int4g64()
{
    UniformScheme s;
    s.bits = 4;
    s.mode = UniformMode::Asymmetric;
    s.granularity = Granularity::PerGroup;
    s.groupSize = 64;
    s.scaleFormat = ScaleFormat::F16;
    return s;
}

std::vector<float> gaussian(size_t n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> d(0.0f, 0.02f);
    std::vector<float> v(n);
    for (float& x : v)
        x = d(rng);
    return v;
}

std::string invalidMessage(const std::string& text)
{
    try {
        schemeChoiceFromJson(text, "x.json");
    } catch (const Error& e) {
        return e.code() == ErrorCode::Invalid ? e.detail() : std::string("wrong code");
    }
    return "no error";
}

} // namespace

class TestSchemeChoice : public QObject {
    Q_OBJECT
private slots:
    void exactSizeByHand()
    {
        // 256 × 768 (rows of 256, 768 rows) = 196608 values in 3072 groups of 64:
        // codes 196608 · 4 / 8 = 98304 B, F16 steps 3072 · 2 = 6144 B, 4-bit zero points 3072 · 4 / 8 = 1536 B.
        const SchemeChoice c = int4g64();
        QVERIFY(c.isCustom());
        QCOMPARE(schemeChoiceBytes(c, 768, 256), uint64_t(98304 + 6144 + 1536));
        QCOMPARE(schemeChoiceBitsPerWeight(c, 768, 256), 4.3125);  // 4 + (16 + 4) / 64
        QCOMPARE(schemeChoiceName(c), std::string("INT4 asym g64 f16 absmax"));
        // 3 bits, F32 scales, per channel: 196608 · 3 / 8 = 73728 B + 768 · 4 B.
        UniformScheme s3 = int4g64();
        s3.bits = 3;
        s3.mode = UniformMode::SymmetricRestricted;
        s3.granularity = Granularity::PerChannel;
        s3.scaleFormat = ScaleFormat::F32;
        QCOMPARE(schemeChoiceBytes(s3, 768, 256), uint64_t(73728 + 3072));
        QCOMPARE(schemeChoiceBitsPerWeight(s3, 768, 256), 3.125);
        // Catalog choices agree with the format table.
        QCOMPARE(schemeChoiceBytes(SchemeId::Int4G128Asym, 768, 256), storedBytes(*findFormat("INT4 g128 asym"), 768, 256));
        QCOMPARE(schemeChoiceBitsPerWeight(SchemeId::Int4G128Asym, 768, 256), 4.15625);
        QCOMPARE(schemeChoiceBytes(SchemeId::Fp16, 2, 256), uint64_t(1024));
    }

    void roundTripEqualsUniformQuantizer()
    {
        UniformScheme s = int4g64();
        s.bits = 3;
        s.clip = ClipMethod::MseSearch;
        const std::vector<float> x = gaussian(256 * 12, 7);
        std::vector<float> a(x.size()), b(x.size());
        fakeQuantChoice(s, x, a, 256);
        fakeQuantUniform(x, b, 256, s);
        QCOMPARE(a, b);
        std::vector<float> c(x.size()), d(x.size());
        fakeQuantChoice(SchemeId::Nf4, x, c, 256);
        fakeQuantScheme(SchemeId::Nf4, x, d, 256);
        QCOMPARE(c, d);
    }

    void fitsWithReason()
    {
        QVERIFY(schemeChoiceFit(int4g64(), 256).fits);
        const FormatFit bad = schemeChoiceFit(int4g64(), 172);
        QVERIFY(!bad.fits);
        QVERIFY2(bad.reason.find("172") != std::string::npos && bad.reason.find("64") != std::string::npos, bad.reason.c_str());
        UniformScheme wide = int4g64();
        wide.bits = 9;
        QVERIFY(schemeChoiceFit(wide, 256).reason.find("bits must be 2..8") != std::string::npos);
        QVERIFY(!schemeChoiceFit(SchemeId::Int4G128Sym, 64).fits);
        QVERIFY_THROWS_EXCEPTION(Error, validateSchemeChoice(int4g64(), 100));
        std::vector<float> x(100), y(100);
        QVERIFY_THROWS_EXCEPTION(Error, fakeQuantChoice(int4g64(), x, y, 100));
    }

    void canonicalFormAndCatalogMatch()
    {
        // The same scheme as the catalog's INT4 g128 asym is that catalog entry; changes make it custom.
        UniformScheme s = int4g64();
        s.groupSize = 128;
        QCOMPARE(choiceOf(s), SchemeChoice(SchemeId::Int4G128Asym));
        s.clip = ClipMethod::MseSearch;
        QVERIFY(choiceOf(s).isCustom());
        UniformScheme a = s, b = s;
        a.granularity = b.granularity = Granularity::PerChannel;
        a.groupSize = 32;  // unused per channel: equal choices
        QCOMPARE(SchemeChoice(a), SchemeChoice(b));
        QCOMPARE(*uniformSchemeOf(SchemeChoice(SchemeId::Int3G128Asym)), uniformSchemeOf(SchemeId::Int3G128Asym));
        QVERIFY(!uniformSchemeOf(SchemeChoice(SchemeId::Nf4)));
    }

    void nearestGgufTypes()
    {
        QCOMPARE(ggufExportability(SchemeChoice(int4g64())).type, std::optional(TensorType::Q4_K));
        UniformScheme s = int4g64();
        s.groupSize = 32;
        QCOMPARE(ggufExportability(s).type, std::optional(TensorType::Q4_1));
        s.mode = UniformMode::SymmetricFull;
        QCOMPARE(ggufExportability(s).type, std::optional(TensorType::Q4_0));
        s.bits = 5;
        QCOMPARE(ggufExportability(s).type, std::optional(TensorType::Q5_0));
        s.bits = 3;
        QCOMPARE(ggufExportability(s).type, std::optional(TensorType::Q3_K));
        s.bits = 6;
        QCOMPARE(ggufExportability(s).type, std::optional(TensorType::Q6_K));
        s.bits = 8;
        QCOMPARE(ggufExportability(s).type, std::optional(TensorType::Q8_0));
        // Catalog ids keep gguf_compat's answers.
        QCOMPARE(ggufExportability(SchemeChoice(SchemeId::Int4G128Asym)).type, std::optional(TensorType::Q4_K));
        QCOMPARE(ggufExportability(SchemeChoice(SchemeId::Nf4)).type, std::optional(TensorType::IQ4_NL));
        // The file type falls back where the rows do not fit: Q4_K on 64 → Q5_0 (llama-quantize), on 172 → F16.
        QCOMPARE(schemeChoiceFileType(int4g64(), 256), TensorType::Q4_K);
        QCOMPARE(schemeChoiceFileType(int4g64(), 64), TensorType::Q5_0);
        QCOMPARE(schemeChoiceFileType(int4g64(), 172), TensorType::F16);
    }

    void jsonRoundTrip()
    {
        UniformScheme s = int4g64();
        s.bits = 3;
        s.clip = ClipMethod::Percentile;
        s.percentile = 99.5;
        for (const SchemeChoice& c : {SchemeChoice(s), SchemeChoice(int4g64()), SchemeChoice(SchemeId::Nf4DoubleQuant)}) {
            const std::string text = schemeChoiceToJson(c);
            QCOMPARE(schemeChoiceFromJson(text), c);
        }
        QCOMPARE(schemeChoiceToJson(s), std::string(R"({"bits":3,"mode":"asymmetric","granularity":"group","group":64,)"
                                                    R"("scale":"f16","clip":"percentile","percentile":99.5})"));
        QCOMPARE(schemeChoiceToJson(SchemeId::Int4G32Sym), std::string(R"({"catalog":"INT4 g32 sym"})"));
    }

    void badJsonNamesTheMember()
    {
        QVERIFY(invalidMessage(R"({"bits":9})").find("\"bits\" is 9") != std::string::npos);
        QVERIFY(invalidMessage(R"({"bits":4,"mode":"sideways"})").find("\"mode\" is \"sideways\"") != std::string::npos);
        QVERIFY(invalidMessage(R"({"bits":4,"granularity":3})").find("\"granularity\"") != std::string::npos);
        QVERIFY(invalidMessage(R"({"bits":4,"clip":"percentile","percentile":0})").find("\"percentile\"") != std::string::npos);
        QVERIFY(invalidMessage(R"({"catalog":"INT5 magic"})").find("\"catalog\"") != std::string::npos);
        QVERIFY(invalidMessage(R"({"mode":"asymmetric"})").find("missing \"bits\"") != std::string::npos);
        QVERIFY(invalidMessage(R"([1,2])").find("object") != std::string::npos);
        QVERIFY(invalidMessage(R"({"bits":)").find("invalid JSON") != std::string::npos);
    }

    void planFilesWithSchemes()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto model = openModel(path);
        Plan plan;
        for (const TensorInfo* t : plannedTensors(*model))
            plan.entries.push_back({t->name, t->ne, t->type, "as stored", false});
        UniformScheme s = int4g64();
        s.bits = 3;
        s.clip = ClipMethod::MseSearch;
        plan.find("blk.0.attn_q.weight")->type = schemeChoiceFileType(s, 64);
        const SchemeChoices schemes{{"blk.0.attn_q.weight", s}, {"blk.1.ffn_up.weight", SchemeId::Nf4}};
        const std::string text = planToJson(plan, schemes);
        const PlanWithSchemes back = planWithSchemesFromJson(text, "p.json");
        QCOMPARE(back.plan, plan);
        QCOMPARE(back.schemes, schemes);
        validatePlanWithSchemes(*model, back);
        // A plan.h reader ignores the member; a file without it loads with no schemes.
        QCOMPARE(planFromJson(text), plan);
        QCOMPARE(planWithSchemesFromJson(planToJson(plan)).schemes.size(), size_t(0));
        QCOMPARE(planToJson(plan, {}), planToJson(plan));
        // A scheme the rows cannot hold (ffn_down rows are 172 wide) is a mismatch naming the tensor.
        PlanWithSchemes unfit = back;
        unfit.schemes["blk.0.ffn_down.weight"] = int4g64();
        try {
            validatePlanWithSchemes(*model, unfit);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Mismatch);
            QVERIFY(std::string(e.what()).find("blk.0.ffn_down.weight") != std::string::npos);
        }
        // A scheme for a tensor the plan lacks, or a bad member, names it.
        std::string bad = text;
        bad.replace(bad.find("\"blk.1.ffn_up.weight\": {"), 22, "\"blk.9.nope.weight\": {");
        QVERIFY_THROWS_EXCEPTION(Error, planWithSchemesFromJson(bad));
        std::string badBits = text;
        badBits.replace(badBits.find("\"bits\": 3"), 9, "\"bits\": 1");
        try {
            planWithSchemesFromJson(badBits, "p.json");
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("schemes[\"blk.0.attn_q.weight\"]: \"bits\" is 1") != std::string::npos, e.what());
        }
    }
};

QX_TEST_APPLESS_MAIN(TestSchemeChoice)
#include "tst_scheme_choice.moc"

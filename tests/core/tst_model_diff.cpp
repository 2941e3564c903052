// Comparing two models (compare/model_diff.h): the error of llama.cpp's quantizations against their F32
// source equals the format-error path's figures for the same tensors, equal bytes are "identical", an HF
// folder matches its converted GGUF (names, attn_q/attn_k row order, tied embeddings), totals pool as
// documented, models of other shapes are refused with their metadata still compared, cancellation stops.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "compare/diff_plan.h"
#include "compare/diff_report.h"
#include "compare/model_diff.h"
#include "compare/pair_histograms.h"
#include "quant/dequantize.h"
#include "export/gguf_export.h"
#include "io/model_file.h"
#include "plan/presets.h"
#include "quant/formats.h"
#include "stats/format_error.h"

#include <QtTest/QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace qx;

namespace {

const TensorDiff* find(const ModelDiff& d, const std::string& name)
{
    for (const TensorDiff& t : d.tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

GgufValue longArray(int n, int offset)
{
    std::vector<GgufValue> v;
    for (int i = 0; i < n; ++i)
        v.push_back(GgufValue::i32(i + offset));
    return GgufValue::array(GgufType::I32, v);
}

QJsonObject json(const ModelDiff& d)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(modelDiffJson(d))).object();
}

} // namespace

class TestModelDiff : public QObject {
    Q_OBJECT
private slots:
    void metadataChanges()
    {
        const std::vector<KeyValue> a = {{"general.name", GgufValue::string("x")}, {"k.same", GgufValue::u32(3)},
                                         {"k.type", GgufValue::u32(3)}, {"k.gone", GgufValue::f32(0.5f)},
                                         {"k.long", longArray(100, 0)}};
        const std::vector<KeyValue> b = {{"k.new", GgufValue::boolean(true)}, {"k.long", longArray(100, 1)},
                                         {"k.type", GgufValue::i32(3)}, {"k.same", GgufValue::u32(3)},
                                         {"general.name", GgufValue::string("y")}};
        const auto c = diffMetadata(a, b);
        QCOMPARE(c.size(), size_t(5));
        QCOMPARE(c[0], (MetadataChange{"k.gone", MetadataChangeKind::Removed, "0.5", ""}));
        QCOMPARE(c[1], (MetadataChange{"general.name", MetadataChangeKind::Changed, "\"x\"", "\"y\""}));
        QCOMPARE(c[2].key, std::string("k.type"));   // same number, other GGUF type
        QCOMPARE(c[3].key, std::string("k.long"));
        QCOMPARE(c[4], (MetadataChange{"k.new", MetadataChangeKind::Added, "", "true"}));
        QVERIFY(c[3].valueA.rfind("[100 × i32] #", 0) == 0);
        QVERIFY(c[3].valueA != c[3].valueB);
        QCOMPARE(summarizeValue(longArray(100, 0)), c[3].valueA);   // equal arrays, equal hash
        QCOMPARE(summarizeValue(longArray(3, 7)), std::string("[7, 8, 9]"));
        QVERIFY(diffMetadata(a, a).empty());
    }
    void tensorNames()
    {
        int layer = 0;
        std::string cls;
        splitTensorName("blk.12.ffn_down.weight", layer, cls);
        QCOMPARE(layer, 12);
        QCOMPARE(cls, std::string("ffn_down"));
        splitTensorName("output_norm.weight", layer, cls);
        QCOMPARE(layer, -1);
        QCOMPARE(cls, std::string("output_norm"));
        splitTensorName("blk.x.attn_q.bias", layer, cls);
        QCOMPARE(layer, -1);
        QCOMPARE(cls, std::string("blk.x.attn_q"));
    }
    void pureQuantizationEqualsFormatError_data()
    {
        QTest::addColumn<QString>("type");
        for (const char* t : {"Q4_K", "Q8_0", "Q2_K", "IQ4_XS", "F16"})
            QTest::newRow(t) << QString(t);
    }
    void pureQuantizationEqualsFormatError()
    {
        QFETCH(QString, type);
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(pure, "reference/synth-d256/pure-" + type.toStdString() + ".gguf");
        const auto a = openModel(f32), b = openModel(pure);
        const ModelDiff d = diffModels(*a, *b);
        const FormatErrorReport r = computeFormatError(*a, *findFormat(type.toStdString()));
        QCOMPARE(d.refusal, DiffRefusal::None);
        QCOMPARE(d.tensors.size(), r.tensors.size());
        for (size_t i = 0; i < r.tensors.size(); ++i) {
            const FormatErrorEntry& e = r.tensors[i];
            const TensorDiff& t = d.tensors[i];
            QCOMPARE(t.name, e.name);
            QCOMPARE(t.bytesB, e.storedBytes);
            if (!e.quantized) {   // norms stay F32 in both files
                QCOMPARE(t.status, TensorDiffStatus::Identical);
                QVERIFY(std::isinf(t.sqnrDb));
                continue;
            }
            QCOMPARE(t.status, TensorDiffStatus::Compared);
            QCOMPARE(t.sqnrDb, e.error.sqnrDb);   // bit for bit
            QCOMPARE(t.relativeError, e.error.relativeFrobenius);
            QCOMPARE(t.maxAbsDiff, e.error.maxAbsError);
            QCOMPARE(t.cosine, e.error.cosine);
            QCOMPARE(t.signalEnergy, e.signalEnergy);
        }
        QCOMPARE(d.total.identical, 9);
        QCOMPARE(d.total.bytesA, a->totalTensorBytes());
        QCOMPARE(d.total.bytesB, b->totalTensorBytes());
        QCOMPARE(d.total.sqnrDb, r.totals.sqnrDb);
        QCOMPARE(d.layers.size(), size_t(4));
        QCOMPARE(d.classes.size(), size_t(12));
    }
    void layerTotalsPool()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        const ModelDiff d = diffModels(*openModel(f32), *openModel(q4));
        double signal = 0, noise = 0;
        uint64_t bytesB = 0;
        for (const TensorDiff& t : d.tensors)
            if (t.layer == 2) {
                signal += t.signalEnergy;
                noise += t.noiseEnergy;
                bytesB += t.bytesB;
            }
        QCOMPARE(d.layers[2].key, std::string("2"));
        QCOMPARE(d.layers[2].tensors, 9);
        QCOMPARE(d.layers[2].bytesB, bytesB);
        QCOMPARE(d.layers[2].sqnrDb, 10.0 * std::log10(signal / noise));
    }
    void sameResultOnAnyThreadCount()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q3_K.gguf");
        const auto a = openModel(f32), b = openModel(q4);
        DiffOptions one, two;
        one.threads = 1;
        two.threads = 2;
        QCOMPARE(diffModels(*a, *b, one), diffModels(*a, *b, two));
    }
    void equalBytesAreIdentical()
    {
        // The Q4_K_M mix quantizes most matrices to Q4_K, exactly as --pure Q4_K does.
        QX_REQUIRE_SHARED(pure, "reference/synth-d256/pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(mix, "reference/synth-d256/preset-Q4_K_M.gguf");
        const ModelDiff d = diffModels(*openModel(pure), *openModel(mix));
        int identical = 0, compared = 0;
        for (const TensorDiff& t : d.tensors) {
            if (t.typeA == t.typeB) {
                QCOMPARE(t.status, TensorDiffStatus::Identical);
                ++identical;
            } else {
                QCOMPARE(t.status, TensorDiffStatus::Compared);
                QVERIFY(t.sqnrDb > 15.0 && t.sqnrDb < 30.0);   // about the Q4_K error itself (B is finer)
                ++compared;
            }
        }
        QCOMPARE(d.total.identical, identical);
        QCOMPARE(d.total.compared, compared);
        QVERIFY(compared > 0 && identical > 9);
    }
    void hfFolderMatchesItsGguf()
    {
        QX_REQUIRE_SHARED(folder, "models/tinystories-656k");
        const auto hf = openModel(folder);
        const std::string out = test::scratchDir("tst_model_diff") + "/ts-f32.gguf";
        exportGguf(*hf, planPreset(*hf, Preset::F32), out);
        const auto gguf = openModel(out);
        const ModelDiff d = diffModels(*hf, *gguf);
        QCOMPARE(d.refusal, DiffRefusal::None);
        for (const TensorDiff& t : d.tensors)
            QVERIFY2(t.status == TensorDiffStatus::Identical, t.name.c_str());   // q/k rows permuted back
        QCOMPARE(d.tensors.size(), gguf->tensors.size() + 1);   // output.weight: tied in the GGUF
        QVERIFY(find(d, "output.weight")->aliasB);
        QVERIFY(find(d, "token_embd.weight")->aliasA);
        QCOMPARE(d.total.bytesA, hf->totalTensorBytes());
        QCOMPARE(d.total.bytesB, gguf->totalTensorBytes());
        // Reversed: the GGUF's rows are compared with the folder's rows in GGUF order too.
        const ModelDiff back = diffModels(*gguf, *hf);
        QCOMPARE(back.total.identical, back.total.tensors);
    }
    void otherShapesAreRefused()
    {
        QX_REQUIRE_SHARED(small, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        const ModelDiff d = diffModels(*openModel(small), *openModel(f32));
        QCOMPARE(d.refusal, DiffRefusal::HyperParameters);
        QCOMPARE(d.refusalDetail, std::string("embedding_length 64 vs 256"));
        QVERIFY(d.tensors.empty());
        QVERIFY(!d.metadata.empty());
        const QJsonObject j = json(d);
        QCOMPARE(j["comparable"].toBool(true), false);
        QCOMPARE(j["refusal"]["reason"].toString(), QString("hyper_parameters"));
    }
    void cancels()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        const auto a = openModel(f32), b = openModel(q4);
        int calls = 0;
        double last = -1.0;
        bool monotone = true;
        diffModels(*a, *b, {}, [&](double f) {
            monotone = monotone && f >= last;
            last = f;
            ++calls;
            return true;
        });
        QVERIFY(calls > 2);
        QCOMPARE(last, 1.0);
        int seen = 0;
        try {
            diffModels(*a, *b, {}, [&](double) { return ++seen < 3; });
            QFAIL("not cancelled");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::Cancelled);
        }
    }
    void takesOverTheOtherMix()
    {
        // A's plan with B's types is llama-quantize's Q4_K_M plan for A, entry for entry.
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(mix, "reference/synth-d256/preset-Q4_K_M.gguf");
        const auto a = openModel(f32), b = openModel(mix);
        Plan stored = planPure(*a, TensorType::F32);
        stored.entries[1].pinned = true;   // blk.0.attn_norm: F32 in both, pinned or not
        stored.entries[2].pinned = true;   // blk.0.attn_q stays F32
        int changed = 0;
        const Plan taken = planFromOtherTypes(stored, diffModels(*a, *b), "preset-Q4_K_M.gguf", &changed);
        const Plan q4km = planPreset(*a, Preset::Q4_K_M);
        QCOMPARE(taken.entries.size(), q4km.entries.size());
        for (size_t i = 0; i < taken.entries.size(); ++i) {
            QCOMPARE(taken.entries[i].tensor, q4km.entries[i].tensor);
            QCOMPARE(taken.entries[i].type, i == 2 ? TensorType::F32 : q4km.entries[i].type);
        }
        QCOMPARE(changed, 29);   // 30 matrices, one pinned
        QCOMPARE(taken.entries[3].reason, std::string("as in preset-Q4_K_M.gguf"));
    }
    void histogramsShareTheirBins()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q2, "reference/synth-d256/pure-Q2_K.gguf");
        const auto a = openModel(f32), b = openModel(q2);
        const TensorInfo& ta = *a->findTensor("blk.1.ffn_up.weight");
        const TensorInfo& tb = *b->findTensor("blk.1.ffn_up.weight");
        const PairHistograms h = pairHistograms(ta, tb, 64);
        const std::vector<float> va = dequantizeTensor(ta), vb = dequantizeTensor(tb);
        const auto [minA, maxA] = std::minmax_element(va.begin(), va.end());
        const auto [minB, maxB] = std::minmax_element(vb.begin(), vb.end());
        QCOMPARE(h.a.lo, double(std::min(*minA, *minB)));
        QCOMPARE(h.a.hi, double(std::max(*maxA, *maxB)));
        QCOMPARE(h.b.lo, h.a.lo);
        Histogram direct = Histogram::make(h.a.lo, h.a.hi, 64);
        for (const float v : vb)
            direct.add(v);
        QCOMPARE(h.b, direct);
        QCOMPARE(h.a.total(), uint64_t(va.size()));
        QVERIFY(h.a != h.b);   // Q2_K moves the values
    }
    void jsonSchema()
    {
        QX_REQUIRE_SHARED(f32, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(q4, "reference/synth-d256/pure-Q4_K.gguf");
        const ModelDiff d = diffModels(*openModel(f32), *openModel(q4));
        const QJsonObject j = json(d);
        const QJsonObject t = j["tensors"][2].toObject();
        QCOMPARE(t["name"].toString(), QString("blk.0.attn_q.weight"));
        QCOMPARE(t["type_a"].toString(), QString("F32"));
        QCOMPARE(t["type_b"].toString(), QString("Q4_K"));
        QCOMPARE(t["bytes_a"].toInteger(), 262144);
        QCOMPARE(t["bytes_b"].toInteger(), 36864);
        QCOMPARE(t["sqnr_db"].toDouble(), d.tensors[2].sqnrDb);
        QCOMPARE(t["identical"].toBool(true), false);
        QCOMPARE(j["tensors"][1]["identical"].toBool(), true);
        QCOMPARE(j["tensors"][1]["sqnr_db"].toString(), QString("inf"));
        QCOMPARE(j["metadata"][0]["key"].toString(), QString("general.file_type"));
        QCOMPARE(j["layers"].toArray().size(), 4);
        QCOMPARE(j["totals"]["identical"].toInt(), 9);
    }
};

QX_TEST_APPLESS_MAIN(TestModelDiff)
#include "tst_model_diff.moc"

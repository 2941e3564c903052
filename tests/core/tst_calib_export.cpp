// Calibrated GGUF export on synth-d256 (rows of 256, so every K-quant fits): a GPTQ-optimised Q4_K file
// re-reads to exactly the in-memory values and evaluates to the same perplexity; an RTN export writes the
// same blocks as llama-quantize --pure Q4_K. The packed forms (streamed GPTQ and RTN keeping the Q4_K
// blocks instead of F32) evaluate and export exactly as their F32 values do.
#include "calib/calib_export.h"
#include "calib/calib_methods.h"
#include "calib/calib_run.h"
#include "model/mapped_weights.h"
#include "plan/planned_weights.h"
#include "common/error.h"
#include "common/test_main.h"
#include "core/calib_fixture.h"
#include "common/test_data.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "quant/dequantize.h"
#include "quant/quantize.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <cmath>

#include <cstring>
#include <fstream>
#include <iterator>
#include <filesystem>
#include <unistd.h>

using namespace qx;

namespace {

const TensorInfo* findTensor(const ModelFile& m, const std::string& name)
{
    for (const TensorInfo& t : m.tensors)
        if (t.name == name)
            return &t;
    return nullptr;
}

} // namespace

class TestCalibExport : public QObject {
    Q_OBJECT

    CalibFixture m_fx;
    std::string m_dir, m_pureQ4K, m_textPath;

    CalibRequest request(const std::string& method) const
    {
        CalibRequest r;
        r.method = method;
        r.grid = "Q4_K";
        r.chunks = 8;
        r.nCtx = CalibFixture::kCtx;
        return r;
    }

    std::vector<int32_t> calibTokens() const
    {
        return openTokenizer(m_fx.model->path).encode(splitCalibEval(readTextFile(m_textPath), 0.5).first, true);
    }

    EvalScore evaluatePlanned(std::shared_ptr<const Substitutions> values, std::shared_ptr<const PackedTensors> packed)
    {
        const auto file = std::make_shared<const MappedWeights>(m_fx.model);
        return m_fx.eval->evaluate(std::static_pointer_cast<const WeightSource>(std::make_shared<const PlannedWeights>(
            file, Plan{}, nullptr, std::move(values), nullptr, std::move(packed))));
    }

    static std::string fileBytes(const std::string& path)
    {
        std::ifstream in(path, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(purePath, "reference/synth-d256/pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        m_pureQ4K = purePath;
        m_textPath = textPath;
        m_fx.load(modelPath, textPath, 6, 8);
        m_dir = (std::filesystem::temp_directory_path() / ("qx-calib-export-" + std::to_string(::getpid()))).string();
        std::filesystem::create_directories(m_dir);
    }

    void cleanupTestCase()
    {
        std::error_code ec;
        if (!m_dir.empty())
            std::filesystem::remove_all(m_dir, ec);
    }

    void gptqQ4_KExportsLosslessly()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        GptqOptions o;
        o.grid = parseGrid("Q4_K");
        const Substitutions s = gptqModel(*m_fx.weights, m_fx.calib, o);
        QCOMPARE(s.size(), size_t(28)); // 4 layers × 7 linear layers, all rows a multiple of 256
        const std::string out = m_dir + "/gptq-q4k.gguf";
        const ExportResult r = exportCalibrated(*m_fx.model, calibratedPlan(*m_fx.model, s, TensorType::Q4_K), s, out);
        QCOMPARE(r.quantizedTensors, 28);
        QCOMPARE(maxExportDeviation(out, s), 0.0);
        const auto file = openModel(out);
        QCOMPARE(findTensor(*file, "blk.0.ffn_down.weight")->type, TensorType::Q4_K);
        QCOMPARE(findTensor(*file, "token_embd.weight")->type, TensorType::F32);
        const EvalScore inMemory = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, s));
        const EvalScore fromFile = m_fx.eval->evaluate(LlamaWeights::fromModel(file));
        qInfo("GPTQ Q4_K: PPL in memory %.6f, from file %.6f, KLD %.6f", inMemory.ppl, fromFile.ppl, fromFile.kldMean);
        QCOMPARE(fromFile.ppl, inMemory.ppl);
        QCOMPARE(fromFile.kldMean, inMemory.kldMean);
    }

    void rtnExportMatchesLlamaQuantize()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        const Substitutions rtn = rtnModel(*m_fx.weights, parseGrid("Q4_K"));
        Substitutions originals;
        for (const auto& [name, v] : rtn) {
            const WeightView t = m_fx.weights->tensor(name);
            originals[name] = std::vector<float>(t.data, t.data + t.rows * t.cols);
        }
        const std::string out = m_dir + "/rtn-q4k.gguf";
        exportCalibrated(*m_fx.model, calibratedPlan(*m_fx.model, rtn, TensorType::Q4_K), originals, out);
        QCOMPARE(maxExportDeviation(out, rtn), 0.0);
        const auto mine = openModel(out), pure = openModel(m_pureQ4K);
        for (const auto& [name, v] : rtn) {
            const TensorInfo *a = findTensor(*mine, name), *b = findTensor(*pure, name);
            QVERIFY(a && b && a->nbytes == b->nbytes);
            QVERIFY2(std::memcmp(a->data.data(), b->data.data(), a->nbytes) == 0, name.c_str());
        }
    }

    void packedGptqEvaluatesAndExportsAsItsFloats()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        const auto tokens = calibTokens();
        const auto bos = chunkBosToken(*m_fx.model);
        const CalibResult floats = runStreamedGptq(m_fx.model, tokens, bos, request("gptq"), true);
        const CalibResult packed = runStreamedGptq(m_fx.model, tokens, bos, request("gptq"), true, {}, {}, true);
        QCOMPARE(floats.values.size(), size_t(28));
        QVERIFY(floats.packed.empty());
        QCOMPARE(packed.packed.size(), size_t(28)); // every layer's values lie exactly on its Q4_K blocks
        QVERIFY(packed.values.empty() && packed.exportValues.empty());
        QCOMPARE(packed.tensors(), floats.tensors());
        for (const auto& [name, values] : floats.values) {
            const PackedTensor& p = packed.packed.at(name);
            QCOMPARE(p.type, TensorType::Q4_K);
            QVERIFY2(p.unpack() == values, name.c_str());
            QCOMPARE(p.blocks.size(), size_t(p.valueCount() / 256 * 144));
        }
        const EvalScore a = evaluatePlanned(std::make_shared<const Substitutions>(floats.values), nullptr);
        const EvalScore b = evaluatePlanned(nullptr, std::make_shared<const PackedTensors>(packed.packed));
        QCOMPARE(b.ppl, a.ppl);
        QCOMPARE(b.kldMean, a.kldMean);
        const EvalScore inMemory = m_fx.eval->evaluate(withSubstitutions(*m_fx.weights, floats.values));
        QCOMPARE(a.ppl, inMemory.ppl);
        const std::string fromFloats = m_dir + "/gptq-floats.gguf", fromBlocks = m_dir + "/gptq-blocks.gguf";
        exportCalibrated(*m_fx.model, calibResultPlan(*m_fx.model, floats, "gptq"), floats.exportValues, fromFloats);
        const ExportResult r = exportCalibrated(*m_fx.model, calibResultPlan(*m_fx.model, packed, "gptq"), {}, fromBlocks,
                                                {}, {}, packed.packed);
        QCOMPARE(r.quantizedTensors, 28);
        QCOMPARE(maxExportDeviation(fromBlocks, {}, packed.packed), 0.0);
        QVERIFY(fileBytes(fromBlocks) == fileBytes(fromFloats));
    }

    void streamedRtnIsLlamaQuantizesBlocks()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        const CalibResult r = runStreamedRtn(m_fx.model, request("rtn"));
        const Substitutions rtn = rtnModel(*m_fx.weights, parseGrid("Q4_K"));
        QCOMPARE(r.packed.size(), rtn.size());
        const auto pure = openModel(m_pureQ4K);
        for (const auto& [name, values] : rtn) {
            const PackedTensor& p = r.packed.at(name);
            const TensorInfo* b = findTensor(*pure, name);
            QVERIFY(b && b->nbytes == p.blocks.size());
            QVERIFY2(std::memcmp(b->data.data(), p.blocks.data(), b->nbytes) == 0, name.c_str());
            QVERIFY2(p.unpack() == values, name.c_str());
        }
        QVERIFY_THROWS_EXCEPTION(Error, runStreamedRtn(m_fx.model, [&] {
            CalibRequest u = request("rtn");
            u.grid = "int4-g32";
            return u;
        }()));
    }

    void packsOnlyValuesOnTheGrid()
    {
        std::vector<float> offGrid(2 * 32);
        for (size_t i = 0; i < offGrid.size(); ++i)
            offGrid[i] = 0.1f * float(i) + 0.013f;
        std::vector<std::byte> blocks(2 * 34);
        quantizeRows(TensorType::Q8_0, offGrid, 32, blocks);
        std::vector<float> decoded(offGrid.size());
        dequantizeRow(TensorType::Q8_0, blocks, decoded);
        const auto exact = packExactly(TensorType::Q8_0, decoded, 32);
        QVERIFY(exact.has_value());
        QCOMPARE(exact->blocks, blocks);
        QCOMPARE(exact->unpack(), decoded);
        QVERIFY(!packExactly(TensorType::Q8_0, offGrid, 32).has_value());
        QVERIFY(!packExactly(TensorType::Q4_K, decoded, 32).has_value());   // rows of 32 are no Q4_K block
        QVERIFY_THROWS_EXCEPTION(Error, packExactly(TensorType::Q8_0, decoded, 30));
        QCOMPARE(packRows(TensorType::Q8_0, offGrid, 32).blocks, blocks); // what an export writes
        QVERIFY_THROWS_EXCEPTION(Error, packRows(TensorType::Q4_K, decoded, 32));
        // Large enough to decode on every thread: the same values as one row at a time.
        std::vector<float> big(size_t(4096) * 512);
        for (size_t i = 0; i < big.size(); ++i)
            big[i] = std::sin(0.001f * float(i));
        const PackedTensor p = packRows(TensorType::Q4_K, big, 4096);
        std::vector<float> rowByRow(big.size());
        for (int64_t r = 0; r < p.rows; ++r)
            dequantizeRow(TensorType::Q4_K, std::span(p.blocks).subspan(size_t(r) * 2304, 2304),
                          std::span(rowByRow).subspan(size_t(r) * 4096, 4096));
        QCOMPARE(p.unpack(), rowByRow);
    }

    void refusesBadExports()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        Substitutions bad{{"blk.0.attn_q.weight", std::vector<float>(10, 0.0f)}};
        QVERIFY_THROWS_EXCEPTION(Error, exportCalibrated(*m_fx.model, calibratedPlan(*m_fx.model, bad, TensorType::Q4_K), bad,
                                                         m_dir + "/bad.gguf"));
        QVERIFY(!std::filesystem::exists(m_dir + "/bad.gguf"));
        QVERIFY(!std::filesystem::exists(m_dir + "/bad.gguf.partial"));
        QVERIFY_THROWS_EXCEPTION(Error, exportCalibrated(*m_fx.model, calibratedPlan(*m_fx.model, Substitutions{}, TensorType::Q4_K), {},
                                                         m_fx.model->path));
    }
};

QX_TEST_APPLESS_MAIN(TestCalibExport)
#include "tst_calib_export.moc"

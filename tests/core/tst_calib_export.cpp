// Calibrated GGUF export on synth-d256 (rows of 256, so every K-quant fits): a GPTQ-optimised Q4_K file
// re-reads to exactly the in-memory values and evaluates to the same perplexity; an RTN export writes the
// same blocks as llama-quantize --pure Q4_K.
#include "calib/calib_export.h"
#include "calib/calib_methods.h"
#include "common/error.h"
#include "common/test_main.h"
#include "core/calib_fixture.h"
#include "common/test_data.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <cstring>
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
    std::string m_dir, m_pureQ4K;

private slots:
    void initTestCase()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(purePath, "reference/synth-d256/pure-Q4_K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        m_pureQ4K = purePath;
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

    void refusesBadExports()
    {
        if (!m_fx.eval)
            QX_SKIP_WITHOUT_DATA(QStringLiteral("shared data missing"));
        Substitutions bad{{"blk.0.attn_q.weight", std::vector<float>(10, 0.0f)}};
        QVERIFY_THROWS_EXCEPTION(Error, exportCalibrated(*m_fx.model, calibratedPlan(*m_fx.model, bad, TensorType::Q4_K), bad,
                                                         m_dir + "/bad.gguf"));
        QVERIFY(!std::filesystem::exists(m_dir + "/bad.gguf"));
        QVERIFY(!std::filesystem::exists(m_dir + "/bad.gguf.partial"));
        QVERIFY_THROWS_EXCEPTION(Error, exportCalibrated(*m_fx.model, calibratedPlan(*m_fx.model, {}, TensorType::Q4_K), {},
                                                         m_fx.model->path));
    }
};

QX_TEST_APPLESS_MAIN(TestCalibExport)
#include "tst_calib_export.moc"

// llama.cpp-faithful evaluation: with ForwardOptions::emulateActivationQuantization the projections'
// inputs are rounded to the weight type's vec_dot_type, as ggml's CPU matmul does. Against the figures
// llama-perplexity --kl-divergence printed (kld-pure-*.txt) the PPL then agrees to ~1e-4 relative and
// the mean KLD to 0.5 % (weight-only evaluation is 16 % / 31 % off at Q8_0 in PPL-excess / KLD).
#include "common/test_data.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/llama_forward.h"

#include <QtTest/QtTest>

#include <cmath>

using namespace qx;

class TstGgmlMatmulReference : public QObject {
    Q_OBJECT
private slots:
    void matchesLlamaPerplexity_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<double>("kld");   // llama.cpp's mean KLD (kld-pure-<type>.txt)
        QTest::addColumn<double>("ppl");   // its Mean PPL(Q)
        QTest::newRow("Q8_0") << "Q8_0" << 0.000162 << 681.070308;
        QTest::newRow("Q4_K") << "Q4_K" << 0.013858 << 690.561364;
        QTest::newRow("Q2_K") << "Q2_K" << 0.218314 << 729.423168;
    }
    void matchesLlamaPerplexity()
    {
        QFETCH(QString, type);
        QFETCH(double, kld);
        QFETCH(double, ppl);
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/pure-" + type.toStdString() + ".gguf");
        QX_REQUIRE_SHARED(basePath, "reference/synth-d256/kld-base-ctx128.bin");
        auto model = openModel(modelPath);
        ForwardOptions fo;
        fo.emulateActivationQuantization = true;
        LlamaForward fwd(LlamaWeights::fromModel(model), fo);
        KldBaseReader base(basePath);
        KldOptions opt;
        opt.bosToken = chunkBosToken(*model);
        const KldResult r = computeKld(fwd, base, opt);
        qInfo("PPL(Q) %.6f (llama.cpp %.6f), KLD %.6f (llama.cpp %.6f)", r.pplQ, ppl, r.kldMean, kld);
        QCOMPARE(r.count, int64_t(40 * 63));
        QVERIFY(std::fabs(r.pplBase - 681.094809) < 0.00001);
        QVERIFY2(std::fabs(r.pplQ / ppl - 1) < 1.5e-4, qPrintable(QString::number(r.pplQ, 'f', 6)));
        QVERIFY2(std::fabs(r.kldMean / kld - 1) < 5e-3, qPrintable(QString::number(r.kldMean, 'f', 6)));
    }
};

QTEST_APPLESS_MAIN(TstGgmlMatmulReference)
#include "tst_ggml_matmul_reference.moc"

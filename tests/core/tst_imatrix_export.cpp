// Our imatrix of synth-d256 (llama-imatrix's text, -c 128 --chunks 20) written as .dat against
// llama-imatrix's own file: same entries, ncall, sizes and trailer, values within 1e-3 relative.
#include "common/test_data.h"
#include "common/test_main.h"
#include "eval/imatrix_export.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace qx;

class TstImatrixExport : public QObject {
    Q_OBJECT
private slots:
    void matchesLlamaImatrixDat()
    {
        QX_REQUIRE_SHARED(modelPath, "reference/synth-d256/model-f32.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        QX_REQUIRE_SHARED(datPath, "reference/synth-d256/imatrix.dat");
        auto model = openModel(modelPath);
        std::ifstream in(textPath, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        const auto tokens = Tokenizer::fromGguf(*model).encode(text.str(), true);
        LlamaForward fwd(LlamaWeights::fromModel(model));
        ImatrixCollector collector;
        fwd.setActivationHook(collector.hook());
        computeImatrix(fwd, tokens, 128, 20, chunkBosToken(*model));

        const ImatrixFile ref = readImatrixDat(datPath);
        const std::vector<std::byte> bytes = serializeImatrixDat(toImatrixFile(collector, ref.dataset));
        const ImatrixFile ours = parseImatrixDat(bytes);
        QCOMPARE(ours.entries.size(), ref.entries.size());
        QCOMPARE(ours.hasTrailer, true);
        QCOMPARE(ours.lastChunk, ref.lastChunk);
        QCOMPARE(ours.dataset, std::string("text/tinystories-valid-head.txt"));
        QCOMPARE(ours.dataset, ref.dataset);
        double worst = 0;
        for (const auto& e : ours.entries) {
            const ImatrixEntry* r = ref.find(e.name);
            QVERIFY2(r, e.name.c_str());
            QCOMPARE(e.ncall, r->ncall);
            QCOMPARE(e.values.size(), r->values.size());
            for (size_t j = 0; j < e.values.size(); ++j)
                worst = std::max(worst, std::fabs(double(e.values[j]) / double(r->values[j]) - 1));
        }
        qInfo("largest relative difference to llama-imatrix's .dat: %.3g", worst);
        QVERIFY(worst < 1e-3);
        QCOMPARE(bytes.size(), serializeImatrixDat(ref).size());   // same layout, entry for entry
    }
};

QX_TEST_APPLESS_MAIN(TstImatrixExport)
#include "tst_imatrix_export.moc"

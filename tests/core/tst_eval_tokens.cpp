// The whole llama-perplexity pipeline from text: our tokenizer must give the tokens llama.cpp evaluated
// (stored in kld-base-ctx128.bin), and perplexity from text must reproduce llama.cpp's figures.
#include "common/test_data.h"
#include "common/test_main.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/llama_forward.h"
#include "model/tokenizer.h"

#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace qx;

namespace {

std::string readText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

class TestEvalTokens : public QObject {
    Q_OBJECT
private slots:
    void tokensEqualLlamaCpp()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        QX_REQUIRE_SHARED(basePath, "reference/synth-d256/kld-base-ctx128.bin");
        auto model = openModel(modelPath);
        const std::vector<int32_t> tokens = Tokenizer::fromGguf(*model).encode(readText(textPath), true);
        QCOMPARE(tokens.size(), size_t(393019));
        const std::vector<int32_t> base = KldBaseReader(basePath).header().tokens;
        QCOMPARE(std::vector<int32_t>(tokens.begin(), tokens.begin() + int64_t(base.size())), base);
    }

    void perplexityFromText()
    {
        QX_REQUIRE_SHARED(modelPath, "models/stories260K.gguf");
        QX_REQUIRE_SHARED(textPath, "text/tinystories-valid-head.txt");
        auto model = openModel(modelPath);
        const std::vector<int32_t> tokens = Tokenizer::fromGguf(*model).encode(readText(textPath), true);
        LlamaForward fwd(LlamaWeights::fromModel(model));
        PerplexityOptions opt;
        opt.nCtx = 128;
        opt.maxChunks = 40;
        opt.bosToken = chunkBosToken(*model);
        const PerplexityResult r = computePerplexity(fwd, tokens, opt);
        QCOMPARE(formatFinalEstimate(r), std::string("Final estimate: PPL = 3.7549 +/- 0.13205"));
    }
};

QX_TEST_APPLESS_MAIN(TestEvalTokens)
#include "tst_eval_tokens.moc"

// llama.cpp-faithful evaluation: with ForwardOptions::emulateActivationQuantization the projections'
// inputs are rounded to the weight type's vec_dot_type, as ggml's CPU matmul does. Against the figures
// llama-perplexity --kl-divergence printed (kld-pure-*.txt) the PPL then agrees to ~1e-4 relative and
// the mean KLD to 0.5 % (weight-only evaluation is 16 % / 31 % off at Q8_0 in PPL-excess / KLD).
#include "common/test_data.h"
#include "common/test_main.h"
#include "eval/kld.h"
#include "eval/kld_base_file.h"
#include "eval/perplexity.h"
#include "io/model_file.h"
#include "model/llama_forward.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>

using namespace qx;

namespace {

/// "label: value [± unc]" lines of a llama-perplexity KLD report, by label with its spaces collapsed
/// ("Mean KLD", "99.9% Δp", "Same top p"); the first of repeated labels. Values as printed (percent stays
/// percent).
std::map<std::string, double> reportValues(const std::string& text)
{
    std::map<std::string, double> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const size_t colon = line.rfind(": ");
        if (colon == std::string::npos || line.rfind("====", 0) == 0)
            continue;
        std::string label;
        std::istringstream words(line.substr(0, colon));
        for (std::string w; words >> w;)
            label += (label.empty() ? "" : " ") + w;
        char* end = nullptr;
        const std::string rest = line.substr(colon + 2);
        const double v = std::strtod(rest.c_str(), &end);
        if (end != rest.c_str())
            out.emplace(label, v);
    }
    return out;
}

/// How closely a report line must agree with llama.cpp's (|ours - theirs| <= abs + rel * |theirs|). Set at
/// about twice the largest gap measured over Q8_0, Q4_K and Q2_K: tails (maximum, minimum, 99.9 %, 0.1 %) are
/// single tokens and move most (the Q8_0 maximum KLD: 0.001389 vs 0.001088).
struct Tolerance {
    double abs = 0, rel = 0;
};

bool isTail(const std::string& label)
{
    return label.rfind("Maximum", 0) == 0 || label.rfind("Minimum", 0) == 0 || label.rfind("99.9%", 0) == 0 ||
           label.rfind("0.1%", 0) == 0;
}

Tolerance toleranceFor(const std::string& label)
{
    if (label.rfind("Cor(", 0) == 0)
        return {0.05, 0.0};                     // percent
    if (label.find("PPL(Q)-PPL(base)") != std::string::npos)
        return {0.12, 0.0};                     // a difference of two PPLs near 700
    if (label.find("ln(PPL(Q)/PPL(base))") != std::string::npos)
        return {1.5e-4, 0.0};
    if (label.find("PPL") != std::string::npos)
        return {0.0, 1.5e-4};                   // PPL(Q), PPL(base), their ratio
    if (label == "Mean KLD")
        return {1e-6, 5e-3};
    if (label.find("KLD") != std::string::npos)   // order statistics of 2520 token KLDs
        return isTail(label) || label.rfind("99.0%", 0) == 0 ? Tolerance{4e-4, 0.05} : Tolerance{2e-6, 0.03};
    if (label == "Same top p")
        return {0.4, 0.0};                      // percent: 10 of the 2520 tokens
    return isTail(label) ? Tolerance{0.012, 0.06} : Tolerance{0.006, 0.03};   // Δp in percent
}

} // namespace

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
        // The whole report, line by line, against the file llama-perplexity wrote.
        QX_REQUIRE_SHARED(reportPath, "reference/synth-d256/kld-pure-" + type.toStdString() + ".txt");
        std::ifstream file(reportPath);
        const std::string theirsText((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        const auto theirs = reportValues(theirsText), ours = reportValues(formatKldReport(r));
        QVERIFY(theirs.size() >= 30);
        QCOMPARE(theirs.at("Mean KLD"), kld);   // the figure above is the file's
        QCOMPARE(theirs.at("Mean PPL(Q)"), ppl);
        QStringList outside;
        for (const auto& [label, expected] : theirs) {
            QVERIFY2(ours.count(label), label.c_str());
            const Tolerance t = toleranceFor(label);
            const double got = ours.at(label), allowed = t.abs + t.rel * std::fabs(expected);
            qInfo("%-32s ours %12.6f llama.cpp %12.6f  (%.3g of the %.3g allowed)", label.c_str(), got, expected,
                  std::fabs(got - expected), allowed);
            if (std::fabs(got - expected) > allowed)
                outside << QStringLiteral("%1: %2 vs %3").arg(QString::fromStdString(label)).arg(got).arg(expected);
        }
        QVERIFY2(outside.isEmpty(), qPrintable(outside.join(QStringLiteral("; "))));
    }
};

QX_TEST_APPLESS_MAIN(TstGgmlMatmulReference)
#include "tst_ggml_matmul_reference.moc"

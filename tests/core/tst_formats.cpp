// The format traits table: every entry is consistent with the type traits / scheme catalog, fits() and
// the llama-quantize fallbacks, fakeQuant and storedBytes.
#include "common/test_main.h"
#include "quant/dequantize.h"
#include "quant/format.h"
#include "quant/formats.h"
#include "quant/quantize.h"

#include "common/error.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace qx;

class TstFormats : public QObject {
    Q_OBJECT
private slots:
    void tableIsConsistent();
    void fitsNamesTheRowAndFallback();
    void fakeQuantEveryFormat();
    void ggufFakeQuantIsQuantizeDequantize();
    void storedBytesEveryFormat();
    void formatValueTypeAgreesWithTheTable();
    void formatNamesRoundTrip();
};

namespace {

std::vector<float> randomValues(size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> dist(0.0f, 0.05f);
    std::vector<float> v(n);
    for (auto& x : v)
        x = dist(rng);
    return v;
}

} // namespace

void TstFormats::tableIsConsistent()
{
    std::set<std::string> names;
    for (const auto& f : kFormats) {
        QVERIFY2(names.insert(std::string(f.name)).second, f.name.data());
        QCOMPARE(findFormat(f.name), &f);
        QVERIFY(f.bitsPerWeight > 0.0);
        if (f.ggufExportable) {
            const TensorTypeInfo* info = tensorTypeInfo(f.ggufType);
            QVERIFY(info);
            QCOMPARE(std::string(info->name), std::string(f.name));
            QCOMPARE(uint32_t(f.blockSize), info->blockSize);
            QCOMPARE(uint32_t(f.bytesPerBlock), info->typeSize);
            QCOMPARE(f.bitsPerWeight, bitsPerWeight(f.ggufType));
            QVERIFY(canQuantize(f.ggufType));
            QCOMPARE(formatOf(f.ggufType), &f);
            QCOMPARE(quantizeNeedsImportance(f.ggufType), f.ggufType == TensorType::IQ2_XXS
                                                               || f.ggufType == TensorType::IQ2_XS
                                                               || f.ggufType == TensorType::IQ1_S);
        } else {
            QCOMPARE(f.bitsPerWeight, schemeInfo(f.scheme).bitsPerWeight);
            QCOMPARE(f.name, schemeInfo(f.scheme).name);
            QCOMPARE(f.bytesPerBlock, 0);
        }
    }
    QCOMPARE(names.size(), kFormats.size());
    QCOMPARE(findFormat("q4_k")->ggufType, TensorType::Q4_K);
    QVERIFY(!findFormat("Q9_K"));
}

void TstFormats::fitsNamesTheRowAndFallback()
{
    const FormatFit q4k = fits(*findFormat("Q4_K"), 172);
    QVERIFY(!q4k.fits);
    QCOMPARE(q4k.reason, std::string("row 172 is not a multiple of 256"));
    QCOMPARE(q4k.fallback, std::optional<TensorType>(TensorType::F16));   // Q5_0 does not fit 172 either
    QCOMPARE(fits(*findFormat("Q4_0"), 172).reason, std::string("row 172 is not a multiple of 32"));
    QCOMPARE(fits(*findFormat("Q4_0"), 172).fallback, std::optional<TensorType>());  // llama.cpp has none
    QCOMPARE(fits(*findFormat("Q4_K"), 288).fallback, std::optional<TensorType>(TensorType::Q5_0));
    QCOMPARE(fits(*findFormat("Q5_K"), 288).fallback, std::optional<TensorType>(TensorType::Q5_1));
    QCOMPARE(fits(*findFormat("Q6_K"), 288).fallback, std::optional<TensorType>(TensorType::Q8_0));
    QCOMPARE(fits(*findFormat("Q2_K"), 288).fallback, std::optional<TensorType>(TensorType::IQ4_NL));
    QCOMPARE(fits(*findFormat("Q3_K"), 288).fallback, std::optional<TensorType>(TensorType::IQ4_NL));
    QCOMPARE(fits(*findFormat("IQ4_XS"), 288).fallback, std::optional<TensorType>(TensorType::IQ4_NL));
    QCOMPARE(llamaFallbackType(TensorType::IQ2_XXS, 96), std::optional<TensorType>(TensorType::IQ4_NL));
    QCOMPARE(llamaFallbackType(TensorType::TQ1_0, 96), std::optional<TensorType>(TensorType::Q4_0));
    for (const auto& f : kFormats) {
        QVERIFY(fits(f, 512).fits);
        QVERIFY(fits(f, 512).reason.empty());
        QCOMPARE(fits(f, 172).fits, f.blockSize <= 1 || 172 % f.blockSize == 0);
        QVERIFY(!fits(f, 0).fits);
    }
}

void TstFormats::fakeQuantEveryFormat()
{
    const int64_t rowLength = 512, rows = 6;
    const auto in = randomValues(size_t(rowLength * rows), 7);
    double energy = 0;
    for (float x : in)
        energy += double(x) * x;
    std::vector<float> importance(static_cast<size_t>(rowLength), 1.0f);
    for (const auto& f : kFormats) {
        std::vector<float> out(in.size(), NAN);
        const bool needsImportance = f.ggufExportable && quantizeNeedsImportance(f.ggufType);
        if (needsImportance)
            QVERIFY_THROWS_EXCEPTION(Error, fakeQuant(f, in, rowLength, out));
        fakeQuant(f, in, rowLength, out, needsImportance ? std::span<const float>(importance) : std::span<const float>());
        double noise = 0;
        for (size_t i = 0; i < in.size(); ++i) {
            QVERIFY(std::isfinite(out[i]));
            noise += double(out[i] - in[i]) * (out[i] - in[i]);
        }
        const double sqnr = 10 * std::log10(energy / std::max(noise, 1e-300));
        // 2-bit formats reach ~5 dB on Gaussians, ternary ones and IQ1 about 2 dB; the rest is well above.
        const double bound = f.family == FormatFamily::Ternary || f.bitsPerWeight < 2.0 ? 1.5 : 4.0;
        QVERIFY2(sqnr > bound, (std::string(f.name) + " sqnr " + std::to_string(sqnr)).c_str());
        if (f.blockSize > 1 && 172 % f.blockSize != 0) {
            std::vector<float> bad(172), badOut(172);
            QVERIFY_THROWS_EXCEPTION(Error, fakeQuant(f, bad, 172, badOut));
        }
    }
}

void TstFormats::ggufFakeQuantIsQuantizeDequantize()
{
    const int64_t rowLength = 256, rows = 3;
    const auto in = randomValues(size_t(rowLength * rows), 11);
    std::vector<float> importance(static_cast<size_t>(rowLength));
    for (size_t i = 0; i < importance.size(); ++i)
        importance[i] = 0.5f + float(i % 7);
    for (const auto& f : kFormats) {
        if (!f.ggufExportable)
            continue;
        std::vector<float> out(in.size());
        fakeQuant(f, in, rowLength, out, importance);
        std::vector<std::byte> blocks(storedBytes(f, rows, rowLength));
        quantizeRowsRef(f.ggufType, in, rowLength, blocks, importance);
        const size_t rowBytes = blocks.size() / rows;
        std::vector<float> expected(in.size());
        for (int64_t r = 0; r < rows; ++r)
            dequantizeRowRef(f.ggufType, std::span<const std::byte>(blocks).subspan(r * rowBytes, rowBytes),
                             std::span<float>(expected).subspan(size_t(r * rowLength), size_t(rowLength)));
        QVERIFY2(out == expected, f.name.data());
    }
}

void TstFormats::storedBytesEveryFormat()
{
    for (const auto& f : kFormats) {
        const uint64_t bytes = storedBytes(f, 10, 512);
        if (f.ggufExportable) {
            QCOMPARE(bytes, uint64_t(10) * (512 / f.blockSize) * f.bytesPerBlock);
            QCOMPARE(storedBitsPerWeight(f, 10, 512), f.bitsPerWeight);
        } else {
            const double bits = schemeBitsPerWeight(f.scheme, 10, 512) * 5120;
            QVERIFY(double(bytes) * 8 >= bits - 1e-6);
            QVERIFY(double(bytes) * 8 < bits + 8 * 3);   // codes, scales, zero points each round up
        }
    }
    QCOMPARE(storedBytes(*findFormat("Q4_K"), 64, 256), uint64_t(64 * 144));
    QCOMPARE(storedBytes(*findFormat("INT4 g128 asym"), 2, 256), uint64_t(256 + 4 * 2 + 2));
    QVERIFY_THROWS_EXCEPTION(Error, storedBytes(*findFormat("Q4_K"), 2, 172));
}


void TstFormats::formatValueTypeAgreesWithTheTable()
{
    // Every table row as a Format: same name, bytes, fit and round trip as the row itself.
    std::mt19937 rng(3);
    std::normal_distribution<float> normal(0.f, 0.05f);
    std::vector<float> x(4 * 512);
    for (float& v : x)
        v = normal(rng);
    const std::vector<float> importance(512, 1.f);
    for (const FormatInfo& info : kFormats) {
        const Format f = info.ggufExportable ? Format(info.ggufType) : Format(info.scheme);
        QCOMPARE(f.isGguf(), info.ggufExportable);
        QCOMPARE(f.info(), &info);
        QCOMPARE(f.name(), std::string(info.name));
        QCOMPARE(f.needsImportance(), info.ggufExportable && quantizeNeedsImportance(info.ggufType));
        QCOMPARE(f.bytes(4, 512), storedBytes(info, 4, 512));
        QCOMPARE(f.fit(500), fits(info, 500));
        std::vector<float> viaFormat(x.size()), viaRow(x.size());
        f.fakeQuant(x, 512, viaFormat, importance);
        fakeQuant(info, x, 512, viaRow, info.ggufExportable ? std::span<const float>(importance) : std::span<const float>());
        QVERIFY2(viaFormat == viaRow, info.name.data());
    }
    // A custom uniform scheme: sizes and round trip from the SchemeChoice functions.
    UniformScheme custom;
    custom.bits = 3;
    custom.granularity = Granularity::PerGroup;
    custom.groupSize = 64;
    const Format f(custom);
    QVERIFY(!f.isGguf() && !f.catalogId() && f.info() == nullptr);
    QCOMPARE(*f.uniform(), canonicalUniform(custom));
    QCOMPARE(f.bytes(4, 512), schemeChoiceBytes(custom, 4, 512));
    // IQ2_XXS without importance is refused, as llama-quantize refuses it.
    std::vector<float> out(x.size());
    QVERIFY_THROWS_EXCEPTION(Error, Format(TensorType::IQ2_XXS).fakeQuant(x, 512, out));
}

void TstFormats::formatNamesRoundTrip()
{
    for (const FormatInfo& info : kFormats) {
        const std::optional<Format> f = formatFromName(info.name);
        QVERIFY2(f && f->name() == info.name, info.name.data());
    }
    QVERIFY(formatFromName("q4_k") == Format(TensorType::Q4_K));
    // The calibration spellings are uniform schemes: 4 bits, groups of 32, asymmetric, F16 steps.
    const std::optional<Format> g32 = formatFromName("int4-g32");
    QVERIFY(g32 && g32->uniform());
    QCOMPARE(g32->uniform()->bits, 4);
    QCOMPARE(g32->uniform()->groupSize, 32);
    QCOMPARE(g32->uniform()->mode, UniformMode::Asymmetric);
    QCOMPARE(g32->uniform()->scaleFormat, ScaleFormat::F16);
    const std::optional<Format> pc = formatFromName("int8-pc");
    QVERIFY(pc && pc->uniform() && pc->uniform()->granularity == Granularity::PerChannel
            && pc->uniform()->mode == UniformMode::SymmetricRestricted);
    QVERIFY(!formatFromName("int9-g32"));
    QVERIFY(!formatFromName("Q8_K"));     // a type llama-quantize does not write
    QVERIFY(!formatFromName("nonsense"));
}

QX_TEST_APPLESS_MAIN(TstFormats)
#include "tst_formats.moc"

// Block grids: for every GGUF type with a field decoder, every value dequantizeRow decodes from a block
// is exactly one of its group's levels; groups have the sizes and level counts of the format; the
// super-block scales are the stored fp16 fields; uniform and NF4 grids hold their schemes' round trips.
#include "common/error.h"
#include "common/half.h"
#include "common/test_main.h"
#include "quant/block_grid.h"
#include "quant/dequantize.h"
#include "quant/float_formats.h"
#include "quant/ggml_blocks.h"
#include "quant/quantize.h"
#include "quant/uniform_quant.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

using namespace qx;

Q_DECLARE_METATYPE(qx::TensorType)

namespace {

std::vector<float> sample(size_t n, uint32_t seed, float outlier)
{
    std::mt19937 rng(seed);
    std::student_t_distribution<float> t(4.0f);
    std::vector<float> v(n);
    for (float& x : v)
        x = 0.02f * t(rng);
    v[n / 3] = outlier;
    return v;
}

std::vector<std::byte> quantized(TensorType type, const std::vector<float>& row)
{
    std::vector<std::byte> bytes(*tensorBytes(type, row.size()));
    quantizeRows(type, row, static_cast<int64_t>(row.size()), bytes);
    return bytes;
}

} // namespace

class TestBlockGrid : public QObject {
    Q_OBJECT
private slots:
    void decodedValuesAreLevels_data()
    {
        QTest::addColumn<TensorType>("type");
        QTest::addColumn<int>("groups");
        QTest::addColumn<int>("levels");   // per group (distinct; fewer when a scale is 0)
        QTest::addColumn<int>("kind");
        QTest::newRow("Q4_0") << TensorType::Q4_0 << 1 << 16 << int(GridKind::Absmax);
        QTest::newRow("Q5_0") << TensorType::Q5_0 << 1 << 32 << int(GridKind::Absmax);
        QTest::newRow("Q8_0") << TensorType::Q8_0 << 1 << 256 << int(GridKind::Absmax);
        QTest::newRow("Q4_1") << TensorType::Q4_1 << 1 << 16 << int(GridKind::ZeroPoint);
        QTest::newRow("Q5_1") << TensorType::Q5_1 << 1 << 32 << int(GridKind::ZeroPoint);
        QTest::newRow("Q2_K") << TensorType::Q2_K << 16 << 4 << int(GridKind::SuperBlock);
        QTest::newRow("Q3_K") << TensorType::Q3_K << 16 << 8 << int(GridKind::SuperBlock);
        QTest::newRow("Q4_K") << TensorType::Q4_K << 8 << 16 << int(GridKind::SuperBlock);
        QTest::newRow("Q5_K") << TensorType::Q5_K << 8 << 32 << int(GridKind::SuperBlock);
        QTest::newRow("Q6_K") << TensorType::Q6_K << 16 << 64 << int(GridKind::SuperBlock);
        QTest::newRow("IQ4_NL") << TensorType::IQ4_NL << 1 << 16 << int(GridKind::Codebook);
        QTest::newRow("IQ4_XS") << TensorType::IQ4_XS << 8 << 16 << int(GridKind::Codebook);
    }
    void decodedValuesAreLevels()
    {
        QFETCH(TensorType, type);
        QFETCH(int, groups);
        QFETCH(int, levels);
        QFETCH(int, kind);
        const TensorTypeInfo* info = tensorTypeInfo(type);
        const std::vector<float> row = sample(1024, 5, 0.31f);
        const std::vector<std::byte> bytes = quantized(type, row);
        std::vector<float> whole(row.size());
        dequantizeRow(type, bytes, whole);
        const size_t blocks = row.size() / static_cast<size_t>(info->blockSize);
        for (size_t b = 0; b < blocks; ++b) {
            const BlockGrid g = ggufBlockGrid(type, std::span(bytes).subspan(b * info->typeSize, info->typeSize));
            QCOMPARE(int(g.kind), kind);
            QCOMPARE(int(g.groups.size()), groups);
            int64_t covered = 0;
            for (const GridGroup& group : g.groups) {
                QCOMPARE(group.first, covered);
                covered += group.length;
                QVERIFY(std::is_sorted(group.levels.begin(), group.levels.end()));
                QVERIFY(int(group.levels.size()) <= levels);
                if (group.scale != 0.0f)
                    QCOMPARE(int(group.levels.size()), levels);
            }
            QCOMPARE(covered, int64_t(info->blockSize));
            for (int64_t i = 0; i < info->blockSize; ++i) {
                const float v = whole[b * size_t(info->blockSize) + size_t(i)];
                QCOMPARE(g.decoded[size_t(i)], v);   // the block alone decodes as in the row
                const std::vector<float>& lv = g.groups[g.groupOf(i)].levels;
                const int at = g.levelOf(i);
                QVERIFY2(at >= 0 && lv[size_t(at)] == v, qPrintable(QStringLiteral("block %1 value %2").arg(b).arg(i)));
            }
        }
    }

    void superBlockScalesAreTheStoredFields()
    {
        const std::vector<float> row = sample(256, 9, -0.4f);
        const std::vector<std::byte> bytes = quantized(TensorType::Q4_K, row);
        ggml::BlockQ4_K block;
        std::memcpy(&block, bytes.data(), sizeof block);
        const BlockGrid g = ggufBlockGrid(TensorType::Q4_K, bytes);
        QCOMPARE(g.superScale, fp16ToFp32(block.d));
        QCOMPARE(g.superMin, fp16ToFp32(block.dmin));
        for (const GridGroup& s : g.groups) {
            QVERIFY(s.scaleCode >= 0 && s.scaleCode < 64 && s.minCode >= 0 && s.minCode < 64);
            QCOMPARE(s.scale, g.superScale * static_cast<float>(s.scaleCode));
            QCOMPARE(s.offset, -(g.superMin * static_cast<float>(s.minCode)));
            QCOMPARE(s.levels.front(), s.offset);   // q = 0 is the sub-block's minimum
        }
        // The sub-block holding the outlier has the largest scale.
        const size_t outlierGroup = g.groupOf(256 / 3);
        for (const GridGroup& s : g.groups)
            QVERIFY(s.scale <= g.groups[outlierGroup].scale);
    }

    void uniformGroupsHoldTheirRoundTrip_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("mode");
        QTest::newRow("INT2 asym") << 2 << int(UniformMode::Asymmetric);
        QTest::newRow("INT4 sym") << 4 << int(UniformMode::SymmetricRestricted);
        QTest::newRow("INT8 full") << 8 << int(UniformMode::SymmetricFull);
    }
    void uniformGroupsHoldTheirRoundTrip()
    {
        QFETCH(int, bits);
        QFETCH(int, mode);
        UniformScheme s;
        s.bits = bits;
        s.mode = static_cast<UniformMode>(mode);
        s.granularity = Granularity::PerGroup;
        s.groupSize = 64;
        s.scaleFormat = ScaleFormat::F16;
        const std::vector<float> values = sample(4 * 128, 2, 0.2f);
        const UniformQuantized q = quantizeUniform(values, 128, s);
        const std::vector<float> back = dequantizeUniform(q);
        for (size_t group = 0; group < q.steps.size(); ++group) {
            const auto decoded = std::span(back).subspan(group * 64, 64);
            const BlockGrid g = uniformBlockGrid(s, q.steps[group], q.zeroPoints.empty() ? 0 : q.zeroPoints[group], decoded);
            QCOMPARE(g.kind, GridKind::Uniform);
            QCOMPARE(int(g.groups.front().levels.size()), uniformCodeMax(s) - uniformCodeMin(s) + 1);
            for (int64_t i = 0; i < 64; ++i)
                QCOMPARE(g.groups.front().levels[size_t(g.levelOf(i))], decoded[size_t(i)]);
        }
    }

    void nf4AndDistinctValues()
    {
        const std::vector<float> values = sample(64, 4, -0.25f);
        std::vector<float> back(values.size());
        fakeQuantNf4(values, back, {64, false, 256});
        const BlockGrid g = nf4BlockGrid(back);
        QCOMPARE(g.groups.front().scale, 0.25f);    // the outlier is the block's absmax
        QCOMPARE(g.groups.front().levels.size(), size_t(16));
        for (int64_t i = 0; i < 64; ++i)
            QCOMPARE(g.groups.front().levels[size_t(g.levelOf(i))], back[size_t(i)]);
        const BlockGrid f16 = ggufBlockGrid(TensorType::F16, quantized(TensorType::F16, values));
        QCOMPARE(f16.kind, GridKind::Values);
        QCOMPARE(f16.groups.front().levels.size(), size_t(64));   // 64 distinct halves
        std::vector<float> many(300);
        for (size_t i = 0; i < many.size(); ++i)
            many[i] = float(i);
        QVERIFY(valuesBlockGrid(many).tooMany);
        QVERIFY(valuesBlockGrid(many).groups.front().levels.empty());
        QVERIFY_THROWS_EXCEPTION(Error, ggufBlockGrid(TensorType::Q4_K, std::vector<std::byte>(10)));
    }
};

QX_TEST_APPLESS_MAIN(TestBlockGrid)
#include "tst_block_grid.moc"

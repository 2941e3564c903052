// Tensor types newer than llama.cpp b4748: MXFP4 (GGUF type 39) decodes per the OCP Microscaling spec on
// hand-computed blocks; a type id we do not know at all never stops a file from opening — the tensor is
// listed as "type N", its values are refused with a clear error, plans keep it, and export copies its bytes.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "export/gguf_export.h"
#include "io/gguf_writer.h"
#include "io/model_file.h"
#include "plan/plan.h"
#include "plan/presets.h"
#include "quant/dequantize.h"
#include "quant/ggml_blocks.h"
#include "quant/quantize.h"

#include <QtTest/QtTest>

#include <cmath>
#include <cstring>
#include <filesystem>

using namespace qx;

namespace {

/// One MXFP4 block: scale byte `e`, then 16 bytes whose low nibbles are values 0..15, high nibbles 16..31.
std::vector<std::byte> mxfp4Block(uint8_t e, const std::array<uint8_t, 32>& codes)
{
    std::vector<std::byte> b(sizeof(ggml::BlockMXFP4));
    b[0] = std::byte(e);
    for (int j = 0; j < 16; ++j)
        b[size_t(1 + j)] = std::byte(uint8_t(codes[size_t(j)] | codes[size_t(j + 16)] << 4));
    return b;
}

std::vector<float> decode(const std::vector<std::byte>& block)
{
    std::vector<float> y(32), yRef(32);
    dequantizeRow(TensorType::MXFP4, block, y);
    dequantizeRowRef(TensorType::MXFP4, block, yRef);
    if (std::memcmp(y.data(), yRef.data(), y.size() * sizeof(float)) != 0)
        QTest::qFail("dequantizeRow differs from its scalar twin", __FILE__, __LINE__);
    return y;
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

/// A small GGUF with an F32 tensor, a tensor of unknown type 40 (40 bytes), an MXFP4 tensor and another F32.
std::string writeMixedTypes(const std::string& path)
{
    const auto floats = [](int n, float start) {
        return [n, start](std::span<std::byte> dst) {
            for (int i = 0; i < n; ++i) {
                const float v = start + float(i) * 0.25f;
                std::memcpy(dst.data() + 4 * i, &v, 4);
            }
        };
    };
    std::vector<GgufTensorToWrite> tensors;
    tensors.push_back({"a.weight", {32, 2}, TensorType::F32, floats(64, -8.0f), {}});
    tensors.push_back({"b.weight", {32, 2}, static_cast<TensorType>(40),
                       [](std::span<std::byte> dst) { for (size_t i = 0; i < dst.size(); ++i) dst[i] = std::byte(i * 7 + 1); },
                       uint64_t(40)});
    tensors.push_back({"c.weight", {32, 2}, TensorType::MXFP4, [](std::span<std::byte> dst) {
                           std::array<uint8_t, 32> codes{};
                           for (int j = 0; j < 32; ++j)
                               codes[size_t(j)] = uint8_t(j % 16);
                           for (size_t row = 0; row < 2; ++row) {
                               const auto b = mxfp4Block(uint8_t(127 + row), codes);
                               std::memcpy(dst.data() + row * b.size(), b.data(), b.size());
                           }
                       }, {}});
    tensors.push_back({"d.weight", {32, 4}, TensorType::F32, floats(128, 1.0f), {}});
    writeGguf(path, {{"general.architecture", GgufValue::string("llama")}}, tensors);
    return path;
}

} // namespace

class TestForeignTypes : public QObject {
    Q_OBJECT
private slots:
    void mxfp4HandComputedBlocks();
    void mxfp4Traits();
    void unknownTypeIsListed();
    void unknownTypeIsKeptByPlansAndExport();
    void foreignTypeNames();
};

void TestForeignTypes::mxfp4HandComputedBlocks()
{
    // E2M1 codes 0..7: 0, 0.5, 1, 1.5, 2, 3, 4, 6; 8..15 the same negated (8 is -0). E8M0 scale 2^(e-127).
    std::array<uint8_t, 32> codes{};
    for (int j = 0; j < 32; ++j)
        codes[size_t(j)] = uint8_t(j % 16);
    const float e2m1[16] = {0, 0.5f, 1, 1.5f, 2, 3, 4, 6, -0.0f, -0.5f, -1, -1.5f, -2, -3, -4, -6};
    for (const auto& [e, scale] : std::vector<std::pair<uint8_t, float>>{{127, 1.0f}, {130, 8.0f}, {120, 1.0f / 128}}) {
        const std::vector<float> y = decode(mxfp4Block(e, codes));
        for (int j = 0; j < 32; ++j)
            QCOMPARE(y[size_t(j)], e2m1[j % 16] * scale);
    }
    // Byte 0 = 0x71: value 0 is code 1 (0.5), value 16 code 7 (6); e = 128 (scale 2) gives 1 and 12.
    std::array<uint8_t, 32> two{};
    two[0] = 1;
    two[16] = 7;
    two[5] = 13;   // -3 * 2
    const std::vector<float> y = decode(mxfp4Block(128, two));
    QCOMPARE(y[0], 1.0f);
    QCOMPARE(y[16], 12.0f);
    QCOMPARE(y[5], -6.0f);
    QCOMPARE(y[1], 0.0f);
    // The smallest scales are subnormal floats: e = 1 is 2^-126, e = 0 is 2^-127 (0.5 * 2^-127 for code 1).
    codes.fill(2);   // 1.0
    QCOMPARE(decode(mxfp4Block(1, codes))[0], std::ldexp(1.0f, -126));
    QCOMPARE(decode(mxfp4Block(0, codes))[3], std::ldexp(1.0f, -127));
    codes.fill(1);   // 0.5
    QCOMPARE(decode(mxfp4Block(0, codes))[0], std::ldexp(1.0f, -128));
    QCOMPARE(decode(mxfp4Block(254, codes))[0], std::ldexp(1.0f, 126));
    // e = 0xFF is the spec's NaN scale: every value of the block is NaN.
    QVERIFY(std::isnan(decode(mxfp4Block(255, codes))[7]));
}

void TestForeignTypes::mxfp4Traits()
{
    const TensorTypeInfo* info = ggmlTypeInfo(39);
    QVERIFY(info && info->type == TensorType::MXFP4);
    QCOMPARE(info->blockSize, 32);
    QCOMPARE(info->typeSize, uint32_t(sizeof(ggml::BlockMXFP4)));
    QCOMPARE(*tensorTypeFromName("mxfp4"), TensorType::MXFP4);
    QVERIFY(canDequantize(TensorType::MXFP4) && !canQuantize(TensorType::MXFP4));
}

void TestForeignTypes::unknownTypeIsListed()
{
    const std::string path = writeMixedTypes(qx::test::scratchDir("tst_foreign_types") + "/mixed.gguf");
    const auto model = openModel(path);
    QCOMPARE(model->tensors.size(), size_t(4));
    const TensorInfo& b = *model->findTensor("b.weight");
    QCOMPARE(uint32_t(b.type), 40u);
    QCOMPARE(std::string(tensorTypeName(b.type)), std::string("type 40"));
    QCOMPARE(b.nbytes, uint64_t(64));   // up to the next tensor's data: 40 bytes and their padding
    QCOMPARE(uint8_t(b.data[1]), uint8_t(8));
    QVERIFY(!canDequantize(b.type));
    const std::string why = errorOf([&] { dequantizeTensor(b); });
    QVERIFY2(why.find("type 40") != std::string::npos && why.find("not decodable") != std::string::npos, why.c_str());
    // The neighbours decode as usual.
    QCOMPARE(dequantizeTensor(*model->findTensor("d.weight"))[5], 2.25f);
    QCOMPARE(dequantizeTensor(*model->findTensor("c.weight"))[7], 6.0f);
    QCOMPARE(dequantizeTensor(*model->findTensor("c.weight"))[32 + 7], 12.0f);
    QCOMPARE(dequantizeTensor(*model->findTensor("a.weight"))[0], -8.0f);
}

void TestForeignTypes::unknownTypeIsKeptByPlansAndExport()
{
    const std::string dir = qx::test::scratchDir("tst_foreign_types");
    const auto model = openModel(writeMixedTypes(dir + "/mixed.gguf"));
    const Plan plan = planPure(*model, TensorType::Q8_0);
    QCOMPARE(plan.find("a.weight")->type, TensorType::Q8_0);
    QCOMPARE(uint32_t(plan.find("b.weight")->type), 40u);
    QVERIFY2(plan.find("b.weight")->reason.find("type 40, not decodable") != std::string::npos, plan.find("b.weight")->reason.c_str());
    QCOMPARE(plan.find("c.weight")->type, TensorType::Q8_0);   // MXFP4 decodes, so it converts like any other
    const std::string out = dir + "/exported.gguf";
    const ExportResult r = exportGguf(*model, plan, out);
    const auto exported = openModel(out);
    const TensorInfo& b = *exported->findTensor("b.weight");
    QCOMPARE(uint32_t(b.type), 40u);
    const TensorInfo& src = *model->findTensor("b.weight");
    QVERIFY(std::equal(src.data.begin(), src.data.begin() + 40, b.data.begin()));
    QCOMPARE(exported->findTensor("a.weight")->type, TensorType::Q8_0);
    QCOMPARE(r.copiedTensors + r.quantizedTensors, 4);
    // Converting it is refused with the reason, naming the tensor.
    Plan convert = plan;
    for (PlanEntry& e : convert.entries)
        if (e.tensor == "b.weight")
            e.type = TensorType::Q8_0;
    const std::string why = errorOf([&] { validatePlan(*model, convert); });
    QVERIFY2(why.find("b.weight") != std::string::npos && why.find("newer than this program") != std::string::npos,
             why.c_str());
    std::filesystem::remove(out);
}

void TestForeignTypes::foreignTypeNames()
{
    QCOMPARE(uint32_t(*tensorTypeFromName("type 40")), 40u);
    QCOMPARE(uint32_t(*tensorTypeFromName("type 4")), 4u);   // a removed ggml id
    QVERIFY(!tensorTypeFromName("type 2"));                    // Q4_0 is spelled Q4_0
    QVERIFY(!tensorTypeFromName("type 300"));                  // beyond any plausible id: a corrupt file
    QVERIFY(isForeignGgufTypeId(40) && isForeignGgufTypeId(255) && !isForeignGgufTypeId(256) && !isForeignGgufTypeId(39));
}

QX_TEST_APPLESS_MAIN(TestForeignTypes)
#include "tst_foreign_types.moc"

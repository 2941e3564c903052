#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "io/gguf_reader.h"
#include "io/gguf_writer.h"

#include <QtTest/QtTest>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

using qx::GgufType;
using qx::GgufValue;

namespace {

std::vector<char> readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

GgufValue scalar(GgufType type, auto v) { return GgufValue{type, GgufType::U32, v}; }

/// One key per value type, arrays of every element type, and arrays nested two deep.
std::vector<qx::KeyValue> everyValueType()
{
    std::vector<qx::KeyValue> md = {
        {"u8", scalar(GgufType::U8, uint64_t(255))},
        {"i8", scalar(GgufType::I8, int64_t(-128))},
        {"u16", scalar(GgufType::U16, uint64_t(65535))},
        {"i16", scalar(GgufType::I16, int64_t(-32768))},
        {"u32", GgufValue::u32(4294967295u)},
        {"i32", GgufValue::i32(-2147483647 - 1)},
        {"f32", GgufValue::f32(-1.5f)},
        {"bool", GgufValue::boolean(true)},
        {"str", GgufValue::string("h\xC3\xA9llo\n")},
        {"u64", GgufValue::u64(UINT64_MAX)},
        {"i64", scalar(GgufType::I64, int64_t(INT64_MIN))},
        {"f64", scalar(GgufType::F64, 1e300)},
        {"", GgufValue::string("empty key")},
    };
    std::vector<qx::KeyValue> arrays;
    for (const auto& kv : md) {
        if (kv.key.empty())
            continue;
        arrays.push_back({"arr." + kv.key, GgufValue::array(kv.value.type, {kv.value, kv.value, kv.value})});
    }
    md.insert(md.end(), arrays.begin(), arrays.end());
    md.push_back({"arr.empty", GgufValue::array(GgufType::F32, {})});
    GgufValue inner1 = GgufValue::array(GgufType::I32, {GgufValue::i32(1), GgufValue::i32(-2)});
    GgufValue inner2 = GgufValue::array(GgufType::String, {GgufValue::string("x")});
    GgufValue nested = GgufValue::array(GgufType::Array, {inner1, inner2});
    md.push_back({"arr.nested", nested});
    md.push_back({"arr.nested2", GgufValue::array(GgufType::Array, {nested, nested})});
    return md;
}

qx::GgufTensorToWrite constantTensor(std::string name, std::vector<int64_t> ne, qx::TensorType type, uint8_t byte)
{
    return {std::move(name), std::move(ne), type, [byte](std::span<std::byte> dst) {
                std::memset(dst.data(), byte, dst.size());
            }};
}

} // namespace

class TestGgufWriter : public QObject {
    Q_OBJECT
private:
    std::string m_dir = qx::test::scratchDir("tst_gguf_writer");
    std::string scratch(const std::string& name) const { return m_dir + "/" + name; }

private slots:
    void everyValueTypeRoundTrips()
    {
        const auto md = everyValueType();
        const std::string path = scratch("values.gguf");
        std::vector<qx::GgufTensorToWrite> tensors = {constantTensor("t", {5, 3}, qx::TensorType::F16, 0x3C)};
        qx::writeGguf(path, md, tensors, 32);
        auto m = qx::openGguf(path);
        QCOMPARE(m->metadata.size(), md.size());
        for (size_t i = 0; i < md.size(); ++i)
            QVERIFY2(m->metadata[i] == md[i], md[i].key.c_str());
        QCOMPARE(m->tensors.at(0).ne, (std::vector<int64_t>{5, 3}));
        QCOMPARE(m->tensors[0].nbytes, uint64_t(30));
        QCOMPARE(std::to_integer<int>(m->tensors[0].data[29]), 0x3C);
        QCOMPARE(uint64_t(std::filesystem::file_size(path)), qx::predictGgufFileSize(md, tensors, 32));
    }
    void stories260KRewriteIsByteIdentical()
    {
        QX_REQUIRE_SHARED(source, "models/stories260K.gguf");
        auto model = qx::openGguf(source);
        std::vector<qx::GgufTensorToWrite> tensors;
        for (const auto& t : model->tensors)
            tensors.push_back({t.name, t.ne, t.type, [&t](std::span<std::byte> dst) {
                                   std::memcpy(dst.data(), t.data.data(), dst.size());
                               }});
        const std::string path = scratch("stories260K-copy.gguf");
        QCOMPARE(qx::predictGgufFileSize(model->metadata, tensors, model->alignment), uint64_t(1185376));
        qx::writeGguf(path, model->metadata, tensors, model->alignment);
        QVERIFY(readAll(path) == readAll(source));
    }
    void synthD256QuantizedRewriteIsByteIdentical()
    {
        QX_REQUIRE_SHARED(source, "reference/synth-d256/pure-Q4_K.gguf");
        auto model = qx::openGguf(source);
        std::vector<qx::GgufTensorToWrite> tensors;
        for (const auto& t : model->tensors)
            tensors.push_back({t.name, t.ne, t.type, [&t](std::span<std::byte> dst) {
                                   std::memcpy(dst.data(), t.data.data(), dst.size());
                               }});
        const std::string path = scratch("pure-Q4_K-copy.gguf");
        qx::writeGguf(path, model->metadata, tensors, model->alignment);
        QVERIFY(readAll(path) == readAll(source));
    }
    void layoutAndPadding()
    {
        std::vector<qx::GgufTensorToWrite> tensors = {
            constantTensor("a", {3}, qx::TensorType::F32, 0xAA),
            constantTensor("b", {64, 1, 1}, qx::TensorType::Q8_0, 0xBB),
        };
        const std::string path = scratch("layout.gguf");
        qx::writeGguf(path, {{"general.architecture", GgufValue::string("llama")}}, tensors, 64);
        auto m = qx::openGguf(path);
        QCOMPARE(m->alignment, uint64_t(64));
        QCOMPARE(m->metadata.back().key, std::string("general.alignment"));   // appended: alignment != 32
        QCOMPARE(m->tensors[1].ne, (std::vector<int64_t>{64}));              // trailing 1s dropped like ggml
        QCOMPARE(m->tensors[0].fileOffset % 64, uint64_t(0));
        QCOMPARE(m->tensors[1].fileOffset, m->tensors[0].fileOffset + 64);
        const auto bytes = readAll(path);
        QCOMPARE(bytes.size(), size_t(m->tensors[1].fileOffset + 128));
        for (size_t i = m->tensors[0].fileOffset + 12; i < m->tensors[1].fileOffset; ++i)
            QCOMPARE(int(bytes[i]), 0);                                        // zero padding after data
        for (size_t i = m->tensors[1].fileOffset + 68; i < bytes.size(); ++i)
            QCOMPARE(int(bytes[i]), 0);                                        // ... after the last tensor too
        QCOMPARE(uint64_t(bytes.size()), qx::predictGgufFileSize({{"general.architecture", GgufValue::string("llama")}}, tensors, 64));
    }
    void cancelledWriteLeavesNoFile()
    {
        const std::string path = scratch("cancelled.gguf");
        std::filesystem::remove(path);
        std::vector<qx::GgufTensorToWrite> tensors;
        for (const char* name : {"t0", "t1", "t2", "t3"})
            tensors.push_back(constantTensor(name, {1024}, qx::TensorType::F32, 1));
        int calls = 0;
        try {
            qx::writeGguf(path, {}, tensors, 32, [&](double) { return ++calls < 3; });
            QFAIL("expected cancellation");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), qx::ErrorCode::Cancelled);
        }
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path + ".partial"));
    }
    void failedFillKeepsOldFile()
    {
        const std::string path = scratch("kept.gguf");
        qx::writeGguf(path, {{"k", GgufValue::u32(1)}}, {});
        const auto before = readAll(path);
        std::vector<qx::GgufTensorToWrite> tensors = {
            {"t", {4}, qx::TensorType::F32, [](std::span<std::byte>) { throw std::runtime_error("source gone"); }}};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, qx::writeGguf(path, {}, tensors));
        QVERIFY(readAll(path) == before);
        QVERIFY(!std::filesystem::exists(path + ".partial"));
    }
    void rejectsWhatNoReaderAccepts()
    {
        const std::string path = scratch("rejected.gguf");
        const auto rejects = [&](std::vector<qx::KeyValue> md, std::vector<qx::GgufTensorToWrite> t, uint64_t align) {
            try {
                qx::writeGguf(path, md, t, align);
            } catch (const qx::Error& e) {
                return e.code() == qx::ErrorCode::InvalidArgument && !std::filesystem::exists(path + ".partial");
            }
            return false;
        };
        QVERIFY(rejects({}, {}, 48));
        QVERIFY(rejects({{"k", GgufValue::u32(1)}, {"k", GgufValue::u32(2)}}, {}, 32));
        QVERIFY(rejects({{"general.alignment", GgufValue::u32(64)}}, {}, 32));
        QVERIFY(rejects({{"k", GgufValue{GgufType::U32, GgufType::U32, std::string("x")}}}, {}, 32));
        QVERIFY(rejects({{"k", GgufValue::array(GgufType::U32, {GgufValue::i32(1)})}}, {}, 32));
        QVERIFY(rejects({}, {constantTensor("a", {33}, qx::TensorType::Q4_0, 0)}, 32));
        QVERIFY(rejects({}, {constantTensor(std::string(64, 'x'), {4}, qx::TensorType::F32, 0)}, 32));
        QVERIFY(rejects({}, {constantTensor("a", {4}, qx::TensorType::F32, 0), constantTensor("a", {4}, qx::TensorType::F32, 0)}, 32));
        QVERIFY(rejects({}, {constantTensor("a", {4}, qx::TensorType::F8_E4M3, 0)}, 32));
    }
};

QX_TEST_APPLESS_MAIN(TestGgufWriter)
#include "tst_gguf_writer.moc"

#include "common/error.h"
#include "common/mapped_file.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/safetensors_builder.h"
#include "io/safetensors_reader.h"

#include <QtTest/QtTest>

#include <filesystem>

using namespace qx::test;

namespace {

constexpr uint64_t k656kHeader = 2160;                // from model.safetensors.meta.txt
constexpr uint64_t k656kData = 8 + k656kHeader;       // absolute start of the data section

std::span<const std::byte> asBytes(const std::string& s)
{
    return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}

/// Parses `file`; returns the error it must raise.
qx::Error parseError(const std::string& file)
{
    try {
        qx::parseSafetensors(asBytes(file), "mem.safetensors");
    } catch (const qx::Error& e) {
        return e;
    }
    return qx::Error(qx::ErrorCode::Io, "no error raised");
}

StTensor f32(const std::string& name, std::vector<uint64_t> shape, std::vector<float> v)
{
    return {name, "F32", std::move(shape), floatBytes(v)};
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private slots:
    void bareFileOpens()
    {
        QX_REQUIRE_SHARED(path, "models/tinystories-656k/model.safetensors");
        auto mf = qx::openSafetensors(path);
        QCOMPARE(mf->format, qx::ModelFormat::Safetensors);
        QCOMPARE(mf->tensors.size(), size_t(21));     // 20 stored + the tied embedding alias
        QCOMPARE(mf->mappings.size(), size_t(1));
        const qx::TensorInfo* head = mf->findTensor("lm_head.weight");
        QVERIFY(head);
        QCOMPARE(head->ne, (std::vector<int64_t>{128, 2048}));
        QCOMPARE(head->fileOffset, k656kData);
        QCOMPARE(head->nbytes, uint64_t(1048576));
        QCOMPARE(head->sourceFile, path);
        QVERIFY(head->aliasOf.empty());
        QCOMPARE(mf->tensors.front().name, std::string("lm_head.weight")); // data order
        // The data are views into the mapping, not copies.
        const auto mapped = mf->mappings.front()->bytes();
        QCOMPARE(static_cast<const void*>(head->data.data()), static_cast<const void*>(mapped.data() + k656kData));
        const qx::TensorInfo* emb = mf->findTensor("model.embed_tokens.weight");
        QVERIFY(emb);
        QCOMPARE(emb->aliasOf, std::string("lm_head.weight"));
        QCOMPARE(static_cast<const void*>(emb->data.data()), static_cast<const void*>(head->data.data()));
        QCOMPARE(emb->ne, head->ne);
        // Totals count the tied data once: 656000 parameters, 2624000 bytes (meta.txt).
        QCOMPARE(mf->totalParameters(), uint64_t(656000));
        QCOMPARE(mf->totalTensorBytes(), uint64_t(2624000));
        QVERIFY(mf->findMetadata("format") && mf->findMetadata("format")->toString() == "pt");
        // model.norm.weight lives at data [2623488, 2624000): element 17, read independently.
        const qx::TensorInfo* norm = mf->findTensor("model.norm.weight");
        QVERIFY(norm);
        QCOMPARE(norm->fileOffset, k656kData + 2623488);
        float v;
        std::memcpy(&v, norm->data.data() + 17 * 4, 4);
        QCOMPARE(v, floatAt(path, k656kData + 2623488 + 17 * 4));
    }

    void everyDtype_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("size");
        QTest::newRow("F64") << "F64" << int(qx::TensorType::F64) << 8;
        QTest::newRow("F32") << "F32" << int(qx::TensorType::F32) << 4;
        QTest::newRow("F16") << "F16" << int(qx::TensorType::F16) << 2;
        QTest::newRow("BF16") << "BF16" << int(qx::TensorType::BF16) << 2;
        QTest::newRow("I64") << "I64" << int(qx::TensorType::I64) << 8;
        QTest::newRow("I32") << "I32" << int(qx::TensorType::I32) << 4;
        QTest::newRow("I16") << "I16" << int(qx::TensorType::I16) << 2;
        QTest::newRow("I8") << "I8" << int(qx::TensorType::I8) << 1;
        QTest::newRow("U8") << "U8" << int(qx::TensorType::U8) << 1;
        QTest::newRow("BOOL") << "BOOL" << int(qx::TensorType::Bool) << 1;
        QTest::newRow("F8_E4M3") << "F8_E4M3" << int(qx::TensorType::F8_E4M3) << 1;
        QTest::newRow("F8_E5M2") << "F8_E5M2" << int(qx::TensorType::F8_E5M2) << 1;
    }
    void everyDtype()
    {
        QFETCH(QString, dtype);
        QFETCH(int, type);
        QFETCH(int, size);
        std::string data(size_t(2 * 3 * 5 * size), '\0');
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = char(i * 7 + 1);
        const std::string file = stFile({{"pad", "U8", {3}, "abc"}, {"t", dtype.toStdString(), {2, 3, 5}, data}});
        const qx::ModelFile mf = qx::parseSafetensors(asBytes(file), "mem");
        const qx::TensorInfo* t = mf.findTensor("t");
        QVERIFY(t);
        QCOMPARE(int(t->type), type);
        QCOMPARE(t->ne, (std::vector<int64_t>{5, 3, 2}));
        QCOMPARE(t->nbytes, uint64_t(data.size()));
        QCOMPARE(t->rows(), int64_t(6));
        QCOMPARE(t->fileOffset, uint64_t(file.size() - data.size()));
        QVERIFY(std::memcmp(t->data.data(), data.data(), data.size()) == 0);
    }

    void scalarsAndEmptyTensors()
    {
        const std::string file = stFile({f32("s", {}, {2.5f}), {"e", "F32", {0, 4}, ""}, f32("v", {2}, {1, 2})});
        const qx::ModelFile mf = qx::parseSafetensors(asBytes(file), "mem");
        QCOMPARE(mf.findTensor("s")->ne, (std::vector<int64_t>{1}));
        QCOMPARE(mf.findTensor("s")->elementCount(), uint64_t(1));
        QCOMPARE(mf.findTensor("e")->ne, (std::vector<int64_t>{4, 0}));
        QCOMPARE(mf.findTensor("e")->nbytes, uint64_t(0));
        QCOMPARE(mf.totalParameters(), uint64_t(3));
    }

    void gapsAreAllowed()
    {
        StTensor a = f32("a", {1}, {1});
        StTensor b = f32("b", {1}, {2});
        b.begin = 8;
        b.end = 12;
        const std::string data = floatBytes({1, 0, 2});
        const std::string file = stFile({a, b}, {}, &data);
        const qx::ModelFile mf = qx::parseSafetensors(asBytes(file), "mem");
        QCOMPARE(mf.findTensor("b")->fileOffset, uint64_t(file.size() - 4));
        float v;
        std::memcpy(&v, mf.findTensor("b")->data.data(), 4);
        QCOMPARE(v, 2.0f);
    }

    void unknownDtypeIsUnsupported()
    {
        const qx::Error e = parseError(stFile({{"t", "U16", {2}, "abcd"}}));
        QCOMPARE(e.code(), qx::ErrorCode::Unsupported);
        QVERIFY(e.detail().find("U16") != std::string::npos);
        QCOMPARE(e.file(), std::string("mem.safetensors"));
        QCOMPARE(e.offset(), uint64_t(9)); // the key "t" right after '{'
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<qulonglong>("offset");
        auto row = [](const char* name, const std::string& f, qx::ErrorCode c, uint64_t off) {
            QTest::newRow(name) << QByteArray(f.data(), qsizetype(f.size())) << int(c) << qulonglong(off);
        };
        const std::string four = floatBytes({1, 2, 3, 4});
        row("empty", "", qx::ErrorCode::Truncated, 0);
        row("short length", std::string(5, '\0'), qx::ErrorCode::Truncated, 0);
        row("header beyond file", le64(100) + "{}", qx::ErrorCode::Truncated, 0);
        row("huge header length", le64(UINT64_MAX) + "{}", qx::ErrorCode::Truncated, 0);
        row("bad JSON", stRaw("{\"a\":", ""), qx::ErrorCode::Invalid, 13);
        row("not an object", stRaw("[1,2]", ""), qx::ErrorCode::Invalid, 8);
        row("deep nesting", stRaw(std::string(5000, '[') + std::string(5000, ']'), ""), qx::ErrorCode::Unsupported,
            8 + 64);
        row("tensor not object", stRaw("{\"t\":3}", ""), qx::ErrorCode::Invalid, 9);
        row("missing dtype", stRaw("{\"t\":{\"shape\":[1],\"data_offsets\":[0,4]}}", four), qx::ErrorCode::Invalid, 9);
        row("missing shape", stRaw("{\"t\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", four), qx::ErrorCode::Invalid, 9);
        row("missing offsets", stRaw("{\"t\":{\"dtype\":\"F32\",\"shape\":[1]}}", four), qx::ErrorCode::Invalid, 9);
        row("negative dim", stRaw("{\"t\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", four),
            qx::ErrorCode::Invalid, 9);
        row("float dim", stRaw("{\"t\":{\"dtype\":\"F32\",\"shape\":[1.0],\"data_offsets\":[0,4]}}", four),
            qx::ErrorCode::Invalid, 9);
        row("three offsets", stRaw("{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", four),
            qx::ErrorCode::Invalid, 9);
        row("dtype not string", stRaw("{\"t\":{\"dtype\":5,\"shape\":[1],\"data_offsets\":[0,4]}}", four),
            qx::ErrorCode::Invalid, 9);
        row("shape overflow", stRaw("{\"t\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,4]}}", four),
            qx::ErrorCode::Overflow, 9);
        const std::string h1 = stHeader({{"t", "F32", {1}, "", 4, 20}});
        row("offset beyond data", stRaw(h1, four), qx::ErrorCode::Truncated, 8 + h1.size() + 4);
        const std::string h2 = stHeader({{"t", "F32", {1}, "", 8, 4}});
        row("begin after end", stRaw(h2, four + four), qx::ErrorCode::Invalid, 8 + h2.size() + 8);
        const std::string h3 = stHeader({{"t", "F32", {2}, "", 0, 4}});
        row("dtype x shape mismatch", stRaw(h3, four), qx::ErrorCode::Mismatch, 8 + h3.size());
        const std::string h4 = stHeader({{"a", "F32", {2}, "", 0, 8}, {"b", "F32", {2}, "", 4, 12}});
        row("overlap", stRaw(h4, four), qx::ErrorCode::Invalid, 8 + h4.size() + 4);
        const std::string h5 = stHeader({{"a", "F32", {2}, "", 0, 8}, {"b", "F32", {4}, "", 0, 16}});
        row("same start", stRaw(h5, four), qx::ErrorCode::Invalid, 8 + h5.size());
        const std::string h6 = "{\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                               "\"t\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        row("duplicate name", stRaw(h6, four), qx::ErrorCode::Invalid, 8 + h6.find("\"t\"", 2));
        row("metadata not object", stRaw("{\"__metadata__\":[1]}", ""), qx::ErrorCode::Invalid, 9);
        row("metadata value not string", stRaw("{\"__metadata__\":{\"a\":1}}", ""), qx::ErrorCode::Invalid, 9);
        row("invalid UTF-8", stRaw("{\"\xff\":1}", ""), qx::ErrorCode::Invalid, 10);
    }
    void hostile()
    {
        QFETCH(QByteArray, file);
        QFETCH(int, code);
        QFETCH(qulonglong, offset);
        const qx::Error e = parseError(file.toStdString());
        QCOMPARE(int(e.code()), code);
        QCOMPARE(qulonglong(e.offset()), offset);
        QCOMPARE(e.file(), std::string("mem.safetensors"));
    }

    void truncationAtEveryHeaderByte()
    {
        QX_REQUIRE_SHARED(path, "models/tinystories-656k/model.safetensors");
        const std::string whole = readFile(path);
        QCOMPARE(whole.size(), size_t(2626168));
        int errors = 0;
        for (size_t len = 0; len < k656kData + 4096; ++len) {
            try {
                qx::parseSafetensors(asBytes(whole).first(len), "cut");
            } catch (const qx::Error& e) {
                ++errors;
                QCOMPARE(e.file(), std::string("cut"));
            }
        }
        QCOMPARE(errors, int(k656kData + 4096));
        for (size_t len = k656kData + 4096; len < whole.size(); len += 4099)
            QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseSafetensors(asBytes(whole).first(len), "cut"));
        QCOMPARE(qx::parseSafetensors(asBytes(whole), "whole").tensors.size(), size_t(21));
    }

    void aliasNeedsAnExistingTarget()
    {
        const std::string file = stFile({f32("w", {2}, {1, 2})}, "{\"x\":\"w\",\"y\":\"missing\",\"format\":\"pt\"}");
        const qx::ModelFile mf = qx::parseSafetensors(asBytes(file), "mem");
        QCOMPARE(mf.tensors.size(), size_t(2));
        QCOMPARE(mf.findTensor("x")->aliasOf, std::string("w"));
        QVERIFY(!mf.findTensor("y"));
        QCOMPARE(mf.totalParameters(), uint64_t(2));
        QCOMPARE(mf.metadata.size(), size_t(3));
    }

    void sharded()
    {
        const std::string dir = scratchDir("tst_safetensors/sharded");
        writeFile(dir + "/a.safetensors", stFile({f32("x", {2, 2}, {1, 2, 3, 4}), f32("y", {1}, {5})}));
        writeFile(dir + "/b.safetensors", stFile({f32("z", {3}, {6, 7, 8})}, "{\"format\":\"pt\"}"));
        writeFile(dir + "/model.safetensors.index.json",
                  "{\"metadata\":{\"total_size\":32},\"weight_map\":{\"x\":\"a.safetensors\",\"y\":\"a.safetensors\","
                  "\"z\":\"b.safetensors\"}}");
        auto mf = qx::openSafetensors(dir + "/model.safetensors.index.json");
        QCOMPARE(mf->tensors.size(), size_t(3));
        QCOMPARE(mf->mappings.size(), size_t(2));
        QCOMPARE(mf->path, dir + "/model.safetensors.index.json");
        const qx::TensorInfo* z = mf->findTensor("z");
        QVERIFY(z);
        QCOMPARE(z->sourceFile, dir + "/b.safetensors");
        float v;
        std::memcpy(&v, z->data.data() + 8, 4);
        QCOMPARE(v, 8.0f);
        QCOMPARE(mf->findTensor("x")->ne, (std::vector<int64_t>{2, 2}));
        QCOMPARE(mf->findMetadata("total_size")->toInt(), int64_t(32));
        QCOMPARE(mf->findMetadata("format")->toString(), std::string("pt"));
        QCOMPARE(mf->totalTensorBytes(), uint64_t(32));
    }

    void shardedErrors()
    {
        const std::string dir = scratchDir("tst_safetensors/sharded-bad");
        writeFile(dir + "/a.safetensors", stFile({f32("x", {1}, {1})}));
        auto openIndex = [&](const std::string& json) -> qx::Error {
            writeFile(dir + "/i.index.json", json);
            try {
                qx::openSafetensors(dir + "/i.index.json");
            } catch (const qx::Error& e) {
                return e;
            }
            return qx::Error(qx::ErrorCode::Cancelled, "no error raised");
        };
        qx::Error e = openIndex("{\"weight_map\":{\"x\":\"a.safetensors\",\"w\":\"a.safetensors\"}}");
        QCOMPARE(e.code(), qx::ErrorCode::Mismatch);
        QCOMPARE(e.file(), dir + "/a.safetensors");
        QCOMPARE(openIndex("{\"weight_map\":{\"x\":\"../a.safetensors\"}}").code(), qx::ErrorCode::Invalid);
        QCOMPARE(openIndex("{\"weight_map\":{\"x\":\"/etc/passwd\"}}").code(), qx::ErrorCode::Invalid);
        QCOMPARE(openIndex("{\"weight_map\":{\"x\":\"missing.safetensors\"}}").code(), qx::ErrorCode::Io);
        QCOMPARE(openIndex("{\"weight_map\":{\"x\":3}}").code(), qx::ErrorCode::Invalid);
        QCOMPARE(openIndex("{\"nothing\":1}").code(), qx::ErrorCode::Invalid);
        e = openIndex("{\"weight_map\":");
        QCOMPARE(e.code(), qx::ErrorCode::Invalid);
        QCOMPARE(e.file(), dir + "/i.index.json");
        writeFile(dir + "/b.safetensors", stFile({f32("x", {1}, {2})}));
        QCOMPARE(openIndex("{\"weight_map\":{\"x\":\"a.safetensors\",\"y\":\"b.safetensors\"}}").code(),
                 qx::ErrorCode::Mismatch);
        writeFile(dir + "/c.safetensors", stFile({f32("x", {1}, {2}), f32("y", {1}, {3})}));
        QCOMPARE(openIndex("{\"weight_map\":{\"x\":\"a.safetensors\",\"y\":\"c.safetensors\"}}").code(),
                 qx::ErrorCode::Invalid); // x in two shards
    }

    void missingFileIsIo()
    {
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::openSafetensors("/nonexistent/model.safetensors"));
    }
};

QX_TEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"

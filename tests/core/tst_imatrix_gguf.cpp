// GGUF imatrix reader/writer: .dat -> GGUF round trips with identical importance, llama.cpp's rules for
// per-matrix counts, format detection, and hostile files.
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/error.h"
#include "io/gguf_writer.h"
#include "quant/imatrix_file.h"

#include <QtTest/QtTest>

#include <cstring>
#include <fstream>
#include <iterator>

using namespace qx;

namespace {

std::vector<std::byte> fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<char> raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::byte> out(raw.size());
    std::memcpy(out.data(), raw.data(), raw.size());
    return out;
}

bool sameBits(const std::vector<float>& a, const std::vector<float>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

/// A GGUF-style file: one dense weight and one with two expert matrices, the second never used.
ImatrixFile ggufStyleFile()
{
    ImatrixFile f;
    f.entries.push_back({"blk.0.attn_q.weight", 2, {40.f, 80.f, 10.f}, {256}});
    f.entries.push_back({"blk.0.ffn_down_exps.weight", 1, {3.f, 6.f, 5.f, 7.f}, {12, 0}});
    f.datasets = {"a.txt", "b.txt"};
    f.dataset = "b.txt";
    f.hasTrailer = true;
    f.lastChunk = 2;
    f.chunkSize = 128;
    return f;
}

std::vector<KeyValue> imatrixKeys()
{
    return {{"general.type", GgufValue::string("imatrix")},
            {"imatrix.datasets", GgufValue::array(GgufType::String, {GgufValue::string("t.txt")})},
            {"imatrix.chunk_count", GgufValue::u32(1)},
            {"imatrix.chunk_size", GgufValue::u32(64)}};
}

GgufTensorToWrite tensor(const std::string& name, std::vector<int64_t> ne, TensorType type = TensorType::F32)
{
    return {name, std::move(ne), type, [](std::span<std::byte> dst) {
                const float one = 1.0f;
                for (size_t i = 0; i + 4 <= dst.size(); i += 4)
                    std::memcpy(dst.data() + i, &one, 4);
            }};
}

void expectError(const std::vector<KeyValue>& kv, const std::vector<GgufTensorToWrite>& tensors, ErrorCode code,
                 const char* fragment)
{
    const std::string path = test::scratchDir("imatrix-gguf") + "/bad.gguf";
    writeGguf(path, kv, tensors);
    try {
        readImatrixGguf(path);
        QFAIL("accepted");
    } catch (const Error& e) {
        QCOMPARE(int(e.code()), int(code));
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
        QCOMPARE(e.file(), path);
    }
}

} // namespace

class TestImatrixGguf : public QObject {
    Q_OBJECT
private slots:
    void referenceDatToGgufKeepsImportance_data();
    void referenceDatToGgufKeepsImportance();
    void ggufEntriesRoundTrip();
    void importancePerMatrix();
    void ggufToDatValues();
    void readImatrixDetectsFormat();
    void importanceForChecksSize();
    void everyTruncationIsAnError();
    void rejectsInconsistentFiles();
};

void TestImatrixGguf::referenceDatToGgufKeepsImportance_data()
{
    QTest::addColumn<uint32_t>("chunkSize");
    QTest::newRow("default 512") << 0u;
    QTest::newRow("reference -c 128") << 128u;
}

void TestImatrixGguf::referenceDatToGgufKeepsImportance()
{
    QFETCH(uint32_t, chunkSize);
    QX_REQUIRE_SHARED(datPath, "reference/synth-d256/imatrix.dat");
    ImatrixFile dat = readImatrixDat(datPath);
    dat.chunkSize = chunkSize;
    const std::string path = test::scratchDir("imatrix-gguf") + "/ref.gguf";
    writeImatrixGguf(path, dat);
    const ImatrixFile gguf = readImatrixGguf(path);
    QCOMPARE(gguf.entries.size(), dat.entries.size());
    QCOMPARE(gguf.chunkSize, chunkSize ? chunkSize : 512u);
    QCOMPARE(gguf.lastChunk, 20);
    QCOMPARE(gguf.datasets, std::vector<std::string>{"text/tinystories-valid-head.txt"});
    for (const ImatrixEntry& g : gguf.entries) {
        const ImatrixEntry* d = dat.find(g.name);
        QVERIFY(d);
        QCOMPARE(g.ncall, d->ncall);
        QCOMPARE(g.counts, std::vector<int64_t>{int64_t(d->ncall) * gguf.chunkSize});
        QVERIFY2(sameBits(imatrixImportance(g), imatrixImportance(*d)), g.name.c_str());
    }
    QVERIFY(std::is_sorted(gguf.entries.begin(), gguf.entries.end(),
                           [](const auto& a, const auto& b) { return a.name < b.name; }));
    // 28 weights x (in_sum2 + counts) tensors, as llama-imatrix writes them
    QCOMPARE(gguf.entries.front().name, std::string("blk.0.attn_k.weight"));
    QCOMPARE(readImatrix(path), gguf);
}

void TestImatrixGguf::ggufEntriesRoundTrip()
{
    const std::string path = test::scratchDir("imatrix-gguf") + "/small.gguf";
    writeImatrixGguf(path, ggufStyleFile());
    QCOMPARE(readImatrixGguf(path), ggufStyleFile());
    writeImatrix(path, ggufStyleFile());   // .gguf suffix: GGUF again
    QCOMPARE(readImatrix(path), ggufStyleFile());
}

void TestImatrixGguf::importancePerMatrix()
{
    const ImatrixFile f = ggufStyleFile();
    QCOMPARE(imatrixImportance(f.entries[0]), (std::vector<float>{40.f / 256, 80.f / 256, 10.f / 256}));
    // expert 0: sums / 12; expert 1 never counted: importance 1 (llama-quantize's rule)
    QCOMPARE(imatrixImportance(f.entries[1]), (std::vector<float>{3.f / 12, 6.f / 12, 1.f, 1.f}));
}

void TestImatrixGguf::ggufToDatValues()
{
    const ImatrixFile f = ggufStyleFile();
    QCOMPARE(imatrixDatValues(f.entries[0]), (std::vector<float>{40.f / 256 * 2, 80.f / 256 * 2, 10.f / 256 * 2}));
    QCOMPARE(imatrixDatValues(f.entries[1]), (std::vector<float>{3.f / 12, 6.f / 12, 1.f, 1.f}));
    const std::string path = test::scratchDir("imatrix-gguf") + "/small.dat";
    writeImatrix(path, f);   // not .gguf: the legacy format
    const ImatrixFile dat = readImatrix(path);
    QVERIFY(dat.entries[0].counts.empty());
    QCOMPARE(dat.entries[0].ncall, 2);
    QVERIFY(sameBits(dat.entries[0].values, imatrixDatValues(f.entries[0])));
    QCOMPARE(dat.dataset, std::string("b.txt"));
    QCOMPARE(dat.lastChunk, 2);
}

void TestImatrixGguf::readImatrixDetectsFormat()
{
    QX_REQUIRE_SHARED(datPath, "reference/synth-d256/imatrix.dat");
    QCOMPARE(readImatrix(datPath), readImatrixDat(datPath));
    try {
        readImatrix("/nonexistent/imatrix.gguf");
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(int(e.code()), int(ErrorCode::Io));
    }
}

void TestImatrixGguf::importanceForChecksSize()
{
    const ImatrixFile f = ggufStyleFile();
    QCOMPARE(imatrixImportanceFor(f, "blk.0.ffn_down_exps.weight", 4)->size(), size_t(4));
    QVERIFY_THROWS_EXCEPTION(Error, imatrixImportanceFor(f, "blk.0.attn_q.weight", 4));
}

void TestImatrixGguf::everyTruncationIsAnError()
{
    const std::string path = test::scratchDir("imatrix-gguf") + "/cut.gguf";
    writeImatrixGguf(path, ggufStyleFile());
    const auto bytes = fileBytes(path);
    QVERIFY(parseImatrixGguf(bytes, "cut.gguf") == ggufStyleFile());
    for (size_t n = 0; n < bytes.size(); ++n) {
        try {
            // like llama.cpp's reader, ours does not insist on the zero padding after the last tensor
            const ImatrixFile f = parseImatrixGguf(std::span(bytes).first(n), "cut.gguf");
            if (n + 32 <= bytes.size() || !(f == ggufStyleFile()))
                QFAIL(qPrintable(QStringLiteral("prefix of %1 bytes accepted").arg(n)));
        } catch (const Error& e) {
            QVERIFY(e.code() == ErrorCode::Truncated || e.code() == ErrorCode::Invalid || e.code() == ErrorCode::BadMagic);
            QCOMPARE(e.file(), std::string("cut.gguf"));
        }
    }
}

void TestImatrixGguf::rejectsInconsistentFiles()
{
    const auto kv = imatrixKeys();
    expectError(kv, {tensor("w.in_sum2", {4})}, ErrorCode::Mismatch, "mismatched sums and counts for w");
    expectError(kv, {tensor("w.counts", {1})}, ErrorCode::Mismatch, "mismatched sums and counts for w");
    expectError(kv, {tensor("w.in_sum2", {4}), tensor("w.counts", {1}, TensorType::F16)}, ErrorCode::Mismatch, "F32");
    expectError(kv, {tensor("w.in_sum2", {5}), tensor("w.counts", {1, 2})}, ErrorCode::Mismatch, "do not split");
    expectError(kv, {tensor("token_embd.weight", {4})}, ErrorCode::Invalid, "no data");
    expectError(kv, {tensor("w.in_sum2", {0}), tensor("w.counts", {0})}, ErrorCode::Mismatch, "do not split");
    auto model = kv;
    model[0].value = GgufValue::string("model");
    expectError(model, {tensor("w.in_sum2", {4}), tensor("w.counts", {1})}, ErrorCode::Invalid, "general.type");
    auto bare = kv;
    bare.pop_back();
    expectError(bare, {tensor("w.in_sum2", {4}), tensor("w.counts", {1})}, ErrorCode::Invalid, "missing imatrix metadata");
    auto wrong = kv;
    wrong[3].value = GgufValue::string("64");
    expectError(wrong, {tensor("w.in_sum2", {4}), tensor("w.counts", {1})}, ErrorCode::Invalid, "imatrix.chunk_size");
    wrong = kv;
    wrong[1].value = GgufValue::u32(3);
    expectError(wrong, {tensor("w.in_sum2", {4}), tensor("w.counts", {1})}, ErrorCode::Invalid, "imatrix.datasets");
    GgufTensorToWrite nanCounts = tensor("w.counts", {1});
    nanCounts.fill = [](std::span<std::byte> dst) {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        std::memcpy(dst.data(), &nan, 4);
    };
    expectError(kv, {tensor("w.in_sum2", {4}), nanCounts}, ErrorCode::Invalid, "not a row count");
}

QX_TEST_APPLESS_MAIN(TestImatrixGguf)
#include "tst_imatrix_gguf.moc"

// imatrix .dat reader/writer: the llama-imatrix reference file, round trips, and hostile input.
#include "common/test_data.h"
#include "common/test_main.h"

#include "common/error.h"
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

ImatrixFile smallFile()
{
    ImatrixFile f;
    f.entries.push_back({"blk.0.attn_q.weight", 4, {4.f, 8.f, 1.f}});
    f.entries.push_back({"blk.0.ffn_down.weight", 0, {2.f, 3.f}});
    f.hasTrailer = true;
    f.lastChunk = 4;
    f.dataset = "some.txt";
    return f;
}

void putI32At(std::vector<std::byte>& b, size_t at, int32_t v) { std::memcpy(b.data() + at, &v, 4); }

} // namespace

class TestImatrixFile : public QObject {
    Q_OBJECT
private slots:
    void readsReferenceFile();
    void referenceRoundTripsByteForByte();
    void importanceDividesByCallCount();
    void importanceForTensorChecksSize();
    void writeAndReadBack();
    void withoutTrailer();
    void everyTruncationIsAnError();
    void rejectsHostileFields();
    void missingFileIsIoError();
};

void TestImatrixFile::readsReferenceFile()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/imatrix.dat");
    const ImatrixFile f = readImatrixDat(path);
    QCOMPARE(f.entries.size(), size_t(28));
    QCOMPARE(f.entries[0].name, std::string("blk.3.ffn_down.weight"));
    QCOMPARE(f.entries[0].ncall, 20);
    QCOMPARE(f.entries[0].values.size(), size_t(768));
    QCOMPARE(f.entries[0].values[0], 0.8569365739822388f);
    QCOMPARE(f.entries[1].name, std::string("blk.3.ffn_gate.weight"));
    QCOMPARE(f.entries[1].values.size(), size_t(256));
    QCOMPARE(f.entries[27].name, std::string("blk.1.attn_output.weight"));
    QVERIFY(f.hasTrailer);
    QCOMPARE(f.lastChunk, 20);
    QCOMPARE(f.dataset, std::string("text/tinystories-valid-head.txt"));
    QVERIFY(f.find("output.weight") == nullptr);
    QVERIFY(f.find("blk.2.attn_k.weight") != nullptr);
}

void TestImatrixFile::referenceRoundTripsByteForByte()
{
    QX_REQUIRE_SHARED(path, "reference/synth-d256/imatrix.dat");
    const auto bytes = fileBytes(path);
    QCOMPARE(bytes.size(), size_t(37811));
    QVERIFY(serializeImatrixDat(parseImatrixDat(bytes, path)) == bytes);
}

void TestImatrixFile::importanceDividesByCallCount()
{
    const ImatrixFile f = smallFile();
    QCOMPARE(imatrixImportance(f.entries[0]), (std::vector<float>{1.f, 2.f, 0.25f}));
    QCOMPARE(imatrixImportance(f.entries[1]), (std::vector<float>{2.f, 3.f}));   // ncall 0: unchanged
    ImatrixEntry e{"x", 3, {1.f}};
    QCOMPARE(imatrixImportance(e)[0], 1.f / 3);   // float division, as llama-quantize
}

void TestImatrixFile::importanceForTensorChecksSize()
{
    ImatrixFile f = smallFile();
    QVERIFY(!imatrixImportanceFor(f, "output.weight", 3));
    QCOMPARE(*imatrixImportanceFor(f, "blk.0.attn_q.weight", 3), (std::vector<float>{1.f, 2.f, 0.25f}));
    QVERIFY_THROWS_EXCEPTION(Error, imatrixImportanceFor(f, "blk.0.attn_q.weight", 4));
    f.entries.push_back({"token_embd.weight", 1, {1.f}});
    QVERIFY(!imatrixImportanceFor(f, "token_embd.weight", 8));   // llama-quantize tolerates this one
    f.entries.push_back({"blk.0.attn_q.weight", 1, {5.f, 6.f, 7.f}});   // a later duplicate wins
    QCOMPARE(*imatrixImportanceFor(f, "blk.0.attn_q.weight", 3), (std::vector<float>{5.f, 6.f, 7.f}));
}

void TestImatrixFile::writeAndReadBack()
{
    const std::string path = test::scratchDir("imatrix") + "/small.dat";
    writeImatrixDat(path, smallFile());
    QVERIFY(readImatrixDat(path) == smallFile());
    QCOMPARE(fileBytes(path).size(), size_t(4 + (4 + 19 + 8 + 12) + (4 + 21 + 8 + 8) + 8 + 8));
}

void TestImatrixFile::withoutTrailer()
{
    ImatrixFile f = smallFile();
    f.hasTrailer = false;
    f.lastChunk = 0;
    f.dataset.clear();
    QVERIFY(parseImatrixDat(serializeImatrixDat(f)) == f);
}

void TestImatrixFile::everyTruncationIsAnError()
{
    const auto bytes = serializeImatrixDat(smallFile());
    const size_t entriesEnd = bytes.size() - 16;   // a cut exactly before the trailer is a valid old file
    for (size_t n = 0; n < bytes.size(); ++n) {
        if (n == entriesEnd)
            continue;
        try {
            parseImatrixDat(std::span(bytes).first(n), "cut.dat");
            QFAIL(qPrintable(QStringLiteral("prefix of %1 bytes accepted").arg(n)));
        } catch (const Error& e) {
            QVERIFY(e.code() == ErrorCode::Truncated || e.code() == ErrorCode::Invalid);
            QCOMPARE(e.file(), std::string("cut.dat"));
            QVERIFY(e.offset() <= n);
        }
    }
}

void TestImatrixFile::rejectsHostileFields()
{
    const auto good = serializeImatrixDat(smallFile());
    auto expectError = [](std::vector<std::byte> b, ErrorCode code, uint64_t offset) {
        try {
            parseImatrixDat(b, "bad.dat");
            QFAIL("accepted");
        } catch (const Error& e) {
            QCOMPARE(int(e.code()), int(code));
            QCOMPARE(e.offset(), offset);
        }
    };
    auto b = good;
    putI32At(b, 0, 0);
    expectError(b, ErrorCode::Invalid, 0);                    // no entries
    putI32At(b, 0, 0x7fffffff);
    expectError(b, ErrorCode::Truncated, 0);                  // absurd entry count
    b = good;
    putI32At(b, 4, -5);
    expectError(b, ErrorCode::Invalid, 4);                    // negative name length
    b = good;
    putI32At(b, 4, 1 << 30);
    expectError(b, ErrorCode::Truncated, 8);                  // name longer than the file
    b = good;
    putI32At(b, 4 + 4 + 19 + 4, 0);
    expectError(b, ErrorCode::Invalid, 4 + 4 + 19 + 4);       // zero values
    putI32At(b, 4 + 4 + 19 + 4, 0x40000000);
    expectError(b, ErrorCode::Truncated, 4 + 4 + 19 + 8);     // value count beyond the file
    b = good;
    b.push_back(std::byte{1});
    expectError(b, ErrorCode::Invalid, good.size());          // junk after the trailer
}

void TestImatrixFile::missingFileIsIoError()
{
    try {
        readImatrixDat("/nonexistent/imatrix.dat");
        QFAIL("no error");
    } catch (const Error& e) {
        QCOMPARE(int(e.code()), int(ErrorCode::Io));
    }
}

QX_TEST_APPLESS_MAIN(TestImatrixFile)
#include "tst_imatrix_file.moc"

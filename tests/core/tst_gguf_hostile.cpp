// Hostile GGUF input: truncations, random byte flips and one hand-made file per rule of the format.
// Everything parses from memory (parseGguf), so the whole binary runs in a few seconds.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "core/gguf_bytes.h"
#include "io/gguf_reader.h"
#include "io/model_file.h"
#include "io/safetensors_reader.h"

#include <QtTest/QtTest>

#include <fstream>
#include <iterator>
#include <random>

using qx::ErrorCode;
using qx::test::GgufBytes;

namespace {

constexpr uint64_t kStoriesDataStart = 14176;
/// Where the first tensor info starts in files made by oneTensor() and friends: header + one string kv.
constexpr uint64_t kKvEnd = 24 + (8 + 20) + 4 + (8 + 5);
constexpr uint64_t kDimsAt = kKvEnd + 8 + 1; // after the tensor name "a"

std::vector<std::byte> readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<char> chars((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::byte> bytes(chars.size());
    std::memcpy(bytes.data(), chars.data(), chars.size());
    return bytes;
}

/// Parses a copy of exactly `n` bytes (so AddressSanitizer sees any read past the end).
void parsePrefix(const std::vector<std::byte>& bytes, size_t n)
{
    std::vector<std::byte> copy(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
    qx::parseGguf(copy, "prefix.gguf");
}

/// Asserts that parsing fails with `code` at byte `offset` and that the message names the offset and `needle`.
#define EXPECT_GGUF_ERROR(builder_, code_, offset_, needle_)                                                     \
    do {                                                                                                     \
        try {                                                                                                \
            qx::parseGguf((builder_).bytes(), "crafted.gguf");                                                \
            QFAIL("expected a qx::Error");                                                                   \
        } catch (const qx::Error& e) {                                                                       \
            const QString what = QString::fromStdString(e.what());                                          \
            QVERIFY2(e.code() == (code_), qPrintable(what));                                                  \
            QCOMPARE(e.offset(), uint64_t(offset_));                                                          \
            QCOMPARE(e.file(), std::string("crafted.gguf"));                                                 \
            QVERIFY2(what.contains(QStringLiteral("at byte %1: ").arg(offset_)), qPrintable(what));           \
            QVERIFY2(what.contains(QStringLiteral(needle_)), qPrintable(what));                               \
        }                                                                                                    \
    } while (false)

/// One F32 tensor of `ne` elements named `name`, with its data.
GgufBytes oneTensor(std::string_view name, int64_t elements)
{
    GgufBytes b;
    b.header(1, 1).kvString("general.architecture", "llama").tensor(name, {elements}, 0, 0).pad();
    return b.zeros(uint64_t(elements) * 4);
}

} // namespace

class TestGgufHostile : public QObject {
    Q_OBJECT
private slots:
    void truncatedEveryHeaderByte()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto bytes = readAll(path);
        QCOMPARE(bytes.size(), size_t(1185376));
        qx::parseGguf(bytes, "full.gguf");   // the whole file parses
        for (size_t n = 0; n <= kStoriesDataStart; ++n)
            QVERIFY_THROWS_EXCEPTION(qx::Error, parsePrefix(bytes, n));
    }
    void truncatedInsideData()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        const auto bytes = readAll(path);
        std::mt19937_64 rng(260);
        std::uniform_int_distribution<size_t> at(kStoriesDataStart + 1, bytes.size() - 1);
        for (int i = 0; i < 200; ++i) {
            const size_t n = i == 0 ? bytes.size() - 1 : at(rng);
            try {
                parsePrefix(bytes, n);
                QFAIL(qPrintable(QStringLiteral("truncation at %1 parsed").arg(n)));
            } catch (const qx::Error& e) {
                QCOMPARE(e.code(), ErrorCode::Truncated);
                QVERIFY(QString(e.what()).contains("extends past the end of the file"));
            }
        }
    }
    void randomHeaderFlips()
    {
        QX_REQUIRE_SHARED(path, "models/stories260K.gguf");
        auto bytes = readAll(path);
        std::mt19937_64 rng(4748);
        std::uniform_int_distribution<size_t> where(0, kStoriesDataStart - 1);
        std::uniform_int_distribution<int> count(1, 4), value(0, 255);
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 3000; ++i) {
            std::vector<std::pair<size_t, std::byte>> saved;
            for (int k = count(rng); k > 0; --k) {
                const size_t p = where(rng);
                saved.emplace_back(p, bytes[p]);
                bytes[p] = std::byte(value(rng));
            }
            try {
                const qx::ModelFile m = qx::parseGguf(bytes, "flipped.gguf");
                for (const auto& t : m.tensors) {   // every view lies inside the buffer
                    QVERIFY(t.data.data() >= bytes.data() && t.fileOffset + t.nbytes <= bytes.size());
                    QCOMPARE(static_cast<const void*>(t.data.data()), static_cast<const void*>(bytes.data() + t.fileOffset));
                }
                ++parsed;
            } catch (const qx::Error&) {
                ++rejected;
            }
            for (auto it = saved.rbegin(); it != saved.rend(); ++it)
                bytes[it->first] = it->second;
        }
        QCOMPARE(parsed + rejected, 3000);
        QVERIFY(parsed > 0 && rejected > 0);
    }
    void magicAndVersion()
    {
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseGguf({}, "empty.gguf"));
        GgufBytes magic;
        magic.header(0, 0).bytes()[3] = std::byte{'X'};
        EXPECT_GGUF_ERROR(magic, ErrorCode::BadMagic, 0, "not a GGUF file");
        GgufBytes v1;
        v1.header(0, 0, 1);
        EXPECT_GGUF_ERROR(v1, ErrorCode::Unsupported, 4, "version 1 is not supported");
        GgufBytes v4;
        v4.header(0, 0, 4);
        EXPECT_GGUF_ERROR(v4, ErrorCode::Unsupported, 4, "version 4");
        GgufBytes big;
        big.header(0, 0, 0x03000000u);
        EXPECT_GGUF_ERROR(big, ErrorCode::Unsupported, 4, "big-endian GGUF is not supported");
        GgufBytes v2;
        v2.header(0, 1, 2).kvU32("a", 7);
        QCOMPARE(qx::parseGguf(v2.bytes(), "v2.gguf").ggufVersion, 2u);
    }
    void counts()
    {
        GgufBytes kvs;
        kvs.header(0, uint64_t(1) << 40);
        EXPECT_GGUF_ERROR(kvs, ErrorCode::Truncated, 16, "key/value pairs do not fit");
        GgufBytes tensors;
        tensors.header(uint64_t(1) << 40, 0);
        EXPECT_GGUF_ERROR(tensors, ErrorCode::Truncated, 8, "tensor infos do not fit");
        GgufBytes negative;
        negative.header(0, UINT64_MAX);
        EXPECT_GGUF_ERROR(negative, ErrorCode::Invalid, 16, "count is negative");
    }
    void keys()
    {
        GgufBytes dup;
        dup.header(0, 2).kvU32("x", 1);
        const uint64_t at = dup.pos();
        dup.kvU32("x", 2);
        EXPECT_GGUF_ERROR(dup, ErrorCode::Invalid, at, "duplicate key 'x'");
        GgufBytes type;
        type.header(0, 1).str("k");
        const uint64_t typeAt = type.pos();
        type.u32(13).u32(0);
        EXPECT_GGUF_ERROR(type, ErrorCode::Invalid, typeAt, "13 is not a GGUF value type");
    }
    void strings()
    {
        GgufBytes key;
        key.header(0, 1).u64(1000).u32(0);
        EXPECT_GGUF_ERROR(key, ErrorCode::Truncated, 24, "key length 1000 exceeds");
        GgufBytes value;
        value.header(0, 1).str("k").u32(8);
        const uint64_t at = value.pos();
        value.u64(UINT64_MAX).u32(0);
        EXPECT_GGUF_ERROR(value, ErrorCode::Truncated, at, "string value length 18446744073709551615 exceeds");
    }
    void arrays()
    {
        GgufBytes count;
        count.header(0, 1).str("k").u32(9).u32(4);
        const uint64_t at = count.pos();
        count.u64(uint64_t(1) << 40).u32(0);
        EXPECT_GGUF_ERROR(count, ErrorCode::Truncated, at, "array of 1099511627776 u32 elements does not fit");
        GgufBytes strings;
        strings.header(0, 1).str("k").u32(9).u32(8);
        const uint64_t sat = strings.pos();
        strings.u64(3).str("a").str("b");   // third string missing: 3 x 8 bytes do not fit in 18 left
        EXPECT_GGUF_ERROR(strings, ErrorCode::Truncated, sat, "array of 3 str elements");
        GgufBytes deep;
        deep.header(0, 1).str("k").u32(9);
        for (int i = 0; i < 20; ++i)
            deep.u32(9).u64(1);
        deep.u32(4).u64(0);
        QVERIFY_THROWS_EXCEPTION(qx::Error, qx::parseGguf(deep.bytes(), "deep.gguf"));
        try {
            qx::parseGguf(deep.bytes(), "deep.gguf");
        } catch (const qx::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Unsupported);
        }
    }
    void arrayElementBudget()
    {
        GgufBytes b;
        b.header(0, 1).str("k").u32(9).u32(0);
        const uint64_t at = b.pos();
        b.u64((uint64_t(1) << 24) + 1).zeros((uint64_t(1) << 24) + 1);
        EXPECT_GGUF_ERROR(b, ErrorCode::Unsupported, at, "metadata arrays hold more than 16777216 elements");
    }
    void nestedArraysParse()
    {
        GgufBytes b;
        b.header(0, 1).str("nested").u32(9).u32(9).u64(2);
        b.u32(5).u64(2).put(int32_t(-1)).put(int32_t(2));
        b.u32(8).u64(1).str("hi");
        const qx::ModelFile m = qx::parseGguf(b.bytes(), "nested.gguf");
        const qx::GgufValue& v = m.metadata.at(0).value;
        QCOMPARE(v.arrayType, qx::GgufType::Array);
        QCOMPARE(v.elements().size(), size_t(2));
        QCOMPARE(v.elements()[0].arrayType, qx::GgufType::I32);
        QCOMPARE(v.elements()[0].elements()[0].toInt(), int64_t(-1));
        QCOMPARE(v.elements()[1].elements()[0].toString(), std::string("hi"));
    }
    void alignment()
    {
        GgufBytes wrongType;
        wrongType.header(0, 1).str("general.alignment");
        const uint64_t at = wrongType.pos();
        wrongType.u32(10).u64(32);
        EXPECT_GGUF_ERROR(wrongType, ErrorCode::Invalid, at, "must be of type u32 but is u64");
        for (uint32_t bad : {0u, 48u}) {
            GgufBytes b;
            b.header(0, 1).str("general.alignment").u32(4);
            const uint64_t vat = b.pos();
            b.u32(bad);
            EXPECT_GGUF_ERROR(b, ErrorCode::Invalid, vat, "is not a non-zero power of two");
        }
        GgufBytes ok;
        ok.header(2, 1).kvU32("general.alignment", 64).tensor("a", {4}, 0, 0).tensor("b", {4}, 0, 64).pad(64);
        ok.zeros(64 + 16);
        const qx::ModelFile m = qx::parseGguf(ok.bytes(), "aligned.gguf");
        QCOMPARE(m.alignment, uint64_t(64));
        QCOMPARE(m.tensors[0].fileOffset % 64, uint64_t(0));
        QCOMPARE(m.tensors[1].fileOffset, m.tensors[0].fileOffset + 64);
    }
    void tensorNames()
    {
        GgufBytes dup;
        dup.header(2, 0).tensor("a", {8}, 0, 0);
        const uint64_t at = dup.pos();
        dup.tensor("a", {8}, 0, 32).pad().zeros(64);
        EXPECT_GGUF_ERROR(dup, ErrorCode::Invalid, at, "duplicate tensor name 'a'");
        const std::string longest(63, 'n');
        QCOMPARE(qx::parseGguf(oneTensor(longest, 8).bytes(), "ok.gguf").tensors[0].name, longest);
        GgufBytes tooLong = oneTensor(std::string(64, 'n'), 8);
        EXPECT_GGUF_ERROR(tooLong, ErrorCode::Invalid, kKvEnd, "is 64 bytes long");
    }
    void tensorShapes()
    {
        const uint64_t dimsAt = kDimsAt;
        GgufBytes dims;
        dims.header(1, 1).kvString("general.architecture", "llama").tensor("a", {1, 1, 1, 1, 8}, 0, 0);
        EXPECT_GGUF_ERROR(dims, ErrorCode::Invalid, dimsAt, "has 5 dimensions");
        GgufBytes negative;
        negative.header(1, 1).kvString("general.architecture", "llama").tensor("a", {8, -2}, 0, 0);
        EXPECT_GGUF_ERROR(negative, ErrorCode::Invalid, dimsAt + 4 + 8, "dimension 1 has negative size -2");
        GgufBytes overflow;
        overflow.header(1, 1).kvString("general.architecture", "llama");
        overflow.tensor("a", {int64_t(1) << 32, int64_t(1) << 31}, 0, 0);
        EXPECT_GGUF_ERROR(overflow, ErrorCode::Overflow, dimsAt, "element count >= INT64_MAX");
        GgufBytes flat;
        flat.header(1, 1).kvString("general.architecture", "llama").tensor("a", {INT64_MAX}, 24, 0);
        EXPECT_GGUF_ERROR(flat, ErrorCode::Overflow, dimsAt, "element count >= INT64_MAX");
        GgufBytes empty;
        empty.header(1, 0).tensor("e", {0, 5}, 0, 0).pad();
        QCOMPARE(qx::parseGguf(empty.bytes(), "empty.gguf").tensors[0].nbytes, uint64_t(0));
    }
    void tensorTypes()
    {
        const uint64_t typeAt = kDimsAt + 4 + 8;
        for (uint32_t id : {256u, 0xFFFFFFFFu}) {
            GgufBytes b;
            b.header(1, 1).kvString("general.architecture", "llama").tensor("a", {256}, id, 0).pad().zeros(1024);
            EXPECT_GGUF_ERROR(b, ErrorCode::Invalid, typeAt, "beyond any known type");
        }
        // Removed ids and ids newer than our table open: the tensor keeps the id and reaches to the end.
        for (uint32_t id : {4u, 5u, 31u, 36u, 40u, 255u}) {
            GgufBytes b;
            b.header(1, 1).kvString("general.architecture", "llama").tensor("a", {256}, id, 0).pad().zeros(1024);
            const qx::ModelFile m = qx::parseGguf(b.bytes(), "foreign.gguf");
            QCOMPARE(uint32_t(m.tensors[0].type), id);
            QCOMPARE(m.tensors[0].nbytes, uint64_t(1024));
        }
        GgufBytes mxfp4;   // type 39 is MXFP4: 8 blocks of 17 bytes
        mxfp4.header(1, 1).kvString("general.architecture", "llama").tensor("a", {256}, 39, 0).pad().zeros(136);
        QCOMPARE(qx::parseGguf(mxfp4.bytes(), "mxfp4.gguf").tensors[0].nbytes, uint64_t(136));
        GgufBytes blocks;
        blocks.header(1, 1).kvString("general.architecture", "llama").tensor("a", {33}, 2, 0).pad().zeros(64);
        EXPECT_GGUF_ERROR(blocks, ErrorCode::Invalid, typeAt, "not a multiple of the Q4_0 block size 32");
        GgufBytes q4;
        q4.header(1, 1).kvString("general.architecture", "llama").tensor("a", {64, 2}, 2, 0).pad().zeros(72);
        const qx::ModelFile m = qx::parseGguf(q4.bytes(), "q4.gguf");
        QCOMPARE(m.tensors[0].type, qx::TensorType::Q4_0);
        QCOMPARE(m.tensors[0].nbytes, uint64_t(72));
    }
    void tensorOffsets()
    {
        for (uint64_t wrong : {0ull, 16ull, 64ull}) {
            GgufBytes b;
            b.header(2, 0).tensor("a", {4}, 0, 0).tensor("b", {4}, 0, wrong);
            const uint64_t at = b.pos() - 8;
            b.pad().zeros(64);
            EXPECT_GGUF_ERROR(b, ErrorCode::Invalid, at, "expected 32 (the running sum of padded tensor sizes)");
        }
        GgufBytes first;
        first.header(1, 0).tensor("a", {4}, 0, 32);
        const uint64_t firstAt = first.pos() - 8;
        first.pad().zeros(64);
        EXPECT_GGUF_ERROR(first, ErrorCode::Invalid, firstAt, "expected 0");
    }
    void dataBounds()
    {
        GgufBytes shortData;
        shortData.header(1, 0).tensor("a", {8}, 0, 0).pad();
        const uint64_t at = shortData.pos();   // "ends early (at byte N)" names the byte its detail names
        shortData.zeros(31);
        EXPECT_GGUF_ERROR(shortData, ErrorCode::Truncated, at, "extends past the end of the file");
        try {
            qx::parseGguf(shortData.bytes(), "short.gguf");
        } catch (const qx::Error& e) {
            QCOMPARE(e.detail(), "tensor 'a' data (32 bytes at byte " + std::to_string(at) +
                                     ") extends past the end of the file (" + std::to_string(at + 31) + " bytes)");
        }
        GgufBytes noPadding;
        noPadding.header(1, 0).tensor("a", {8}, 0, 0);
        const uint64_t end = noPadding.pos();
        EXPECT_GGUF_ERROR(noPadding, ErrorCode::Truncated, end, "ends before the data section");
        // The last tensor needs no trailing padding, and vocab-only files need none before the data section.
        GgufBytes exact;
        exact.header(1, 0).tensor("a", {3}, 0, 0).pad().zeros(12);
        QCOMPARE(qx::parseGguf(exact.bytes(), "exact.gguf").tensors[0].nbytes, uint64_t(12));
        GgufBytes vocab;
        vocab.header(0, 1).kvString("tokenizer.ggml.model", "llama");
        QCOMPARE(qx::parseGguf(vocab.bytes(), "vocab.gguf").tokenizer.model, std::string("llama"));
    }
    // A 1 MB tensor name is cut in messages (the safetensors reader echoes names; Error cuts any such run,
    // here the name with its quotes and colon).
    void longNamesAreCut()
    {
        const std::string name(1 << 20, 'n');
        const std::string header = "{\"" + name + "\":{\"shape\":[1],\"data_offsets\":[0,4]}}";
        std::vector<std::byte> bytes(8 + header.size() + 4);
        const uint64_t length = header.size();
        std::memcpy(bytes.data(), &length, 8);
        std::memcpy(bytes.data() + 8, header.data(), header.size());
        try {
            qx::parseSafetensors(bytes, "long.safetensors");
            QFAIL("a tensor without a dtype parsed");
        } catch (const qx::Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.size() < 400, what.c_str());
            QVERIFY2(what.find("tensor '" + std::string(159, 'n') +
                               "…(1048579 bytes in all) 'dtype' is missing or not a string") != std::string::npos,
                     what.c_str());
        }
        const qx::Error direct(ErrorCode::Invalid, "f", 0, "name " + name + " end");
        QCOMPARE(direct.detail(), "name " + std::string(160, 'n') + "…(1048576 bytes in all) end");
    }

    // Random bytes or an empty file are "not a model file", never "uses a feature that is not supported".
    void notAModelFile()
    {
        const std::string dir = qx::test::scratchDir("tst_gguf_hostile");
        std::ofstream(dir + "/empty.gguf", std::ios::binary | std::ios::trunc).flush();
        std::string noise(4096, '\0');
        for (size_t i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 2654435761u) >> 13);
        std::ofstream(dir + "/noise.dat", std::ios::binary | std::ios::trunc) << noise;
        for (const char* name : {"/empty.gguf", "/noise.dat"}) {
            try {
                qx::openModel(dir + name);
                QFAIL(name);
            } catch (const qx::Error& e) {
                QCOMPARE(e.code(), ErrorCode::BadMagic);
                QVERIFY2(e.detail().find("not a") != std::string::npos, e.what());
            }
        }
    }

    // A header claiming 2^32-1 layers made ppl and the GUI build a tensor list per claimed layer (7+ GB)
    // before anything was checked. The reader stops at llama.cpp's limit, naming the key, value and limit.
    void blockCountBeyondLlamaLimit()
    {
        for (const uint32_t layers : {uint32_t(UINT32_MAX), uint32_t(513)}) {
            GgufBytes b;
            b.header(0, 2).kvString("general.architecture", "llama").kvU32("llama.block_count", layers);
            try {
                qx::parseGguf(b.bytes(), "layers.gguf");
                QFAIL("no error");
            } catch (const qx::Error& e) {
                QCOMPARE(e.code(), ErrorCode::Invalid);
                QCOMPARE(e.file(), std::string("layers.gguf"));
                QCOMPARE(e.detail(), "llama.block_count " + std::to_string(layers)
                                         + " exceeds the limit of 512 layers (llama.cpp's LLAMA_MAX_LAYERS)");
            }
        }
        GgufBytes ok;
        ok.header(0, 2).kvString("general.architecture", "llama").kvU32("llama.block_count", 512);
        QCOMPARE(qx::parseGguf(ok.bytes(), "ok.gguf").spec.blockCount, int64_t(512));
    }
};

QX_TEST_APPLESS_MAIN(TestGgufHostile)
#include "tst_gguf_hostile.moc"

// Text inputs have a size limit checked before or while reading: `-f /dev/zero` (or a plan, or a
// tokenizer.json, that never ends) fails with the file and the limit instead of reading forever.
#include "common/error.h"
#include "common/test_data.h"
#include "common/test_main.h"
#include "common/text_file.h"

#include <QtTest/QtTest>

#include <fstream>

using namespace qx;

namespace {

Error errorOf(const std::string& path, uint64_t limit)
{
    try {
        readTextFile(path, limit);
    } catch (const Error& e) {
        return e;
    }
    return Error(ErrorCode::InvalidArgument, "no error");
}

} // namespace

class TestTextFile : public QObject {
    Q_OBJECT
private slots:
    void endlessDeviceIsRefusedAtTheLimit()
    {
        const Error e = errorOf("/dev/zero", 1 << 20);
        QCOMPARE(e.code(), ErrorCode::Invalid);
        QCOMPARE(e.file(), std::string("/dev/zero"));
        QCOMPARE(e.detail(), std::string("the file is larger than the limit of 1048576 bytes for a text input"));
    }

    void regularFileOverTheLimitIsRefusedBeforeReading()
    {
        const std::string path = test::scratchDir("tst_text_file") + "/big.txt";
        std::ofstream(path, std::ios::binary) << std::string(5000, 'x');
        QCOMPARE(errorOf(path, 4999).detail(), std::string("the file is larger than the limit of 4999 bytes for a text input"));
        QCOMPARE(readTextFile(path, 5000), std::string(5000, 'x'));
    }

    void bytesAsTheyAre()
    {
        const std::string path = test::scratchDir("tst_text_file") + "/crlf.txt";
        const std::string text("line\r\n\0nul\n", 11);
        std::ofstream(path, std::ios::binary) << text;
        QCOMPARE(readTextFile(path), text);
    }

    void missingFileSaysWhy()
    {
        const Error e = errorOf("/nonexistent-qx/text.txt", 100);
        QCOMPARE(e.code(), ErrorCode::Io);
        QCOMPARE(e.detail(), std::string("cannot open: No such file or directory"));
    }
};

QX_TEST_APPLESS_MAIN(TestTextFile)
#include "tst_text_file.moc"

// SHA-256 against the FIPS 180-4 examples (NIST's one-block, two-block and million-'a' messages) and a
// message whose padding spills into a second block (55, 56 and 64 bytes).
#include "common/sha256.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

class TestSha256 : public QObject {
    Q_OBJECT
private slots:
    void knownDigests_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QByteArray() << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        QTest::newRow("abc") << QByteArray("abc") << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        QTest::newRow("million a") << QByteArray(1000000, 'a')
                                   << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        QTest::newRow("55 bytes") << QByteArray(55, 'x') << "";
        QTest::newRow("56 bytes") << QByteArray(56, 'x') << "";
        QTest::newRow("64 bytes") << QByteArray(64, 'x') << "";
    }
    void knownDigests()
    {
        QFETCH(QByteArray, message);
        QFETCH(QString, digest);
        if (digest.isEmpty())  // lengths around the padding boundary: Qt's implementation as the reference
            digest = QString::fromLatin1(QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex());
        QCOMPARE(QString::fromStdString(qx::sha256Hex(std::string_view(message.constData(), size_t(message.size())))),
                 digest);
    }
};

QX_TEST_APPLESS_MAIN(TestSha256)
#include "tst_sha256.moc"

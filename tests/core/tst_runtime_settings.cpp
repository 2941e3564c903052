// The environment the executables restart themselves with (common/runtime_settings.h): huge pages are
// added to whatever tunables the user set, and a hugetlb choice of the user's is kept.
#include "common/runtime_settings.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

class TestRuntimeSettings : public QObject {
    Q_OBJECT
private slots:
    void hugePagesWhenUnset()
    {
        QCOMPARE(qx::tunablesWithHugePages(nullptr).value(), std::string("glibc.malloc.hugetlb=1"));
        QCOMPARE(qx::tunablesWithHugePages("").value(), std::string("glibc.malloc.hugetlb=1"));
    }
    void addedToOtherTunables()
    {
        QCOMPARE(qx::tunablesWithHugePages("glibc.malloc.arena_max=2").value(),
                 std::string("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1"));
    }
    void usersChoiceKept()
    {
        QVERIFY(!qx::tunablesWithHugePages("glibc.malloc.hugetlb=0"));
        QVERIFY(!qx::tunablesWithHugePages("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=2"));
    }
};

QX_TEST_APPLESS_MAIN(TestRuntimeSettings)
#include "tst_runtime_settings.moc"

// The one rule for thread counts (common/thread_count.h): 0 = every hardware thread, never more than the
// machine has, and one core left to the interface for the GUI's "automatic".
#include "common/parallel_chunks.h"
#include "common/test_main.h"
#include "common/thread_count.h"

#include <QtTest/QtTest>

#include <sched.h>

class TestThreadCount : public QObject {
    Q_OBJECT
private slots:
    void hardwareThreadsFollowAffinity()
    {
        cpu_set_t set;
        QCOMPARE(sched_getaffinity(0, sizeof(set), &set), 0);
        QCOMPARE(qx::hardwareThreads(), CPU_COUNT(&set));
    }
    void resolve()
    {
        const int hw = qx::hardwareThreads();
        QCOMPARE(qx::resolveThreadCount(0), hw);
        QCOMPARE(qx::resolveThreadCount(-3), hw);
        QCOMPARE(qx::resolveThreadCount(1), 1);
        QCOMPARE(qx::resolveThreadCount(hw), hw);
        QCOMPARE(qx::resolveThreadCount(100000), hw);   // libgomp crashed on such counts
        QCOMPARE(qx::resolveWorkerCount(100000, 1000000), hw);
        QCOMPARE(qx::resolveWorkerCount(100000, 1), 1);
    }
    void interactive()
    {
        const int hw = qx::hardwareThreads();
        QCOMPARE(qx::resolveInteractiveThreadCount(0), std::max(1, hw - 1));
        QCOMPARE(qx::resolveInteractiveThreadCount(1), 1);
        QCOMPARE(qx::resolveInteractiveThreadCount(100000), hw);
    }
};

QX_TEST_APPLESS_MAIN(TestThreadCount)
#include "tst_thread_count.moc"

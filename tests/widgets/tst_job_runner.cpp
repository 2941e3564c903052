#include "common/error_text.h"
#include "common/job_runner.h"
#include "common/memory_indicator.h"
#include "common/test_main.h"

#include <QtTest/QtTest>

#include <new>

#include <thread>

using namespace qx;
using namespace qx::ui;

class TestJobRunner : public QObject {
    Q_OBJECT

    template <class T>
    static JobResult<T> runToEnd(JobRunner& runner, JobRunner::Work<T> work)
    {
        JobResult<T> out;
        bool done = false;
        runner.start<T>(QStringLiteral("test"), std::move(work), [&](JobResult<T> r) {
            out = std::move(r);
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        return out;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void completesWithValueAndProgress()
    {
        JobRunner runner;
        QSignalSpy progress(&runner, &JobRunner::progressChanged);
        QSignalSpy finished(&runner, &JobRunner::finished);
        auto r = runToEnd<int>(runner, [](const ProgressFn& p) {
            for (int i = 0; i <= 10; ++i)
                if (!p(i / 10.0))
                    throw Error(ErrorCode::Cancelled, "stopped");
            return 42;
        });
        QCOMPARE(r.outcome, JobOutcome::Completed);
        QCOMPARE(*r.value, 42);
        QCOMPARE(finished.size(), 1);
        QTRY_VERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().front().toDouble(), 1.0);
        QVERIFY(!runner.isBusy());
    }

    void failsWithFileAndOffset()
    {
        JobRunner runner;
        auto r = runToEnd<int>(runner, [](const ProgressFn&) -> int {
            throw Error(ErrorCode::Truncated, "/m/x.gguf", 1234, "tensor data end past the file");
        });
        QCOMPARE(r.outcome, JobOutcome::Failed);
        QCOMPARE(*r.error.code, ErrorCode::Truncated);
        QCOMPARE(r.error.file, QStringLiteral("/m/x.gguf"));
        QCOMPARE(r.error.offset, 1234ull);
        QCOMPARE(r.error.detail, QStringLiteral("tensor data end past the file"));
        QCOMPARE(ErrorText::openFailed(QStringLiteral("/other"), r.error),
                 QStringLiteral("Could not open “/m/x.gguf”: the file ends early (at byte 1234).\n"
                                "Detail: tensor data end past the file"));
        auto other = runToEnd<int>(runner, [](const ProgressFn&) -> int { throw std::runtime_error("boom"); });
        QCOMPARE(other.outcome, JobOutcome::Failed);
        QVERIFY(!other.error.code);
        QCOMPARE(ErrorText::openFailed(QStringLiteral("/p"), other.error), QStringLiteral("Could not open “/p”: boom"));
    }

    // The last resort when a prediction missed: out of memory in a job is said as such, never "std::bad_alloc".
    void outOfMemoryIsWorded()
    {
        JobRunner runner;
        auto r = runToEnd<int>(runner, [](const ProgressFn&) -> int { throw std::bad_alloc(); });
        QCOMPARE(r.outcome, JobOutcome::Failed);
        QCOMPARE(*r.error.code, ErrorCode::OverBudget);
        QCOMPARE(r.error.detail, QStringLiteral("the job ran out of memory: the machine could not give it what it asked for"));
    }

    void cancelEndsCancelled()
    {
        JobRunner runner;
        std::atomic_bool entered{false};
        JobResult<int> out;
        bool done = false;
        runner.start<int>(QStringLiteral("slow"), [&](const ProgressFn& p) {
            entered = true;
            for (;;) {
                if (!p(0.5))
                    throw Error(ErrorCode::Cancelled, "stopped");
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return 0;
        }, [&](JobResult<int> r) { out = r; done = true; });
        QTRY_VERIFY(entered.load());
        QVERIFY(runner.isBusy());
        runner.cancel();
        QTRY_VERIFY(done);
        QCOMPARE(out.outcome, JobOutcome::Cancelled);
        QVERIFY(!out.value);
    }

    void newJobSupersedesOld()
    {
        JobRunner runner;
        std::vector<JobOutcome> outcomes;
        runner.start<int>(QStringLiteral("first"), [](const ProgressFn&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            return 1;  // finishes, but its result is stale
        }, [&](JobResult<int> r) { outcomes.push_back(r.outcome); });
        runner.start<int>(QStringLiteral("second"), [](const ProgressFn&) { return 2; },
                          [&](JobResult<int> r) { outcomes.push_back(r.outcome); QCOMPARE(*r.value, 2); });
        QTRY_COMPARE(outcomes.size(), size_t(2));
        QCOMPARE(outcomes[0], JobOutcome::Cancelled);
        QCOMPARE(outcomes[1], JobOutcome::Completed);
    }

    void readsResidentMemory()
    {
        QCOMPARE(MemoryIndicator::parseVmRss("Name:\tx\nVmRSS:\t   12345 kB\nVmData: 1 kB\n"), std::optional<quint64>(12345ull * 1024));
        QVERIFY(!MemoryIndicator::parseVmRss("VmSize: 5 kB\n"));
        const auto rss = MemoryIndicator::residentBytes();
        QVERIFY(rss.has_value());
        QVERIFY(*rss > 1024 * 1024);  // a Qt test process holds more than a MiB
    }
};

QX_TEST_MAIN(TestJobRunner)
#include "tst_job_runner.moc"

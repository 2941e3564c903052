#pragma once
// Runs long core calls off the UI thread, one at a time, on a private single-thread QThreadPool (oneDNN and
// Eigen parallelise inside a job). Every job ends in exactly one of Completed, Cancelled or Failed, reported
// on the UI thread through its `done` callback and the finished() signal. Starting a job cancels the one
// before it; a cancelled job's result is dropped even when the work ran to the end. Worker code never
// touches widgets: the result crosses threads as a value. Destroying the runner cancels and waits.

#include "common/error.h"
#include "common/progress.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <optional>

namespace qx::ui {

enum class JobOutcome { Completed, Cancelled, Failed };

/// What ended a failed job, copied out of the qx::Error (or other exception) that the work threw.
struct JobError {
    std::optional<ErrorCode> code;  ///< nullopt when the exception was not a qx::Error
    QString file;                   ///< empty when the error names no file
    quint64 offset = kNoOffset;     ///< byte offset in `file`, or kNoOffset
    QString detail;                 ///< English detail from the core (shown after the translated text)
};

template <class T>
struct JobResult {
    JobOutcome outcome = JobOutcome::Cancelled;
    std::optional<T> value;  ///< set when Completed
    JobError error;          ///< set when Failed
};

class JobRunner : public QObject {
    Q_OBJECT
public:
    template <class T>
    using Work = std::function<T(const ProgressFn&)>;
    template <class T>
    using Done = std::function<void(JobResult<T>)>;

    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    /// Cancels the running job (if any) and runs `work` on the job thread; `done` runs on this thread.
    template <class T>
    void start(const QString& label, Work<T> work, Done<T> done);
    /// Asks the running job to stop; it then ends Cancelled.
    void cancel();
    bool isBusy() const { return m_running > 0; }
    /// Blocks until the job thread is idle (queued results are delivered later by the event loop).
    void waitForIdle() { m_pool.waitForDone(); }

signals:
    void started(const QString& label);
    void progressChanged(double fraction);  ///< 0..1 of the current job
    void finished(qx::ui::JobOutcome outcome);

private:
    struct Token {
        std::atomic_bool cancelled{false};
        std::atomic_int lastPermille{-1};
    };
    ProgressFn makeProgress(const std::shared_ptr<Token>& token, quint64 generation);
    template <class T>
    static JobResult<T> runGuarded(const Work<T>& work, const ProgressFn& progress, const Token& token);
    static JobError errorFromCurrentException();
    void jobEnded(JobOutcome outcome);

    QThreadPool m_pool;
    std::shared_ptr<Token> m_current;
    quint64 m_generation = 0;
    int m_running = 0;
};

template <class T>
JobResult<T> JobRunner::runGuarded(const Work<T>& work, const ProgressFn& progress, const Token& token)
{
    JobResult<T> result;
    if (token.cancelled.load())
        return result;
    try {
        result.value.emplace(work(progress));
        result.outcome = JobOutcome::Completed;
    } catch (const Error& e) {
        result.outcome = e.code() == ErrorCode::Cancelled ? JobOutcome::Cancelled : JobOutcome::Failed;
        result.error = errorFromCurrentException();
    } catch (...) {
        result.outcome = JobOutcome::Failed;
        result.error = errorFromCurrentException();
    }
    return result;
}

template <class T>
void JobRunner::start(const QString& label, Work<T> work, Done<T> done)
{
    cancel();
    auto token = std::make_shared<Token>();
    m_current = token;
    const quint64 generation = ++m_generation;
    ProgressFn progress = makeProgress(token, generation);

    auto* watcher = new QFutureWatcher<JobResult<T>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, token, done = std::move(done)] {
        JobResult<T> result = watcher->future().result();
        watcher->deleteLater();
        if (token->cancelled.load())
            result = JobResult<T>{};  // stale or cancelled: drop whatever came back
        const JobOutcome outcome = result.outcome;
        --m_running;
        if (done)
            done(std::move(result));
        jobEnded(outcome);
    });
    ++m_running;
    emit started(label);
    watcher->setFuture(QtConcurrent::run(&m_pool, [work = std::move(work), progress, token] {
        return runGuarded<T>(work, progress, *token);
    }));
}

} // namespace qx::ui

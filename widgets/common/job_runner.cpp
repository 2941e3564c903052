#include "common/job_runner.h"

#include <QMetaObject>

#include <new>

namespace qx::ui {

JobRunner::JobRunner(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("qx-jobs"));
}

JobRunner::~JobRunner()
{
    cancel();
    m_pool.waitForDone();
}

void JobRunner::cancel()
{
    if (m_current)
        m_current->cancelled.store(true);
}

ProgressFn JobRunner::makeProgress(const std::shared_ptr<Token>& token, quint64 generation)
{
    // Runs on the job thread: only atomics here, and a queued call to reach the UI thread. Posting at most
    // once per 0.1 % keeps a tight core loop from flooding the event queue.
    return [this, token, generation](double fraction) {
        if (token->cancelled.load())
            return false;
        const int permille = static_cast<int>(fraction * 1000.0);
        if (token->lastPermille.exchange(permille) != permille) {
            QMetaObject::invokeMethod(this, [this, generation, fraction] {
                if (generation == m_generation)
                    emit progressChanged(fraction);
            }, Qt::QueuedConnection);
        }
        return true;
    };
}

JobError JobRunner::errorFromCurrentException()
{
    JobError error;
    try {
        throw;
    } catch (const Error& e) {
        error.code = e.code();
        error.file = QString::fromStdString(e.file());
        error.offset = e.offset();
        error.detail = QString::fromStdString(e.detail());
    } catch (const std::bad_alloc&) {
        // the last resort: allocations that depend on the input are predicted and refused before this
        error.code = ErrorCode::OverBudget;
        error.detail = tr("the job ran out of memory: the machine could not give it what it asked for");
    } catch (const std::exception& e) {
        error.detail = QString::fromLocal8Bit(e.what());
    } catch (...) {
        error.detail = tr("unknown exception");
    }
    return error;
}

void JobRunner::jobEnded(JobOutcome outcome)
{
    emit finished(outcome);
}

} // namespace qx::ui

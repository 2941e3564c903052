#include "export/export_writer.h"

#include "common/atomic_file.h"
#include "common/error.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

namespace qx {
namespace {

struct Piece {
    std::vector<std::byte> owned;
    std::span<const std::byte> view;   // the bytes to write (points into `owned` for owned pieces)
    size_t pad = 0;
    uint64_t offset = 0;
    bool isOwned = false;
    std::function<void()> written;
};

constexpr std::byte kZeros[4096] = {};

} // namespace

struct ExportWriter::State {
    std::string target, partial;
    int fd = -1, lockFd = -1;   // lockFd keeps the writer's lock while the file is verified (closed)
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Piece> queue;
    std::vector<std::vector<std::byte>> spare;
    int ownedInUse = 0;
    bool busy = false, stop = false, finished = false, committed = false;
    std::string error;                  // first write error, reported to the producing thread
    std::thread thread;

    [[noreturn]] void fail(const std::string& what) const
    {
        throw Error(ErrorCode::Io, target, kNoOffset, what);
    }
    void throwIfFailed() const
    {
        if (!error.empty())
            fail(error);
    }
    bool writeAll(const std::byte* p, size_t n, uint64_t at)
    {
        while (n > 0) {
            const ssize_t w = ::pwrite(fd, p, std::min<size_t>(n, size_t(1) << 30), off_t(at));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return false;
            p += w;
            at += uint64_t(w);
            n -= size_t(w);
        }
        return true;
    }
    bool writePiece(const Piece& piece)
    {
        if (!writeAll(piece.view.data(), piece.view.size(), piece.offset))
            return false;
        for (size_t done = 0; done < piece.pad;) {
            const size_t n = std::min(piece.pad - done, sizeof kZeros);
            if (!writeAll(kZeros, n, piece.offset + piece.view.size() + done))
                return false;
            done += n;
        }
#ifdef SYNC_FILE_RANGE_WRITE
        ::sync_file_range(fd, off_t(piece.offset), off_t(piece.view.size() + piece.pad), SYNC_FILE_RANGE_WRITE);
#endif
        return true;
    }
    void run()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return stop || !queue.empty(); });
            if (queue.empty())
                return;
            Piece piece = std::move(queue.front());
            queue.pop_front();
            busy = true;
            const bool skip = !error.empty();
            lock.unlock();
            const bool ok = skip || writePiece(piece);
            const std::string why = ok ? std::string() : std::string("cannot write: ") + std::strerror(errno);
            if (piece.written)
                piece.written();
            lock.lock();
            if (!ok && error.empty())
                error = why;
            if (piece.isOwned) {
                spare.push_back(std::move(piece.owned));
                --ownedInUse;
            }
            busy = false;
            changed.notify_all();
        }
    }
};

ExportWriter::ExportWriter(const std::string& target, uint64_t totalBytes) : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.target = target;
    TempBeside temp = createTempBeside(target);
    s.fd = temp.fd;
    s.lockFd = temp.lockFd;
    s.partial = std::move(temp.path);
    if (totalBytes > 0) {
        const int rc = ::posix_fallocate(s.fd, 0, off_t(totalBytes));
        if (rc == ENOSPC || rc == EFBIG) {
            ::close(s.fd);
            s.fd = -1;
            ::unlink(s.partial.c_str());
            ::close(s.lockFd);
            s.fail("not enough free space: " + std::to_string(totalBytes) + " bytes needed");
        }
    }
    s.thread = std::thread([&s] { s.run(); });
}

ExportWriter::~ExportWriter()
{
    State& s = *m_state;
    {
        std::lock_guard lock(s.mutex);
        s.stop = true;
        s.error = s.error.empty() ? std::string("abandoned") : s.error;   // skip writing what is still queued
    }
    s.changed.notify_all();
    if (s.thread.joinable())
        s.thread.join();
    if (s.fd >= 0)
        ::close(s.fd);
    if (!s.committed)
        ::unlink(s.partial.c_str());
    if (s.lockFd >= 0)
        ::close(s.lockFd);
}

std::vector<std::byte> ExportWriter::takeBuffer(size_t n)
{
    State& s = *m_state;
    std::unique_lock lock(s.mutex);
    s.changed.wait(lock, [&] { return s.ownedInUse < kBuffersInFlight || !s.error.empty(); });
    s.throwIfFailed();
    ++s.ownedInUse;
    std::vector<std::byte> buffer;
    if (!s.spare.empty()) {
        buffer = std::move(s.spare.back());
        s.spare.pop_back();
    }
    lock.unlock();
    buffer.assign(n, std::byte{0});
    return buffer;
}

void ExportWriter::submit(std::vector<std::byte> buffer, size_t zeroPad)
{
    State& s = *m_state;
    Piece piece;
    piece.owned = std::move(buffer);
    piece.view = piece.owned;
    piece.isOwned = true;
    piece.pad = zeroPad;
    piece.offset = m_offset;
    m_offset += piece.view.size() + zeroPad;
    {
        std::lock_guard lock(s.mutex);
        s.throwIfFailed();
        s.queue.push_back(std::move(piece));
    }
    s.changed.notify_all();
}

void ExportWriter::submitView(std::span<const std::byte> bytes, size_t zeroPad, std::function<void()> written)
{
    State& s = *m_state;
    Piece piece;
    piece.view = bytes;
    piece.pad = zeroPad;
    piece.offset = m_offset;
    piece.written = std::move(written);
    m_offset += bytes.size() + zeroPad;
    {
        std::lock_guard lock(s.mutex);
        s.throwIfFailed();
        s.queue.push_back(std::move(piece));
    }
    s.changed.notify_all();
}

void ExportWriter::finish()
{
    State& s = *m_state;
    if (s.finished)
        return;
    {
        std::unique_lock lock(s.mutex);
        s.changed.wait(lock, [&] { return (s.queue.empty() && !s.busy) || !s.error.empty(); });
        s.throwIfFailed();
        s.stop = true;
        s.spare.clear();
    }
    s.changed.notify_all();
    s.thread.join();
    if (::ftruncate(s.fd, off_t(m_offset)) != 0 || ::fsync(s.fd) != 0)
        s.fail(std::string("cannot flush: ") + std::strerror(errno));
    const int rc = ::close(s.fd);
    s.fd = -1;
    if (rc != 0)
        s.fail(std::string("cannot close: ") + std::strerror(errno));
    s.finished = true;
}

const std::string& ExportWriter::tempPath() const
{
    return m_state->partial;
}

void ExportWriter::commit()
{
    finish();
    publishTemp(m_state->partial, m_state->target);
    m_state->committed = true;
}

const std::string& ExportWriter::target() const { return m_state->target; }

void commitAll(std::vector<std::unique_ptr<ExportWriter>>& writers)
{
    for (auto& w : writers)
        w->finish();
    for (size_t i = 0; i < writers.size(); ++i) {
        try {
            writers[i]->commit();
        } catch (...) {
            std::error_code ec;
            for (size_t j = 0; j < i; ++j)
                std::filesystem::remove(writers[j]->target(), ec);
            throw;
        }
    }
}

} // namespace qx

#pragma once
// The file side of an export: a temporary file beside the target with a name unique to this writer
// (common/atomic_file.h), written by a writer thread while the caller produces the next tensor, then
// fsync'ed, verified by the caller if it wishes (finish() then tempPath()), and renamed over the target.
//
// Memory: at most kBuffersInFlight owned buffers exist at a time (one being filled, one being written);
// takeBuffer blocks until one is free. Bytes that already exist (a tensor copied unchanged from the
// source's mapping) are written straight from there. Writeback is started after every piece
// (sync_file_range), so the final fsync has little left to do; the space is reserved up front
// (posix_fallocate), so a full disk fails before any tensor is computed.
//
// Crash safety: the target path only ever appears by rename(2) of a complete, fsync'ed file. Two exports
// to one target never share a temporary file. A process killed mid-way leaves its `<target>.XXXXXX.partial`
// (never the target); any failure or cancellation that unwinds removes it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace qx {

class ExportWriter {
public:
    static constexpr int kBuffersInFlight = 2;

    /// Creates the temporary file and reserves `totalBytes`. Error(Io) "cannot create" /
    /// "not enough free space" naming the target.
    ExportWriter(const std::string& target, uint64_t totalBytes);
    /// Without commit(): stops the writer thread and removes the partial file.
    ~ExportWriter();
    ExportWriter(const ExportWriter&) = delete;
    ExportWriter& operator=(const ExportWriter&) = delete;

    /// A zeroed buffer of `n` bytes to fill and pass to submit (waits while kBuffersInFlight are in use).
    std::vector<std::byte> takeBuffer(size_t n);
    /// Queues `buffer` followed by `zeroPad` zero bytes at the current end of the file.
    void submit(std::vector<std::byte> buffer, size_t zeroPad);
    /// Queues bytes the caller keeps alive until commit(); `written` runs on the writer thread afterwards.
    void submitView(std::span<const std::byte> bytes, size_t zeroPad, std::function<void()> written = {});
    /// Waits for all writes, fsyncs and closes the temporary file (still at tempPath(); its buffers are
    /// freed). Error(Io) on failure.
    void finish();
    /// finish() if not done, then renames over the target and syncs the directory. Error(Io) on failure.
    void commit();
    /// Where the bytes are until commit().
    const std::string& tempPath() const;
    /// The file this writer produces.
    const std::string& target() const;

    /// Bytes queued so far.
    uint64_t offset() const { return m_offset; }

private:
    struct State;
    std::unique_ptr<State> m_state;
    uint64_t m_offset = 0;
};

/// Commits several finished writers (a split export): all targets appear, or — when a rename fails — the
/// ones already renamed are removed again and the error is thrown.
void commitAll(std::vector<std::unique_ptr<ExportWriter>>& writers);

} // namespace qx

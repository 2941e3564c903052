#pragma once
// The one way every file we produce reaches the disk: written under a temporary name unique to this writer
// in the target's folder (`<target>.<random>.partial`), flushed with fsync, and renamed over the target.
// Until the rename the target keeps its old bytes, whatever happens (full disk, a second writer aimed at
// the same target, a crash); a writer destroyed without commit() removes its temporary file, and the
// temporary files of writers that were killed are removed by the next writer to the same target (a live
// writer holds a lock on its file, a dead one does not). Errors are
// Error(Io) naming the target with the reason from errno ("cannot write: No space left on device").
//
// The file mode is the existing target's, or 0666 minus the umask for a new file (what a plain open()
// would give), so replacing a file does not change who may read it.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qx {

/// A created, empty temporary file beside `target`: its descriptor and path, and a second descriptor that
/// holds the writer's lock until the caller closes it after the rename or the removal (both owned by the caller).
struct TempBeside {
    int fd = -1;
    int lockFd = -1;
    std::string path;
};

/// Creates `<target>.<random>.partial` with the mode the target should get. Error(Io) naming the target.
TempBeside createTempBeside(const std::string& target);
/// Renames `temp` over `target` and syncs the folder. Error(Io) naming the target; `temp` is left to the caller.
void publishTemp(const std::string& temp, const std::string& target);

class AtomicFile {
public:
    /// Creates the temporary file beside `target`. Error(Io) "cannot create …" naming the target.
    explicit AtomicFile(std::string target);
    /// Without commit(): closes and removes the temporary file; the target is untouched.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Appends bytes (buffered). Error(Io) with the errno reason.
    void write(std::span<const std::byte> bytes);
    void write(std::string_view text) { write(std::as_bytes(std::span(text.data(), text.size()))); }
    /// Flushes, fsyncs and closes the temporary file, which stays at tempPath() (e.g. to verify it).
    void finish();
    /// finish() if not done, then renames over the target. After this the destructor removes nothing.
    void commit();

    const std::string& target() const { return m_target; }
    const std::string& tempPath() const { return m_temp; }

private:
    void writeAll(const std::byte* p, size_t n);
    void flushBuffer();
    [[noreturn]] void fail(const std::string& what, int error) const;

    std::string m_target, m_temp;
    int m_fd = -1, m_lockFd = -1;
    std::vector<std::byte> m_buffer;
    bool m_committed = false;
};

/// Writes `bytes` to `path` through an AtomicFile.
void writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace qx

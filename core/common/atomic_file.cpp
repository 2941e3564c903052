#include "common/atomic_file.h"

#include "common/error.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace qx {
namespace {

namespace fs = std::filesystem;

constexpr size_t kBufferBytes = size_t(1) << 20;
constexpr size_t kLongestOwnName = 200;   // a longer target name would make the temporary name exceed NAME_MAX

/// The process umask, read without changing it (umask(2) would race with other threads creating files).
mode_t currentUmask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("Umask:", 0) == 0)
            return mode_t(std::strtoul(line.c_str() + 6, nullptr, 8));
    return 022;
}

mode_t modeFor(const std::string& target)
{
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    return 0666 & ~currentUmask();
}

std::string reason(int error)
{
    return std::strerror(error);
}

void syncFolderOf(const std::string& path)
{
    const fs::path dir = fs::absolute(path).parent_path();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);   // best effort: the data are already durable
        ::close(fd);
    }
}

/// Removes temporary files of earlier writers to `target` that died (killed, power loss): every writer holds
/// an exclusive lock on its temporary file while it lives, so a sibling that can be locked has no owner —
/// unless it was created a moment ago: a writer creates its file, then locks it, and another writer in that
/// gap would take it for abandoned. A sibling changed within the last kAbandonedAfter is left alone.
constexpr auto kAbandonedAfter = std::chrono::seconds(10);

void removeAbandonedSiblings(const std::string& target, const std::string& own)
{
    const fs::path t(target);
    const std::string prefix = t.filename().string() + ".";
    std::error_code ec;
    const fs::path dir = t.parent_path().empty() ? fs::path(".") : t.parent_path();
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const bool sibling = name.size() == prefix.size() + 6 + 8 && name.rfind(prefix, 0) == 0 && name.ends_with(".partial");
        if (!sibling || entry.path().string() == own)
            continue;
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            continue;
        struct stat st {};
        const bool stale = ::fstat(fd, &st) == 0
                         && std::chrono::system_clock::now() - std::chrono::system_clock::from_time_t(st.st_mtime)
                                > kAbandonedAfter;
        if (stale && ::flock(fd, LOCK_EX | LOCK_NB) == 0)
            ::unlink(entry.path().c_str());
        ::close(fd);
    }
}

} // namespace

TempBeside createTempBeside(const std::string& target)
{
    const fs::path t(target);
    const std::string own = t.filename().string();
    std::string pattern = own.size() <= kLongestOwnName ? target + ".XXXXXX.partial"
                                                        : (t.parent_path() / ".qx-XXXXXX.partial").string();
    const int fd = ::mkostemps(pattern.data(), 8, O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorCode::Io, target, kNoOffset, "cannot create a file beside it: " + reason(errno));
    ::flock(fd, LOCK_EX);   // held until the descriptor closes: marks the file as having a live writer
    if (own.size() <= kLongestOwnName)
        removeAbandonedSiblings(target, pattern);
    if (::fchmod(fd, modeFor(target)) != 0) {
        const int e = errno;
        ::unlink(pattern.c_str());
        ::close(fd);
        throw Error(ErrorCode::Io, target, kNoOffset, "cannot set the file mode: " + reason(e));
    }
    return {fd, ::dup(fd), pattern};
}

void publishTemp(const std::string& temp, const std::string& target)
{
    if (std::rename(temp.c_str(), target.c_str()) != 0)
        throw Error(ErrorCode::Io, target, kNoOffset, "cannot rename the finished file over it: " + reason(errno));
    syncFolderOf(target);
}

AtomicFile::AtomicFile(std::string target) : m_target(std::move(target))
{
    TempBeside temp = createTempBeside(m_target);
    m_fd = temp.fd;
    m_lockFd = temp.lockFd;
    m_temp = std::move(temp.path);
    m_buffer.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed)
        ::unlink(m_temp.c_str());
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

void AtomicFile::fail(const std::string& what, int error) const
{
    throw Error(ErrorCode::Io, m_target, kNoOffset, what + ": " + reason(error));
}

void AtomicFile::writeAll(const std::byte* p, size_t n)
{
    while (n > 0) {
        const ssize_t w = ::write(m_fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            fail("cannot write", w == 0 ? EIO : errno);
        p += w;
        n -= size_t(w);
    }
}

void AtomicFile::flushBuffer()
{
    writeAll(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
}

void AtomicFile::write(std::span<const std::byte> bytes)
{
    if (m_fd < 0)
        throw Error(ErrorCode::Io, m_target, kNoOffset, "cannot write: the file is already finished");
    if (m_buffer.size() + bytes.size() > kBufferBytes)
        flushBuffer();
    if (bytes.size() >= kBufferBytes) {
        writeAll(bytes.data(), bytes.size());
        return;
    }
    m_buffer.insert(m_buffer.end(), bytes.begin(), bytes.end());
}

void AtomicFile::finish()
{
    if (m_fd < 0)
        return;
    flushBuffer();
    if (::fsync(m_fd) != 0)
        fail("cannot flush to disk", errno);
    const int rc = ::close(m_fd);
    m_fd = -1;
    if (rc != 0)
        fail("cannot close", errno);
}

void AtomicFile::commit()
{
    finish();
    publishTemp(m_temp, m_target);
    m_committed = true;
}

void writeFileAtomically(const std::string& path, std::string_view bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace qx

#include "model/activation_store.h"

#include "common/error.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

namespace qx {
namespace {

uint64_t pageSize() { return static_cast<uint64_t>(::sysconf(_SC_PAGESIZE)); }

// An unlinked file of `bytes` in `dir`, its blocks reserved; returns the descriptor.
int scratchFile(const std::string& dir, uint64_t bytes)
{
    std::string name = dir + "/qexplore-activations-XXXXXX";
    std::vector<char> path(name.begin(), name.end());
    path.push_back('\0');
    const int fd = ::mkstemp(path.data());
    if (fd < 0)
        throw Error(ErrorCode::Io, dir, kNoOffset,
                    std::string("cannot create a scratch file for activations: ") + std::strerror(errno));
    ::unlink(path.data());
    if (const int err = ::posix_fallocate(fd, 0, static_cast<off_t>(bytes)); err != 0) {
        ::close(fd);
        throw Error(ErrorCode::Io, dir, kNoOffset,
                    "cannot reserve " + std::to_string(bytes >> 20) + " MiB of scratch space for activations: "
                        + std::strerror(err));
    }
    return fd;
}

} // namespace

ActivationStore::ActivationStore(int64_t rows, int64_t cols, const std::string& spillDir)
    : m_rows(rows), m_cols(cols), m_spilled(!spillDir.empty())
{
    if (rows <= 0 || cols <= 0)
        throw Error(ErrorCode::InvalidArgument, "activation store of " + std::to_string(rows) + " × "
                                                    + std::to_string(cols) + " values");
    m_mappedBytes = (bytes() + pageSize() - 1) / pageSize() * pageSize();
    void* p = MAP_FAILED;
    if (m_spilled) {
        const int fd = scratchFile(spillDir, m_mappedBytes);
        p = ::mmap(nullptr, m_mappedBytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        ::close(fd);
    } else {
        p = ::mmap(nullptr, m_mappedBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    }
    if (p == MAP_FAILED)
        throw Error(ErrorCode::Io, spillDir, kNoOffset,
                    "cannot map " + std::to_string(m_mappedBytes >> 20) + " MiB of activations: " + std::strerror(errno));
    m_data = static_cast<float*>(p);
}

ActivationStore::~ActivationStore() { unmap(); }

ActivationStore::ActivationStore(ActivationStore&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_rows(other.m_rows), m_cols(other.m_cols),
      m_mappedBytes(other.m_mappedBytes), m_spilled(other.m_spilled)
{
}

ActivationStore& ActivationStore::operator=(ActivationStore&& other) noexcept
{
    if (this != &other) {
        unmap();
        m_data = std::exchange(other.m_data, nullptr);
        m_rows = other.m_rows, m_cols = other.m_cols;
        m_mappedBytes = other.m_mappedBytes;
        m_spilled = other.m_spilled;
    }
    return *this;
}

void ActivationStore::unmap()
{
    if (m_data)
        ::munmap(m_data, m_mappedBytes);
    m_data = nullptr;
}

void ActivationStore::release(int64_t first, int64_t count)
{
    if (!m_spilled || count <= 0)
        return;
    // Only whole pages inside the range: a page shared with rows still in use must stay. For a shared file
    // mapping MADV_DONTNEED keeps the data (the page cache holds it and writes it back).
    const uint64_t page = pageSize();
    const uint64_t begin = (uint64_t(first) * uint64_t(m_cols) * sizeof(float) + page - 1) / page * page;
    const uint64_t end = uint64_t(first + count) * uint64_t(m_cols) * sizeof(float) / page * page;
    if (end > begin)
        ::madvise(reinterpret_cast<char*>(m_data) + begin, end - begin, MADV_DONTNEED);
}

} // namespace qx

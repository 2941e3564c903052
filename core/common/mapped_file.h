#pragma once
// A read-only memory map of a whole file. Tensor data handed out by the readers are views into it, so the
// mapping must outlive them: readers keep a std::shared_ptr<const MappedFile> next to every view.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace qx {

class MappedFile {
public:
    /// Maps `path` read-only. Throws qx::Error(Io) naming the file when it cannot be opened or mapped.
    static std::shared_ptr<const MappedFile> open(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const std::string& path() const { return m_path; }
    uint64_t size() const { return m_size; }
    const std::byte* data() const { return m_data; }
    std::span<const std::byte> bytes() const { return {m_data, static_cast<size_t>(m_size)}; }

private:
    MappedFile() = default;
    std::string m_path;
    const std::byte* m_data = nullptr;
    uint64_t m_size = 0;
};

} // namespace qx

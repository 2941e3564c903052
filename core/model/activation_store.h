#pragma once
// The residual stream of every token in flight: rows × cols floats (one row per token, nEmbd wide), kept
// between the blocks of a streamed evaluation. In memory, or — when it does not fit the memory budget —
// spilled to an unlinked scratch file that is mapped shared: the engine walks the rows sub-batch by
// sub-batch and releases each range when done with it, so only the sub-batch in use stays resident and the
// kernel writes the rest back to the file. The file's space is reserved up front (a full disk is an error
// here, never a crash later), and it disappears with the store.

#include <cstdint>
#include <string>

namespace qx {

class ActivationStore {
public:
    /// `rows` rows of `cols` floats, zero-filled lazily. With a non-empty `spillDir` the rows live in a
    /// scratch file there. Throws Error(Io) naming the folder when the file cannot be made or reserved.
    ActivationStore(int64_t rows, int64_t cols, const std::string& spillDir = {});
    ~ActivationStore();
    ActivationStore(ActivationStore&& other) noexcept;
    ActivationStore& operator=(ActivationStore&& other) noexcept;
    ActivationStore(const ActivationStore&) = delete;
    ActivationStore& operator=(const ActivationStore&) = delete;

    int64_t rowCount() const { return m_rows; }
    int64_t cols() const { return m_cols; }
    bool spilled() const { return m_spilled; }
    /// Bytes of all rows.
    uint64_t bytes() const { return uint64_t(m_rows) * uint64_t(m_cols) * sizeof(float); }

    float* row(int64_t r) { return m_data + r * m_cols; }
    const float* row(int64_t r) const { return m_data + r * m_cols; }
    /// Rows [first, first + count) are not needed for a while: a spilled store drops them from memory.
    void release(int64_t first, int64_t count);

private:
    void unmap();

    float* m_data = nullptr;
    int64_t m_rows = 0, m_cols = 0;
    uint64_t m_mappedBytes = 0;
    bool m_spilled = false;
};

} // namespace qx

#pragma once
// Caching captured calibration statistics per (model, text, settings), so repeated runs and the GUI do
// not recapture.
//
// Key: calibCacheKey() — model path, size and modification time, a 64-bit FNV-1a hash of the calibration
// text, nCtx, maxChunks, BOS and whether Hessians were wanted, plus a format version.
// File (little-endian): "QXCALIB1", u32 key length + key bytes, u64 layer count, then per layer
// u32 name length + name, i64 cols, i64 samples, u64 n + n f64 (hessian), u64 n + n f32 (meanAbs),
// u64 n + n f32 (maxAbs). Files are written to PATH.partial and renamed. A file holding another key is
// a miss; a truncated or inconsistent file throws Error(Invalid).

#include "calib/calib_capture.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace qx {

/// The cache key of one capture (see top of file).
std::string calibCacheKey(const std::string& modelPath, const std::string& calibText, const CalibOptions& options);

/// A file name for `key` inside `dir`: calib-<16 hex digits>.bin.
std::string calibCachePath(const std::string& dir, const std::string& key);

/// Writes `data` under `key` (Error(Io) on failure; no partial file is left).
void saveCalibData(const std::string& path, const std::string& key, const CalibData& data);

/// The statistics stored under `key`, or nullopt when the file is absent or holds another key.
std::optional<CalibData> loadCalibData(const std::string& path, const std::string& key);

/// In-memory cache of captures shared by jobs (thread-safe).
class CalibCache {
public:
    /// The capture stored under `key`, or nullptr.
    std::shared_ptr<const CalibData> find(const std::string& key) const;
    /// Stores a capture (replacing any under the same key).
    void put(const std::string& key, std::shared_ptr<const CalibData> data);

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const CalibData>> m_entries;
};

} // namespace qx

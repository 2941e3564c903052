#pragma once
// Human-readable numbers for the UI: byte sizes, parameter counts, shapes.

#include <QString>

#include <cstdint>
#include <vector>

namespace qx::ui {

/// 1536 -> "1.50 KiB", 13476839424 -> "12.55 GiB" (binary units, as file managers show them); the decimal
/// point follows the user's locale, digits are never grouped.
QString formatBytes(uint64_t bytes);
/// 6738415616 -> "6.74 B", 260000 -> "260 K".
QString formatCount(uint64_t count);
/// ggml order {64, 512} -> "64 × 512".
QString formatShape(const std::vector<int64_t>& ne);

} // namespace qx::ui

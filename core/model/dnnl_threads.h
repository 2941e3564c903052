#pragma once
// oneDNN here runs on OpenMP; its thread count is a per-thread OpenMP setting (internal to core/model).

namespace qx::detail {

/// Sets the OpenMP thread count of the calling thread (no-op for threads <= 0 or without OpenMP).
void setOmpThreads(int threads);

} // namespace qx::detail

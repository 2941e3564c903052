#pragma once
// oneDNN here runs on OpenMP; its thread count is a per-thread OpenMP setting (internal to core/model).

namespace qx::detail {

/// Sets the OpenMP thread count of the calling thread, capped at the hardware threads (no-op for threads <= 0).
void setOmpThreads(int threads);

} // namespace qx::detail

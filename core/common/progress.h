#pragma once
#include <functional>

namespace qx {

/// Long-running core functions report progress in [0, 1]; returning false asks them to stop, after which
/// they throw Error(ErrorCode::Cancelled) and leave no partial result behind.
using ProgressFn = std::function<bool(double fraction)>;

} // namespace qx

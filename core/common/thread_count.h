#pragma once
// How many threads a computation uses, decided in one place for the CLI, the GUI and the core. A request
// of 0 (or less) means "every hardware thread"; a request beyond what the machine has is capped there
// (more OpenMP threads than cores only adds contention, and libgomp crashes on absurd counts).

namespace qx {

/// Hardware threads this process may run on (its CPU affinity; at least 1).
int hardwareThreads();

/// Threads to use when `requested` is asked for: 0 or less = every hardware thread, otherwise
/// `requested` capped at hardwareThreads().
int resolveThreadCount(int requested);

/// The same for a job that runs beside an interactive thread (the GUI): "every hardware thread" leaves
/// one core to the interface, because OpenMP workers spin and would starve it otherwise.
int resolveInteractiveThreadCount(int requested);

} // namespace qx

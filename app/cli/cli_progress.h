#pragma once
// Progress and Ctrl-C for long CLI commands. Progress is one self-overwriting stderr line. Ctrl-C: the SIGINT handler only sets a flag; the command's progress callback sees
// it and returns false, the core throws Error(Cancelled) and cleans up, and the command exits with 130
// (128 + SIGINT, as a shell reports a process killed by Ctrl-C). A second Ctrl-C ends the process at once.

#include "common/progress.h"

namespace qx::cli {

/// Installs the SIGINT handler (idempotent).
void installInterruptHandler();
/// True once Ctrl-C was pressed.
bool interruptRequested();
/// `inner` (may be empty) that also returns false once Ctrl-C was pressed.
ProgressFn cancellable(ProgressFn inner);
/// "\rWHAT:  42.0% (1.2 s, ETA 1.6 s)" on stderr at every call, a newline at 100 %.
ProgressFn progressPrinter(const char* what);
/// Prints "qexplore-cli COMMAND: cancelled, no output written" to stderr and returns 130.
int reportCancelled(const char* command);

} // namespace qx::cli

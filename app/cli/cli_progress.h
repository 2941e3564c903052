#pragma once
// Progress, notes and interruption for every qexplore-cli command.
//
// Progress: one self-overwriting stderr line, only when stderr is a terminal and --quiet was not given.
// Notes: what a command tells about its work on stderr (not results, not errors); --quiet silences them.
// Interruption: SIGINT and SIGTERM are blocked in every thread but one, which waits for them and sets one
// flag (no compute thread is ever interrupted by a signal). Once a command has made a progress callback (it
// watches the flag), that callback returns false, the core throws Error(Cancelled) and cleans up, and
// cli_main exits with 130 ("cancelled, no output written"). Before that — or in a command with no long work —
// the signal ends the process at once with 130. A second signal always ends it at once.

#include "common/progress.h"

#include <string>

namespace qx::cli {

/// Installs the SIGINT/SIGTERM handlers for `command` (cli_main, before the command runs).
void installInterruptHandlers(const std::string& command);
/// True once SIGINT or SIGTERM arrived.
bool interruptRequested();
/// Throws Error(Cancelled) once interrupted: for loops whose callbacks cannot return false (training steps).
void throwIfInterrupted();

/// The progress callback of a long command: "\rWHAT:  42.0% (1.2 s, ETA 1.6 s)" on a terminal, nothing
/// otherwise; returns false once interrupted. Creating one makes the command watch the interrupt flag.
ProgressFn progressPrinter(std::string what);
/// `inner` (may be empty) that also returns false once interrupted, and makes the command watch the flag.
ProgressFn cancellable(ProgressFn inner);

/// --quiet: no progress and no notes.
void setQuiet(bool quiet);
bool quiet();
/// printf to stderr unless --quiet (ends an open progress line first).
void note(const char* format, ...) __attribute__((format(printf, 1, 2)));
/// Ends an open progress line, so that an error message starts on a line of its own.
void endProgressLine();

} // namespace qx::cli

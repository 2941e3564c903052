#pragma once
// OpenMP (the engine's one thread pool, common/parallel_for.h) lets idle pool threads spin for a while by
// default, waiting for the next parallel region. On an idle machine that saves a few microseconds per
// region; on a busy one (a build next door, the GUI's own thread) the spinning threads hold the cores the
// work needs: a perplexity run took 15 times as long at a load average of 20 (121 s against 8 s). libgomp
// reads its wait policy once, from the environment, before main() runs — so the executables start
// themselves again with OMP_WAIT_POLICY=PASSIVE, unless the user chose a policy.

namespace qx {

/// Re-executes the running program (same arguments and process id) with OMP_WAIT_POLICY=PASSIVE when
/// neither OMP_WAIT_POLICY nor GOMP_SPINCOUNT is set; returns without doing anything otherwise, or when
/// the program cannot be started again.
void restartWithPassiveOpenMpWait(char** argv);

} // namespace qx

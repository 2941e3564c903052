#pragma once
// Two run-time libraries read settings that matter to us from the environment, once, before main() runs:
// - OpenMP (the engine's one thread pool, common/parallel_for.h) lets idle pool threads spin for a while by
//   default, waiting for the next parallel region. On an idle machine that saves a few microseconds per
//   region; on a busy one (a build next door, the GUI's own thread) the spinning threads hold the cores the
//   work needs: a perplexity run took 15 times as long at a load average of 20 (121 s against 8 s).
//   We want OMP_WAIT_POLICY=PASSIVE.
// - glibc's malloc gives every large buffer fresh 4 KiB pages, and the first touch of each is a page fault.
//   On virtual machines a fault costs 10–15 µs: writing 1 GB of new memory took 3.7 s, against 0.1 s on
//   transparent huge pages. A GPTQ block at 7B width allocates GBs of matrices and spent a third of its time
//   in faults; the streamed evaluation's buffers too. With the tunable glibc.malloc.hugetlb=1 (glibc ≥ 2.35)
//   malloc asks the kernel for huge pages on its large mappings (madvise, so it also works where the
//   system's policy is "madvise", Debian's default).
// So the executables start themselves again with both set, unless the user set them.

#include <optional>
#include <string>

namespace qx {

/// Re-executes the running program (same arguments and process id) with OMP_WAIT_POLICY=PASSIVE and
/// glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, each unless already chosen (OMP_WAIT_POLICY or
/// GOMP_SPINCOUNT set; a hugetlb tunable present). Returns without doing anything when nothing is to be
/// added or the program cannot be started again.
void restartWithRuntimeSettings(char** argv);

/// The GLIBC_TUNABLES value that adds glibc.malloc.hugetlb=1 to `current` (null: unset), or nullopt when
/// `current` already chooses a hugetlb setting.
std::optional<std::string> tunablesWithHugePages(const char* current);

} // namespace qx

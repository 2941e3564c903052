#pragma once
// Runs a program as a child process for the side-by-side benches: wall time, CPU time (user + system of
// all its threads), peak resident memory (ru_maxrss), peak private memory (RssAnon sampled every 20 ms),
// exit code and everything it printed (stdout and stderr).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace qx::bench {

struct ChildRun {
    double seconds = 0, cpuSeconds = 0, peakRssMb = 0, peakPrivateMb = 0;
    int exitCode = 0;
    std::string output;
};

/// RssAnon of a live process in MB (0 when it is gone).
inline double privateMb(pid_t pid)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("RssAnon:", 0) == 0)
            return std::atof(line.c_str() + 8) / 1024.0;
    return 0;
}

/// Runs argv (argv[0] a path) with stdout and stderr into a temporary file, sampling its private memory.
inline ChildRun runChild(const std::vector<std::string>& argv)
{
    char path[] = "/tmp/qx-bench-XXXXXX";
    const int fd = ::mkstemp(path);
    ChildRun f;
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<char*> args;
        for (const std::string& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        std::perror("execv");
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    while (::wait4(pid, &status, WNOHANG, &usage) == 0) {
        f.peakPrivateMb = std::max(f.peakPrivateMb, privateMb(pid));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const auto toSeconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    f.cpuSeconds = toSeconds(usage.ru_utime) + toSeconds(usage.ru_stime);
    f.peakRssMb = double(usage.ru_maxrss) / 1024.0;
    f.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    f.output = text.str();
    ::close(fd);
    ::unlink(path);
    return f;
}

/// The last n lines of text.
inline std::string lastLines(const std::string& text, int n)
{
    size_t at = text.size();
    for (int i = 0; i <= n && at != std::string::npos && at > 0; ++i)
        at = text.rfind('\n', at - 1);
    return at == std::string::npos ? text : text.substr(at + 1);
}

} // namespace qx::bench

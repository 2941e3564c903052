// qexplore-cli: finds the sub-command, runs it, and turns its outcome into one of four exit codes:
//   0 done, 1 failed (the error on stderr), 2 usage error (with the --help hint), 130 interrupted.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "common/runtime_settings.h"

#include "common/error.h"

#include <algorithm>
#include <new>
#include <cstdio>
#include <exception>

namespace qx::cli {

std::vector<CliCommand>& commandRegistry()
{
    static std::vector<CliCommand> commands;
    return commands;
}

} // namespace qx::cli

namespace {

constexpr int kExitFailed = 1, kExitUsage = 2, kExitInterrupted = 130;

void printUsage()
{
    std::printf("Usage: qexplore-cli COMMAND [ARGS...]\n\nLook inside LLM files and decide how to quantize them.\n\nCommands:\n");
    auto commands = qx::cli::commandRegistry();
    std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : commands)
        std::printf("  %-12s %s\n", c.name.c_str(), c.summary.c_str());
    std::printf("\nA MODEL argument may be :demo, the built-in demo model (its own held-out text is the default\n"
                "text of ppl, sensitivity and solve; its training stories that of imatrix and quantize).\n"
                "Run 'qexplore-cli COMMAND --help' for a command's options.\n"
                "Exit codes: 0 done, 1 failed, 2 usage error, 130 interrupted (Ctrl-C or SIGTERM).\n");
}

int interrupted(const std::string& name)
{
    qx::cli::endProgressLine();
    std::fprintf(stderr, "qexplore-cli %s: cancelled, no output written\n", name.c_str());
    return kExitInterrupted;
}

int failed(const std::string& name, const char* what)
{
    qx::cli::endProgressLine();
    std::fprintf(stderr, "qexplore-cli %s: error: %s\n", name.c_str(), what);
    return kExitFailed;
}

/// Runs one command; every way it can end maps to an exit code here and nowhere else.
int runCommand(const qx::cli::CliCommand& command, const std::vector<std::string>& args)
{
    const std::string& name = command.name;
    try {
        return command.run(args);
    } catch (const qx::cli::CommandExit& e) {
        return e.code;
    } catch (const qx::cli::UsageError& e) {
        qx::cli::endProgressLine();
        std::fprintf(stderr, "qexplore-cli %s: %s (%s)\n", name.c_str(), e.what(), qx::cli::helpHint(name).c_str());
        return kExitUsage;
    } catch (const qx::Error& e) {
        if (e.code() == qx::ErrorCode::Cancelled || qx::cli::interruptRequested())
            return interrupted(name);
        return failed(name, e.what());
    } catch (const std::bad_alloc&) {
        // the last resort: allocations that depend on the input are predicted and refused before this
        const std::string what = "out of memory: '" + name + "' needed more memory than the machine could give "
                                 "(try a smaller context, fewer chunks or a smaller model)";
        return qx::cli::interruptRequested() ? interrupted(name) : failed(name, what.c_str());
    } catch (const std::exception& e) {
        return qx::cli::interruptRequested() ? interrupted(name) : failed(name, e.what());
    }
}

} // namespace

int main(int argc, char** argv)
{
    qx::restartWithRuntimeSettings(argv); // passive OpenMP wait, huge pages for large buffers
    if (argc < 2) {
        printUsage();
        return kExitUsage;
    }
    const std::string name = argv[1];
    qx::cli::installInterruptHandlers(name);
    if (name == "-h" || name == "--help" || name == "help") {
        printUsage();
        return 0;
    }
    if (name == "--version") {
        std::printf("qexplore-cli %s\n", QEXPLORE_VERSION);
        return 0;
    }
    for (const auto& command : qx::cli::commandRegistry())
        if (command.name == name)
            return runCommand(command, std::vector<std::string>(argv + 2, argv + argc));
    std::fprintf(stderr, "qexplore-cli: unknown command '%s' (run 'qexplore-cli --help')\n", name.c_str());
    return kExitUsage;
}

#pragma once
// qexplore-cli sub-commands register themselves: each app/cli/cmd_*.cpp defines one command and a static
// CliRegistrar, so commands can be added without touching a central list. A command reads its arguments
// with a CommandLine (command_line.h) and reports progress through cli_progress.h.

#include <string>
#include <vector>

namespace qx::cli {

struct CliCommand {
    std::string name;
    std::string summary;   ///< one line for `qexplore-cli --help`
    /// Runs the command on its arguments (argv after the command name) and returns the exit code; may throw
    /// CommandExit, UsageError (2), qx::Error with ErrorCode::Cancelled (130) or any other exception (1).
    int (*run)(const std::vector<std::string>& args);
};

std::vector<CliCommand>& commandRegistry();

struct CliRegistrar {
    explicit CliRegistrar(CliCommand command) { commandRegistry().push_back(std::move(command)); }
};

} // namespace qx::cli

#pragma once
// qexplore-cli sub-commands register themselves: each app/cli/cmd_*.cpp defines one command and a static
// CliRegistrar, so commands can be added without touching a central list.

#include <cstdint>
#include <string>
#include <vector>

namespace qx::cli {

struct CliCommand {
    std::string name;
    std::string summary;   ///< one line for `qexplore-cli --help`
    /// Runs the command on its arguments (argv after the command name). Returns the process exit code.
    int (*run)(const std::vector<std::string>& args);
};

std::vector<CliCommand>& commandRegistry();

struct CliRegistrar {
    explicit CliRegistrar(CliCommand command) { commandRegistry().push_back(std::move(command)); }
};

/// True when args contain -h or --help.
bool wantsHelp(const std::vector<std::string>& args);

/// The whole of `value` as an integer / a number; otherwise qx::Error naming `option`.
int64_t optionInt(const std::string& option, const std::string& value);
double optionNumber(const std::string& option, const std::string& value);

} // namespace qx::cli

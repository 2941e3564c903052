#include "cli/cli_command.h"

#include "common/error.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>

namespace qx::cli {

std::vector<CliCommand>& commandRegistry()
{
    static std::vector<CliCommand> commands;
    return commands;
}

bool wantsHelp(const std::vector<std::string>& args)
{
    return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "-h" || a == "--help"; });
}

int64_t optionInt(const std::string& option, const std::string& value)
{
    char* end = nullptr;
    const long long v = std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0')
        throw Error(ErrorCode::InvalidArgument, "option " + option + " expects a number, got '" + value + "'");
    return v;
}

double optionNumber(const std::string& option, const std::string& value)
{
    char* end = nullptr;
    const double v = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0')
        throw Error(ErrorCode::InvalidArgument, "option " + option + " expects a number, got '" + value + "'");
    return v;
}

} // namespace qx::cli

namespace {

void printUsage()
{
    std::printf("Usage: qexplore-cli COMMAND [ARGS...]\n\nLook inside LLM files and decide how to quantize them.\n\nCommands:\n");
    auto commands = qx::cli::commandRegistry();
    std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& c : commands)
        std::printf("  %-12s %s\n", c.name.c_str(), c.summary.c_str());
    std::printf("\nA MODEL argument may be :demo, the built-in demo model (its own held-out text is the default\n"
                "text of ppl, sensitivity and solve; its training stories that of imatrix and quantize).\n"
                "Run 'qexplore-cli COMMAND --help' for a command's options.\n");
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        printUsage();
        return 2;
    }
    const std::string name = argv[1];
    if (name == "-h" || name == "--help" || name == "help") {
        printUsage();
        return 0;
    }
    for (const auto& command : qx::cli::commandRegistry()) {
        if (command.name != name)
            continue;
        std::vector<std::string> args(argv + 2, argv + argc);
        try {
            return command.run(args);
        } catch (const qx::Error& e) {
            std::fprintf(stderr, "qexplore-cli %s: error: %s\n", name.c_str(), e.what());
            return 1;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "qexplore-cli %s: error: %s\n", name.c_str(), e.what());
            return 1;
        }
    }
    std::fprintf(stderr, "qexplore-cli: unknown command '%s'\n\n", name.c_str());
    printUsage();
    return 2;
}

#pragma once
// The command line of every qexplore-cli sub-command, on CLI11, so that all of them behave alike:
//   --opt value and --opt=value; -h/--help prints the usage, the description and every option with its
//   aliases; --version; --quiet (no progress and no notes on stderr); -m/--model for the positional MODEL.
//   An unknown option, a missing or bad value, or options that exclude each other print one line on
//   stderr, "qexplore-cli CMD: PROBLEM (run 'qexplore-cli CMD --help')", and end with exit code 2.
// Exit codes (cli_main.cpp): 0 done, 1 failed, 2 usage error, 130 interrupted (Ctrl-C or SIGTERM).
//
//     CommandLine cl("ppl", "MODEL -f TEXT [-c N]", "Perplexity as llama-perplexity computes it.");
//     cl.addModel(a.model);
//     cl.app().add_option("-c,--ctx-size", a.nCtx, "tokens per chunk (default 512)")->type_name("N");
//     cl.parse(args);   // prints --help / --version / errors and throws CommandExit

#include <CLI/CLI.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace qx::cli {

/// A usage error found after the options were read (options that exclude each other, a missing input):
/// cli_main prints it with the --help hint and exits with 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Ends the command at once with `code` (thrown by CommandLine::parse after it printed what was asked).
struct CommandExit {
    int code = 0;
};

/// The one-line hint every usage error ends with.
std::string helpHint(const std::string& command);

class CommandLine {
public:
    /// `usage`: what follows "Usage: qexplore-cli COMMAND " (lines after the first are indented as given);
    /// `description`: the prose printed after it.
    CommandLine(std::string command, std::string usage, std::string description);

    CLI::App& app() { return m_app; }
    /// MODEL as the positional argument or as -m/--model (llama.cpp's name).
    CLI::Option* addModel(std::string& model, std::string help = "the model: GGUF, safetensors, a Hugging Face folder,\n"
                                                                 "a llama2.c checkpoint, or :demo (the built-in one)");
    /// -t/--threads N (0 = every core). More than the machine has is capped there, with a note.
    CLI::Option* addThreads(int& threads, std::string help = "threads (default: all cores)");
    /// Marks `option` as naming files the command reads (MODEL is marked by addModel).
    CLI::Option* input(CLI::Option* option);
    /// Marks `option` as naming a file the command writes: parse() ends with a usage error when it is the same
    /// file as any input (through ../, symbolic or hard links; common/same_file.h) or as another output.
    CLI::Option* output(CLI::Option* option);
    /// --json: the result as one JSON document on stdout (json_output.h; schemas in docs/cli.md).
    CLI::Option* addJson(bool& json, std::string help = "print the result as one JSON document on stdout\n"
                                                        "(schema: docs/cli.md)");
    /// Text printed after the options by --help.
    void setFooter(std::string footer);
    /// Reads `args` (argv after the command name). --help and --version print and throw CommandExit{0};
    /// a parse error prints one line and throws CommandExit{2}.
    void parse(const std::vector<std::string>& args);

private:
    std::string m_command;
    CLI::App m_app;
    void checkOutputs() const;

    std::vector<CLI::Option*> m_inputs, m_outputs;
    int* m_threads = nullptr;
    bool m_quiet = false;
};

/// Validators whose messages name the value: a number >= 0, a number > 0.
CLI::Validator nonNegative();
CLI::Validator positive();

} // namespace qx::cli

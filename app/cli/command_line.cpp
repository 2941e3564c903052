#include "cli/command_line.h"

#include "cli/cli_progress.h"
#include "common/error.h"
#include "common/same_file.h"
#include "common/thread_count.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>

#ifndef QEXPLORE_VERSION
#error "QEXPLORE_VERSION must be defined by the build"
#endif

namespace qx::cli {
namespace {

constexpr size_t kMaxNameColumn = 30;

/// "-c, --ctx-size N", "[-m, --model] MODEL", "--json": how an option is listed in --help.
std::string optionNames(const CLI::Option& o)
{
    std::string names;
    for (const std::string& s : o.get_snames())
        names += (names.empty() ? "-" : ", -") + s;
    for (const std::string& l : o.get_lnames())
        names += (names.empty() ? "--" : ", --") + l;
    if (o.get_positional())
        return names.empty() ? o.get_name(true) : "[" + names + "] " + o.get_type_name();
    if (o.get_type_size() > 0 && !o.get_type_name().empty())
        names += " " + o.get_type_name();
    return names;
}

/// --help, --version and --quiet: listed after the command's own options.
bool isCommon(const CLI::Option& o)
{
    const auto& l = o.get_lnames();
    return l.size() == 1 && (l[0] == "help" || l[0] == "version" || l[0] == "quiet");
}

/// Help in the project's layout: usage, description, the options in the order they were declared.
class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter(std::string command, std::string usage) : m_command(std::move(command)), m_usage(std::move(usage)) {}

    std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const override
    {
        std::ostringstream out;
        out << "Usage: qexplore-cli " << m_command << (m_usage.empty() ? "" : " " + m_usage) << "\n\n";
        if (!app->get_description().empty())
            out << app->get_description() << "\n\n";
        auto options = app->get_options([](const CLI::Option* o) { return !o->get_group().empty(); });
        std::stable_partition(options.begin(), options.end(), [](const CLI::Option* o) { return !isCommon(*o); });
        size_t width = 0;
        for (const CLI::Option* o : options)
            if (const size_t n = optionNames(*o).size(); n <= kMaxNameColumn)
                width = std::max(width, n);
        out << "Options:\n";
        for (const CLI::Option* o : options)
            out << optionLine(optionNames(*o), o->get_description(), width + 2);
        if (!app->get_footer().empty())
            out << '\n' << app->get_footer() << '\n';
        return out.str();
    }

private:
    static std::string optionLine(const std::string& names, const std::string& description, size_t column)
    {
        std::string line = "  " + names;
        const std::string indent(column + 2, ' ');
        if (names.size() + 2 > column) // too long: the description starts on the next line
            line += "\n" + indent;
        else
            line += std::string(column - names.size(), ' ');
        for (char c : description)
            line += c == '\n' ? "\n" + indent : std::string(1, c);
        return line + "\n";
    }

    std::string m_command, m_usage;
};

/// "Could not convert: --ctx-size = abc" and CLI11's other messages, as one line that names the option.
std::string problemText(const CLI::App& app, const CLI::ParseError& e)
{
    const std::string what = e.what();
    // An unknown option is named first, even when CLI11 stopped earlier at a requirement it left unmet.
    if (const std::vector<std::string> extra = app.remaining(); !extra.empty()) {
        std::string first = extra.front();
        if (first.rfind("--", 0) == 0)
            first = first.substr(0, first.find('='));   // "--bogus=3" names the option --bogus
        return (first.size() > 1 && first[0] == '-' ? "unknown option " : "unexpected argument ") + first;
    }
    if (dynamic_cast<const CLI::ConversionError*>(&e)) {
        const std::string prefix = "Could not convert: ";
        const size_t eq = what.find(" = ");
        if (what.rfind(prefix, 0) == 0 && eq != std::string::npos) {
            const std::string name = what.substr(prefix.size(), eq - prefix.size());
            const CLI::Option* o = app.get_option_no_throw(name);
            return "bad value '" + what.substr(eq + 3) + "' for " + name
                + (o && !o->get_type_name().empty() ? " (expected " + o->get_type_name() + ")" : "");
        }
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e) && what.rfind("--model ", 0) == 0)
        return "no MODEL given";
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
        const std::string name = what.substr(0, what.find(':'));
        if (what.find("missing") != std::string::npos)
            return name + " needs a value";
        if (what.find("At Most") != std::string::npos)
            return name + " given more than once";
    }
    return what;
}

CLI::Validator numberAbove(double limit, bool orEqual, const char* expected)
{
    return CLI::Validator(
        [=](std::string& value) -> std::string {
            char* end = nullptr;
            const double v = std::strtod(value.c_str(), &end);
            const bool ok = !value.empty() && *end == '\0' && (orEqual ? v >= limit : v > limit);
            return ok ? std::string() : "bad value '" + value + "' (expected " + expected + ")";
        },
        "");
}

} // namespace

std::string helpHint(const std::string& command)
{
    return "run 'qexplore-cli " + command + " --help'";
}

CLI::Validator nonNegative()
{
    return numberAbove(0.0, true, "a number >= 0");
}

CLI::Validator positive()
{
    return numberAbove(0.0, false, "a number > 0");
}

CommandLine::CommandLine(std::string command, std::string usage, std::string description)
    : m_command(std::move(command)), m_app(std::move(description), "qexplore-cli " + m_command)
{
    m_app.formatter(std::make_shared<HelpFormatter>(m_command, std::move(usage)));
    m_app.set_help_flag("-h,--help", "this text");
    m_app.set_version_flag("--version", std::string("qexplore-cli ") + QEXPLORE_VERSION, "print the version and exit");
    m_app.add_flag("--quiet", m_quiet, "no progress lines and no notes on stderr (results and errors still print)");
}

CLI::Option* CommandLine::addModel(std::string& model, std::string help)
{
    return input(m_app.add_option("MODEL,-m,--model", model, std::move(help))->type_name("MODEL")->required());
}

CLI::Option* CommandLine::addThreads(int& threads, std::string help)
{
    m_threads = &threads;
    return m_app.add_option("-t,--threads", threads, std::move(help))->type_name("N")->check(nonNegative());
}

CLI::Option* CommandLine::input(CLI::Option* option)
{
    m_inputs.push_back(option);
    return option;
}

CLI::Option* CommandLine::output(CLI::Option* option)
{
    m_outputs.push_back(option);
    return option;
}

void CommandLine::checkOutputs() const
{
    auto named = [](const std::vector<CLI::Option*>& options) {
        std::vector<NamedPath> out;
        for (const CLI::Option* o : options)
            for (const std::string& value : o->results())
                out.push_back({o->get_name(true).empty() ? o->get_name() : o->get_name(true), value});
        return out;
    };
    try {
        refuseOutputOverInput(named(m_outputs), named(m_inputs));
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
}

CLI::Option* CommandLine::addJson(bool& json, std::string help)
{
    return m_app.add_flag("--json", json, std::move(help));
}

void CommandLine::setFooter(std::string footer)
{
    m_app.footer(std::move(footer));
}

void CommandLine::parse(const std::vector<std::string>& args)
{
    std::vector<std::string> reversed(args.rbegin(), args.rend());   // CLI11 consumes from the back
    try {
        m_app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        std::fputs(m_app.help().c_str(), stdout);
        throw CommandExit{0};
    } catch (const CLI::CallForVersion& e) {
        std::printf("%s\n", e.what());
        throw CommandExit{0};
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "qexplore-cli %s: %s (%s)\n", m_command.c_str(), problemText(m_app, e).c_str(),
                     helpHint(m_command).c_str());
        throw CommandExit{2};
    }
    setQuiet(m_quiet);
    checkOutputs();
    if (m_threads && *m_threads > hardwareThreads()) {
        note("qexplore-cli %s: --threads %d capped at %d, the hardware threads of this machine\n", m_command.c_str(),
             *m_threads, hardwareThreads());
        *m_threads = hardwareThreads();
    }
}

} // namespace qx::cli

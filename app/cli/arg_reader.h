#pragma once
// Walks a sub-command's arguments: options that take a value, switches and the one positional MODEL.
// Every command parses the same way, so errors read the same ("option -c needs a value",
// "unknown option --x", "unexpected argument y"):
//
//     ArgReader r(args);
//     while (r.next()) {
//         if (r.is("-f", "--file")) a.textFile = r.value();
//         else if (r.is("--chunks")) a.chunks = r.intValue();
//         else r.positional(a.model);
//     }

#include <cstdint>
#include <string>
#include <vector>

namespace qx::cli {

class ArgReader {
public:
    explicit ArgReader(const std::vector<std::string>& args) : m_args(args) {}

    /// Moves to the next argument; false when none is left.
    bool next();
    /// The current argument.
    const std::string& arg() const { return m_args[m_pos]; }
    /// Whether the current argument is `name` or `alias`.
    bool is(const char* name, const char* alias = nullptr) const;
    /// The argument after the current option (consumed). Throws Error(InvalidArgument) when there is none.
    const std::string& value();
    /// value() as a whole integer / a number, or Error(InvalidArgument) naming the option.
    int64_t intValue();
    double numberValue();
    /// For an argument no option matched: an unknown "-x" is an error; otherwise it fills `slot` when empty
    /// and is an error when `slot` is already set.
    void positional(std::string& slot) const;

private:
    const std::vector<std::string>& m_args;
    size_t m_pos = SIZE_MAX;
};

} // namespace qx::cli

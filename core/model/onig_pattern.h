#pragma once
// A regular expression run by Oniguruma, the engine Hugging Face `tokenizers` uses for tokenizer.json
// patterns (UTF-8, Oniguruma's default syntax, no options), so an expression we have no hand-written
// splitter for still cuts text exactly where `tokenizers` cuts it.
//
// Matches follow the Rust `onig` crate's find_iter, which `tokenizers` relies on: each search starts where
// the previous match ended; an empty match right at the end of the previous match is skipped by moving
// one character on. Searches from several threads may share one pattern.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qx {

class OnigPattern {
public:
    /// Compiles `pattern`; throws Error(Invalid) naming `source` with Oniguruma's message when it does not.
    OnigPattern(const std::string& pattern, const std::string& source);
    ~OnigPattern();
    OnigPattern(const OnigPattern&) = delete;
    OnigPattern& operator=(const OnigPattern&) = delete;

    /// Byte spans [begin, end) of the successive matches in `text`, which must be valid UTF-8. Throws
    /// Error(Unsupported) when Oniguruma gives up (its backtracking limit).
    std::vector<std::pair<size_t, size_t>> findAll(std::string_view text) const;
    const std::string& pattern() const { return m_pattern; }

private:
    struct Compiled;
    std::unique_ptr<Compiled> m_compiled;
    std::string m_pattern, m_source;
};

} // namespace qx

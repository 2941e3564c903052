#include "model/onig_pattern.h"

#include "common/error.h"
#include "model/unicode_text.h"

#include <oniguruma.h>

#include <mutex>

namespace qx {
namespace {

void initOniguruma()
{
    static std::once_flag once;
    std::call_once(once, [] {
        OnigEncoding encodings[] = {ONIG_ENCODING_UTF8};
        onig_initialize(encodings, 1);
    });
}

std::string onigMessage(int code, OnigErrorInfo* info = nullptr)
{
    OnigUChar buf[ONIG_MAX_ERROR_MESSAGE_LEN];
    const int n = info ? onig_error_code_to_str(buf, code, info) : onig_error_code_to_str(buf, code);
    return std::string(reinterpret_cast<const char*>(buf), size_t(std::max(n, 0)));
}

struct RegionDeleter {
    void operator()(OnigRegion* r) const { onig_region_free(r, 1); }
};

} // namespace

struct OnigPattern::Compiled {
    regex_t* regex = nullptr;
    ~Compiled()
    {
        if (regex)
            onig_free(regex);
    }
};

OnigPattern::OnigPattern(const std::string& pattern, const std::string& source)
    : m_compiled(std::make_unique<Compiled>()), m_pattern(pattern), m_source(source)
{
    initOniguruma();
    const auto* begin = reinterpret_cast<const OnigUChar*>(pattern.data());
    OnigErrorInfo info{};
    const int rc = onig_new(&m_compiled->regex, begin, begin + pattern.size(), ONIG_OPTION_NONE, ONIG_ENCODING_UTF8,
                            ONIG_SYNTAX_DEFAULT, &info);
    if (rc != ONIG_NORMAL) {
        m_compiled->regex = nullptr;
        throw Error(ErrorCode::Invalid, source, kNoOffset,
                    "regular expression does not compile (" + onigMessage(rc, &info) + "): " + pattern);
    }
}

OnigPattern::~OnigPattern() = default;

std::vector<std::pair<size_t, size_t>> OnigPattern::findAll(std::string_view text) const
{
    std::vector<std::pair<size_t, size_t>> out;
    std::unique_ptr<OnigRegion, RegionDeleter> region(onig_region_new());
    const auto* str = reinterpret_cast<const OnigUChar*>(text.data());
    const OnigUChar* end = str + text.size();
    size_t from = 0;
    bool haveLast = false;
    size_t lastMatchEnd = 0;
    while (from <= text.size()) {
        onig_region_clear(region.get());
        const int rc = onig_search(m_compiled->regex, str, end, str + from, end, region.get(), ONIG_OPTION_NONE);
        if (rc == ONIG_MISMATCH)
            break;
        if (rc < 0)
            throw Error(ErrorCode::Unsupported, m_source, kNoOffset,
                        "regular expression " + m_pattern + " failed on the text: " + onigMessage(rc));
        const size_t s = size_t(region->beg[0]), e = size_t(region->end[0]);
        if (s == e && haveLast && lastMatchEnd == e) {
            from += from < text.size() ? std::min(unicode::utf8SequenceLength(text[from]), text.size() - from) : 1;
            continue;
        }
        from = lastMatchEnd = e;
        haveLast = true;
        out.emplace_back(s, e);
    }
    return out;
}

} // namespace qx

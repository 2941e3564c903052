#include "cli/arg_reader.h"

#include "cli/cli_command.h"
#include "common/error.h"

#include <cstring>

namespace qx::cli {

bool ArgReader::next()
{
    m_pos = m_pos == SIZE_MAX ? 0 : m_pos + 1;
    return m_pos < m_args.size();
}

bool ArgReader::is(const char* name, const char* alias) const
{
    return arg() == name || (alias && arg() == alias);
}

const std::string& ArgReader::value()
{
    if (m_pos + 1 >= m_args.size())
        throw Error(ErrorCode::InvalidArgument, "option " + arg() + " needs a value");
    ++m_pos;
    return m_args[m_pos];
}

int64_t ArgReader::intValue()
{
    const std::string& option = arg();
    return optionInt(option, value());
}

double ArgReader::numberValue()
{
    const std::string& option = arg();
    return optionNumber(option, value());
}

void ArgReader::positional(std::string& slot) const
{
    const std::string& a = arg();
    if (!a.empty() && a[0] == '-')
        throw Error(ErrorCode::InvalidArgument, "unknown option " + a);
    if (!slot.empty())
        throw Error(ErrorCode::InvalidArgument, "unexpected argument " + a);
    slot = a;
}

} // namespace qx::cli

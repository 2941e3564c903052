#include "cli/json_output.h"

#include <cstdio>

namespace qx::cli {

Json jsonDocument(const std::string& command)
{
    return Json{{"command", command}, {"version", QEXPLORE_VERSION}};
}

Json jsonDocument(const std::string& command, const std::string& fieldsJson)
{
    Json doc = jsonDocument(command);
    Json fields = Json::parse(fieldsJson);
    for (auto& [key, value] : fields.items())
        doc[key] = std::move(value);
    return doc;
}

void printJson(const Json& doc)
{
    const std::string text = doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

} // namespace qx::cli

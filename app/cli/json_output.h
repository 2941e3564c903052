#pragma once
// --json: a result-printing command prints its result as one JSON document on stdout instead of text.
// Every document is an object that starts with {"command": "NAME", "version": "X.Y.Z"}, followed by the
// command's own fields (docs/cli.md lists them). Fields are only ever added, never renamed or removed;
// a number that is not finite prints as null. Progress and notes stay on stderr.

#include <nlohmann/json.hpp>

#include <string>

namespace qx::cli {

using Json = nlohmann::ordered_json;

/// {"command": command, "version": the program's version}: the start of every document.
Json jsonDocument(const std::string& command);
/// The same followed by the fields of `fieldsJson`, an object written by a core report function.
Json jsonDocument(const std::string& command, const std::string& fieldsJson);
/// Prints `doc` on stdout, indented by two spaces, and a newline.
void printJson(const Json& doc);

} // namespace qx::cli

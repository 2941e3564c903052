// `qexplore-cli tokenize`: token ids (and pieces) of a text, with the tokenizer of a model file.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"
#include "cli/json_output.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "common/text_file.h"
#include "model/tokenizer.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace qx::cli {
namespace {

struct Options {
    std::string model, text;
    bool idsOnly = false, addSpecial = true, parseSpecial = true, json = false;
};

Options parseArgs(const std::vector<std::string>& args)
{
    Options o;
    std::string prompt, file;
    bool noBos = false, noParseSpecial = false;
    CommandLine cl("tokenize", "MODEL (-p TEXT | -f FILE) [--ids] [--no-bos] [--no-parse-special] [--json]",
                   "Tokenizes TEXT (or the contents of FILE) with the tokenizer of MODEL: a GGUF file, a Hugging Face\n"
                   "folder (its tokenizer.json) or a tokenizer.json. Prints one line per token, `id -> 'piece'`.");
    CLI::App& app = cl.app();
    cl.addModel(o.model, "a GGUF file, a Hugging Face folder or a tokenizer.json");
    CLI::Option* p = app.add_option("-p,--prompt", prompt, "text to tokenize")->type_name("TEXT");
    app.add_option("-f,--file", file, "read the text from FILE (bytes as they are, no newline stripped)")
        ->type_name("FILE")->excludes(p);
    CLI::Option* ids = app.add_flag("--ids", o.idsOnly, "print only the ids, space-separated on one line");
    cl.addJson(o.json)->excludes(ids);
    app.add_flag("--no-bos", noBos, "do not add the special tokens the model asks for (BOS/EOS, template)");
    app.add_flag("--no-parse-special", noParseSpecial, "treat special-token texts such as <s> as plain text (GGUF)");
    cl.parse(args);
    if (p->count() == 0 && file.empty())
        throw UsageError("give the text with -p TEXT or -f FILE");
    o.addSpecial = !noBos;
    o.parseSpecial = !noParseSpecial;
    if (p->count() > 0)
        o.text = prompt;
    else
        o.text = readTextFile(file);
    return o;
}

void printTokens(const Tokenizer& tok, const std::vector<int32_t>& ids, bool idsOnly)
{
    if (idsOnly) {
        for (size_t i = 0; i < ids.size(); ++i)
            std::printf(i ? " %d" : "%d", ids[i]);
        std::printf("\n");
        return;
    }
    for (int32_t id : ids) {
        const std::string piece = tok.tokenPiece(id);
        std::printf("%6d -> '%s'\n", id, piece.c_str());
    }
}

Json tokensJson(const Tokenizer& tok, const std::vector<int32_t>& ids)
{
    Json tokens = Json::array();
    for (int32_t id : ids)
        tokens.push_back({{"id", id}, {"piece", tok.tokenPiece(id)}});
    Json doc = jsonDocument("tokenize");
    doc.update(Json{{"tokenizer", tok.description()}, {"vocab_size", tok.vocabSize()}, {"count", ids.size()},
                    {"tokens", std::move(tokens)}});
    return doc;
}

int runTokenize(const std::vector<std::string>& args)
{
    const Options o = parseArgs(args);
    const Tokenizer tok = openTokenizerArg(o.model);
    const std::vector<int32_t> ids = tok.encode(o.text, o.addSpecial, o.parseSpecial);
    if (o.json)
        printJson(tokensJson(tok, ids));
    else
        printTokens(tok, ids, o.idsOnly);
    note("%zu tokens (%s, vocabulary %d)\n", ids.size(), tok.description().c_str(), tok.vocabSize());
    return 0;
}

const CliRegistrar registrar({"tokenize", "token ids of a text with a model's tokenizer (GGUF, HF folder, tokenizer.json)",
                              &runTokenize});

} // namespace
} // namespace qx::cli

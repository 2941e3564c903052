// `qexplore-cli tokenize`: token ids (and pieces) of a text, with the tokenizer of a model file.
#include "cli/cli_command.h"
#include "cli/model_arg.h"

#include "common/error.h"
#include "model/tokenizer.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf(
        "Usage: qexplore-cli tokenize MODEL (-p TEXT | -f FILE) [--ids] [--no-bos] [--no-parse-special]\n\n"
        "Tokenizes TEXT (or the contents of FILE) with the tokenizer of MODEL: a GGUF file, a Hugging Face\n"
        "folder (its tokenizer.json) or a tokenizer.json. Prints one line per token, `id -> 'piece'`.\n\n"
        "  -p TEXT              text to tokenize\n"
        "  -f FILE              read the text from FILE (bytes as they are, no newline stripped)\n"
        "  --ids                print only the ids, space-separated on one line\n"
        "  --no-bos             do not add the special tokens the model asks for (BOS/EOS, template)\n"
        "  --no-parse-special   treat special-token texts such as <s> as plain text (GGUF)\n");
}

struct Options {
    std::string model, text;
    bool haveText = false, idsOnly = false, addSpecial = true, parseSpecial = true;
};

bool readFile(const std::string& path, std::string& out)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

// Returns an exit code > 0 on a usage error, 0 when the options are complete.
int parseArgs(const std::vector<std::string>& args, Options& o)
{
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if ((a == "-p" || a == "-f") && i + 1 < args.size()) {
            if (o.haveText) {
                std::fprintf(stderr, "tokenize: give only one of -p and -f\n");
                return 2;
            }
            o.haveText = true;
            if (a == "-p") {
                o.text = args[++i];
            } else if (!readFile(args[++i], o.text)) {
                std::fprintf(stderr, "tokenize: cannot read %s\n", args[i].c_str());
                return 1;
            }
        } else if (a == "--ids") {
            o.idsOnly = true;
        } else if (a == "--no-bos") {
            o.addSpecial = false;
        } else if (a == "--no-parse-special") {
            o.parseSpecial = false;
        } else if (!a.empty() && a[0] != '-' && o.model.empty()) {
            o.model = a;
        } else {
            std::fprintf(stderr, "tokenize: unexpected argument '%s' (see --help)\n", a.c_str());
            return 2;
        }
    }
    if (o.model.empty() || !o.haveText) {
        std::fprintf(stderr, "tokenize: need MODEL and one of -p TEXT / -f FILE (see --help)\n");
        return 2;
    }
    return 0;
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

int runTokenize(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    Options o;
    if (const int rc = parseArgs(args, o))
        return rc;
    try {
        const Tokenizer tok = openTokenizerArg(o.model);
        const std::vector<int32_t> ids = tok.encode(o.text, o.addSpecial, o.parseSpecial);
        printTokens(tok, ids, o.idsOnly);
        std::fprintf(stderr, "%zu tokens (%s, vocabulary %d)\n", ids.size(), tok.description().c_str(), tok.vocabSize());
    } catch (const Error& e) {
        std::fprintf(stderr, "tokenize: %s\n", e.what());
        return 1;
    }
    return 0;
}

const CliRegistrar registrar({"tokenize", "token ids of a text with a model's tokenizer (GGUF, HF folder, tokenizer.json)",
                              &runTokenize});

} // namespace
} // namespace qx::cli

// `qexplore-cli corpus`: writes a split of the built-in story corpus.
#include "cli/cli_command.h"
#include "cli/cli_progress.h"
#include "cli/command_line.h"

#include "common/atomic_file.h"
#include "common/error.h"
#include "train/story_corpus.h"

#include <cstdio>
#include <fstream>

namespace qx::cli {
namespace {

int runCorpus(const std::vector<std::string>& args)
{
    StoryCorpusOptions o;
    std::string split = "valid", out;
    int64_t stories = -1;
    CommandLine cl("corpus", "[--split train|valid] [--seed 1] [--stories N] -o FILE",
                   "Writes one split of the generated story corpus (one story per line). The seed and story count\n"
                   "must match the ones given to `qexplore-cli train` (defaults: seed 1, 20000 train / 400 valid).");
    CLI::App& app = cl.app();
    app.add_option("--split", split, "train or valid (default valid)")->type_name("S");
    app.add_option("--seed", o.seed, "corpus seed (default 1)")->type_name("N");
    app.add_option("--stories", stories, "stories in the split (default 20000 train / 400 valid)")->type_name("N")
        ->check(nonNegative());
    cl.output(app.add_option("-o,--out,--output", out, "the file to write")->type_name("FILE")->required());
    cl.parse(args);
    if (split != "train" && split != "valid")
        throw UsageError("--split takes train or valid, not '" + split + "'");
    const CorpusSplit which = split == "train" ? CorpusSplit::Train : CorpusSplit::Valid;
    if (stories >= 0)
        (which == CorpusSplit::Train ? o.trainStories : o.validStories) = stories;
    const std::string text = storyCorpus(o, which);
    writeFileAtomically(out, text);
    std::printf("wrote %s: %zu bytes\n", out.c_str(), text.size());
    return 0;
}

const CliRegistrar registrar({"corpus", "write the generated story corpus (train or valid split)", &runCorpus});

} // namespace
} // namespace qx::cli

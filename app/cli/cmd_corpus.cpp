// `qexplore-cli corpus`: writes a split of the built-in story corpus.
#include "cli/cli_command.h"

#include "train/story_corpus.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace qx::cli {
namespace {

void printHelp()
{
    std::printf(
        "Usage: qexplore-cli corpus [--split train|valid] [--seed 1] [--stories N] -o FILE\n\n"
        "Writes one split of the generated story corpus (one story per line). The seed and story count\n"
        "must match the ones given to `qexplore-cli train` (defaults: seed 1, 20000 train / 400 valid).\n");
}

int runCorpus(const std::vector<std::string>& args)
{
    if (wantsHelp(args)) {
        printHelp();
        return 0;
    }
    StoryCorpusOptions o;
    CorpusSplit split = CorpusSplit::Valid;
    std::string out;
    int64_t stories = -1;
    for (size_t i = 0; i + 1 < args.size(); i += 2) {
        const std::string& k = args[i];
        const std::string& val = args[i + 1];
        if (k == "--split" && (val == "train" || val == "valid"))
            split = val == "train" ? CorpusSplit::Train : CorpusSplit::Valid;
        else if (k == "--seed")
            o.seed = std::strtoull(val.c_str(), nullptr, 10);
        else if (k == "--stories")
            stories = std::atoll(val.c_str());
        else if (k == "-o" || k == "--out")
            out = val;
        else {
            std::fprintf(stderr, "corpus: bad argument '%s' (see --help)\n", k.c_str());
            return 2;
        }
    }
    if (out.empty() || args.size() % 2 != 0) {
        std::fprintf(stderr, "corpus: -o FILE is required (see --help)\n");
        return 2;
    }
    if (stories >= 0)
        (split == CorpusSplit::Train ? o.trainStories : o.validStories) = stories;
    const std::string text = storyCorpus(o, split);
    std::ofstream f(out, std::ios::binary);
    f << text;
    if (!f) {
        std::fprintf(stderr, "corpus: cannot write %s\n", out.c_str());
        return 1;
    }
    std::printf("wrote %s: %zu bytes\n", out.c_str(), text.size());
    return 0;
}

const CliRegistrar registrar({"corpus", "write the generated story corpus (train or valid split)", &runCorpus});

} // namespace
} // namespace qx::cli

#pragma once
// A seeded generator of short, simple English stories from a small hand-written grammar: characters
// (name, kind, pronoun), places, objects, actions and feelings, put together by a handful of sentence
// templates with pronoun and article agreement. Stories are ASCII, one per line ("\n" after each).
//
// The two splits come from independent random streams derived from the seed, so "valid" is held out
// from "train". Same options -> same bytes.
#include <cstdint>
#include <string>

namespace qx {

enum class CorpusSplit { Train, Valid };

struct StoryCorpusOptions {
    uint64_t seed = 1;
    int64_t trainStories = 20000;
    int64_t validStories = 400;
};

/// The text of one split: the split's stories, each followed by "\n".
std::string storyCorpus(const StoryCorpusOptions& options, CorpusSplit split);

/// One story drawn from a generator seeded with `seed` (exposed for tests and examples).
std::string generateStory(uint64_t seed);

} // namespace qx

// The story grammar: word lists and sentence templates.
#include "train/story_corpus.h"

#include <array>
#include <random>
#include <string_view>
#include <vector>

namespace qx {
namespace {

struct Character {
    std::string_view name, kind;
    bool female;
};

constexpr std::array<Character, 12> kCharacters = {{
    {"Lily", "girl", true}, {"Tom", "boy", false}, {"Mia", "cat", true}, {"Ben", "dog", false},
    {"Anna", "bird", true}, {"Max", "bear", false}, {"Sue", "rabbit", true}, {"Sam", "frog", false},
    {"Lucy", "duck", true}, {"Jack", "fox", false}, {"Emma", "mouse", true}, {"Tim", "owl", false},
}};
constexpr std::array<std::string_view, 10> kPlaces = {
    "the park", "the forest", "a small house", "the garden", "the beach",
    "a big town", "the farm", "the hill", "the river", "the school"};
constexpr std::array<std::string_view, 12> kObjects = {
    "ball", "apple", "box", "kite", "hat", "flower", "book", "cake", "toy car", "shell", "egg", "umbrella"};
constexpr std::array<std::string_view, 10> kAdjectives = {
    "red", "big", "little", "shiny", "old", "blue", "soft", "funny", "green", "yellow"};
constexpr std::array<std::string_view, 8> kFeelings = {
    "happy", "sad", "scared", "excited", "tired", "proud", "angry", "calm"};
struct Action {
    std::string_view base, past;
};
constexpr std::array<Action, 8> kActions = {{
    {"play with", "played with"}, {"share", "shared"}, {"look at", "looked at"}, {"carry", "carried"},
    {"hide", "hid"}, {"clean", "cleaned"}, {"show", "showed"}, {"keep", "kept"},
}};

class Story {
public:
    explicit Story(uint64_t seed) : m_rng(seed) {}
    std::string text();

private:
    template <typename T, size_t N>
    const T& pick(const std::array<T, N>& list) { return list[m_rng() % N]; }
    static std::string article(std::string_view word)
    {
        const bool vowel = std::string_view("aeiou").find(word.front()) != std::string_view::npos;
        return std::string(vowel ? "an " : "a ") + std::string(word);
    }
    static std::string capital(std::string s)
    {
        if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
            s[0] = static_cast<char>(s[0] - 'a' + 'A');
        return s;
    }
    std::string opening(const Character& hero, const std::string& place);
    std::string middle(const Character& hero, const Character& friendC, const std::string& thing);
    std::string ending(const Character& hero, const Character& friendC, const std::string& thing);
    std::mt19937_64 m_rng;
};

std::string Story::opening(const Character& hero, const std::string& place)
{
    const std::string kind = article(pick(kAdjectives)) + " " + std::string(hero.kind);
    switch (m_rng() % 3) {
    case 0: return "Once upon a time, there was " + kind + " named " + std::string(hero.name) + ". ";
    case 1: return std::string(hero.name) + " was " + kind + " who lived near " + place + ". ";
    default: return "One day, " + std::string(hero.name) + " the " + std::string(hero.kind) + " went to " + place + ". ";
    }
}

std::string Story::middle(const Character& hero, const Character& friendC, const std::string& thing)
{
    const std::string he = hero.female ? "she" : "he", his = hero.female ? "her" : "his";
    const Action& act = pick(kActions);
    std::string s = capital(he) + " found " + article(thing) + " and felt " + std::string(pick(kFeelings)) + ". ";
    if (m_rng() % 2 == 0)
        s += std::string(friendC.name) + " the " + std::string(friendC.kind) + " came to see " + his + " " + thing + ". ";
    else
        s += capital(he) + " showed " + his + " " + thing + " to " + std::string(friendC.name) + ". ";
    s += "\"Can we " + std::string(act.base) + " the " + thing + "?\" asked " + std::string(friendC.name) + ". ";
    s += std::string(hero.name) + " said, \"Yes, let us " + std::string(act.base) + " it together!\" ";
    s += "They " + std::string(act.past) + " the " + thing + " all day. ";
    return s;
}

std::string Story::ending(const Character& hero, const Character& friendC, const std::string& thing)
{
    const std::string he = hero.female ? "she" : "he";
    switch (m_rng() % 3) {
    case 0: return "At the end of the day, " + std::string(hero.name) + " felt " + std::string(pick(kFeelings))
                   + " and went home.";
    case 1: return "Then the " + thing + " was lost, and " + he + " was " + std::string(pick(kFeelings))
                   + ". But " + std::string(friendC.name) + " found it again.";
    default: return std::string(hero.name) + " and " + std::string(friendC.name) + " were good friends forever.";
    }
}

std::string Story::text()
{
    const Character& hero = pick(kCharacters);
    const Character* friendC = &pick(kCharacters);
    while (friendC->name == hero.name)
        friendC = &pick(kCharacters);
    const std::string place(pick(kPlaces));
    const std::string thing = m_rng() % 2 ? std::string(pick(kAdjectives)) + " " + std::string(pick(kObjects))
                                          : std::string(pick(kObjects));
    return opening(hero, place) + middle(hero, *friendC, thing) + ending(hero, *friendC, thing);
}

} // namespace

std::string generateStory(uint64_t seed)
{
    return Story(seed).text();
}

std::string storyCorpus(const StoryCorpusOptions& options, CorpusSplit split)
{
    std::mt19937_64 seeds(options.seed * 2 + (split == CorpusSplit::Valid ? 1 : 0));
    const int64_t count = split == CorpusSplit::Train ? options.trainStories : options.validStories;
    std::string out;
    for (int64_t i = 0; i < count; ++i)
        out += generateStory(seeds()) + "\n";
    return out;
}

} // namespace qx

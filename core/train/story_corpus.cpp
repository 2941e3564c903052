// The story grammar: a hero and a friend from the cast (train/story_cast.h), a thing and a place, an
// opening, two to four events in random order, an optional trouble and its fix, and an ending. The cast's
// facts (kind, home, food, colour, best friend) recur, and adjectives, actions, feelings and activities
// follow the world's preferences; word lists live in train/story_words.h.
//
// Every random draw is its own statement (or the only one in its expression): the operands of `+` are
// evaluated in an unspecified order, and the corpus must be the same whatever compiler builds it.
#include "train/story_corpus.h"

#include "train/story_cast.h"
#include "train/story_words.h"

#include <algorithm>
#include <random>
#include <string_view>
#include <vector>

namespace qx {
namespace {

using namespace story;

std::string str(std::string_view s) { return std::string(s); }

std::string article(std::string_view word)
{
    const bool vowel = std::string_view("aeiou").find(word.front()) != std::string_view::npos;
    return (vowel ? "an " : "a ") + str(word);
}

std::string capital(std::string s)
{
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

class Story {
public:
    explicit Story(uint64_t seed) : m_rng(seed) {}
    std::string text();

private:
    size_t below(size_t n) { return static_cast<size_t>(m_rng() % n); }
    /// A choice drawn from one of the world's preferences.
    size_t prefer(const Preference& p)
    {
        return p.draw(static_cast<double>(m_rng() >> 11) * (1.0 / 9007199254740992.0));
    }
    std::string adjective() { return str(kAdjectives[prefer(world().adjectiveOfThing[m_objectIndex])]); }
    std::string feeling(const CastMember& m) { return str(kFeelings[prefer(world().feelingOfKind[m.kind])]); }
    template <typename T, size_t N>
    const T& pick(const std::array<T, N>& list) { return list[below(N)]; }
    std::string hero() const { return m_hero->name; }
    std::string buddy() const { return m_friend->name; }
    std::string kind(const CastMember& m) const { return str(kKinds[m.kind]); }
    std::string he() const { return m_hero->female ? "she" : "he"; }
    std::string his() const { return m_hero->female ? "her" : "his"; }
    std::string him() const { return m_hero->female ? "her" : "him"; }
    std::string says() { return str(pick(kSays)); }
    std::string opening();
    std::string event(size_t kind);
    std::string factEvent(size_t kind);
    std::string askEvent();
    std::string eatEvent();
    std::string trouble();
    std::string ending();

    std::mt19937_64 m_rng;
    const CastMember* m_hero = nullptr;
    const CastMember* m_friend = nullptr;
    const Thing* m_object = nullptr;
    size_t m_objectIndex = 0;
    size_t m_placeIndex = 0;
    std::string m_thing;  ///< the object, sometimes with an adjective: "red kite"
    std::string m_place;
    bool m_weatherSaid = false;
};

std::string Story::opening()
{
    const std::string home = str(kPlaces[m_hero->home]);
    switch (below(5)) {
    case 0: return "Once upon a time, there was " + article(feeling(*m_hero)) + " " + kind(*m_hero) + " named " + hero()
                   + ". ";
    case 1: return hero() + " was " + article(feeling(*m_hero)) + " " + kind(*m_hero) + " who lived near " + home
                   + ". ";
    case 2: return "One day, " + hero() + " the " + kind(*m_hero) + " went to " + m_place + ". ";
    case 3: return "There once was " + article(kind(*m_hero)) + " called " + hero() + ". " + capital(he())
                   + " liked to play at " + home + ". ";
    default: {
        constexpr std::array<std::string_view, 5> kTimes = {"One morning", "After lunch", "On a sunny day",
                                                            "Last summer", "Early in the morning"};
        return str(pick(kTimes)) + ", " + hero() + " the " + kind(*m_hero) + " and " + buddy() + " the "
               + kind(*m_friend) + " went to " + m_place + " together. ";
    }
    }
}

std::string Story::askEvent()
{
    const Action& act = kActions[prefer(world().actionOfThing[m_objectIndex])];
    std::string s = "\"Can we " + str(act.base) + " the " + m_thing + "?\" asked " + buddy() + ". ";
    if (below(10) < 7)
        return s + hero() + " " + says() + ", \"Yes, let us " + str(act.base) + " it together!\" They " + str(act.past)
               + " the " + m_thing + " all day. ";
    return s + hero() + " " + says() + ", \"No, it is mine.\" " + buddy() + " felt sad and walked away. Later, "
           + hero() + " said sorry, and they " + str(act.past) + " it together. ";
}

std::string Story::eatEvent()
{
    // Mostly the hero's favourite food: a fact the model can use.
    const std::string_view a = below(10) < 7 ? kFood[m_hero->food] : pick(kFood);
    std::string_view b = pick(kFood);
    while (b == a)
        b = pick(kFood);
    return "They were hungry, so they ate " + str(a) + " and " + str(b) + ". ";
}

std::string Story::factEvent(size_t kind)
{
    const CastMember& best = world().cast[m_hero->bestFriend];
    switch (kind) {
    case 0: return hero() + "'s favorite food was " + str(kFood[m_hero->food]) + ". ";
    case 1: return hero() + " loved everything " + str(kColors[m_hero->color]) + ", so " + he() + " wore "
                   + article(kColors[m_hero->color]) + " hat. ";
    case 2: return hero() + "'s best friend was " + best.name + " the " + this->kind(best) + ". ";
    default: return capital(his()) + " home was near " + str(kPlaces[m_hero->home]) + ". ";
    }
}

std::string Story::event(size_t kind)
{
    switch (kind) {
    case 0: {
        const std::string where = str(pick(kWhere)), first = adjective(), second = adjective();
        return capital(he()) + " found " + article(m_thing) + " " + where + ". It was " + first + " and " + second
               + ". ";
    }
    case 1: return below(2) ? capital(he()) + " showed " + his() + " " + m_thing + " to " + buddy() + ". "
                            : buddy() + " the " + this->kind(*m_friend) + " came to see " + his() + " " + m_thing
                                  + ". ";
    case 2: return askEvent();
    case 3: {
        const std::string who = below(2) ? "Then they " : "After that, " + hero() + " and " + buddy() + " ";
        return who + str(kActivities[prefer(world().activityOfPlace[m_placeIndex])]) + ". ";
    }
    case 4: return eatEvent();
    case 5: return hero() + " had " + str(pick(kCounts)) + " " + str(m_object->many) + ". " + capital(he())
                   + " gave one to " + buddy() + ". ";
    case 6: {
        const std::string f = feeling(*m_hero);
        return hero() + " felt " + f + ", and " + buddy() + " felt " + f + " too. ";
    }
    case 7: return str(pick(kWeather)) + " ";
    case 8: {
        const std::string verb = says();
        return "\"Look at this " + m_thing + "!\" " + verb + " " + hero() + ". \"It is so " + adjective() + "!\" ";
    }
    default: return factEvent(kind - 9);
    }
}

std::string Story::trouble()
{
    const std::string helper = str(pick(kHelpers));
    switch (below(5)) {
    case 0: {
        const std::string f = feeling(*m_hero);
        return "Then the " + m_thing + " was lost, and " + he() + " was " + f + ". But " + buddy() + " found it "
               + str(pick(kWhere)) + ". ";
    }
    case 1: return "Oh no! The " + m_thing + " fell into a puddle. " + hero() + " cried, so " + buddy()
                   + " picked it up and cleaned it. ";
    case 2: return "Suddenly, the " + m_thing + " got stuck in a tree. " + hero() + "'s " + helper
                   + " used a long stick to get it down. ";
    case 3: return "Then the " + m_thing + " broke, and " + hero() + " was sad. " + capital(his()) + " " + helper
                   + " helped " + him() + " fix it. ";
    default: return "Then a big wind took the " + m_thing + " away. " + hero() + " and " + buddy()
                    + " ran after it and caught it. ";
    }
}

std::string Story::ending()
{
    switch (below(6)) {
    case 0: return "At the end of the day, " + hero() + " felt " + feeling(*m_hero) + " and went home to "
                   + str(kPlaces[m_hero->home]) + ".";
    case 1: return hero() + " and " + buddy() + " were good friends forever.";
    case 2: return "From that day on, " + hero() + " always shared " + his() + " " + m_thing + " with " + buddy() + ".";
    case 3: return hero() + " learned that it is good to " + str(pick(kMorals)) + ".";
    case 4: return "That night, " + hero() + " dreamed about the " + m_thing + ".";
    default: return "When the sun went down, " + hero() + " said goodbye to " + buddy() + " and went to sleep.";
    }
}

std::string Story::text()
{
    const std::vector<CastMember>& members = world().cast;
    m_hero = &members[below(members.size())];
    // Mostly the hero's best friend: another fact the model can use.
    m_friend = below(10) < 6 ? &members[m_hero->bestFriend] : &members[below(members.size())];
    while (m_friend == m_hero)
        m_friend = &members[below(members.size())];
    m_placeIndex = below(kPlaces.size());
    m_place = str(kPlaces[m_placeIndex]);
    m_objectIndex = prefer(world().thingOfKind[m_hero->kind]);
    m_object = &kThings[m_objectIndex];
    m_thing = below(2) ? adjective() + " " + str(m_object->one) : str(m_object->one);
    std::string s = opening();
    m_weatherSaid = below(10) < 4;
    if (m_weatherSaid)
        s += str(pick(kWeather)) + " ";
    constexpr size_t kEventKinds = 13;  // nine events, four facts
    std::vector<size_t> kinds;
    const size_t count = 2 + below(3);
    while (kinds.size() < count) {
        const size_t k = below(kEventKinds);
        if (std::find(kinds.begin(), kinds.end(), k) == kinds.end() && !(k == 7 && m_weatherSaid))
            kinds.push_back(k);
    }
    for (size_t k : kinds)
        s += event(k);
    if (below(4) != 0)
        s += trouble();
    return s + ending();
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

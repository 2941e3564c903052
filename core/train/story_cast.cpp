// The fixed world of the story corpus. Only std::mt19937_64 (fully specified by the standard) and our own
// arithmetic draw it, so it is the same with every standard library.
#include "train/story_cast.h"

#include "train/story_words.h"

#include <cmath>
#include <random>
#include <set>

namespace qx::story {
namespace {

constexpr uint64_t kWorldSeed = 20240517;

/// A uniform number in [0, 1) from 53 random bits.
double uniform(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

/// Weights exp(1.5·z), z standard normal (Box-Muller): a few favourites and a long tail.
Preference lopsided(std::mt19937_64& rng, size_t n)
{
    std::vector<double> w(n);
    double total = 0.0;
    for (double& x : w) {
        const double u1 = 1.0 - uniform(rng), u2 = uniform(rng);
        const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
        x = std::exp(1.5 * z);
        total += x;
    }
    Preference p;
    double sum = 0.0;
    for (double x : w) {
        sum += x / total;
        p.cumulative.push_back(sum);
    }
    p.cumulative.back() = 1.0;
    return p;
}

std::vector<Preference> preferences(std::mt19937_64& rng, size_t count, size_t choices)
{
    std::vector<Preference> out;
    for (size_t i = 0; i < count; ++i)
        out.push_back(lopsided(rng, choices));
    return out;
}

std::vector<CastMember> buildCast(std::mt19937_64& rng)
{
    auto below = [&](size_t n) { return static_cast<size_t>(rng() % n); };
    std::vector<CastMember> out;
    std::set<std::string> names;
    while (out.size() < kCastSize) {
        std::string name = std::string(kSyllables[below(kSyllables.size())]);
        name += kSyllables[below(kSyllables.size())];
        name[0] = static_cast<char>(name[0] - 'a' + 'A');
        if (!names.insert(name).second)
            continue;
        CastMember m;
        m.name = std::move(name);
        m.kind = below(kKinds.size());
        m.female = m.kind == 0 || (m.kind != 1 && below(2) == 0);  // girls are female, boys are not
        m.home = below(kPlaces.size());
        m.food = below(kFood.size());
        m.color = below(kColors.size());
        out.push_back(std::move(m));
    }
    for (size_t i = 0; i < out.size(); ++i) {
        do
            out[i].bestFriend = below(out.size());
        while (out[i].bestFriend == i);
    }
    return out;
}

World buildWorld()
{
    std::mt19937_64 rng(kWorldSeed);
    World w;
    w.cast = buildCast(rng);
    w.adjectiveOfThing = preferences(rng, kThings.size(), kAdjectives.size());
    w.actionOfThing = preferences(rng, kThings.size(), kActions.size());
    w.feelingOfKind = preferences(rng, kKinds.size(), kFeelings.size());
    w.activityOfPlace = preferences(rng, kPlaces.size(), kActivities.size());
    w.thingOfKind = preferences(rng, kKinds.size(), kThings.size());
    return w;
}

} // namespace

size_t Preference::draw(double u) const
{
    size_t i = 0;
    while (i + 1 < cumulative.size() && u >= cumulative[i])
        ++i;
    return i;
}

const World& world()
{
    static const World w = buildWorld();
    return w;
}

} // namespace qx::story

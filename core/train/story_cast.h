#pragma once
// The world of the story corpus, the same for every corpus seed:
//  - a cast of 1000 characters, each with facts that never change (kind, home, favourite food and colour,
//    best friend), which the stories state again and again;
//  - preferences: for each thing, kind of character and place, a fixed, lopsided distribution over
//    the adjectives, actions, feelings and activities that go with it ("kites are mostly red or shiny").
// A model of this corpus has to store many soft associations, as a large model stores facts and word
// statistics; they are what a coarse quantization blurs first, so quantization shows in its perplexity.
#include <cstdint>
#include <string>
#include <vector>

namespace qx::story {

struct CastMember {
    std::string name;       ///< two syllables, capitalised: "Bako"
    size_t kind = 0;        ///< index into kKinds
    bool female = false;
    size_t home = 0;        ///< index into kPlaces
    size_t food = 0;        ///< index into kFood
    size_t color = 0;       ///< index into kColors
    size_t bestFriend = 0;  ///< index into the cast, never itself
};

/// A fixed categorical distribution: cumulative weights ending at 1.
struct Preference {
    std::vector<double> cumulative;
    /// The choice a uniform number `u` in [0, 1) falls on.
    size_t draw(double u) const;
};

struct World {
    std::vector<CastMember> cast;
    std::vector<Preference> adjectiveOfThing;  ///< per kThings, over kAdjectives
    std::vector<Preference> actionOfThing;     ///< per kThings, over kActions
    std::vector<Preference> feelingOfKind;     ///< per kKinds, over kFeelings
    std::vector<Preference> activityOfPlace;   ///< per kPlaces, over kActivities
    std::vector<Preference> thingOfKind;       ///< per kKinds, over kThings
};

inline constexpr size_t kCastSize = 1000;

/// The world, built once from a fixed seed.
const World& world();

} // namespace qx::story

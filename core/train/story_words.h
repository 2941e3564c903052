#pragma once
// The word lists of the story grammar (train/story_corpus.cpp): characters, places, things, actions,
// feelings, weather and the small phrases the sentence templates draw from. Internal to core/train.
#include <array>
#include <string_view>

namespace qx::story {

/// The kinds of character; each member of the cast (train/story_cast.h) is one of them.
inline constexpr std::array<std::string_view, 24> kKinds = {
    "girl", "boy", "cat", "dog", "bird", "bear", "rabbit", "frog", "duck", "fox", "mouse", "owl",
    "turtle", "lion", "pig", "goat", "horse", "squirrel", "hen", "puppy", "bee", "crab", "deer", "wolf"};

/// Name syllables: a cast member's name is two of them ("Bako", "Limi").
inline constexpr std::array<std::string_view, 36> kSyllables = {
    "ba", "be", "bi", "bo", "da", "di", "do", "ka", "ki", "ko", "la", "li", "lo", "lu", "ma", "me", "mi", "mo",
    "na", "ni", "no", "pa", "pi", "po", "ra", "ri", "ro", "sa", "si", "so", "ta", "ti", "to", "va", "vi", "zo"};

inline constexpr std::array<std::string_view, 10> kColors = {
    "red", "blue", "green", "yellow", "pink", "orange", "purple", "white", "brown", "gold"};

/// How a line of dialogue is said.
inline constexpr std::array<std::string_view, 6> kSays = {"said", "shouted", "whispered", "laughed", "answered", "cried"};

inline constexpr std::array<std::string_view, 16> kPlaces = {
    "the park", "the forest", "a small house", "the garden", "the beach", "a big town", "the farm", "the hill",
    "the river", "the school", "the lake", "the market", "an old barn", "the library", "the meadow", "a dark cave"};

/// A thing with its plural, so counts read "two boxes".
struct Thing {
    std::string_view one, many;
};

inline constexpr std::array<Thing, 24> kThings = {{
    {"ball", "balls"}, {"apple", "apples"}, {"box", "boxes"}, {"kite", "kites"}, {"hat", "hats"},
    {"flower", "flowers"}, {"book", "books"}, {"cake", "cakes"}, {"toy car", "toy cars"}, {"shell", "shells"},
    {"egg", "eggs"}, {"umbrella", "umbrellas"}, {"drum", "drums"}, {"boat", "boats"}, {"key", "keys"},
    {"stone", "stones"}, {"cup", "cups"}, {"map", "maps"}, {"sock", "socks"}, {"leaf", "leaves"},
    {"bell", "bells"}, {"crayon", "crayons"}, {"blanket", "blankets"}, {"star", "stars"},
}};

inline constexpr std::array<std::string_view, 18> kAdjectives = {
    "red", "big", "little", "shiny", "old", "blue", "soft", "funny", "green", "yellow",
    "new", "pink", "tiny", "heavy", "pretty", "orange", "round", "warm"};

inline constexpr std::array<std::string_view, 12> kFeelings = {
    "happy", "sad", "scared", "excited", "tired", "proud", "angry", "calm", "surprised", "lonely", "brave", "curious"};

/// A verb phrase that takes the thing: "play with" the ball, "played with" it.
struct Action {
    std::string_view base, past;
};

inline constexpr std::array<Action, 14> kActions = {{
    {"play with", "played with"}, {"share", "shared"}, {"look at", "looked at"}, {"carry", "carried"},
    {"hide", "hid"}, {"clean", "cleaned"}, {"show", "showed"}, {"keep", "kept"}, {"paint", "painted"},
    {"fix", "fixed"}, {"wash", "washed"}, {"throw", "threw"}, {"hold", "held"}, {"count", "counted"},
}};

inline constexpr std::array<std::string_view, 14> kActivities = {
    "ran up the hill", "jumped in the puddles", "sang a happy song", "danced in the sun", "climbed a tall tree",
    "swam in the water", "played a game of tag", "built a tower of sticks", "looked for bugs", "rolled in the grass",
    "drew pictures in the sand", "had a picnic", "told funny stories", "watched the clouds"};

inline constexpr std::array<std::string_view, 8> kWhere = {
    "under a tree", "near the door", "in the grass", "behind a rock", "on the path", "in a hole",
    "next to the fence", "at the bottom of a basket"};

inline constexpr std::array<std::string_view, 8> kWeather = {
    "The sun was bright and warm.", "It was a windy day.", "The sky was gray and cloudy.",
    "It was a cold morning.", "Snow covered the ground.", "A soft rain was falling.",
    "The birds sang in the trees.", "It was very quiet outside."};

inline constexpr std::array<std::string_view, 8> kFood = {
    "bread", "soup", "cookies", "berries", "cheese", "rice", "carrots", "pie"};

inline constexpr std::array<std::string_view, 5> kCounts = {"two", "three", "four", "five", "six"};

/// "it is good to ..." endings.
inline constexpr std::array<std::string_view, 6> kMorals = {
    "share with friends", "ask for help", "be kind", "tell the truth", "try again", "say sorry"};

/// Who helps when something goes wrong (besides the friend).
inline constexpr std::array<std::string_view, 4> kHelpers = {"mom", "dad", "grandma", "big brother"};

} // namespace qx::story

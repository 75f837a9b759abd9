// Finding muscles by what people type: common, Latin and other names, ignoring case and accents
// and forgiving small typos. The UI's search box and the CLI's "did you mean" both use it.
#pragma once

#include "anatomy/atlas.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::anatomy {

// Lower case ASCII letters and digits separated by single spaces: accents are dropped
// ("Trapèze" -> "trapeze"), punctuation and underscores become spaces.
std::string foldForSearch(std::string_view text);

// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`.
std::size_t editDistance(std::string_view a, std::string_view b);

// The candidates closest to `wanted` by edit distance, best first, at most `limit`, and only
// those close enough to be a plausible typo.
std::vector<std::string> closestMatches(std::string_view wanted, std::span<const std::string_view> candidates,
                                        std::size_t limit = 3);
std::vector<std::string> closestMatches(std::string_view wanted, std::span<const std::string> candidates,
                                        std::size_t limit = 3);

struct SearchHit {
    const Muscle* muscle = nullptr;
    std::string matchedName;  // the name that matched (common, Latin, another name or the id)
    int score = 0;            // lower is better; hits are sorted by it
};

// Muscles matching `query`, best first, one hit per muscle. An exact name ranks above a name
// that starts with the query, above a word of a name, above a typo. Empty query, no hits.
std::vector<SearchHit> search(const Atlas& atlas, std::string_view query, std::size_t limit = 10);

}  // namespace myomap::anatomy

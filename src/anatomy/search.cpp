#include "anatomy/search.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace myomap::anatomy {
namespace {

// ASCII for the Latin-1 Supplement letters U+00C0..U+00FF; a space for × and ÷.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss",  //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   //
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A (U+0100..U+017F) comes in runs of one base letter.
const char* latinExtendedA(std::uint32_t cp) {
    struct Run {
        std::uint32_t last;
        const char* ascii;
    };
    static constexpr Run kRuns[] = {{0x105, "a"}, {0x10D, "c"},  {0x111, "d"}, {0x11B, "e"}, {0x123, "g"}, {0x127, "h"},
                                    {0x131, "i"}, {0x133, "ij"}, {0x135, "j"}, {0x138, "k"}, {0x142, "l"}, {0x14B, "n"},
                                    {0x151, "o"}, {0x153, "oe"}, {0x159, "r"}, {0x161, "s"}, {0x167, "t"}, {0x173, "u"},
                                    {0x175, "w"}, {0x178, "y"},  {0x17E, "z"}, {0x17F, "s"}};
    for (const Run& run : kRuns) {
        if (cp <= run.last) return run.ascii;
    }
    return " ";
}

// Decodes one UTF-8 sequence at `i`; malformed bytes decode as U+FFFD, one byte at a time.
std::uint32_t nextCodePoint(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
    const std::uint8_t b0 = byte(i);
    std::size_t length = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > s.size()) {
        ++i;
        return 0xFFFD;
    }
    std::uint32_t cp = length == 1 ? b0 : b0 & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

std::vector<std::string_view> words(std::string_view folded) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < folded.size()) {
        const std::size_t end = std::min(folded.find(' ', start), folded.size());
        if (end > start) out.push_back(folded.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// Typos forgiven in a word of this length: none in short words, where one edit makes another word.
std::size_t typosAllowed(std::size_t length) { return length <= 3 ? 0 : length <= 6 ? 1 : 2; }

constexpr int kNoMatch = std::numeric_limits<int>::max();

// Every query word must match a word of the name: exactly, as its beginning (typing in
// progress), or within a few typos of the word or of its beginning.
int wordMatchCost(const std::vector<std::string_view>& queryWords, const std::vector<std::string_view>& nameWords) {
    int total = 0;
    for (std::string_view q : queryWords) {
        std::size_t best = std::numeric_limits<std::size_t>::max();
        for (std::string_view w : nameWords) {
            if (w.substr(0, q.size()) == q) {
                best = 0;
                break;
            }
            std::size_t d = editDistance(q, w);
            if (q.size() >= 4 && w.size() > q.size()) d = std::min(d, editDistance(q, w.substr(0, q.size())));
            best = std::min(best, d);
        }
        if (best > typosAllowed(q.size())) return kNoMatch;
        total += static_cast<int>(best);
    }
    return total;
}

// Lower is better: whole name, then the name's start, a word's start, anywhere, then words
// matched with typos.
int matchScore(std::string_view query, const std::vector<std::string_view>& queryWords, std::string_view name) {
    if (name == query) return 0;
    if (name.substr(0, query.size()) == query) return 10;
    const std::size_t at = name.find(query);
    if (at != std::string_view::npos) return name[at - 1] == ' ' ? 20 : 30;
    const int cost = wordMatchCost(queryWords, words(name));
    return cost == kNoMatch ? kNoMatch : 40 + 10 * cost;
}

}  // namespace

std::string foldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto append = [&](std::string_view piece) {
        for (char c : piece) {
            const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (letter)
                out += c;
            else if (!out.empty() && out.back() != ' ')
                out += ' ';
        }
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::uint32_t cp = nextCodePoint(text, i);
        if (cp < 0x80) {
            char c = static_cast<char>(cp);
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            append(std::string_view(&c, 1));
        } else if (cp >= 0xC0 && cp <= 0xFF) {
            append(kLatin1[cp - 0xC0]);
        } else if (cp >= 0x100 && cp <= 0x17F) {
            append(latinExtendedA(cp));
        } else if (cp >= 0x300 && cp <= 0x36F) {
            // Combining accents (decomposed "e\u0301") vanish with no break in the word.
        } else {
            append(" ");
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    // Optimal string alignment: Levenshtein plus swaps of neighbours, three rows of memory.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::vector<std::string> closestMatches(std::string_view wanted, std::span<const std::string_view> candidates,
                                        std::size_t limit) {
    // A third of the word may be wrong, at least two edits: enough for typos, not for guesses.
    const std::size_t allowed = std::max<std::size_t>(2, wanted.size() / 3);
    std::vector<std::pair<std::size_t, std::string_view>> ranked;
    for (std::string_view candidate : candidates) {
        const std::size_t d = editDistance(wanted, candidate);
        if (d <= allowed && d > 0) ranked.emplace_back(d, candidate);
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ranked.size() && i < limit; ++i) out.emplace_back(ranked[i].second);
    return out;
}

std::vector<std::string> closestMatches(std::string_view wanted, std::span<const std::string> candidates,
                                        std::size_t limit) {
    std::vector<std::string_view> views(candidates.begin(), candidates.end());
    return closestMatches(wanted, views, limit);
}

std::vector<SearchHit> search(const Atlas& atlas, std::string_view query, std::size_t limit) {
    const std::string folded = foldForSearch(query);
    if (folded.empty()) return {};
    const std::vector<std::string_view> queryWords = words(folded);
    std::vector<SearchHit> hits;
    for (const Muscle& muscle : atlas.muscles) {
        // At equal match quality the common name outranks other names, which outrank the
        // Latin name and the id.
        std::vector<std::pair<const std::string*, int>> names{{&muscle.names.common, 0}};
        for (const std::string& also : muscle.names.also) names.emplace_back(&also, 1);
        names.emplace_back(&muscle.names.latin, 2);
        names.emplace_back(&muscle.id, 2);
        SearchHit best;
        best.score = kNoMatch;
        for (const auto& [name, tier] : names) {
            const int score = matchScore(folded, queryWords, foldForSearch(*name));
            if (score != kNoMatch && score + tier < best.score) best = {&muscle, *name, score + tier};
        }
        if (best.muscle) hits.push_back(std::move(best));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
        if (a.score != b.score) return a.score < b.score;
        return a.muscle->names.common < b.muscle->names.common;
    });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace myomap::anatomy

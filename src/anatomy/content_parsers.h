// Turning one parsed content file into structs, checking it against docs/CONTENT.md. Internal
// to src/anatomy: loadAtlas (atlas.cpp) drives these over the files.
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/json_checker.h"
#include "anatomy/vocabulary.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myomap::anatomy::detail {

struct ParseContext {
    // Null when sources.json could not be used: references are then left unchecked rather than
    // every entry failing over one broken file.
    const std::map<std::string, Source>* sources = nullptr;
    const Landmarks* landmarks = nullptr;
};

// Problems inside trigger_points[i] skip that trigger point; any other error skips the muscle
// (nullopt). The caller checks the id against the file name and other files.
std::optional<Muscle> parseMuscle(const Json& root, const ParseContext& context, Checker& checker);

std::optional<Page> parsePage(const Json& root, const ParseContext& context, Checker& checker);

// pain_guides.json: a guide with a problem is left out, the others are returned in file order.
std::vector<PainGuide> parsePainGuides(const Json& root, const ParseContext& context, Checker& checker);

// A page's optional `region_warnings` and `pressure_cautions` (docs/CONTENT.md); problems are
// errors that skip the page, like any other in it.
std::vector<RegionWarning> parseRegionWarnings(const Json& page, const std::string& pageId, Checker& checker);
std::vector<PressureCaution> parsePressureCautions(const Json& page, const std::string& pageId, Checker& checker);

// Whether `id` is a body region id as a warning or guide may name it: a region ("calf"), or
// a sided one ("calf.L") of a region that has sides. An error message when not, else "".
std::string regionIdProblem(const std::string& id, bool allowSide);

// Entries with problems are left out; the rest are returned by key.
std::map<std::string, Source> parseSources(const Json& root, Checker& checker);

// The required `sources` list of a muscle or page.
std::optional<std::vector<Citation>> parseCitations(const Json& object, const std::string& path,
                                                    const ParseContext& context, Checker& checker);

}  // namespace myomap::anatomy::detail

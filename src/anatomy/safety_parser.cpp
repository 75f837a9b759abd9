// The content that steers the pain finder and the warnings: pain_guides.json, and the pages'
// `region_warnings` and `pressure_cautions` (docs/CONTENT.md, "Pain guides" and "Safety").
#include "anatomy/content_parsers.h"
#include "anatomy/regions.h"
#include "anatomy/search.h"
#include "core/suggestions.h"

#include <algorithm>
#include <array>
#include <set>

namespace myomap::anatomy::detail {
namespace {

using Need = Checker::Need;

constexpr std::array<std::string_view, 2> kGuideFileFields{"about", "guides"};
constexpr std::array<std::string_view, 4> kGuideFields{"region", "area", "muscles", "sources"};
constexpr std::array<std::string_view, 4> kWarningFields{"id", "regions", "client", "student"};
constexpr std::array<std::string_view, 3> kCautionFields{"id", "techniques", "text"};

std::string closest(std::string_view wanted, std::span<const std::string_view> candidates) {
    return didYouMean(closestMatches(wanted, candidates, 1));
}

bool isSnakeCaseId(const std::string& id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::optional<std::string> entryId(const Json& entry, const std::string& path, Checker& checker) {
    auto id = checker.text(entry, path, "id");
    if (id && !isSnakeCaseId(*id)) {
        checker.error(childPath(path, "id"), "'" + *id + "' is not a snake_case id");
        return std::nullopt;
    }
    return id;
}

std::optional<PainGuide> parseGuide(const Json& entry, const std::string& path, const ParseContext& context,
                                    Checker& checker) {
    if (!checker.expectObject(entry, path)) return std::nullopt;
    checker.unknownFields(entry, path, kGuideFields);
    const std::size_t start = checker.mark();
    PainGuide guide;
    if (auto region = checker.text(entry, path, "region")) {
        const std::string problem = regionIdProblem(*region, false);
        if (!problem.empty()) checker.error(childPath(path, "region"), problem);
        guide.region = std::move(*region);
    }
    if (auto area = checker.text(entry, path, "area")) guide.area = std::move(*area);
    if (auto muscles = checker.textList(entry, path, "muscles", true)) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < muscles->size(); ++i) {
            const std::string& id = (*muscles)[i];
            const std::string here = childPath(childPath(path, "muscles"), i);
            if (!isMuscleId(id)) {
                checker.error(here, "'" + id + "' is not one of the figure's " + std::to_string(kMuscleIds.size()) +
                                        " muscle ids" + closest(id, kMuscleIds));
            } else if (!seen.insert(id).second) {
                checker.error(here, "'" + id + "' is listed twice");
            }
        }
        guide.muscles = std::move(*muscles);
    }
    if (auto sources = parseCitations(entry, path, context, checker)) guide.sources = std::move(*sources);
    if (checker.errorsSince(start) > 0) {
        checker.setSkipped(start, guide.region.empty() ? std::string("pain guide") : "pain guide for " + guide.region);
        return std::nullopt;
    }
    return guide;
}

}  // namespace

std::string regionIdProblem(const std::string& id, bool allowSide) {
    std::string bare = id;
    bool sided = false;
    if (id.size() > 2 && (id.ends_with(".L") || id.ends_with(".R"))) {
        bare = id.substr(0, id.size() - 2);
        sided = true;
    }
    const BodyRegion* region = findBodyRegion(bare);
    if (!region) {
        const auto ids = bodyRegionIds();
        return "'" + id + "' is not a body region id (docs/CONTENT.md)" + closest(bare, ids);
    }
    if (sided && !allowSide) return "'" + id + "': name the region without a side ('" + bare + "')";
    if (sided && region->midline) return "'" + bare + "' is a midline region and has no sides";
    return {};
}

std::vector<PainGuide> parsePainGuides(const Json& root, const ParseContext& context, Checker& checker) {
    std::vector<PainGuide> out;
    if (!root.is_object()) {
        checker.error("", "pain_guides.json holds one JSON object with a 'guides' list, found " + describeValue(root));
        return out;
    }
    checker.unknownFields(root, "", kGuideFileFields);
    checker.text(root, "", "about", Need::Optional);
    const Json* guides = checker.array(root, "", "guides", true);
    if (!guides) return out;
    std::set<std::string> regions;
    for (std::size_t i = 0; i < guides->size(); ++i) {
        const std::string path = childPath("/guides", i);
        auto guide = parseGuide((*guides)[i], path, context, checker);
        if (!guide) continue;
        if (!regions.insert(guide->region).second) {
            const std::size_t start = checker.mark();
            checker.error(childPath(path, "region"), "a second guide for '" + guide->region + "'; one list a region");
            checker.setSkipped(start, "pain guide for " + guide->region);
            continue;
        }
        out.push_back(std::move(*guide));
    }
    return out;
}

std::vector<RegionWarning> parseRegionWarnings(const Json& page, const std::string& pageId, Checker& checker) {
    std::vector<RegionWarning> out;
    const Json* list = checker.array(page, "", "region_warnings", true, Need::Optional);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = childPath("/region_warnings", i);
        const Json& entry = (*list)[i];
        if (!checker.expectObject(entry, path)) continue;
        checker.unknownFields(entry, path, kWarningFields);
        RegionWarning warning;
        warning.pageId = pageId;
        if (auto id = entryId(entry, path, checker)) warning.id = std::move(*id);
        if (auto regions = checker.textList(entry, path, "regions", true)) {
            for (std::size_t r = 0; r < regions->size(); ++r) {
                const std::string problem = regionIdProblem((*regions)[r], true);
                if (!problem.empty()) checker.error(childPath(childPath(path, "regions"), r), problem);
            }
            warning.regions = std::move(*regions);
        }
        if (auto client = checker.text(entry, path, "client")) warning.text.client = std::move(*client);
        if (auto student = checker.text(entry, path, "student")) warning.text.student = std::move(*student);
        out.push_back(std::move(warning));
    }
    return out;
}

std::vector<PressureCaution> parsePressureCautions(const Json& page, const std::string& pageId, Checker& checker) {
    std::vector<PressureCaution> out;
    const Json* list = checker.array(page, "", "pressure_cautions", true, Need::Optional);
    if (!list) return out;
    std::vector<std::string_view> techniques(kTherapistTechniques.begin(), kTherapistTechniques.end());
    techniques.insert(techniques.end(), kSelfCareTechniques.begin(), kSelfCareTechniques.end());
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = childPath("/pressure_cautions", i);
        const Json& entry = (*list)[i];
        if (!checker.expectObject(entry, path)) continue;
        checker.unknownFields(entry, path, kCautionFields);
        PressureCaution caution;
        caution.pageId = pageId;
        if (auto id = entryId(entry, path, checker)) caution.id = std::move(*id);
        if (auto named = checker.textList(entry, path, "techniques", true)) {
            for (std::size_t t = 0; t < named->size(); ++t) {
                const std::string& word = (*named)[t];
                if (std::find(techniques.begin(), techniques.end(), word) == techniques.end()) {
                    checker.error(childPath(childPath(path, "techniques"), t),
                                  "'" + word + "' is not a technique id (docs/CONTENT.md)" + closest(word, techniques));
                }
            }
            caution.techniques = std::move(*named);
        }
        if (auto text = checker.text(entry, path, "text")) caution.text = std::move(*text);
        out.push_back(std::move(caution));
    }
    return out;
}

}  // namespace myomap::anatomy::detail

// Muscle files: docs/CONTENT.md, "Muscle file".
#include "anatomy/content_parsers.h"
#include "anatomy/regions.h"
#include "anatomy/search.h"
#include "core/suggestions.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace myomap::anatomy::detail {
namespace {

using Need = Checker::Need;
using Kind = Checker::Kind;

constexpr std::array<std::string_view, 18> kMuscleFields{
    "id",       "names",       "region",    "layer",    "origin",  "insertion",
    "action",   "innervation", "v_axis",    "related",  "summary", "trigger_points",
    "symptoms", "causes",      "treatment", "cautions", "sources", "source_notes"};
constexpr std::array<std::string_view, 3> kNameFields{"common", "latin", "also"};
constexpr std::array<std::string_view, 2> kAxisFields{"from", "to"};
constexpr std::array<std::string_view, 2> kLevelFields{"client", "student"};
constexpr std::array<std::string_view, 6> kTriggerPointFields{"id", "name", "u", "v", "palpation", "referral"};
constexpr std::array<std::string_view, 2> kReferralFields{"description", "zones"};
constexpr std::array<std::string_view, 5> kZoneFields{"region", "landmark", "radius_cm", "kind", "side"};
constexpr std::array<std::string_view, 2> kZoneKinds{"essential", "spillover"};
constexpr std::array<std::string_view, 4> kZoneSides{"same", "opposite", "both", "midline"};
constexpr std::array<std::string_view, 2> kTreatmentFields{"therapist", "self_care"};
constexpr std::array<std::string_view, 2> kTechniqueFields{"technique", "how"};

template <typename Enum, std::size_t N>
Enum enumOf(const std::array<std::string_view, N>& words, const std::string& word) {
    const auto it = std::find(words.begin(), words.end(), word);
    return static_cast<Enum>(it - words.begin());
}

std::string suggestion(std::string_view wanted, std::span<const std::string_view> candidates) {
    return didYouMean(closestMatches(wanted, candidates, 1));
}

std::optional<Levels> parseLevels(const Json& object, const std::string& path, std::string_view key, Checker& checker) {
    const Json* levels = checker.get(object, path, key, Kind::Object);
    if (!levels) return std::nullopt;
    const std::string here = childPath(path, key);
    checker.unknownFields(*levels, here, kLevelFields);
    auto client = checker.text(*levels, here, "client");
    auto student = checker.text(*levels, here, "student");
    if (!client || !student) return std::nullopt;
    return Levels{std::move(*client), std::move(*student)};
}

// Whether `id` is `<muscle>.tp<N>` with N a whole number from 1, without leading zeros. With
// no muscle (its own id is wrong, already reported) any muscle part is accepted.
bool isTriggerPointIdOf(const std::string& id, const std::string& muscle) {
    const auto tp = id.rfind(".tp");
    const std::string prefix =
        muscle.empty() && tp != std::string::npos && tp > 0 ? id.substr(0, tp + 3) : muscle + ".tp";
    if (id.size() <= prefix.size() || id.compare(0, prefix.size(), prefix) != 0) return false;
    const std::string digits = id.substr(prefix.size());
    return digits[0] != '0' && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<ReferralZone> parseZone(const Json& zone, const std::string& path, const ParseContext& context,
                                      Checker& checker) {
    if (!checker.expectObject(zone, path)) return std::nullopt;
    checker.unknownFields(zone, path, kZoneFields);
    const std::size_t start = checker.mark();
    ReferralZone out;
    const bool hasRegion = zone.contains("region");
    const bool hasLandmark = zone.contains("landmark");
    bool midlineTarget = false;
    if (hasRegion == hasLandmark) {
        checker.error(path, "a zone needs exactly one of 'region' or 'landmark'");
    } else if (hasRegion) {
        if (auto region = checker.text(zone, path, "region")) {
            if (const BodyRegion* known = findBodyRegion(*region)) {
                out.region = *region;
                midlineTarget = known->midline;
            } else {
                constexpr auto ids = bodyRegionIds();
                checker.error(childPath(path, "region"),
                              "'" + *region + "' is not a body region id (docs/CONTENT.md)" + suggestion(*region, ids));
            }
        }
        if (zone.contains("radius_cm")) {
            checker.error(childPath(path, "radius_cm"),
                          "only landmark zones have a radius; a region zone covers the region");
        }
    } else {
        if (auto landmark = checker.text(zone, path, "landmark")) {
            if (auto midline = context.landmarks->isMidline(*landmark)) {
                out.landmark = *landmark;
                midlineTarget = *midline;
            } else {
                std::vector<std::string_view> ids;
                for (const auto& [id, mid] : context.landmarks->midline) ids.push_back(id);
                checker.error(childPath(path, "landmark"), "'" + *landmark + "' is not a landmark id (" +
                                                               context.landmarks->origin + ")" +
                                                               suggestion(*landmark, ids));
            }
        }
        if (auto radius = checker.number(zone, path, "radius_cm", 1.0, 15.0)) out.radiusCm = *radius;
    }
    if (auto kind = checker.word(zone, path, "kind", kZoneKinds)) out.kind = enumOf<ZoneKind>(kZoneKinds, *kind);
    if (auto side = checker.word(zone, path, "side", kZoneSides, Need::Optional)) {
        out.side = enumOf<ZoneSide>(kZoneSides, *side);
        const std::string target = out.region.empty() ? out.landmark : out.region;
        if (!target.empty() && midlineTarget && out.side != ZoneSide::Midline) {
            checker.error(childPath(path, "side"),
                          "'" + target + "' lies on the midline and has no side: use 'midline' or leave side out");
        } else if (!target.empty() && !midlineTarget && out.side == ZoneSide::Midline) {
            checker.error(childPath(path, "side"), "'" + target +
                                                       "' has a left and a right side: 'midline' is only for "
                                                       "midline regions and landmarks (use same, opposite or both)");
        }
    } else if (midlineTarget) {
        out.side = ZoneSide::Midline;
    }
    if (checker.errorsSince(start) > 0) return std::nullopt;
    return out;
}

std::optional<TriggerPoint> parseTriggerPoint(const Json& tp, const std::string& path, const std::string& muscleId,
                                              const ParseContext& context, Checker& checker) {
    if (!checker.expectObject(tp, path)) return std::nullopt;
    checker.unknownFields(tp, path, kTriggerPointFields);
    const std::size_t start = checker.mark();
    TriggerPoint out;
    out.muscleId = muscleId;
    if (auto id = checker.text(tp, path, "id")) {
        if (isTriggerPointIdOf(*id, muscleId)) {
            out.id = *id;
        } else {
            checker.error(childPath(path, "id"), "'" + *id + "' is not a trigger point id of this muscle: expected " +
                                                     (muscleId.empty() ? "<muscle>" : muscleId) +
                                                     ".tp<N> with N a whole number from 1");
        }
    }
    if (auto name = checker.text(tp, path, "name")) out.name = std::move(*name);
    if (auto u = checker.number(tp, path, "u", 0.0, 1.0)) out.u = *u;
    if (auto v = checker.number(tp, path, "v", 0.0, 1.0)) out.v = *v;
    if (auto palpation = checker.text(tp, path, "palpation")) out.palpation = std::move(*palpation);
    if (const Json* referral = checker.get(tp, path, "referral", Kind::Object)) {
        const std::string here = childPath(path, "referral");
        checker.unknownFields(*referral, here, kReferralFields);
        if (auto description = parseLevels(*referral, here, "description", checker)) {
            out.referral = std::move(*description);
        }
        if (const Json* zones = checker.array(*referral, here, "zones", true)) {
            const std::string zonesPath = childPath(here, "zones");
            for (std::size_t i = 0; i < zones->size(); ++i) {
                if (auto zone = parseZone((*zones)[i], childPath(zonesPath, i), context, checker)) {
                    out.zones.push_back(std::move(*zone));
                }
            }
            const bool anyEssential = std::any_of(out.zones.begin(), out.zones.end(),
                                                  [](const ReferralZone& z) { return z.kind == ZoneKind::Essential; });
            if (out.zones.size() == zones->size() && !anyEssential) {
                checker.error(zonesPath, "needs at least one essential zone (the pattern as the textbooks draw it)");
            }
        }
    }
    if (checker.errorsSince(start) > 0) return std::nullopt;
    return out;
}

std::optional<std::vector<Technique>> parseTechniques(const Json& treatment, const std::string& path,
                                                      std::string_view key, std::span<const std::string_view> allowed,
                                                      Checker& checker) {
    const Json* list = checker.array(treatment, path, key, true);
    if (!list) return std::nullopt;
    const std::string here = childPath(path, key);
    const std::size_t start = checker.mark();
    std::vector<Technique> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string itemPath = childPath(here, i);
        const Json& item = (*list)[i];
        if (!checker.expectObject(item, itemPath)) continue;
        checker.unknownFields(item, itemPath, kTechniqueFields);
        auto technique = checker.word(item, itemPath, "technique", allowed);
        auto how = checker.text(item, itemPath, "how");
        if (technique && how) out.push_back({std::move(*technique), std::move(*how)});
    }
    if (checker.errorsSince(start) > 0) return std::nullopt;
    return out;
}

void parseTriggerPoints(const Json& list, const std::string& path, Muscle& muscle, const ParseContext& context,
                        Checker& checker) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string itemPath = childPath(path, i);
        const std::size_t start = checker.mark();
        auto tp = parseTriggerPoint(list[i], itemPath, muscle.id, context, checker);
        if (tp && !seen.insert(tp->id).second) {
            checker.error(childPath(itemPath, "id"), "duplicate trigger point id '" + tp->id + "'");
            tp.reset();
        }
        if (tp) {
            muscle.triggerPoints.push_back(std::move(*tp));
            continue;
        }
        const Json& raw = list[i];
        const bool named = raw.is_object() && raw.contains("id") && raw["id"].is_string();
        checker.setSkipped(start, "trigger point " + (named ? raw["id"].get<std::string>() : "#" + std::to_string(i)));
    }
}

}  // namespace

std::optional<Muscle> parseMuscle(const Json& root, const ParseContext& context, Checker& checker) {
    const std::size_t start = checker.mark();
    if (!root.is_object()) {
        checker.error("", "a muscle file holds one JSON object, found " + describeValue(root));
        checker.setSkipped(start, "muscle file");
        return std::nullopt;
    }
    checker.unknownFields(root, "", kMuscleFields);
    Muscle m;
    if (auto id = checker.text(root, "", "id")) {
        if (!isMuscleId(*id)) {
            checker.error("/id",
                          "'" + *id + "' is not one of the figure's " + std::to_string(kMuscleIds.size()) + " muscle ids" + suggestion(*id, kMuscleIds));
        } else {
            m.id = std::move(*id);
        }
    }
    if (const Json* names = checker.get(root, "", "names", Kind::Object)) {
        checker.unknownFields(*names, "/names", kNameFields);
        if (auto common = checker.text(*names, "/names", "common")) m.names.common = std::move(*common);
        if (auto latin = checker.text(*names, "/names", "latin")) m.names.latin = std::move(*latin);
        if (auto also = checker.textList(*names, "/names", "also", false, Need::Optional))
            m.names.also = std::move(*also);
    }
    if (auto region = checker.word(root, "", "region", kMuscleRegions)) m.region = std::move(*region);
    if (auto layer = checker.word(root, "", "layer", kLayers)) m.layer = enumOf<Layer>(kLayers, *layer);
    if (auto origin = checker.text(root, "", "origin")) m.origin = std::move(*origin);
    if (auto insertion = checker.text(root, "", "insertion")) m.insertion = std::move(*insertion);
    if (auto action = checker.text(root, "", "action")) m.action = std::move(*action);
    if (auto innervation = checker.text(root, "", "innervation")) m.innervation = std::move(*innervation);
    if (const Json* axis = checker.get(root, "", "v_axis", Kind::Object)) {
        checker.unknownFields(*axis, "/v_axis", kAxisFields);
        auto from = checker.word(*axis, "/v_axis", "from", kDirections);
        auto to = checker.word(*axis, "/v_axis", "to", kDirections);
        if (from && to && *from == *to) checker.error("/v_axis/to", "must differ from v_axis.from ('" + *from + "')");
        if (from) m.vFrom = enumOf<Direction>(kDirections, *from);
        if (to) m.vTo = enumOf<Direction>(kDirections, *to);
    }
    if (auto related = checker.textList(root, "", "related", false)) {
        for (std::size_t i = 0; i < related->size(); ++i) {
            const std::string& other = (*related)[i];
            if (!isMuscleId(other)) {
                checker.error(childPath("/related", i), "'" + other + "' is not one of the figure's " + std::to_string(kMuscleIds.size()) + " muscle ids" +
                                                            suggestion(other, kMuscleIds));
            } else if (other == m.id) {
                checker.error(childPath("/related", i), "a muscle is not related to itself");
            }
        }
        m.related = std::move(*related);
    }
    if (auto summary = parseLevels(root, "", "summary", checker)) m.summary = std::move(*summary);
    if (auto symptoms = parseLevels(root, "", "symptoms", checker)) m.symptoms = std::move(*symptoms);
    if (auto causes = checker.textList(root, "", "causes", true)) m.causes = std::move(*causes);
    if (auto cautions = checker.textList(root, "", "cautions", true)) m.cautions = std::move(*cautions);
    if (const Json* treatment = checker.get(root, "", "treatment", Kind::Object)) {
        checker.unknownFields(*treatment, "/treatment", kTreatmentFields);
        if (auto t = parseTechniques(*treatment, "/treatment", "therapist", kTherapistTechniques, checker)) {
            m.therapistTreatment = std::move(*t);
        }
        if (auto t = parseTechniques(*treatment, "/treatment", "self_care", kSelfCareTechniques, checker)) {
            m.selfCare = std::move(*t);
        }
    }
    if (auto sources = parseCitations(root, "", context, checker)) m.sources = std::move(*sources);
    if (auto notes = checker.text(root, "", "source_notes", Need::Optional)) m.sourceNotes = std::move(*notes);

    // Trigger point problems skip only the trigger point, so they are counted apart.
    const std::size_t muscleErrors = checker.errorsSince(start);
    const Json* tps = checker.array(root, "", "trigger_points", true);
    if (tps) parseTriggerPoints(*tps, "/trigger_points", m, context, checker);
    if (muscleErrors > 0 || !tps) {
        checker.setSkipped(start, "muscle file");
        return std::nullopt;
    }
    return m;
}

}  // namespace myomap::anatomy::detail

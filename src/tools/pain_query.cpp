#include "tools/pain_query.h"

#include "anatomy/atlas.h"
#include "anatomy/pain_finder.h"
#include "anatomy/regions.h"
#include "anatomy/search.h"
#include "core/numbers.h"
#include "explore/figure_surfaces.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iomanip>
#include <sstream>

namespace myomap::app {
namespace {

namespace an = anatomy;
using Json = nlohmann::ordered_json;

// A point on the skin is within this of the skin vertex nearest it; further is a usage error.
constexpr double kMaxDistanceFromSkin = 0.05;

std::optional<std::vector<double>> parsePoint(std::string_view text) {
    std::vector<double> xyz;
    while (true) {
        const auto comma = text.find(',');
        const auto value = parseNumber<double>(text.substr(0, comma));
        if (!value) return std::nullopt;
        xyz.push_back(*value);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    if (xyz.size() != 3) return std::nullopt;
    return xyz;
}

// A region id the figure speaks: "temple", "temple.L", "sternum" (checked against the canonical list).
std::optional<QueryError> checkRegion(const std::string& wanted) {
    std::string region = wanted;
    const bool sided = an::sideOf(region).has_value();
    if (sided) region.resize(region.size() - 2);
    const an::BodyRegion* known = an::findBodyRegion(region);
    if (!known) {
        constexpr auto ids = an::bodyRegionIds();
        return QueryError{2, "no body region '" + wanted + "' (see --list-regions)", an::closestMatches(region, ids, 3)};
    }
    if (sided && known->midline) return QueryError{2, "'" + region + "' is a midline region: leave out .L/.R", {}};
    return std::nullopt;
}

std::string sideText(const std::optional<an::Side>& side) {
    return side ? (*side == an::Side::Left ? "L" : "R") : "L/R";
}

std::string fixed2(double value) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(2) << value;
    return s.str();
}

void printText(const an::Atlas& atlas, const std::vector<an::MuscleHit>& muscles,
               const std::vector<const an::RegionWarning*>& warnings, std::size_t top, const std::string& where,
               std::ostream& out) {
    out << "Pain " << where << ": muscles whose trigger points refer there, those the textbook's pain guide "
           "names for the area first (guide: its place), then strongest first\n";
    out << "(score: the share of the spot the pattern covers, essential zones 1, spillover 0.4; side: of the "
           "trigger point, L/R = the side of the pain)\n";
    if (muscles.empty()) out << "No trigger point in the atlas refers pain there.\n";
    std::size_t shown = 0;
    for (const an::MuscleHit& m : muscles) {
        if (shown++ == top) break;
        const an::Muscle* muscle = atlas.findMuscle(m.muscleId);
        const an::TriggerPoint* tp = atlas.findTriggerPoint(m.bestTp);
        const std::string tpShort = m.bestTp.substr(m.bestTp.rfind('.') + 1);
        out << std::left << std::setw(32) << m.muscleId << "  " << std::setw(5) << tpShort << std::setw(5)
            << sideText(m.side) << std::setw(11) << an::toString(m.kind) << std::setw(6) << fixed2(m.score)
            << std::setw(10) << (m.guideRank >= 0 ? "guide " + std::to_string(m.guideRank + 1) : "")
            << (muscle ? muscle->names.common : m.muscleId) << (tp ? " (" + tp->name + ")" : "") << "\n";
    }
    for (const an::RegionWarning* warning : warnings) out << "\nAlso consider: " << warning->text.student << "\n";
    if (!atlas.disclaimer().empty()) out << "\n" << atlas.disclaimer() << "\n";
}

Json toJson(const an::Atlas& atlas, const std::vector<an::PainHit>& hits, const std::vector<an::MuscleHit>& muscles,
            std::size_t top) {
    Json m = Json::array();
    for (std::size_t i = 0; i < muscles.size() && i < top; ++i) {
        const an::Muscle* muscle = atlas.findMuscle(muscles[i].muscleId);
        m.push_back({{"muscle", muscles[i].muscleId},
                     {"name", muscle ? muscle->names.common : muscles[i].muscleId},
                     {"trigger_point", muscles[i].bestTp},
                     {"side", muscles[i].side ? sideText(muscles[i].side) : "either"},
                     {"kind", an::toString(muscles[i].kind)},
                     {"score", muscles[i].score},
                     {"guide_place", muscles[i].guideRank >= 0 ? Json(muscles[i].guideRank + 1) : Json(nullptr)}});
    }
    Json t = Json::array();
    for (std::size_t i = 0; i < hits.size() && i < top; ++i) {
        const an::TriggerPoint* tp = atlas.findTriggerPoint(hits[i].tpId);
        t.push_back({{"trigger_point", hits[i].tpId},
                     {"muscle", hits[i].muscleId},
                     {"name", tp ? tp->name : ""},
                     {"side", hits[i].side ? sideText(hits[i].side) : "either"},
                     {"kind", an::toString(hits[i].kind)},
                     {"score", hits[i].score}});
    }
    return Json{{"muscles", std::move(m)}, {"trigger_points", std::move(t)}};
}

}  // namespace

std::optional<QueryError> answerPain(const PainQuestion& q, std::ostream& out, std::ostream& err) {
    std::optional<std::vector<double>> xyz;
    if (q.atPoint) {
        xyz = parsePoint(q.argument);
        if (!xyz) {
            return QueryError{2, "bad value '" + q.argument + "' for --at: expected x,y,z in metres, e.g. 0.1,1.5,-0.05", {}};
        }
    } else if (auto bad = checkRegion(q.argument)) {
        return bad;
    }

    an::LoadOptions load;
    load.logProblems = false;
    load.landmarksCsv = q.landmarksCsv;
    const an::Atlas atlas = an::loadAtlas(q.atlasDir, load);
    if (atlas.muscles.empty()) {
        return QueryError{1, "no muscles loaded from '" + q.atlasDir.string() + "' (see myomap query --problems)", {}};
    }
    auto body = loadFigureSurfaces(q.figure, q.landmarksCsv);
    if (!body) return QueryError{1, body.error(), {}};
    const an::PainFinder finder(atlas, *body);
    if (!finder.warnings().empty()) {
        err << "myomap query: note: " << finder.warnings().size()
            << " trigger point placements were left out, first: " << finder.warnings().front() << "\n";
    }

    std::vector<an::PainHit> hits;
    std::string where;
    std::string region;  // the region asked about, or the one under the point
    Json asked;
    if (xyz) {
        const glm::vec3 point(static_cast<float>((*xyz)[0]), static_cast<float>((*xyz)[1]),
                              static_cast<float>((*xyz)[2]));
        const an::SkinSpot spot = finder.spotAt(point);
        if (spot.distance > kMaxDistanceFromSkin) {
            return QueryError{2,
                              "the point " + q.argument + " is " + fixed2(spot.distance * 100.0) +
                                  " cm from the figure's skin (" + q.figure.string() +
                                  "): give a point on the skin, in metres",
                              {}};
        }
        hits = finder.atPoint(point);
        region = spot.region;
        where = "at " + q.argument + " (skin region " + (spot.region.empty() ? "unlabelled" : spot.region) + ", " +
                fixed2(spot.distance * 1000.0) + " mm away)";
        asked = {{"point", *xyz},
                 {"skin", {{"vertex", spot.vertex}, {"region", spot.region}, {"distance_m", spot.distance}}}};
    } else {
        auto found = finder.atRegion(q.argument);
        if (!found) return QueryError{1, found.error() + " (" + q.figure.string() + ")", {}};
        hits = std::move(found.value());
        region = q.argument;
        const bool either = !an::sideOf(q.argument) && !an::findBodyRegion(q.argument)->midline;
        where = "in " + q.argument + (either ? " (either side)" : "");
        asked = {{"region", q.argument}};
    }
    const std::vector<an::MuscleHit> muscles = an::rankMuscles(hits);
    const std::vector<const an::RegionWarning*> warnings = atlas.warningsFor(region);
    if (q.json) {
        Json answer{{"query", std::move(asked)}};
        answer.update(toJson(atlas, hits, muscles, q.top));
        Json w = Json::array();
        for (const an::RegionWarning* warning : warnings) {
            w.push_back({{"id", warning->id}, {"client", warning->text.client}, {"student", warning->text.student}});
        }
        answer["warnings"] = std::move(w);
        out << answer.dump(2) << "\n";
    } else {
        printText(atlas, muscles, warnings, q.top, where, out);
    }
    return std::nullopt;
}

}  // namespace myomap::app

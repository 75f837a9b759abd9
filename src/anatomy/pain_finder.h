// The pain finder: "it hurts here" -> the trigger points whose referral zones cover that spot,
// ranked. A spot is a body region ("temple.L"; "temple" for either side; "sternum") or a point
// on the skin.
//
// Score of a trigger point on one side for a set of skin vertices: the fraction of them its
// essential zones cover, plus 0.4 times the fraction only its spillover zones cover (so in
// [0, 1], essential above spillover). A point is the set of skin vertices within a small radius
// (along the skin) of the skin vertex nearest it. Zones are taken with hard edges here.
//
// Order: where the region (for a point, the region of the skin under it) has a pain guide
// (Atlas::painGuideFor), the muscles it names come first, each at its place in the guide moved
// back by kGuideCoverSteps * (1 - score): a whole essential cover keeps the guide's place, a
// spillover cover (0.4) gives up 1.2 places, so the guide's first muscle stays in the top three.
// The others follow by score. Without a guide the order is by score alone. Ties go essential
// first, then by id.
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/body_surface.h"
#include "anatomy/referral_zones.h"
#include "anatomy/skin_geodesics.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::anatomy {

inline constexpr double kSpilloverWeight = 0.4;
inline constexpr double kGuideCoverSteps = 2.0;

struct PainHit {
    std::string tpId;      // "upper_trapezius.tp1"
    std::string muscleId;  // "upper_trapezius"
    // The trigger point's side; empty when both sides score the same, as for a sideless region
    // ("temple": the trigger point on the side of the pain) or a midline one ("sternum").
    std::optional<Side> side;
    double score = 0.0;  // in (0, 1]
    ZoneKind kind = ZoneKind::Essential;  // which part of the pattern covers the spot most
    // The muscle's place (0 first) in the pain guide of the spot's region, or -1 when the guide
    // does not name it or the region has no guide.
    int guideRank = -1;
};

struct MuscleHit {
    std::string muscleId;
    std::optional<Side> side;
    double score = 0.0;
    ZoneKind kind = ZoneKind::Essential;
    std::string bestTp;  // the trigger point that gave the score
    int guideRank = -1;  // as PainHit::guideRank
};

// Where a point landed on the skin.
struct SkinSpot {
    std::uint32_t vertex = 0;
    std::string region;     // "temple.L"; empty where the skin has no label
    double distance = 0.0;  // metres from the asked point to that vertex
};

class PainFinder {
public:
    // Places every trigger point's zones on both sides once. Trigger points that cannot be
    // placed are left out and listed in warnings(). The atlas and body must outlive the finder.
    PainFinder(const Atlas& atlas, const BodySurfaces& body);

    // Ranked hits for a region id: sided ("temple.L"), sideless ("temple": either side), or
    // midline ("sternum"). An error names the region when the skin has no such region.
    Result<std::vector<PainHit>> atRegion(std::string_view region) const;
    std::vector<PainHit> atPoint(const glm::vec3& point, double radius = 0.025) const;
    SkinSpot spotAt(const glm::vec3& point) const;

    // The sided and midline region names the skin carries ("temple.L", "sternum", ...) plus the
    // sideless forms of sided ones ("temple"): what atRegion accepts.
    std::vector<std::string> regionIds() const;
    const std::vector<std::string>& warnings() const { return m_warnings; }
    const SkinGraph& graph() const { return m_graph; }

private:
    struct Placed {
        const TriggerPoint* tp;
        Side side;
        std::vector<PlacedZone> zones;
        std::vector<std::vector<std::uint32_t>> discVertices;  // per zone, sorted
    };
    // (essential part, spillover-only part) of the score of `p` over `vertices`.
    std::pair<double, double> cover(const Placed& p, const std::vector<std::uint32_t>& vertices) const;
    std::vector<PainHit> rank(const std::vector<std::vector<std::uint32_t>>& spots, const PainGuide* guide) const;

    const Atlas& m_atlas;
    const BodySurfaces& m_body;
    SkinGraph m_graph;
    SkinRegions m_regions;
    std::vector<Placed> m_placed;
    std::vector<std::string> m_warnings;
};

// The best trigger point of each muscle (and side), in the order of `hits` (which is sorted).
std::vector<MuscleHit> rankMuscles(const std::vector<PainHit>& hits);

}  // namespace myomap::anatomy

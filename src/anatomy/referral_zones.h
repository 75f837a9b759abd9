// Referral zones placed on the figure's skin: which skin vertices a trigger point's zones cover
// when the trigger point is on a given side. Shared by the referral field (heat) and the pain
// finder (ranking).
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/body_surface.h"
#include "anatomy/skin_geodesics.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace myomap::anatomy {

// Vertices of the skin by region, built once next to the graph.
class SkinRegions {
public:
    explicit SkinRegions(const SkinSurface& skin);
    const std::vector<std::uint32_t>& vertices(std::uint16_t region) const;

private:
    std::vector<std::vector<std::uint32_t>> m_vertices;
};

// One zone on the skin. A region zone covers whole regions; a landmark zone covers the disc of
// `radius_cm` around the skin vertex nearest the (bony) landmark, measured along the skin.
struct PlacedZone {
    ZoneKind kind = ZoneKind::Essential;
    std::string label;                    // "temple.L", "mastoid_process.L (3 cm)": for messages
    std::vector<std::uint16_t> regions;   // skin region indices covered whole
    // Landmark discs: (vertex, distance along the skin minus the radius), so <= 0 inside.
    std::vector<std::pair<std::uint32_t, float>> disc;
    std::vector<DistanceSeed> discSeeds;  // the disc's centre vertex seeded with -radius
    std::size_t vertexCount = 0;          // skin vertices inside the zone
};

// Resolves a zone's region or landmark against the trigger point's side (docs/CONTENT.md:
// same, opposite, both, midline). Names only; no geometry.
std::vector<std::string> sidedRegionNames(const ReferralZone& zone, Side tpSide);
std::vector<std::string> sidedLandmarkNames(const ReferralZone& zone, Side tpSide, const BodySurfaces& body);

// Every zone of `tp` placed for a trigger point on `tpSide`. An error names the trigger point
// and the zone that is missing from the figure or covers no skin vertex.
Result<std::vector<PlacedZone>> placeZones(const BodySurfaces& body, const SkinGraph& graph,
                                           const SkinRegions& regions, const TriggerPoint& tp, Side tpSide);

}  // namespace myomap::anatomy

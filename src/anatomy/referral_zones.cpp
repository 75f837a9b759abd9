#include "anatomy/referral_zones.h"

#include "anatomy/regions.h"

#include <cmath>
#include <sstream>

namespace myomap::anatomy {
namespace {

std::vector<Side> sidesFor(ZoneSide zoneSide, Side tpSide) {
    switch (zoneSide) {
        case ZoneSide::Same: return {tpSide};
        case ZoneSide::Opposite: return {opposite(tpSide)};
        case ZoneSide::Both:
        case ZoneSide::Midline: return {Side::Left, Side::Right};
    }
    return {tpSide};
}

}  // namespace

SkinRegions::SkinRegions(const SkinSurface& skin) : m_vertices(skin.regionNames.size()) {
    for (std::size_t v = 0; v < skin.region.size(); ++v) {
        if (skin.region[v] < m_vertices.size()) m_vertices[skin.region[v]].push_back(static_cast<std::uint32_t>(v));
    }
}

const std::vector<std::uint32_t>& SkinRegions::vertices(std::uint16_t region) const {
    static const std::vector<std::uint32_t> kNone;
    return region < m_vertices.size() ? m_vertices[region] : kNone;
}

std::vector<std::string> sidedRegionNames(const ReferralZone& zone, Side tpSide) {
    const BodyRegion* known = findBodyRegion(zone.region);
    if (known && known->midline) return {zone.region};
    std::vector<std::string> out;
    for (Side s : sidesFor(zone.side, tpSide)) out.push_back(zone.region + std::string(suffix(s)));
    return out;
}

std::vector<std::string> sidedLandmarkNames(const ReferralZone& zone, Side tpSide, const BodySurfaces& body) {
    if (body.landmarks.contains(zone.landmark)) return {zone.landmark};  // a midline landmark
    std::vector<std::string> out;
    for (Side s : sidesFor(zone.side, tpSide)) out.push_back(zone.landmark + std::string(suffix(s)));
    return out;
}

Result<std::vector<PlacedZone>> placeZones(const BodySurfaces& body, const SkinGraph& graph,
                                           const SkinRegions& regions, const TriggerPoint& tp, Side tpSide) {
    std::vector<PlacedZone> out;
    const std::string who = "trigger point " + tp.id + std::string(suffix(tpSide));
    for (const ReferralZone& zone : tp.zones) {
        PlacedZone placed;
        placed.kind = zone.kind;
        if (!zone.region.empty()) {
            for (const std::string& name : sidedRegionNames(zone, tpSide)) {
                const std::uint16_t index = body.skin.regionIndex(name);
                if (index == kNoRegion || regions.vertices(index).empty()) {
                    return fail(who + ": zone region '" + name + "' has no vertices on the figure's skin");
                }
                placed.regions.push_back(index);
                placed.vertexCount += regions.vertices(index).size();
                placed.label += (placed.label.empty() ? "" : " + ") + name;
            }
        } else {
            const auto radius = static_cast<float>(zone.radiusCm / 100.0);
            for (const std::string& name : sidedLandmarkNames(zone, tpSide, body)) {
                const auto it = body.landmarks.find(name);
                if (it == body.landmarks.end()) {
                    return fail(who + ": zone landmark '" + name + "' is not among the figure's landmarks");
                }
                const DistanceSeed seed{body.skin.nearestVertex(it->second), -radius};
                const auto inside = graph.reached(std::span(&seed, 1), 0.0f);
                if (inside.empty()) return fail(who + ": zone around landmark '" + name + "' covers no skin vertex");
                placed.discSeeds.push_back(seed);
                placed.disc.insert(placed.disc.end(), inside.begin(), inside.end());
                placed.vertexCount += inside.size();
                std::ostringstream label;
                label << name << " (" << zone.radiusCm << " cm)";
                placed.label += (placed.label.empty() ? "" : " + ") + label.str();
            }
        }
        out.push_back(std::move(placed));
    }
    return out;
}

}  // namespace myomap::anatomy

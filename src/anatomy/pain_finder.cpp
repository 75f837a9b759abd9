#include "anatomy/pain_finder.h"

#include "anatomy/regions.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace myomap::anatomy {
namespace {

// A guide's muscle's place: its place in the guide, moved back as its pattern covers less.
double guidePlace(const PainHit& h) { return h.guideRank + kGuideCoverSteps * (1.0 - h.score); }

// The guide's muscles first, by guidePlace (then the guide's order), then the rest by score.
bool ranksBefore(const PainHit& a, const PainHit& b) {
    const bool aListed = a.guideRank >= 0, bListed = b.guideRank >= 0;
    if (aListed != bListed) return aListed;
    if (aListed) {
        const double pa = guidePlace(a), pb = guidePlace(b);
        if (std::abs(pa - pb) > 1e-9) return pa < pb;
        if (a.guideRank != b.guideRank) return a.guideRank < b.guideRank;
    }
    if (a.score != b.score) return a.score > b.score;
    if (a.kind != b.kind) return a.kind == ZoneKind::Essential;
    if (a.tpId != b.tpId) return a.tpId < b.tpId;
    const auto order = [](const std::optional<Side>& s) { return s ? (*s == Side::Left ? 1 : 2) : 0; };
    return order(a.side) < order(b.side);
}

}  // namespace

PainFinder::PainFinder(const Atlas& atlas, const BodySurfaces& body)
    : m_atlas(atlas), m_body(body), m_graph(body.skin), m_regions(body.skin) {
    for (const Muscle& muscle : atlas.muscles) {
        for (const TriggerPoint& tp : muscle.triggerPoints) {
            for (Side side : {Side::Left, Side::Right}) {
                auto zones = placeZones(body, m_graph, m_regions, tp, side);
                if (!zones) {
                    m_warnings.push_back(zones.error());
                    continue;
                }
                Placed placed{&tp, side, std::move(zones.value()), {}};
                for (const PlacedZone& z : placed.zones) {
                    std::vector<std::uint32_t> disc;
                    for (const auto& [v, d] : z.disc) disc.push_back(v);
                    std::sort(disc.begin(), disc.end());
                    placed.discVertices.push_back(std::move(disc));
                }
                m_placed.push_back(std::move(placed));
            }
        }
    }
}

std::pair<double, double> PainFinder::cover(const Placed& p, const std::vector<std::uint32_t>& vertices) const {
    if (vertices.empty()) return {0.0, 0.0};
    std::size_t essential = 0, spilloverOnly = 0;
    for (std::uint32_t v : vertices) {
        const std::uint16_t region = m_body.skin.region[v];
        bool e = false, s = false;
        for (std::size_t z = 0; z < p.zones.size(); ++z) {
            const PlacedZone& zone = p.zones[z];
            const bool inside =
                std::find(zone.regions.begin(), zone.regions.end(), region) != zone.regions.end() ||
                std::binary_search(p.discVertices[z].begin(), p.discVertices[z].end(), v);
            if (!inside) continue;
            (zone.kind == ZoneKind::Essential ? e : s) = true;
        }
        if (e) ++essential;
        else if (s) ++spilloverOnly;
    }
    const auto n = static_cast<double>(vertices.size());
    return {static_cast<double>(essential) / n, kSpilloverWeight * static_cast<double>(spilloverOnly) / n};
}

std::vector<PainHit> PainFinder::rank(const std::vector<std::vector<std::uint32_t>>& spots,
                                      const PainGuide* guide) const {
    const auto guideRank = [guide](const std::string& muscleId) {
        if (!guide) return -1;
        const auto it = std::find(guide->muscles.begin(), guide->muscles.end(), muscleId);
        return it == guide->muscles.end() ? -1 : static_cast<int>(it - guide->muscles.begin());
    };
    // Best score of each trigger point on each side over the spots.
    std::map<std::string, std::pair<PainHit, PainHit>> byTp;  // (left, right)
    for (const Placed& p : m_placed) {
        PainHit hit{p.tp->id, p.tp->muscleId, p.side, 0.0, ZoneKind::Essential, guideRank(p.tp->muscleId)};
        for (const auto& spot : spots) {
            const auto [e, s] = cover(p, spot);
            if (e + s > hit.score) {
                hit.score = e + s;
                hit.kind = e > 0.0 && e >= s ? ZoneKind::Essential : ZoneKind::Spillover;
            }
        }
        auto& pair = byTp[p.tp->id];
        (p.side == Side::Left ? pair.first : pair.second) = hit;
    }
    std::vector<PainHit> out;
    for (auto& [id, pair] : byTp) {
        PainHit& left = pair.first;
        PainHit& right = pair.second;
        const bool same = std::abs(left.score - right.score) < 1e-9 && left.kind == right.kind;
        if (same) {
            if (left.score <= 0.0) continue;
            left.side = std::nullopt;
            out.push_back(left);
            continue;
        }
        if (left.score > 0.0) out.push_back(left);
        if (right.score > 0.0) out.push_back(right);
    }
    std::sort(out.begin(), out.end(), ranksBefore);
    return out;
}

Result<std::vector<PainHit>> PainFinder::atRegion(std::string_view region) const {
    std::vector<std::string> names;
    const std::optional<Side> side = sideOf(region);
    const std::string bare(side ? region.substr(0, region.size() - 2) : region);
    const BodyRegion* known = findBodyRegion(bare);
    if (side || (known && known->midline)) {
        names.emplace_back(region);
    } else {
        names = {bare + ".L", bare + ".R"};
    }
    std::vector<std::vector<std::uint32_t>> spots;
    for (const std::string& name : names) {
        const std::uint16_t index = m_body.skin.regionIndex(name);
        if (index == kNoRegion || m_regions.vertices(index).empty()) {
            return fail("no body region '" + std::string(region) + "' on the figure's skin (it has no '" + name +
                        "')");
        }
        spots.push_back(m_regions.vertices(index));
    }
    return rank(spots, m_atlas.painGuideFor(bare));
}

SkinSpot PainFinder::spotAt(const glm::vec3& point) const {
    SkinSpot spot;
    if (m_body.skin.positions.empty()) return spot;
    spot.vertex = m_body.skin.nearestVertex(point);
    spot.distance = glm::length(m_body.skin.positions[spot.vertex] - point);
    const std::uint16_t r = m_body.skin.region[spot.vertex];
    if (r < m_body.skin.regionNames.size()) spot.region = m_body.skin.regionNames[r];
    return spot;
}

std::vector<PainHit> PainFinder::atPoint(const glm::vec3& point, double radius) const {
    if (m_body.skin.positions.empty()) return {};
    const DistanceSeed seed{m_body.skin.nearestVertex(point), 0.0f};
    std::vector<std::uint32_t> spot;
    for (const auto& [v, d] : m_graph.reached(std::span(&seed, 1), static_cast<float>(std::max(radius, 0.0)))) {
        spot.push_back(v);
    }
    const std::uint16_t region = m_body.skin.region[seed.vertex];
    const PainGuide* guide =
        region < m_body.skin.regionNames.size() ? m_atlas.painGuideFor(m_body.skin.regionNames[region]) : nullptr;
    return rank({spot}, guide);
}

std::vector<std::string> PainFinder::regionIds() const {
    std::set<std::string> ids;
    for (const std::string& name : m_body.skin.regionNames) {
        ids.insert(name);
        if (sideOf(name)) ids.insert(name.substr(0, name.size() - 2));
    }
    return {ids.begin(), ids.end()};
}

std::vector<MuscleHit> rankMuscles(const std::vector<PainHit>& hits) {
    std::vector<MuscleHit> out;
    std::set<std::pair<std::string, int>> seen;
    for (const PainHit& h : hits) {
        const int side = h.side ? (*h.side == Side::Left ? 1 : 2) : 0;
        if (!seen.emplace(h.muscleId, side).second) continue;
        out.push_back({h.muscleId, h.side, h.score, h.kind, h.tpId, h.guideRank});
    }
    return out;
}

}  // namespace myomap::anatomy

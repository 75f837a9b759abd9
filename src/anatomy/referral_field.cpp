#include "anatomy/referral_field.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace myomap::anatomy {
namespace {

double smoothstep01(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

// 1 inside (d <= 0), falling smoothly to exactly 0 at `width` beyond the edge.
float softMask(float d, double width) {
    if (d == kUnreached) return 0.0f;
    if (d <= 0.0f) return 1.0f;
    if (width <= 0.0 || d >= width) return 0.0f;
    return static_cast<float>(1.0 - smoothstep01(d / width));
}

// Distance along the skin to the nearest vertex of the zones of `kind` (<= 0 inside).
std::vector<float> distanceToZones(const SkinGraph& graph, const SkinRegions& regions,
                                   const std::vector<PlacedZone>& zones, ZoneKind kind, double edgeWidth) {
    std::vector<DistanceSeed> seeds;
    for (const PlacedZone& z : zones) {
        if (z.kind != kind) continue;
        for (std::uint16_t r : z.regions) {
            for (std::uint32_t v : regions.vertices(r)) seeds.push_back({v, 0.0f});
        }
        seeds.insert(seeds.end(), z.discSeeds.begin(), z.discSeeds.end());
    }
    std::vector<float> out;
    graph.distances(seeds, static_cast<float>(std::max(edgeWidth, 0.0)), out);
    return out;
}

}  // namespace

Result<ReferralField> ReferralField::build(const BodySurfaces& body, const SkinGraph& graph,
                                           const SkinRegions& regions, const Muscle& muscle,
                                           const TriggerPoint& tp, Side side, const FieldParams& params) {
    if (body.skin.positions.empty()) return fail("referral field of " + tp.id + ": the figure has no skin");
    if (!(params.frontSpeed > 0.0) || !(params.pulsePeriod > 0.0)) {
        return fail("referral field of " + tp.id + ": front speed and pulse period must be positive");
    }
    const auto origin = triggerPointPosition(body, muscle, tp, side);
    if (!origin) return fail(origin.error());
    auto zones = placeZones(body, graph, regions, tp, side);
    if (!zones) return fail(zones.error());

    ReferralField f;
    f.m_key = tp.id + std::string(suffix(side));
    f.m_side = side;
    f.m_params = params;
    f.m_origin = *origin;
    f.m_originVertex = body.skin.nearestVertex(*origin);
    f.m_zones = std::move(zones.value());
    const DistanceSeed start{f.m_originVertex, 0.0f};
    graph.distances(std::span(&start, 1), kUnreached, f.m_geodesic);

    const std::vector<float> toEssential =
        distanceToZones(graph, regions, f.m_zones, ZoneKind::Essential, params.edgeWidth);
    const std::vector<float> toSpillover =
        distanceToZones(graph, regions, f.m_zones, ZoneKind::Spillover, params.edgeWidth);
    const auto spill = static_cast<float>(params.spilloverStrength);
    const glm::vec3 from = body.skin.positions[f.m_originVertex];
    f.m_activeIndex.assign(body.skin.positions.size(), -1);
    double lastArrival = 0.0;
    for (std::size_t v = 0; v < body.skin.positions.size(); ++v) {
        const float essential = softMask(toEssential[v], params.edgeWidth);
        const float spillover = spill * softMask(toSpillover[v], params.edgeWidth);
        const float strength = std::max(essential, spillover);
        if (!(strength > 0.0f)) continue;
        // A piece of skin the edges do not connect (none on the built-in figure) is reached
        // as the crow flies.
        const float distance = f.m_geodesic[v] != kUnreached ? f.m_geodesic[v]
                                                             : glm::length(body.skin.positions[v] - from);
        const auto arrival = static_cast<float>(distance / params.frontSpeed);
        lastArrival = std::max(lastArrival, static_cast<double>(arrival));
        f.m_activeIndex[v] = static_cast<std::int32_t>(f.m_active.size());
        f.m_active.push_back({static_cast<std::uint32_t>(v), std::min(strength, 1.0f), arrival,
                              essential > 0.0f && essential >= spillover});
    }
    f.m_fullyReached = lastArrival + std::max(params.frontWidth, 0.0) / params.frontSpeed;
    return f;
}

float ReferralField::reach(float arrival, double t) const {
    const double ramp = m_params.frontWidth / m_params.frontSpeed;
    if (ramp <= 0.0) return t >= arrival ? 1.0f : 0.0f;
    return static_cast<float>(smoothstep01((t - arrival) / ramp));
}

double ReferralField::pulse(double t) const {
    const double phase = std::fmod(std::max(t, 0.0), m_params.pulsePeriod) / m_params.pulsePeriod;
    const double low = std::clamp(m_params.pulseLow, 0.0, 1.0);
    return low + (1.0 - low) * 0.5 * (1.0 + std::cos(2.0 * std::numbers::pi * phase));
}

float ReferralField::heat(std::size_t vertex, double t) const {
    const std::int32_t i = vertex < m_activeIndex.size() ? m_activeIndex[vertex] : -1;
    if (i < 0) return 0.0f;
    const Active& a = m_active[static_cast<std::size_t>(i)];
    if (m_params.still) return a.strength;
    t = std::max(t, 0.0);
    return std::clamp(a.strength * reach(a.arrival, t) * static_cast<float>(pulse(t)), 0.0f, 1.0f);
}

void ReferralField::heatAll(double t, std::span<float> out) const {
    std::fill(out.begin(), out.end(), 0.0f);
    t = std::max(t, 0.0);
    const auto p = static_cast<float>(pulse(t));
    for (const Active& a : m_active) {
        if (a.vertex >= out.size()) continue;
        out[a.vertex] = m_params.still ? a.strength : std::clamp(a.strength * reach(a.arrival, t) * p, 0.0f, 1.0f);
    }
}

float ReferralField::strength(std::size_t vertex) const {
    const std::int32_t i = vertex < m_activeIndex.size() ? m_activeIndex[vertex] : -1;
    return i < 0 ? 0.0f : m_active[static_cast<std::size_t>(i)].strength;
}

bool ReferralField::isEssential(std::size_t vertex) const {
    const std::int32_t i = vertex < m_activeIndex.size() ? m_activeIndex[vertex] : -1;
    return i >= 0 && m_active[static_cast<std::size_t>(i)].essential;
}

double ReferralField::arrivalTime(std::size_t vertex) const {
    const std::int32_t i = vertex < m_activeIndex.size() ? m_activeIndex[vertex] : -1;
    if (i >= 0) return m_active[static_cast<std::size_t>(i)].arrival;
    return m_geodesic[vertex] == kUnreached ? kUnreached : m_geodesic[vertex] / m_params.frontSpeed;
}

double ReferralField::peakTime(int k) const {
    return m_params.pulsePeriod * (std::ceil(m_fullyReached / m_params.pulsePeriod) + std::max(k, 0));
}

double ReferralField::maxRate() const {
    const double ramp = m_params.frontWidth / m_params.frontSpeed;
    const double low = std::clamp(m_params.pulseLow, 0.0, 1.0);
    return (ramp > 0.0 ? 1.5 / ramp : 0.0) + (1.0 - low) * std::numbers::pi / m_params.pulsePeriod;
}

ReferralFieldCache::ReferralFieldCache(const Atlas& atlas, const BodySurfaces& body, const FieldParams& params,
                                       std::size_t capacity)
    : m_atlas(atlas), m_body(body), m_params(params), m_graph(body.skin), m_regions(body.skin),
      m_capacity(std::max<std::size_t>(capacity, 1)) {}

Result<ReferralFieldCache::FieldPtr> ReferralFieldCache::get(std::string_view key) {
    const auto side = sideOf(key);
    if (!side) return fail("referral field '" + std::string(key) + "': expected <trigger point id>.L or .R");
    return get(key.substr(0, key.size() - 2), *side);
}

Result<ReferralFieldCache::FieldPtr> ReferralFieldCache::get(std::string_view tpId, Side side) {
    // Looked up every frame while a referral plays: the key goes in a kept buffer.
    std::string& key = m_key;
    key.assign(tpId);
    key += suffix(side);
    ++m_uses;
    if (const auto it = m_fields.find(key); it != m_fields.end()) {
        it->second.lastUse = m_uses;
        return it->second.field;
    }
    const TriggerPoint* tp = m_atlas.findTriggerPoint(tpId);
    const Muscle* muscle = tp ? m_atlas.findMuscle(tp->muscleId) : nullptr;
    if (!tp || !muscle) {
        return fail("referral field '" + key + "': no trigger point '" + std::string(tpId) + "' in " +
                    m_atlas.folder.string());
    }
    auto field = ReferralField::build(m_body, m_graph, m_regions, *muscle, *tp, side, m_params);
    if (!field) return fail(field.error());
    if (m_fields.size() >= m_capacity) {
        const auto oldest = std::min_element(m_fields.begin(), m_fields.end(), [](const auto& a, const auto& b) {
            return a.second.lastUse < b.second.lastUse;
        });
        m_fields.erase(oldest);
    }
    Entry& slot = m_fields[std::string(key)];
    slot.field = std::make_shared<const ReferralField>(std::move(field.value()));
    slot.lastUse = m_uses;
    return slot.field;
}

}  // namespace myomap::anatomy

// The referral field of one trigger point on one side: heat on every skin vertex, in [0, 1],
// as a pure function of (vertex, t). Everything that does not depend on t is computed once.
//
// The cycle, for t >= 0 seconds (t < 0 counts as 0):
//   - A front leaves the trigger point at t = 0 and runs over the skin at `frontSpeed`; it
//     reaches vertex v at arrivalTime(v) = geodesic distance / frontSpeed. Skin outside every
//     zone never warms: the front itself is invisible, it only switches zones on.
//   - A zone vertex fades in as the front crosses it: its heat rises smoothly over the time the
//     front takes to run `frontWidth` metres.
//   - Reached vertices pulse together, in one global phase: the pulse is 1 at t = k * pulsePeriod
//     and `pulseLow` half a period later. heat(v, t) = strength(v) * reach(v, t) * pulse(t).
//   - It never restarts by itself (a restart would jump); to replay, start t from 0 again.
// peakTime(k) is the k-th pulse peak (k >= 0) at or after fullyReachedTime(): there every zone
// vertex has its full strength, so essential zones are exactly 1.
//
// Strength: 1 inside an essential zone, `spilloverStrength` inside a spillover zone, falling
// smoothly to 0 over `edgeWidth` metres (along the skin) beyond a zone's edge, and exactly 0
// further out. The heat is continuous in t: |dheat/dt| <= maxRate().
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/body_surface.h"
#include "anatomy/referral_zones.h"
#include "anatomy/skin_geodesics.h"

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::anatomy {

struct FieldParams {
    double frontSpeed = 0.6;          // m/s along the skin
    double frontWidth = 0.08;         // m: a vertex fades in while the front runs this far
    double pulsePeriod = 1.2;         // s
    double pulseLow = 0.55;           // the pulse's trough, as a fraction of strength
    double spilloverStrength = 0.45;  // relative to essential (1)
    double edgeWidth = 0.03;          // m: soft edge beyond a zone
    bool still = false;               // t ignored: every vertex at its full strength
};

class ReferralField {
public:
    // Fails (naming the trigger point and the zone or mesh) when the trigger point or one of its
    // zones cannot be placed on the figure.
    static Result<ReferralField> build(const BodySurfaces& body, const SkinGraph& graph, const SkinRegions& regions,
                                       const Muscle& muscle, const TriggerPoint& tp, Side side,
                                       const FieldParams& params = {});

    const std::string& key() const { return m_key; }  // "upper_trapezius.tp1.R"
    Side side() const { return m_side; }
    const FieldParams& params() const { return m_params; }
    glm::vec3 origin() const { return m_origin; }           // the trigger point on the muscle
    std::uint32_t originVertex() const { return m_originVertex; }  // the skin vertex nearest it
    std::size_t vertexCount() const { return m_geodesic.size(); }

    float heat(std::size_t vertex, double t) const;
    // Heat of every vertex at t into `out` (at least vertexCount() long); no allocation.
    void heatAll(double t, std::span<float> out) const;

    float strength(std::size_t vertex) const;
    bool isEssential(std::size_t vertex) const;  // drawn solid; other vertices with strength, stippled
    float geodesicDistance(std::size_t vertex) const { return m_geodesic[vertex]; }
    double arrivalTime(std::size_t vertex) const;

    double pulse(double t) const;             // in [pulseLow, 1]
    double fullyReachedTime() const { return m_fullyReached; }
    double peakTime(int k) const;
    double maxRate() const;                   // bound on |dheat/dt| per vertex, 1/s
    const std::vector<PlacedZone>& zones() const { return m_zones; }

private:
    struct Active {
        std::uint32_t vertex;
        float strength;
        float arrival;  // s
        bool essential;
    };
    float reach(float arrival, double t) const;

    std::string m_key;
    Side m_side = Side::Left;
    FieldParams m_params;
    glm::vec3 m_origin{0.0f};
    std::uint32_t m_originVertex = 0;
    std::vector<float> m_geodesic;   // per skin vertex, metres (kUnreached where not connected)
    std::vector<Active> m_active;    // vertices with strength > 0, by vertex
    std::vector<std::int32_t> m_activeIndex;  // per vertex: index into m_active or -1
    std::vector<PlacedZone> m_zones;
    double m_fullyReached = 0.0;
};

// Fields built on demand and kept, keyed "upper_trapezius.tp1.R": at most `capacity` of them.
// Building one more forgets the one used longest ago: a field holds about 0.6 MB on the built-in
// figure (two values per skin vertex), and a kiosk's visitors or a day of sessions would
// otherwise fill the cache with every trigger point on both sides (about 130 MB). A field a
// caller holds stays alive after it is forgotten. Not thread-safe. The atlas and body must
// outlive the cache.
class ReferralFieldCache {
public:
    using FieldPtr = std::shared_ptr<const ReferralField>;
    // More than the kiosk's tour and a muscle's trigger points shown together ever need.
    static constexpr std::size_t kDefaultCapacity = 32;

    ReferralFieldCache(const Atlas& atlas, const BodySurfaces& body, const FieldParams& params = {},
                       std::size_t capacity = kDefaultCapacity);

    Result<FieldPtr> get(std::string_view key);  // "<tp id>.L" or "<tp id>.R"
    Result<FieldPtr> get(std::string_view tpId, Side side);
    const SkinGraph& graph() const { return m_graph; }
    const SkinRegions& regions() const { return m_regions; }
    std::size_t size() const { return m_fields.size(); }
    std::size_t capacity() const { return m_capacity; }

private:
    const Atlas& m_atlas;
    const BodySurfaces& m_body;
    FieldParams m_params;
    SkinGraph m_graph;
    SkinRegions m_regions;
    struct Entry {
        FieldPtr field;
        std::uint64_t lastUse = 0;
    };
    std::map<std::string, Entry, std::less<>> m_fields;
    std::size_t m_capacity;
    std::uint64_t m_uses = 0;
    std::string m_key;  // scratch for lookups
};

}  // namespace myomap::anatomy

// Distances over the skin: shortest paths along the mesh's edges (Dijkstra), which the referral
// field and the pain finder use as geodesics. Edge paths overestimate a true geodesic by a few
// per cent on a regular triangulation, well under what the heat's soft edges smooth over.
#pragma once

#include "anatomy/body_surface.h"

#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

namespace myomap::anatomy {

inline constexpr float kUnreached = std::numeric_limits<float>::infinity();

struct DistanceSeed {
    std::uint32_t vertex = 0;
    float distance = 0.0f;  // may be negative: a disc of radius r around a vertex is seeded with -r
};

class SkinGraph {
public:
    explicit SkinGraph(const SkinSurface& skin);

    std::size_t vertexCount() const { return m_offsets.empty() ? 0 : m_offsets.size() - 1; }

    // Shortest edge-path distance from the nearest seed (plus its initial distance) to every
    // vertex, in metres; vertices beyond `limit` (or unreachable) are kUnreached. `out` is
    // resized to vertexCount().
    void distances(std::span<const DistanceSeed> seeds, float limit, std::vector<float>& out) const;

    // The same, listing only the vertices reached within `limit`, with their distances.
    std::vector<std::pair<std::uint32_t, float>> reached(std::span<const DistanceSeed> seeds, float limit) const;

private:
    std::vector<std::uint32_t> m_offsets;     // CSR: neighbours of v are m_neighbours[m_offsets[v]..m_offsets[v+1])
    std::vector<std::uint32_t> m_neighbours;
    std::vector<float> m_lengths;
};

}  // namespace myomap::anatomy

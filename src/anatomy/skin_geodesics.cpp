#include "anatomy/skin_geodesics.h"

#include <algorithm>
#include <functional>
#include <queue>

namespace myomap::anatomy {

SkinGraph::SkinGraph(const SkinSurface& skin) {
    const std::size_t n = skin.positions.size();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(skin.indices.size() * 2);
    for (std::size_t t = 0; t + 2 < skin.indices.size(); t += 3) {
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = skin.indices[t + static_cast<std::size_t>(k)];
            const std::uint32_t b = skin.indices[t + static_cast<std::size_t>((k + 1) % 3)];
            if (a == b || a >= n || b >= n) continue;
            edges.emplace_back(a, b);
            edges.emplace_back(b, a);
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    m_offsets.assign(n + 1, 0);
    for (const auto& [a, b] : edges) ++m_offsets[a + 1];
    for (std::size_t v = 0; v < n; ++v) m_offsets[v + 1] += m_offsets[v];
    m_neighbours.reserve(edges.size());
    m_lengths.reserve(edges.size());
    for (const auto& [a, b] : edges) {
        m_neighbours.push_back(b);
        m_lengths.push_back(glm::length(skin.positions[a] - skin.positions[b]));
    }
}

void SkinGraph::distances(std::span<const DistanceSeed> seeds, float limit, std::vector<float>& out) const {
    out.assign(vertexCount(), kUnreached);
    using Entry = std::pair<float, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    for (const DistanceSeed& s : seeds) {
        if (s.vertex >= out.size() || s.distance > limit || s.distance >= out[s.vertex]) continue;
        out[s.vertex] = s.distance;
        queue.emplace(s.distance, s.vertex);
    }
    while (!queue.empty()) {
        const auto [d, v] = queue.top();
        queue.pop();
        if (d > out[v]) continue;
        for (std::uint32_t e = m_offsets[v]; e < m_offsets[v + 1]; ++e) {
            const float next = d + m_lengths[e];
            const std::uint32_t w = m_neighbours[e];
            if (next < out[w] && next <= limit) {
                out[w] = next;
                queue.emplace(next, w);
            }
        }
    }
}

std::vector<std::pair<std::uint32_t, float>> SkinGraph::reached(std::span<const DistanceSeed> seeds,
                                                                float limit) const {
    std::vector<float> all;
    distances(seeds, limit, all);
    std::vector<std::pair<std::uint32_t, float>> out;
    for (std::size_t v = 0; v < all.size(); ++v) {
        if (all[v] != kUnreached) out.emplace_back(static_cast<std::uint32_t>(v), all[v]);
    }
    return out;
}

}  // namespace myomap::anatomy

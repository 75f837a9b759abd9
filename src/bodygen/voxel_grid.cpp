#include "bodygen/voxel_grid.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

struct Crossing {
    std::size_t column;  // x + size.x * y
    float z;
    int delta;  // +1 entering the solid going +z, -1 leaving
    float value;
    bool operator<(const Crossing& o) const {
        if (column != o.column) return column < o.column;
        if (z != o.z) return z < o.z;
        if (delta != o.delta) return delta > o.delta;
        return value < o.value;
    }
};

// Edge function of (a -> b) at p, and whether a point exactly on the edge belongs to the
// triangle (the top-left rule for counter-clockwise triangles, so that a column through an edge
// two triangles share is counted once).
float edge(const glm::vec2& a, const glm::vec2& b, const glm::vec2& p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}
bool ownsEdge(const glm::vec2& a, const glm::vec2& b) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    return dy < 0.0f || (dy == 0.0f && dx < 0.0f);
}
bool inside(float e, bool owns) { return e > 0.0f || (e == 0.0f && owns); }

}  // namespace

VoxelGrid::VoxelGrid(const glm::vec3& lo, const glm::vec3& hi, float h, int margin) : m_h(h) {
    const glm::ivec3 first = glm::ivec3(glm::floor(lo / h)) - margin;
    const glm::ivec3 last = glm::ivec3(glm::floor(hi / h)) + margin;
    m_first = first;
    m_size = last - first + 1;
}

std::vector<FilledVoxel> fillClosedMesh(const VoxelGrid& grid, const std::vector<glm::vec3>& positions,
                                        const std::vector<std::uint32_t>& indices, const std::vector<float>& values) {
    const float h = grid.cellSize();
    const glm::ivec3 size = grid.size();
    const glm::vec3 origin = grid.centre(glm::ivec3(0));  // centre of voxel (0, 0, 0)
    std::vector<Crossing> crossings;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        std::uint32_t id[3] = {indices[t], indices[t + 1], indices[t + 2]};
        glm::vec3 p[3] = {positions[id[0]], positions[id[1]], positions[id[2]]};
        const float area = edge(glm::vec2(p[0]), glm::vec2(p[1]), glm::vec2(p[2]));
        if (area == 0.0f) continue;  // seen edge-on from below: no column crosses it
        const int delta = area < 0.0f ? 1 : -1;
        if (area < 0.0f) {  // test with the projection counter-clockwise
            std::swap(id[1], id[2]);
            std::swap(p[1], p[2]);
        }
        const glm::vec2 a(p[0]), b(p[1]), c(p[2]);
        const glm::vec2 lo = glm::min(a, glm::min(b, c)), hi = glm::max(a, glm::max(b, c));
        const int i0 = std::max(0, static_cast<int>(std::ceil((lo.x - origin.x) / h)));
        const int i1 = std::min(size.x - 1, static_cast<int>(std::floor((hi.x - origin.x) / h)));
        const int j0 = std::max(0, static_cast<int>(std::ceil((lo.y - origin.y) / h)));
        const int j1 = std::min(size.y - 1, static_cast<int>(std::floor((hi.y - origin.y) / h)));
        const bool ownAB = ownsEdge(a, b), ownBC = ownsEdge(b, c), ownCA = ownsEdge(c, a);
        const float twice = std::abs(area);
        for (int j = j0; j <= j1; ++j) {
            for (int i = i0; i <= i1; ++i) {
                const glm::vec2 q(origin.x + static_cast<float>(i) * h, origin.y + static_cast<float>(j) * h);
                const float wc = edge(a, b, q), wa = edge(b, c, q), wb = edge(c, a, q);
                if (!inside(wc, ownAB) || !inside(wa, ownBC) || !inside(wb, ownCA)) continue;
                const float la = wa / twice, lb = wb / twice, lc = wc / twice;
                const float z = la * p[0].z + lb * p[1].z + lc * p[2].z;
                const float v = values.empty() ? 0.0f : la * values[id[0]] + lb * values[id[1]] + lc * values[id[2]];
                crossings.push_back({static_cast<std::size_t>(i) + static_cast<std::size_t>(size.x) * static_cast<std::size_t>(j),
                                     z, delta, v});
            }
        }
    }
    std::sort(crossings.begin(), crossings.end());

    std::vector<FilledVoxel> out;
    for (std::size_t s = 0; s < crossings.size();) {
        const std::size_t column = crossings[s].column;
        int winding = 0;
        float enterZ = 0.0f, enterValue = 0.0f;
        for (; s < crossings.size() && crossings[s].column == column; ++s) {
            const Crossing& c = crossings[s];
            const int before = winding;
            winding += c.delta;
            if (before <= 0 && winding > 0) {
                enterZ = c.z;
                enterValue = c.value;
            } else if (before > 0 && winding <= 0) {
                const int k0 = std::max(0, static_cast<int>(std::ceil((enterZ - origin.z) / h)));
                const int k1 = std::min(size.z - 1, static_cast<int>(std::floor((c.z - origin.z) / h)));
                const float span = c.z - enterZ;
                const glm::ivec3 at(static_cast<int>(column % static_cast<std::size_t>(size.x)),
                                    static_cast<int>(column / static_cast<std::size_t>(size.x)), 0);
                for (int k = k0; k <= k1; ++k) {
                    const float z = origin.z + static_cast<float>(k) * h;
                    const float f = span > 0.0f ? (z - enterZ) / span : 0.0f;
                    out.push_back({grid.index({at.x, at.y, k}), enterValue + f * (c.value - enterValue)});
                }
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const FilledVoxel& x, const FilledVoxel& y) { return x.index < y.index; });
    return out;
}

}  // namespace myomap::bodygen

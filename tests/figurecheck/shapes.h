// Test shapes as triangle meshes for the voxeliser (which does not care about winding).
#pragma once

#include "figurecheck/volume_overlap.h"

#include <cmath>
#include <functional>

namespace myomap::test {

inline figurecheck::TriangleMesh boxMesh(const glm::vec3& lo, const glm::vec3& hi) {
    figurecheck::TriangleMesh mesh;
    for (int i = 0; i < 8; ++i)
        mesh.positions.push_back({(i & 1) ? hi.x : lo.x, (i & 2) ? hi.y : lo.y, (i & 4) ? hi.z : lo.z});
    // Two triangles per face, the corners counter-clockwise seen from outside.
    const std::uint32_t faces[6][4] = {{0, 4, 6, 2}, {1, 3, 7, 5}, {0, 1, 5, 4},
                                       {2, 6, 7, 3}, {0, 2, 3, 1}, {4, 5, 7, 6}};
    for (const auto& f : faces) mesh.indices.insert(mesh.indices.end(), {f[0], f[1], f[2], f[0], f[2], f[3]});
    return mesh;
}

// A latitude-longitude sphere; `keep` may drop triangles (by their centroid) to make holes.
inline figurecheck::TriangleMesh sphereMesh(const glm::vec3& centre, float radius, int rings = 48, int segments = 96,
                                            const std::function<bool(const glm::vec3&)>& keep = {}) {
    figurecheck::TriangleMesh mesh;
    const float pi = 3.14159265358979f;
    for (int r = 0; r <= rings; ++r) {
        const float theta = pi * static_cast<float>(r) / static_cast<float>(rings);
        for (int s = 0; s < segments; ++s) {
            const float phi = 2.0f * pi * static_cast<float>(s) / static_cast<float>(segments);
            mesh.positions.push_back(centre + radius * glm::vec3(std::sin(theta) * std::cos(phi),
                                                                 std::sin(theta) * std::sin(phi), std::cos(theta)));
        }
    }
    auto at = [&](int r, int s) { return static_cast<std::uint32_t>(r * segments + (s % segments)); };
    auto add = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        const glm::vec3 mid = (mesh.positions[a] + mesh.positions[b] + mesh.positions[c]) / 3.0f;
        if (keep && !keep(mid - centre)) return;
        mesh.indices.insert(mesh.indices.end(), {a, b, c});
    };
    for (int r = 0; r < rings; ++r) {
        for (int s = 0; s < segments; ++s) {
            // Poles: the ring's points coincide, so one of the two triangles is degenerate; it
            // has no area in any projection and is skipped by the voxeliser.
            add(at(r, s), at(r + 1, s), at(r + 1, s + 1));
            add(at(r, s), at(r + 1, s + 1), at(r, s + 1));
        }
    }
    return mesh;
}

}  // namespace myomap::test

#include "bodygen/skin_simplify.h"

#include "bodygen/landmarks.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace myomap::bodygen {
namespace {

// Where simplification pinches a thin part, it can leave a fold: two triangles on the same three
// corners, wound opposite ways, sharing their edges with the surface on either side. Without
// both, those neighbours meet each other and the surface is closed and manifold again.
void removeFolds(std::vector<std::uint32_t>& indices) {
    struct Key {
        std::array<std::uint32_t, 3> sorted;
        bool even;  // the winding, relative to the sorted order
        std::size_t triangle;
    };
    std::vector<Key> keys;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        std::array<std::uint32_t, 3> v = {indices[t], indices[t + 1], indices[t + 2]};
        // Rotate the smallest first; then the winding is even when the rest ascend.
        while (v[0] > v[1] || v[0] > v[2]) std::rotate(v.begin(), v.begin() + 1, v.end());
        const bool even = v[1] < v[2];
        if (!even) std::swap(v[1], v[2]);
        keys.push_back({v, even, t});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.sorted != b.sorted ? a.sorted < b.sorted : a.triangle < b.triangle;
    });
    std::vector<bool> drop(indices.size() / 3, false);
    for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
        const Key& a = keys[i];
        const Key& b = keys[i + 1];
        if (a.sorted != b.sorted || a.even == b.even || drop[a.triangle / 3] || drop[b.triangle / 3]) continue;
        drop[a.triangle / 3] = drop[b.triangle / 3] = true;
    }
    std::size_t kept = 0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        if (drop[t / 3]) continue;
        for (std::size_t k = 0; k < 3; ++k) indices[kept++] = indices[t + k];
    }
    indices.resize(kept);
}

}  // namespace

Result<SurfaceMesh> simplifySymmetric(const SurfaceMesh& mesh, const DistanceField& field, float cellSize,
                                      const SkinSimplifyOptions& options) {
    constexpr std::uint32_t kUnused = std::numeric_limits<std::uint32_t>::max();
    const std::size_t n = mesh.positions.size();
    if (mesh.midline.size() != n) return fail("skin simplify: the mesh does not mark its midline vertices");
    // The left half: triangles on the +x side; midline vertices go exactly onto x = 0.
    std::vector<std::uint32_t> halfIndex(n, kUnused);
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;
    std::vector<bool> onMidline;
    auto midline = [&](std::uint32_t v) { return mesh.midline[v] != 0; };
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t tri[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        int left = 0, right = 0;
        for (std::uint32_t v : tri) {
            if (midline(v)) continue;
            (mesh.positions[v].x > 0.0f ? left : right)++;
        }
        if (left > 0 && right > 0) return fail("skin simplify: a triangle crosses the midline");
        if (left == 0 && right == 0) return fail("skin simplify: a triangle lies flat on the midline");
        if (left == 0) continue;
        for (std::uint32_t v : tri) {
            if (halfIndex[v] == kUnused) {
                halfIndex[v] = static_cast<std::uint32_t>(positions.size());
                glm::vec3 p = mesh.positions[v];
                if (midline(v)) p.x = 0.0f;
                positions.push_back(p);
                onMidline.push_back(midline(v));
            }
            indices.push_back(halfIndex[v]);
        }
    }

    std::vector<std::uint32_t> simplified(indices.size());
    const std::size_t target = std::min(3 * (options.targetTriangles / 2), indices.size());
    const float extent = meshopt_simplifyScale(&positions[0].x, positions.size(), sizeof(glm::vec3));
    float error = 0.0f;
    const std::size_t count =
        meshopt_simplify(simplified.data(), indices.data(), indices.size(), &positions[0].x, positions.size(),
                         sizeof(glm::vec3), target, options.maxError / extent, meshopt_SimplifyLockBorder, &error);
    simplified.resize(count);
    // A collapse next to the locked midline can leave a triangle with all three corners on it:
    // it lies in the plane x = 0 and its mirror image would be itself reversed (a zero-volume
    // double layer). Without both, the triangles around it meet their mirror images directly.
    std::size_t kept = 0;
    for (std::size_t t = 0; t + 2 < simplified.size(); t += 3) {
        if (onMidline[simplified[t]] && onMidline[simplified[t + 1]] && onMidline[simplified[t + 2]]) continue;
        for (std::size_t k = 0; k < 3; ++k) simplified[kept++] = simplified[t + k];
    }
    simplified.resize(kept);
    removeFolds(simplified);

    // Kept vertices, left side (projected onto the surface, the midline ones kept on it) then
    // their mirror images (midline vertices once).
    SurfaceMesh out;
    std::vector<std::uint32_t> keep(positions.size(), kUnused), mirrorOf(positions.size(), kUnused);
    for (std::uint32_t v : simplified) {
        if (keep[v] != kUnused) continue;
        keep[v] = static_cast<std::uint32_t>(out.positions.size());
        out.positions.push_back(positions[v]);
    }
    projectOntoSurface(out, field, cellSize);
    for (std::size_t v = 0; v < positions.size(); ++v) {
        if (keep[v] == kUnused) continue;
        if (onMidline[v]) {
            out.positions[keep[v]].x = 0.0f;
            out.normals[keep[v]].x = 0.0f;
            out.normals[keep[v]] = glm::normalize(out.normals[keep[v]]);
            mirrorOf[v] = keep[v];
        }
    }
    for (std::size_t v = 0; v < positions.size(); ++v) {
        if (keep[v] == kUnused || onMidline[v]) continue;
        mirrorOf[v] = static_cast<std::uint32_t>(out.positions.size());
        out.positions.push_back(mirror(out.positions[keep[v]]));
        out.normals.push_back(mirror(out.normals[keep[v]]));
    }
    out.indices.reserve(2 * simplified.size());
    for (std::uint32_t v : simplified) out.indices.push_back(keep[v]);
    for (std::size_t t = 0; t + 2 < simplified.size(); t += 3) {  // mirrored, so wound the other way
        out.indices.insert(out.indices.end(),
                           {mirrorOf[simplified[t]], mirrorOf[simplified[t + 2]], mirrorOf[simplified[t + 1]]});
    }
    return out;
}

}  // namespace myomap::bodygen

#include "bodygen/levels_of_detail.h"

#include <meshoptimizer.h>

#include <algorithm>

namespace myomap::bodygen {

namespace {

constexpr std::size_t kFewestTriangles = 8;   // a coarser level would stop looking like the part
constexpr double kLeastSaving = 0.75;         // a level keeps at most this share of the finer one

void addLevels(model::Primitive& p, float errorScale) {
    p.lods.clear();
    const std::size_t n = p.positions.size();
    if (n == 0 || p.indices.size() < 3) return;
    const float scale = meshopt_simplifyScale(&p.positions[0].x, n, sizeof(glm::vec3));
    if (!(scale > 0.0f)) return;
    std::size_t finer = p.indices.size();
    for (const float error : kLevelErrors) {
        std::vector<std::uint32_t> indices(p.indices.size());
        float reached = 0.0f;
        // No target count: as few triangles as the error allows. Borders stay where they are, so
        // an open edge (where a part meets another) never pulls away from its neighbour.
        indices.resize(meshopt_simplify(indices.data(), p.indices.data(), p.indices.size(), &p.positions[0].x, n,
                                        sizeof(glm::vec3), 0, error / scale, meshopt_SimplifyLockBorder, &reached));
        if (indices.size() / 3 < kFewestTriangles) break;
        if (static_cast<double>(indices.size()) > kLeastSaving * static_cast<double>(finer)) continue;
        meshopt_optimizeVertexCache(indices.data(), indices.data(), indices.size(), n);
        finer = indices.size();
        // meshoptimizer reports the error relative to the mesh's extent; the level keeps the
        // larger of what was reached and asked, so that choosing by it is never optimistic.
        p.lods.push_back({std::move(indices), errorScale * std::max(reached * scale, error)});
    }
}

}  // namespace

void addLevelsOfDetail(model::Primitive& primitive, float errorScale) { addLevels(primitive, errorScale); }

}  // namespace myomap::bodygen

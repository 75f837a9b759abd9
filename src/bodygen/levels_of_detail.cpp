#include "bodygen/levels_of_detail.h"

#include "bodygen/body_mesh.h"

#include <meshoptimizer.h>

#include <set>

namespace myomap::bodygen {

namespace {

constexpr std::size_t kFewestTriangles = 8;   // a coarser level would stop looking like the part
constexpr double kLeastSaving = 0.75;         // a level keeps at most this share of the finer one

// The vertices of triangles whose corners lie in different regions of a labelled surface (the
// skin's "_REGION"): kept in place, so every region keeps its outline at every level and the
// heat and labels drawn on it stay where they are.
std::set<std::uint32_t> regionOutlines(const model::Primitive& p) {
    std::set<std::uint32_t> out;
    const model::CustomAttribute* region = p.findCustom("_REGION");
    if (!region || region->components != 1 || region->values.size() != p.positions.size()) return out;
    for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
        const std::uint32_t a = p.indices[t], b = p.indices[t + 1], c = p.indices[t + 2];
        if (region->values[a] != region->values[b] || region->values[a] != region->values[c]) out.insert({a, b, c});
    }
    return out;
}

}  // namespace

void addLevelsOfDetail(model::Primitive& p, float errorScale) {
    p.lods.clear();
    const std::size_t n = p.positions.size();
    if (n == 0 || p.indices.size() < 3) return;
    const float scale = meshopt_simplifyScale(&p.positions[0].x, n, sizeof(glm::vec3));
    if (!(scale > 0.0f)) return;
    const std::set<std::uint32_t> locked = regionOutlines(p);
    std::size_t finer = p.indices.size();
    for (const float error : kLevelErrors) {
        // No target count: as few triangles as the error allows.
        std::vector<std::uint32_t> indices = simplifyKeeping(p.positions, p.indices, locked, error, scale);
        if (indices.size() / 3 < kFewestTriangles) break;
        if (static_cast<double>(indices.size()) > kLeastSaving * static_cast<double>(finer)) continue;
        meshopt_optimizeVertexCache(indices.data(), indices.data(), indices.size(), n);
        finer = indices.size();
        p.lods.push_back({std::move(indices), errorScale * error});
    }
}

}  // namespace myomap::bodygen

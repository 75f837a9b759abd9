// Turns a signed distance field (negative inside) into one closed, consistently wound triangle
// mesh: surface nets on a uniform grid, grown over the connected surface from a point inside,
// then Taubin-smoothed and projected back onto the zero level, with normals from the field.
// Deterministic: the same field gives the same bytes (no threads, no hash-order iteration).
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <functional>
#include <vector>

namespace myomap::bodygen {

using DistanceField = std::function<float(const glm::vec3&)>;

struct SurfaceMesherOptions {
    float cellSize = 0.006f;
    int smoothingIterations = 6;  // Taubin shrink/inflate pairs
    float lambda = 0.5f;
    float mu = -0.53f;
    bool project = true;  // off: the caller projects (fewer vertices, after simplifying)
};

struct SurfaceMesh {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;      // unit, outward (the field's gradient)
    std::vector<std::uint32_t> indices;  // counter-clockwise seen from outside
    // Per vertex: its cell straddles the plane x = 0 (the midline of a mirror-symmetric field).
    std::vector<std::uint8_t> midline;
};

// Newton steps of each vertex onto the zero level (at most a cell `h` away), which also give its
// normal: the field's normalised gradient.
void projectOntoSurface(SurfaceMesh& mesh, const DistanceField& field, float h);

// Meshes the surface that encloses `inside`; the grid covers [boundsMin, boundsMax] (which must
// contain the whole surface) on planes at odd multiples of half a cell, so a field symmetric in
// x gives a mesh symmetric in x.
Result<SurfaceMesh> meshSurface(const DistanceField& field, const glm::vec3& boundsMin, const glm::vec3& boundsMax,
                                const glm::vec3& inside, const SurfaceMesherOptions& options = {});

}  // namespace myomap::bodygen

// Voxelised volumes of triangle meshes and how much two of them overlap (Dice, centroid). The
// inside test tolerates meshes with holes, as segmented atlas surfaces have: each voxel asks
// three rays (one along each axis through its centre) whether it is inside by parity, and is
// inside when at least two of them say so. A hole spoils only the rays that pass through it.
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myomap::figurecheck {

// Triangles in one frame (for the check: the figure's, in metres).
struct TriangleMesh {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;  // three per triangle
    void append(const TriangleMesh& other);
};

struct Box {
    glm::dvec3 min{1e300};
    glm::dvec3 max{-1e300};
    bool empty() const { return min.x > max.x; }
    void add(const glm::dvec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void add(const Box& b) {
        if (!b.empty()) {
            add(b.min);
            add(b.max);
        }
    }
};
Box bounds(const TriangleMesh& mesh);

// A regular grid of cubic voxels; voxel (i, j, k) has its centre at
// origin + (i + 0.5, j + 0.5, k + 0.5) * voxel.
struct VoxelGrid {
    glm::dvec3 origin{0.0};
    double voxel = 0.0;
    glm::ivec3 size{0};
    std::size_t count() const;
    std::size_t index(int i, int j, int k) const;
    glm::dvec3 centre(int i, int j, int k) const;
};

// A grid of voxels of the given edge covering `box` with one spare voxel on every side. Fails
// for an empty or non-finite box, a voxel that is not positive, or more than `maxVoxels`.
Result<VoxelGrid> gridAround(const Box& box, double voxel, std::size_t maxVoxels = 64u << 20);

// One byte per voxel of a grid: 1 inside, 0 outside.
using Occupancy = std::vector<std::uint8_t>;

// The voxels whose centres lie inside `mesh` (majority of three axis-parallel parity rays; see
// the top of this file). A closed mesh gives the same answer on all three rays.
Occupancy voxelise(const TriangleMesh& mesh, const VoxelGrid& grid);

std::size_t countInside(const Occupancy& occupancy);
// 2|A and B| / (|A| + |B|); 1 when both are empty. The two must be the same size.
double dice(const Occupancy& a, const Occupancy& b);
// Mean of the centres of the voxels inside; nothing when there are none.
std::optional<glm::dvec3> centroid(const Occupancy& occupancy, const VoxelGrid& grid);

}  // namespace myomap::figurecheck

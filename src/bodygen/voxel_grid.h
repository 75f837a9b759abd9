// A uniform grid of voxels over a box, and closed meshes filled into it. Voxel centres lie at
// (index + 0.5) * h in world coordinates, the points the surface mesher samples, so a field
// defined on this grid is meshed without resampling.
#pragma once

#include <glm/glm.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace myomap::bodygen {

class VoxelGrid {
public:
    VoxelGrid() = default;
    // The grid whose voxel centres cover [lo, hi] (plus `margin` voxels on every side).
    VoxelGrid(const glm::vec3& lo, const glm::vec3& hi, float h, int margin);

    float cellSize() const { return m_h; }
    const glm::ivec3& size() const { return m_size; }
    std::size_t count() const {
        return static_cast<std::size_t>(m_size.x) * static_cast<std::size_t>(m_size.y) * static_cast<std::size_t>(m_size.z);
    }
    bool contains(const glm::ivec3& c) const {
        return c.x >= 0 && c.y >= 0 && c.z >= 0 && c.x < m_size.x && c.y < m_size.y && c.z < m_size.z;
    }
    std::size_t index(const glm::ivec3& c) const {
        return static_cast<std::size_t>(c.x) +
               static_cast<std::size_t>(m_size.x) *
                   (static_cast<std::size_t>(c.y) + static_cast<std::size_t>(m_size.y) * static_cast<std::size_t>(c.z));
    }
    glm::ivec3 coords(std::size_t index) const {
        const auto sx = static_cast<std::size_t>(m_size.x), sy = static_cast<std::size_t>(m_size.y);
        return {static_cast<int>(index % sx), static_cast<int>(index / sx % sy), static_cast<int>(index / (sx * sy))};
    }
    glm::vec3 centre(const glm::ivec3& c) const { return (glm::vec3(m_first + c) + 0.5f) * m_h; }
    // The voxel whose centre is nearest p (may lie outside the grid).
    glm::ivec3 nearest(const glm::vec3& p) const {
        return glm::ivec3(glm::floor(p / m_h)) - m_first;
    }

private:
    float m_h = 1.0f;
    glm::ivec3 m_first{0};  // world index of voxel (0, 0, 0)
    glm::ivec3 m_size{0};
};

// One voxel a closed mesh covers, with a per-vertex value interpolated there.
struct FilledVoxel {
    std::size_t index;
    float value;
};

// The voxels whose centres lie inside a closed, consistently wound mesh (winding number along
// +z through each column of centres; overlapping closed pieces count as their union), with
// `values` (one per vertex, or empty for 0) interpolated linearly through each inside span.
// In index order.
std::vector<FilledVoxel> fillClosedMesh(const VoxelGrid& grid, const std::vector<glm::vec3>& positions,
                                        const std::vector<std::uint32_t>& indices, const std::vector<float>& values);

}  // namespace myomap::bodygen

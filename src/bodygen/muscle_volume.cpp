#include "bodygen/muscle_volume.h"

#include "bodygen/surface_mesher.h"
#include "core/triangle.h"

#include <algorithm>
#include <limits>

namespace myomap::bodygen {
namespace {

constexpr std::size_t kFewestVoxels = 8;
constexpr float kMidline = 0.0005f;  // metres a muscle keeps from x = 0

// The muscle's voxels as a smooth occupancy (1 inside, 0 outside, blurred once along each axis)
// on a box around them, sampled trilinearly.
class Occupancy {
public:
    Occupancy(const TissuePartition& partition, std::uint16_t owner) : m_grid(partition.grid) {
        const glm::ivec3 size = m_grid.size();
        glm::ivec3 lo(std::numeric_limits<int>::max()), hi(std::numeric_limits<int>::min());
        const std::vector<std::uint32_t>& cord = partition.cords[static_cast<std::size_t>(owner - 1)];
        const auto mine = [&](std::size_t i) {
            return partition.owner[i] == owner || std::binary_search(cord.begin(), cord.end(), static_cast<std::uint32_t>(i));
        };
        for (std::size_t i = 0; i < partition.owner.size(); ++i) {
            if (partition.owner[i] != owner) continue;
            const glm::ivec3 c = m_grid.coords(i);
            lo = glm::min(lo, c);
            hi = glm::max(hi, c);
            ++m_voxels;
        }
        for (const std::uint32_t i : cord) {
            const glm::ivec3 c = m_grid.coords(i);
            lo = glm::min(lo, c);
            hi = glm::max(hi, c);
        }
        if (m_voxels == 0) return;
        m_lo = lo - 3;
        m_size = hi + 3 - m_lo + 1;
        m_values.assign(static_cast<std::size_t>(m_size.x) * static_cast<std::size_t>(m_size.y) *
                            static_cast<std::size_t>(m_size.z),
                        0.0f);
        for (int z = 0; z < m_size.z; ++z) {
            for (int y = 0; y < m_size.y; ++y) {
                for (int x = 0; x < m_size.x; ++x) {
                    const glm::ivec3 g = m_lo + glm::ivec3(x, y, z);
                    if (g.x < 0 || g.y < 0 || g.z < 0 || g.x >= size.x || g.y >= size.y || g.z >= size.z) continue;
                    if (mine(m_grid.index(g))) m_values[local({x, y, z})] = 1.0f;
                }
            }
        }
        for (int axis = 0; axis < 3; ++axis) blur(axis);
    }

    std::size_t voxels() const { return m_voxels; }
    glm::vec3 boundsMin() const { return m_grid.centre(m_lo); }
    glm::vec3 boundsMax() const { return m_grid.centre(m_lo + m_size - 1); }

    // The centre of the voxel deepest inside (largest occupancy; the first such in index order).
    glm::vec3 deepest() const {
        std::size_t best = 0;
        for (std::size_t i = 1; i < m_values.size(); ++i) {
            if (m_values[i] > m_values[best]) best = i;
        }
        const auto sx = static_cast<std::size_t>(m_size.x), sy = static_cast<std::size_t>(m_size.y);
        const glm::ivec3 c(static_cast<int>(best % sx), static_cast<int>(best / sx % sy), static_cast<int>(best / (sx * sy)));
        return m_grid.centre(m_lo + c);
    }

    float sample(const glm::vec3& p) const {
        const glm::vec3 t = (p - m_grid.centre(m_lo)) / m_grid.cellSize();
        const glm::ivec3 c = glm::ivec3(glm::floor(t));
        const glm::vec3 f = t - glm::vec3(c);
        float sum = 0.0f;
        for (int k = 0; k < 8; ++k) {
            const glm::ivec3 o(k & 1, k >> 1 & 1, k >> 2 & 1);
            const glm::vec3 w = glm::mix(1.0f - f, f, glm::vec3(o));
            sum += w.x * w.y * w.z * at(c + o);
        }
        return sum;
    }

private:
    std::size_t local(const glm::ivec3& c) const {
        return static_cast<std::size_t>(c.x) +
               static_cast<std::size_t>(m_size.x) *
                   (static_cast<std::size_t>(c.y) + static_cast<std::size_t>(m_size.y) * static_cast<std::size_t>(c.z));
    }
    float at(const glm::ivec3& c) const {
        if (c.x < 0 || c.y < 0 || c.z < 0 || c.x >= m_size.x || c.y >= m_size.y || c.z >= m_size.z) return 0.0f;
        return m_values[local(c)];
    }
    void blur(int axis) {
        std::vector<float> out(m_values.size());
        glm::ivec3 step(0);
        step[axis] = 1;
        for (int z = 0; z < m_size.z; ++z) {
            for (int y = 0; y < m_size.y; ++y) {
                for (int x = 0; x < m_size.x; ++x) {
                    const glm::ivec3 c(x, y, z);
                    out[local(c)] = 0.25f * at(c - step) + 0.5f * at(c) + 0.25f * at(c + step);
                }
            }
        }
        m_values.swap(out);
    }

    const VoxelGrid& m_grid;
    std::size_t m_voxels = 0;
    glm::ivec3 m_lo{0}, m_size{0};
    std::vector<float> m_values;
};

// Muscle coordinates and fibre direction at p: those of the nearest point of the ribbon's
// middle surface (halfway between its outer and inner faces).
class RibbonCoordinates {
public:
    explicit RibbonCoordinates(const MuscleLayout& layout) : m_layout(layout) {
        for (std::size_t n = 0; n < layout.outer.size(); ++n) m_middle.push_back(0.5f * (layout.outer[n] + layout.inner[n]));
    }

    void at(const glm::vec3& p, glm::vec2& uv, glm::vec3& fibre) const {
        std::size_t nearest = 0;
        float best = std::numeric_limits<float>::max();
        for (std::size_t n = 0; n < m_middle.size(); ++n) {
            const glm::vec3 d = m_middle[n] - p;
            const float d2 = glm::dot(d, d);
            if (d2 < best) {
                best = d2;
                nearest = n;
            }
        }
        const int rows = m_layout.rows, columns = m_layout.columns;
        const int row = static_cast<int>(nearest) / columns, column = static_cast<int>(nearest) % columns;
        best = std::numeric_limits<float>::max();
        uv = nodeUv(row, column);
        fibre = m_layout.fibre[nearest];
        // The (up to) four quads round the nearest node, two triangles each.
        for (int i = std::max(0, row - 1); i <= std::min(rows - 2, row); ++i) {
            for (int j = std::max(0, column - 1); j <= std::min(columns - 2, column); ++j) {
                const int tri[2][3][2] = {{{i, j}, {i + 1, j}, {i + 1, j + 1}}, {{i, j}, {i + 1, j + 1}, {i, j + 1}}};
                for (const auto& t : tri) {
                    const std::size_t a = m_layout.at(t[0][0], t[0][1]), b = m_layout.at(t[1][0], t[1][1]),
                                      c = m_layout.at(t[2][0], t[2][1]);
                    const glm::vec3 w = closestBarycentric(p, m_middle[a], m_middle[b], m_middle[c]);
                    const glm::vec3 q = w.x * m_middle[a] + w.y * m_middle[b] + w.z * m_middle[c];
                    const float d2 = glm::dot(q - p, q - p);
                    if (d2 >= best) continue;
                    best = d2;
                    uv = w.x * nodeUv(t[0][0], t[0][1]) + w.y * nodeUv(t[1][0], t[1][1]) + w.z * nodeUv(t[2][0], t[2][1]);
                    const glm::vec3 f = w.x * m_layout.fibre[a] + w.y * m_layout.fibre[b] + w.z * m_layout.fibre[c];
                    fibre = glm::length(f) > 1e-6f ? glm::normalize(f) : m_layout.fibre[a];
                }
            }
        }
    }

private:
    glm::vec2 nodeUv(int row, int column) const {
        return {static_cast<float>(row) / static_cast<float>(m_layout.rows - 1),
                static_cast<float>(column) / static_cast<float>(m_layout.columns - 1)};
    }

    const MuscleLayout& m_layout;
    std::vector<glm::vec3> m_middle;
};

}  // namespace

Result<std::optional<BodyMesh>> meshMuscleVolume(const TissuePartition& partition, std::uint16_t owner, const MuscleLayout& layout,
                                  const std::string& name, Layer layer, const BodyShape& shape,
                                  const SkinWeighting& weighting, const VolumeMeshOptions& options) {
    const Occupancy occupancy(partition, owner);
    if (occupancy.voxels() < kFewestVoxels) return std::optional<BodyMesh>();
    SurfaceMesherOptions mesher;
    mesher.cellSize = partition.grid.cellSize();
    mesher.smoothingIterations = 4;
    auto surface = meshSurface([&occupancy](const glm::vec3& p) { return 0.5f - occupancy.sample(p); },
                               occupancy.boundsMin(), occupancy.boundsMax(), occupancy.deepest(), mesher);
    if (!surface) return fail(name + ": " + surface.error());

    BodyMesh mesh;
    mesh.name = name;
    mesh.layer = layer;
    mesh.positions = std::move(surface->positions);
    mesh.indices = std::move(surface->indices);
    // Under the skin by the subcutaneous layer, so the muscle's outline follows the skin's, and
    // on its own side of the midline (the other side's muscle is this one mirrored).
    for (glm::vec3& p : mesh.positions) {
        if (shape.distance(p) > -options.subcutaneous) p = shape.projectToLevel(p, -options.subcutaneous);
        p.x = std::max(p.x, kMidline);
    }
    simplifyMesh(mesh, options.maxError);
    // Neighbours share their boundary surfaces; drawing each a hair inside its share keeps the
    // two from flickering through each other and leaves a fine seam that shows where one
    // muscle ends and the next begins.
    computeNormals(mesh);
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) mesh.positions[v] -= options.seam * mesh.normals[v];
    computeNormals(mesh);

    const RibbonCoordinates coordinates(layout);
    const std::size_t n = mesh.positions.size();
    mesh.muscleUv.resize(n);
    mesh.fibre.resize(n);
    mesh.joints.resize(n);
    mesh.weights.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        coordinates.at(mesh.positions[v], mesh.muscleUv[v], mesh.fibre[v]);
        weighting.weigh(mesh.positions[v], mesh.joints[v], mesh.weights[v]);
    }
    return std::optional<BodyMesh>(std::move(mesh));
}

}  // namespace myomap::bodygen

#include "bodygen/muscle_fill.h"

#include "bodygen/muscle_profile.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <queue>

namespace myomap::bodygen {
namespace {

enum Tissue : std::uint8_t { kOutside = 0, kSoft = 1, kBone = 2 };

// A voxel and its six face neighbours, the voxel first.
const glm::ivec3 kCross[] = {{0, 0, 0}, {1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};

// Where two growing muscles met, the boundary between them is ragged at the voxel scale. Each
// claimed voxel takes the owner most of its 26 neighbours have (ties keep the voxel's own):
// the boundaries straighten and specks of one muscle inside another go, with no voxel left
// unclaimed. Owners are read from a copy, so the order of visits does not matter.
void smoothBoundaries(const VoxelGrid& grid, const std::vector<std::uint8_t>& tissue, std::vector<std::uint16_t>& owner) {
    const std::vector<std::uint16_t> before = owner;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i] == 0 || tissue[i] != kSoft) continue;
        const glm::ivec3 c = grid.coords(i);
        std::uint16_t seen[27];
        int counts[27];
        int kinds = 0;
        for (int dz = -1; dz <= 1; ++dz) {
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const glm::ivec3 n = c + glm::ivec3(dx, dy, dz);
                    if (!grid.contains(n)) continue;
                    const std::uint16_t o = before[grid.index(n)];
                    if (o == 0) continue;
                    int k = 0;
                    while (k < kinds && seen[k] != o) ++k;
                    if (k == kinds) {
                        seen[kinds] = o;
                        counts[kinds++] = 0;
                    }
                    ++counts[k];
                }
            }
        }
        std::uint16_t best = before[i];
        int bestCount = 0;
        for (int k = 0; k < kinds; ++k) {
            if (seen[k] == before[i]) bestCount = counts[k];
        }
        for (int k = 0; k < kinds; ++k) {
            if (counts[k] > bestCount) {
                bestCount = counts[k];
                best = seen[k];
            }
        }
        owner[i] = best;
    }
}

struct Front {
    float distance;
    std::uint32_t voxel;
    bool operator>(const Front& o) const { return distance != o.distance ? distance > o.distance : voxel > o.voxel; }
};

// The stages of sharing out the tissue, in order: classify, claim, grow, smooth.
class Partitioner {
public:
    Partitioner(const std::vector<FillSeed>& seeds, TissuePartition& out) : m_seeds(seeds), m_out(out) {}

    // Soft tissue inside the skin, bone inside the bones; the left half only (x > 0).
    void classify(const BodyMesh& skin, const std::vector<BodyMesh>& bones) {
        const VoxelGrid& grid = m_out.grid;
        const std::size_t count = grid.count();
        m_tissue.assign(count, kOutside);
        for (const FilledVoxel& v : fillClosedMesh(grid, skin.positions, skin.indices, {})) {
            if (grid.centre(grid.coords(v.index)).x > 0.0f) m_tissue[v.index] = kSoft;
        }
        for (const BodyMesh& bone : bones) {
            for (const FilledVoxel& v : fillClosedMesh(grid, bone.positions, bone.indices, {})) {
                if (grid.centre(grid.coords(v.index)).x > 0.0f) m_tissue[v.index] = kBone;
            }
        }
        m_out.owner.assign(count, 0);
        m_claimedBy.assign(count, kNone);
        m_distance.assign(count, std::numeric_limits<float>::infinity());
        m_limit.assign(count, 0.0f);
    }

    // Listed outside-in, so where ribbons overlap the superficial one keeps the voxel. Each
    // ribbon's solid claims what it covers (soft tissue or, at its attachments, bone).
    void claimRibbons() {
        for (std::size_t m = 0; m < m_seeds.size(); ++m) {
            const FillSeed& seed = m_seeds[m];
            std::vector<float> u;
            u.reserve(seed.ribbon->muscleUv.size());
            for (const glm::vec2& uv : seed.ribbon->muscleUv) u.push_back(uv.x);
            for (const FilledVoxel& v : fillClosedMesh(m_out.grid, seed.ribbon->positions, seed.ribbon->indices, u)) {
                claim(m, v.index, v.value, kSolid);
            }
        }
    }

    // A cord along each ribbon's middle surface keeps its line through the others. Where the
    // ribbon is thinner than two voxels (tendons, thin borders) the cord is three voxels across
    // and the muscle's own even where another muscle's ribbon lies in the same place, so that
    // it keeps its way to its attachments.
    void claimCords(float cellSize) {
        m_out.cords.resize(m_seeds.size());
        for (std::size_t m = 0; m < m_seeds.size(); ++m) {
            const MuscleLayout& layout = *m_seeds[m].layout;
            for (int i = 0; i + 1 < layout.rows; ++i) {
                for (int j = 0; j + 1 < layout.columns; ++j) claimCordPatch(m, layout, i, j, cellSize);
            }
            std::vector<std::uint32_t>& cord = m_out.cords[m];
            std::sort(cord.begin(), cord.end());
            cord.erase(std::unique(cord.begin(), cord.end()), cord.end());
        }
    }

    // Each tendon of the tendon table takes the tissue (bone included) within its radius of its
    // path, on the side it faces, as a cord: the muscle's, and kept whoever grows into it (unless
    // another muscle's cord holds it already).
    void claimTendons() {
        const VoxelGrid& grid = m_out.grid;
        for (std::size_t m = 0; m < m_seeds.size(); ++m) {
            for (const TendonSpec* tendon : m_seeds[m].tendons) {
                for (std::size_t s = 0; s + 1 < tendon->path.size(); ++s) {
                    const glm::vec3 a = tendon->path[s].position, b = tendon->path[s + 1].position;
                    const glm::ivec3 lo = grid.nearest(glm::min(a, b) - glm::vec3(tendon->radius));
                    const glm::ivec3 hi = grid.nearest(glm::max(a, b) + glm::vec3(tendon->radius));
                    for (int z = lo.z; z <= hi.z; ++z) {
                        for (int y = lo.y; y <= hi.y; ++y) {
                            for (int x = lo.x; x <= hi.x; ++x) {
                                const glm::ivec3 at(x, y, z);
                                if (!grid.contains(at)) continue;
                                const std::size_t voxel = grid.index(at);
                                if (m_tissue[voxel] == kOutside) continue;
                                const glm::vec3 p = grid.centre(at);
                                const glm::vec3 ab = b - a;
                                const float t = glm::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
                                const glm::vec3 off = p - (a + t * ab);
                                if (glm::length(off) > tendon->radius) continue;
                                if (tendon->facing != glm::vec3(0.0f) && glm::dot(off, tendon->facing) <= 0.0f) continue;
                                // Another muscle's cord keeps its voxel: only one mesh may hold it.
                                claim(m, voxel, 1.0f, kCord);
                                if (static_cast<std::size_t>(m_out.owner[voxel]) == m + 1) m_out.cords[m].push_back(static_cast<std::uint32_t>(voxel));
                            }
                        }
                    }
                }
            }
            std::vector<std::uint32_t>& cord = m_out.cords[m];
            std::sort(cord.begin(), cord.end());
            cord.erase(std::unique(cord.begin(), cord.end()), cord.end());
        }
    }

    // Nearest first through the soft tissue (26 neighbours, steps of their true length), each
    // claim no further than the reach of the ribbon point it started from.
    void grow(float cellSize) {
        const VoxelGrid& grid = m_out.grid;
        while (!m_front.empty()) {
            const Front f = m_front.top();
            m_front.pop();
            if (f.distance > m_distance[f.voxel]) continue;
            const glm::ivec3 c = grid.coords(f.voxel);
            for (int dz = -1; dz <= 1; ++dz) {
                for (int dy = -1; dy <= 1; ++dy) {
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int steps = dx * dx + dy * dy + dz * dz;
                        if (steps == 0) continue;
                        const glm::ivec3 n = c + glm::ivec3(dx, dy, dz);
                        if (!grid.contains(n)) continue;
                        const std::size_t ni = grid.index(n);
                        if (m_tissue[ni] != kSoft) continue;
                        const float d = f.distance + cellSize * std::sqrt(static_cast<float>(steps));
                        if (d > m_limit[f.voxel] || d >= m_distance[ni]) continue;
                        m_distance[ni] = d;
                        m_limit[ni] = m_limit[f.voxel];
                        m_out.owner[ni] = m_out.owner[f.voxel];
                        m_front.push({d, static_cast<std::uint32_t>(ni)});
                    }
                }
            }
        }
    }

    void smooth() {
        smoothBoundaries(m_out.grid, m_tissue, m_out.owner);
        smoothBoundaries(m_out.grid, m_tissue, m_out.owner);
    }

private:
    // A ribbon's solid claims unclaimed tissue; a cord also takes a voxel from another muscle's
    // solid (a thin sheet keeps its line where the ribbon under it reaches up into it), but
    // not from another cord.
    enum Claim : std::uint8_t { kNone, kSolid, kCord };

    void claim(std::size_t m, std::size_t voxel, float u, Claim kind) {
        if (m_tissue[voxel] == kOutside || m_claimedBy[voxel] >= kind) return;
        m_claimedBy[voxel] = kind;
        const FillSeed& seed = m_seeds[m];
        m_out.owner[voxel] = static_cast<std::uint16_t>(m + 1);
        m_distance[voxel] = 0.0f;
        m_limit[voxel] = seed.reach * muscleThickness(seed.shape, u, seed.bellyU);
        m_front.push({0.0f, static_cast<std::uint32_t>(voxel)});
    }

    // The cord through one cell of the fibre grid (rows i, i + 1; columns j, j + 1), sampled
    // twice a voxel along and across.
    void claimCordPatch(std::size_t m, const MuscleLayout& layout, int i, int j, float cellSize) {
        const auto mid = [&](int r, int c) {
            const std::size_t n = layout.at(r, c);
            return 0.5f * (layout.outer[n] + layout.inner[n]);
        };
        const auto thickness = [&](int r, int c) {
            const std::size_t n = layout.at(r, c);
            return glm::length(layout.outer[n] - layout.inner[n]);
        };
        const bool thin = std::min({thickness(i, j), thickness(i + 1, j), thickness(i, j + 1), thickness(i + 1, j + 1)}) <
                          2.0f * cellSize;
        const glm::vec3 a = mid(i, j), b = mid(i + 1, j), c = mid(i, j + 1), d = mid(i + 1, j + 1);
        const float along = std::max(glm::length(b - a), glm::length(d - c));
        const float across = std::max(glm::length(c - a), glm::length(d - b));
        const int su = std::max(1, static_cast<int>(std::ceil(2.0f * along / cellSize)));
        const int sv = std::max(1, static_cast<int>(std::ceil(2.0f * across / cellSize)));
        const VoxelGrid& grid = m_out.grid;
        for (int ku = 0; ku <= su; ++ku) {
            const float fu = static_cast<float>(ku) / static_cast<float>(su);
            const float u = (static_cast<float>(i) + fu) / static_cast<float>(layout.rows - 1);
            for (int kv = 0; kv <= sv; ++kv) {
                const float fv = static_cast<float>(kv) / static_cast<float>(sv);
                const glm::ivec3 centre = grid.nearest(glm::mix(glm::mix(a, b, fu), glm::mix(c, d, fu), fv));
                for (std::size_t k = 0; k < (thin ? std::size(kCross) : 1); ++k) {
                    const glm::ivec3 at = centre + kCross[k];
                    if (!grid.contains(at)) continue;
                    const std::size_t voxel = grid.index(at);
                    if (m_tissue[voxel] == kOutside) continue;
                    if (thin) m_out.cords[m].push_back(static_cast<std::uint32_t>(voxel));
                    claim(m, voxel, u, kCord);
                }
            }
        }
    }

    const std::vector<FillSeed>& m_seeds;
    TissuePartition& m_out;
    std::vector<std::uint8_t> m_tissue;
    std::vector<std::uint8_t> m_claimedBy;
    std::vector<float> m_distance;  // from the nearest claim of the voxel's owner
    std::vector<float> m_limit;     // how far that claim may reach
    std::priority_queue<Front, std::vector<Front>, std::greater<>> m_front;
};

}  // namespace

TissuePartition partitionTissue(const BodyMesh& skin, const std::vector<BodyMesh>& bones,
                                const std::vector<FillSeed>& seeds, float cellSize) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : skin.positions) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    lo.x = 0.0f;  // the right half mirrors the left
    TissuePartition out;
    out.grid = VoxelGrid(lo, hi, cellSize, 1);
    Partitioner partitioner(seeds, out);
    partitioner.classify(skin, bones);
    partitioner.claimRibbons();
    partitioner.claimCords(cellSize);
    partitioner.claimTendons();
    partitioner.grow(cellSize);
    partitioner.smooth();
    return out;
}

}  // namespace myomap::bodygen

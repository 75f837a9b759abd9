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
    const VoxelGrid& grid = out.grid;
    const std::size_t count = grid.count();
    std::vector<std::uint8_t> tissue(count, kOutside);
    for (const FilledVoxel& v : fillClosedMesh(grid, skin.positions, skin.indices, {})) {
        if (grid.centre(grid.coords(v.index)).x > 0.0f) tissue[v.index] = kSoft;
    }
    for (const BodyMesh& bone : bones) {
        for (const FilledVoxel& v : fillClosedMesh(grid, bone.positions, bone.indices, {})) {
            if (grid.centre(grid.coords(v.index)).x > 0.0f) tissue[v.index] = kBone;
        }
    }

    out.owner.assign(count, 0);
    out.u.assign(count, 0.0f);
    std::vector<float> distance(count, std::numeric_limits<float>::infinity());
    std::vector<float> limit(count, 0.0f);
    std::priority_queue<Front, std::vector<Front>, std::greater<>> front;
    // A ribbon's solid claims unclaimed tissue; a cord also takes a voxel from another muscle's
    // solid (a thin sheet keeps its line where the ribbon under it reaches up into it), but
    // not from another cord.
    enum Claim : std::uint8_t { kNone, kSolid, kCord };
    std::vector<std::uint8_t> claimedBy(count, kNone);
    const auto claim = [&](std::size_t m, std::size_t voxel, float u, Claim kind) {
        if (tissue[voxel] == kOutside || claimedBy[voxel] >= kind) return;
        claimedBy[voxel] = kind;
        const FillSeed& seed = seeds[m];
        out.owner[voxel] = static_cast<std::uint16_t>(m + 1);
        out.u[voxel] = u;
        distance[voxel] = 0.0f;
        limit[voxel] = seed.reach * muscleThickness(seed.shape, u, seed.bellyU);
        front.push({0.0f, static_cast<std::uint32_t>(voxel)});
    };
    // Listed outside-in, so where ribbons overlap the superficial one keeps the voxel. The
    // ribbon's solid claims what it covers (soft tissue or, at its attachments, bone)...
    for (std::size_t m = 0; m < seeds.size(); ++m) {
        const FillSeed& seed = seeds[m];
        std::vector<float> u;
        u.reserve(seed.ribbon->muscleUv.size());
        for (const glm::vec2& uv : seed.ribbon->muscleUv) u.push_back(uv.x);
        for (const FilledVoxel& v : fillClosedMesh(grid, seed.ribbon->positions, seed.ribbon->indices, u)) {
            claim(m, v.index, v.value, kSolid);
        }
    }
    // ...and a cord along its middle surface keeps its line through the others. Where the ribbon
    // is thinner than two voxels (tendons, thin borders) the cord is three voxels across and the
    // muscle's own even where another muscle's ribbon lies in the same place, so that it keeps
    // its way to its attachments.
    out.cords.resize(seeds.size());
    for (std::size_t m = 0; m < seeds.size(); ++m) {
        const MuscleLayout& layout = *seeds[m].layout;
        std::vector<std::uint32_t>& cords = out.cords[m];
        for (int i = 0; i + 1 < layout.rows; ++i) {
            for (int j = 0; j + 1 < layout.columns; ++j) {
                const auto mid = [&](int r, int c) {
                    const std::size_t n = layout.at(r, c);
                    return 0.5f * (layout.outer[n] + layout.inner[n]);
                };
                const auto thickness = [&](int r, int c) {
                    const std::size_t n = layout.at(r, c);
                    return glm::length(layout.outer[n] - layout.inner[n]);
                };
                // Where the ribbon is two voxels thick its solid already holds; only thinner
                // parts need the cord's width.
                const bool thin = std::min({thickness(i, j), thickness(i + 1, j), thickness(i, j + 1),
                                            thickness(i + 1, j + 1)}) < 2.0f * cellSize;
                const glm::vec3 a = mid(i, j), b = mid(i + 1, j), c = mid(i, j + 1), d = mid(i + 1, j + 1);
                const float along = std::max(glm::length(b - a), glm::length(d - c));
                const float across = std::max(glm::length(c - a), glm::length(d - b));
                const int su = std::max(1, static_cast<int>(std::ceil(2.0f * along / cellSize)));
                const int sv = std::max(1, static_cast<int>(std::ceil(2.0f * across / cellSize)));
                for (int ku = 0; ku <= su; ++ku) {
                    const float fu = static_cast<float>(ku) / static_cast<float>(su);
                    const float u = (static_cast<float>(i) + fu) / static_cast<float>(layout.rows - 1);
                    for (int kv = 0; kv <= sv; ++kv) {
                        const float fv = static_cast<float>(kv) / static_cast<float>(sv);
                        const glm::vec3 p = glm::mix(glm::mix(a, b, fu), glm::mix(c, d, fu), fv);
                        const glm::ivec3 centre = grid.nearest(p);
                        for (std::size_t k = 0; k < (thin ? std::size(kCross) : 1); ++k) {
                            const glm::ivec3 at = centre + kCross[k];
                            if (!grid.contains(at)) continue;
                            const std::size_t voxel = grid.index(at);
                            if (tissue[voxel] == kOutside) continue;
                            if (thin) cords.push_back(static_cast<std::uint32_t>(voxel));
                            claim(m, voxel, u, kCord);
                        }
                    }
                }
            }
        }
    }

    for (std::vector<std::uint32_t>& cord : out.cords) {
        std::sort(cord.begin(), cord.end());
        cord.erase(std::unique(cord.begin(), cord.end()), cord.end());
    }

    // Nearest first through the soft tissue (26 neighbours, steps of their true length).
    const float h = cellSize;
    while (!front.empty()) {
        const Front f = front.top();
        front.pop();
        if (f.distance > distance[f.voxel]) continue;
        const glm::ivec3 c = grid.coords(f.voxel);
        for (int dz = -1; dz <= 1; ++dz) {
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dx = -1; dx <= 1; ++dx) {
                    const int steps = dx * dx + dy * dy + dz * dz;
                    if (steps == 0) continue;
                    const glm::ivec3 n = c + glm::ivec3(dx, dy, dz);
                    if (!grid.contains(n)) continue;
                    const std::size_t ni = grid.index(n);
                    if (tissue[ni] != kSoft) continue;
                    const float d = f.distance + h * std::sqrt(static_cast<float>(steps));
                    if (d > limit[f.voxel] || d >= distance[ni]) continue;
                    distance[ni] = d;
                    limit[ni] = limit[f.voxel];
                    out.owner[ni] = out.owner[f.voxel];
                    out.u[ni] = out.u[f.voxel];
                    front.push({d, static_cast<std::uint32_t>(ni)});
                }
            }
        }
    }
    smoothBoundaries(grid, tissue, out.owner);
    smoothBoundaries(grid, tissue, out.owner);
    return out;
}

}  // namespace myomap::bodygen

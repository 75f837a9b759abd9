#include "bodygen/surface_mesher.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace myomap::bodygen {
namespace {

// Corner c of a cell is offset (c & 1, c >> 1 & 1, c >> 2 & 1) from its lowest corner.
constexpr int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                               {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
// The four corners of each face in cyclic order, and the step to the cell across it.
constexpr int kFaces[6][4] = {{0, 2, 6, 4}, {1, 3, 7, 5}, {0, 1, 5, 4}, {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 5, 7, 6}};
constexpr int kFaceStep[6][3] = {{-1, 0, 0}, {1, 0, 0}, {0, -1, 0}, {0, 1, 0}, {0, 0, -1}, {0, 0, 1}};

bool isInside(float v) { return v < 0.0f; }

// Field samples on the grid points, taken lazily: only cells near the surface are ever visited.
// The samples are stored in bricks of 8x8x8 points, allocated when first touched, so that
// neighbouring cells lie close in memory and the space far from the surface costs nothing.
class Grid {
public:
    Grid(const DistanceField& field, const glm::vec3& lo, const glm::vec3& hi, float h) : m_field(field), m_h(h) {
        // Points at (index + 0.5) * h: mirror-symmetric about every coordinate plane through 0.
        for (int a = 0; a < 3; ++a) {
            m_first[a] = static_cast<int>(std::floor(lo[a] / h)) - 2;
            m_size[a] = static_cast<int>(std::ceil(hi[a] / h)) + 2 - m_first[a] + 1;
            m_bricks[a] = (m_size[a] + kBrick - 1) / kBrick;
        }
        m_values.resize(static_cast<std::size_t>(m_bricks[0]) * static_cast<std::size_t>(m_bricks[1]) *
                        static_cast<std::size_t>(m_bricks[2]));
    }

    int size(int axis) const { return m_size[axis]; }
    // One past the largest index (indices run brick by brick).
    std::size_t indexCount() const { return m_values.size() * kBrickPoints; }
    std::size_t index(int i, int j, int k) const {
        const auto brick = static_cast<std::size_t>(i / kBrick) +
                           static_cast<std::size_t>(m_bricks[0]) *
                               (static_cast<std::size_t>(j / kBrick) +
                                static_cast<std::size_t>(m_bricks[1]) * static_cast<std::size_t>(k / kBrick));
        const auto local = static_cast<std::size_t>(i % kBrick + kBrick * (j % kBrick + kBrick * (k % kBrick)));
        return brick * kBrickPoints + local;
    }
    glm::ivec3 coords(std::size_t index) const {
        const auto bx = static_cast<std::size_t>(m_bricks[0]), by = static_cast<std::size_t>(m_bricks[1]);
        const std::size_t brick = index / kBrickPoints, local = index % kBrickPoints;
        const glm::ivec3 b(static_cast<int>(brick % bx), static_cast<int>(brick / bx % by),
                           static_cast<int>(brick / (bx * by)));
        const glm::ivec3 l(static_cast<int>(local % kBrick), static_cast<int>(local / kBrick % kBrick),
                           static_cast<int>(local / (kBrick * kBrick)));
        return b * kBrick + l;
    }
    glm::vec3 position(int i, int j, int k) const {
        return {(static_cast<float>(m_first[0] + i) + 0.5f) * m_h, (static_cast<float>(m_first[1] + j) + 0.5f) * m_h,
                (static_cast<float>(m_first[2] + k) + 0.5f) * m_h};
    }
    glm::ivec3 cellOf(const glm::vec3& p) const {
        glm::ivec3 c;
        for (int a = 0; a < 3; ++a) c[a] = static_cast<int>(std::floor(p[a] / m_h - 0.5f)) - m_first[a];
        return c;
    }
    // Cells whose eight corners lie inside the grid, one cell away from its border.
    bool validCell(const glm::ivec3& c) const {
        return c.x >= 1 && c.y >= 1 && c.z >= 1 && c.x + 2 < m_size[0] && c.y + 2 < m_size[1] && c.z + 2 < m_size[2];
    }
    float& raw(int i, int j, int k) {
        const std::size_t id = index(i, j, k);
        std::unique_ptr<float[]>& brick = m_values[id / kBrickPoints];
        if (!brick) {
            brick = std::make_unique<float[]>(kBrickPoints);
            std::fill(brick.get(), brick.get() + kBrickPoints, std::numeric_limits<float>::quiet_NaN());
        }
        return brick[id % kBrickPoints];
    }
    float value(int i, int j, int k) {
        float& v = raw(i, j, k);
        if (std::isnan(v)) v = m_field(position(i, j, k));
        return v;
    }
    glm::ivec3 corner(const glm::ivec3& cell, int c) const { return cell + glm::ivec3(c & 1, c >> 1 & 1, c >> 2 & 1); }
    float cornerValue(const glm::ivec3& cell, int c) {
        const glm::ivec3 p = corner(cell, c);
        return value(p.x, p.y, p.z);
    }
    unsigned insideMask(const glm::ivec3& cell) {
        unsigned mask = 0;
        for (int c = 0; c < 8; ++c) mask |= isInside(cornerValue(cell, c)) ? 1u << c : 0u;
        return mask;
    }

private:
    const DistanceField& m_field;
    float m_h;
    static constexpr int kBrick = 8;
    static constexpr std::size_t kBrickPoints = 512;
    int m_first[3]{};
    int m_size[3]{};
    int m_bricks[3]{};
    std::vector<std::unique_ptr<float[]>> m_values;  // per brick, null until touched
};

bool mixedFace(unsigned mask, int face) {
    const unsigned bits = (mask >> kFaces[face][0] & 1u) + (mask >> kFaces[face][1] & 1u) +
                          (mask >> kFaces[face][2] & 1u) + (mask >> kFaces[face][3] & 1u);
    return bits != 0 && bits != 4;
}

bool checkerboardFace(unsigned mask, int face) {
    const unsigned a = mask >> kFaces[face][0] & 1u, b = mask >> kFaces[face][1] & 1u;
    const unsigned c = mask >> kFaces[face][2] & 1u, d = mask >> kFaces[face][3] & 1u;
    return a == c && b == d && a != b;
}

// Grows the set of cells the surface passes through, across faces the surface crosses. Returns
// the cells sorted by index, or an error when the surface reaches the grid's border.
Result<std::vector<std::size_t>> collectSurfaceCells(Grid& grid, const glm::ivec3& seed) {
    std::vector<std::size_t> cells{grid.index(seed.x, seed.y, seed.z)};
    std::vector<std::uint8_t> seen(grid.indexCount(), 0);
    seen[cells[0]] = 1;
    for (std::size_t next = 0; next < cells.size(); ++next) {
        const glm::ivec3 cell = grid.coords(cells[next]);
        const unsigned mask = grid.insideMask(cell);
        for (int f = 0; f < 6; ++f) {
            if (!mixedFace(mask, f)) continue;
            const glm::ivec3 other = cell + glm::ivec3(kFaceStep[f][0], kFaceStep[f][1], kFaceStep[f][2]);
            if (!grid.validCell(other)) return fail("surface mesher: the surface reaches the border of the grid");
            const std::size_t id = grid.index(other.x, other.y, other.z);
            if (seen[id]) continue;
            seen[id] = 1;
            cells.push_back(id);
        }
    }
    std::sort(cells.begin(), cells.end());
    return cells;
}

// Corners of one side (inside when `inside`) of a cell joined along the cube's edges: the
// number of groups, and each corner's group (-1 for the other side's corners).
int cornerGroups(unsigned mask, bool inside, int (&group)[8]) {
    int count = 0;
    for (int c = 0; c < 8; ++c) group[c] = -1;
    for (int c = 0; c < 8; ++c) {
        if (((mask >> c & 1u) != 0) != inside || group[c] >= 0) continue;
        group[c] = count;
        for (bool grew = true; grew;) {
            grew = false;
            for (const auto& e : kEdges) {
                const bool a = group[e[0]] == count, b = group[e[1]] == count;
                if (a == b) continue;
                const int other = a ? e[1] : e[0];
                if (((mask >> other & 1u) != 0) != inside) continue;
                group[other] = count;
                grew = true;
            }
        }
        ++count;
    }
    return count;
}

// Sub-cell features would pinch the mesh: a face whose corners alternate inside/outside (the
// edge across it would get four quads), or a cell whose inside or outside corners fall into
// groups that meet only at a point (one vertex would carry two sheets). Such a cell gives up
// its weakest inside corner (the one nearest the surface) to the outside; every change goes the
// same way, so the rounds end, and each moves the surface by less than a cell.
int resolveAmbiguities(Grid& grid, const std::vector<std::size_t>& cells) {
    int flips = 0;
    for (const std::size_t id : cells) {
        const glm::ivec3 cell = grid.coords(id);
        const unsigned mask = grid.insideMask(cell);
        bool ambiguous = false;
        for (int f = 0; f < 6 && !ambiguous; ++f) ambiguous = checkerboardFace(mask, f);
        int group[8];
        ambiguous = ambiguous || cornerGroups(mask, true, group) > 1 || cornerGroups(mask, false, group) > 1;
        if (!ambiguous) continue;
        int weakest = -1;
        float weakestMagnitude = std::numeric_limits<float>::max();
        for (int c = 0; c < 8; ++c) {
            if ((mask >> c & 1u) == 0) continue;
            const float magnitude = std::abs(grid.cornerValue(cell, c));
            if (magnitude < weakestMagnitude) {
                weakestMagnitude = magnitude;
                weakest = c;
            }
        }
        const glm::ivec3 p = grid.corner(cell, weakest);
        grid.raw(p.x, p.y, p.z) = 1.0e-7f;
        ++flips;
    }
    return flips;
}

glm::vec3 cellVertex(Grid& grid, const glm::ivec3& cell) {
    glm::vec3 sum(0.0f);
    int count = 0;
    for (const auto& e : kEdges) {
        const float a = grid.cornerValue(cell, e[0]), b = grid.cornerValue(cell, e[1]);
        if (isInside(a) == isInside(b)) continue;
        const glm::ivec3 pa = grid.corner(cell, e[0]), pb = grid.corner(cell, e[1]);
        const float t = a / (a - b);
        sum +=
            grid.position(pa.x, pa.y, pa.z) + t * (grid.position(pb.x, pb.y, pb.z) - grid.position(pa.x, pa.y, pa.z));
        ++count;
    }
    return sum / static_cast<float>(count);
}

void smoothTaubin(SurfaceMesh& mesh, const SurfaceMesherOptions& options) {
    const std::size_t n = mesh.positions.size();
    std::vector<std::uint64_t> edges;
    edges.reserve(mesh.indices.size() * 2);
    for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
        for (int e = 0; e < 3; ++e) {
            const std::uint64_t a = mesh.indices[t + static_cast<std::size_t>(e)];
            const std::uint64_t b = mesh.indices[t + static_cast<std::size_t>((e + 1) % 3)];
            edges.push_back(a << 32 | b);
            edges.push_back(b << 32 | a);
        }
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    std::vector<std::uint32_t> start(n + 1, 0), neighbours(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        ++start[(edges[e] >> 32) + 1];
        neighbours[e] = static_cast<std::uint32_t>(edges[e] & 0xffffffffu);
    }
    for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
    std::vector<glm::vec3> moved(n);
    auto pass = [&](float factor) {
        for (std::size_t v = 0; v < n; ++v) {
            glm::vec3 mean(0.0f);
            for (std::uint32_t e = start[v]; e < start[v + 1]; ++e) mean += mesh.positions[neighbours[e]];
            const auto count = static_cast<float>(start[v + 1] - start[v]);
            moved[v] = count > 0 ? mesh.positions[v] + factor * (mean / count - mesh.positions[v]) : mesh.positions[v];
        }
        mesh.positions.swap(moved);
    };
    for (int i = 0; i < options.smoothingIterations; ++i) {
        pass(options.lambda);
        pass(options.mu);
    }
}

}  // namespace

void projectOntoSurface(SurfaceMesh& mesh, const DistanceField& field, float h) {
    const float step = 0.05f * h;
    auto gradient = [&](const glm::vec3& p) {
        const glm::vec3 g(field(p + glm::vec3(step, 0, 0)) - field(p - glm::vec3(step, 0, 0)),
                          field(p + glm::vec3(0, step, 0)) - field(p - glm::vec3(0, step, 0)),
                          field(p + glm::vec3(0, 0, step)) - field(p - glm::vec3(0, 0, step)));
        return g / (2.0f * step);
    };
    mesh.normals.resize(mesh.positions.size());
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        glm::vec3 p = mesh.positions[v];
        glm::vec3 grad(0.0f);
        float g2 = 0.0f;
        // Newton steps reusing one gradient; where the field bends sharply (a crease) they stall
        // and a fresh gradient at the point reached carries on.
        for (int round = 0; round < 3; ++round) {
            grad = gradient(p);
            g2 = glm::dot(grad, grad);
            if (g2 <= 1.0e-8f) break;
            float d = field(p);
            for (int i = 0; i < 4 && std::abs(d) >= 1.0e-5f; ++i) {
                const glm::vec3 delta = grad * (d / g2);
                // A step longer than a cell would leave the neighbourhood the mesh was built from.
                if (glm::length(delta) > h) break;
                p -= delta;
                d = field(p);
            }
            if (std::abs(d) < 1.0e-5f) break;
        }
        mesh.positions[v] = p;
        mesh.normals[v] = g2 > 0.0f ? grad / std::sqrt(g2) : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

Result<SurfaceMesh> meshSurface(const DistanceField& field, const glm::vec3& boundsMin, const glm::vec3& boundsMax,
                                const glm::vec3& inside, const SurfaceMesherOptions& options) {
    const float h = options.cellSize;
    Grid grid(field, boundsMin, boundsMax, h);
    if (!(field(inside) < 0.0f)) return fail("surface mesher: the start point is not inside the surface");
    // Walk out along +z to the surface to find a first cell on it.
    glm::vec3 p = inside;
    while (field(p) < 0.0f) {
        p.z += 0.25f * h;
        if (p.z > boundsMax.z) return fail("surface mesher: no surface found in front of the start point");
    }
    glm::ivec3 seed = grid.cellOf(p);
    bool found = false;
    for (int dz = -1; dz <= 1 && !found; ++dz) {
        for (int dy = -1; dy <= 1 && !found; ++dy) {
            for (int dx = -1; dx <= 1 && !found; ++dx) {
                const glm::ivec3 c = seed + glm::ivec3(dx, dy, dz);
                const unsigned mask = grid.validCell(c) ? grid.insideMask(c) : 0u;
                if (mask != 0 && mask != 255) {
                    seed = c;
                    found = true;
                }
            }
        }
    }
    if (!found) return fail("surface mesher: the surface is thinner than a cell where it was first met");

    auto cells = collectSurfaceCells(grid, seed);
    // Every flip turns an inside corner outside, so this ends; the bound is a guard.
    for (int round = 0; cells && round < 1000; ++round) {
        if (resolveAmbiguities(grid, *cells) == 0) break;
        cells = collectSurfaceCells(grid, seed);  // flips may add or remove cells
    }
    if (!cells) return fail(cells.error());

    SurfaceMesh mesh;
    const std::vector<std::size_t>& ids = *cells;
    mesh.positions.reserve(ids.size());
    for (const std::size_t id : ids) {
        const glm::ivec3 c = grid.coords(id);
        mesh.positions.push_back(cellVertex(grid, c));
        mesh.midline.push_back(grid.position(c.x, c.y, c.z).x < 0.0f && grid.position(c.x + 1, c.y, c.z).x > 0.0f);
    }
    bool lost = false;  // a quad's cell missing from the grown set: cannot happen on a closed surface
    auto vertexOf = [&](int i, int j, int k) {
        const std::size_t id = grid.index(i, j, k);
        const auto it = std::lower_bound(ids.begin(), ids.end(), id);
        lost = lost || it == ids.end() || *it != id;
        return static_cast<std::uint32_t>(it - ids.begin());
    };
    // Splits along the shorter diagonal. Near-ties (flat regions such as the sole) take a fixed
    // diagonal chosen so that mirror images in x get mirrored triangles: rounding must not pick
    // different diagonals on the two sides.
    auto emitQuad = [&](const std::uint32_t(&q)[4], bool outwardAlongAxis, bool evenDiagonal) {
        const glm::vec3* pos = mesh.positions.data();
        const float d02 = glm::dot(pos[q[0]] - pos[q[2]], pos[q[0]] - pos[q[2]]);
        const float d13 = glm::dot(pos[q[1]] - pos[q[3]], pos[q[1]] - pos[q[3]]);
        const bool split02 = std::abs(d02 - d13) <= 1.0e-3f * (d02 + d13) ? evenDiagonal : d02 < d13;
        const std::uint32_t a = q[0], b = outwardAlongAxis ? q[1] : q[3], c = q[2], d = outwardAlongAxis ? q[3] : q[1];
        if (split02) {
            mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
        } else {
            mesh.indices.insert(mesh.indices.end(), {b, c, d, b, d, a});
        }
    };
    for (const std::size_t id : ids) {
        const glm::ivec3 c = grid.coords(id);
        const int i = c.x, j = c.y, k = c.z;
        const bool end = isInside(grid.value(i + 1, j + 1, k + 1));
        const bool positiveX = grid.position(i + 1, j, k).x > 0.0f;
        // The three edges that meet at the cell's highest corner; this cell is the lowest of the
        // four around each, so every edge is visited once. Rings run counter-clockwise about +axis
        // and are wound that way when the outside lies towards +axis (the edge ends outside).
        if (isInside(grid.value(i, j + 1, k + 1)) != end) {
            const std::uint32_t q[4] = {vertexOf(i, j, k), vertexOf(i, j + 1, k), vertexOf(i, j + 1, k + 1),
                                        vertexOf(i, j, k + 1)};
            emitQuad(q, !end, true);
        }
        if (isInside(grid.value(i + 1, j, k + 1)) != end) {
            const std::uint32_t q[4] = {vertexOf(i, j, k), vertexOf(i, j, k + 1), vertexOf(i + 1, j, k + 1),
                                        vertexOf(i + 1, j, k)};
            emitQuad(q, !end, positiveX);
        }
        if (isInside(grid.value(i + 1, j + 1, k)) != end) {
            const std::uint32_t q[4] = {vertexOf(i, j, k), vertexOf(i + 1, j, k), vertexOf(i + 1, j + 1, k),
                                        vertexOf(i, j + 1, k)};
            emitQuad(q, !end, positiveX);
        }
    }
    if (lost) return fail("surface mesher: a quad refers to a cell off the surface (internal error)");
    smoothTaubin(mesh, options);
    if (options.project) projectOntoSurface(mesh, field, h);
    return mesh;
}

}  // namespace myomap::bodygen

#include "figurecheck/volume_overlap.h"

#include <algorithm>
#include <cmath>

namespace myomap::figurecheck {

namespace {

// A ray crossing: which column of the grid it belongs to and where along the ray it is.
struct Crossing {
    std::uint32_t column = 0;
    double depth = 0.0;
    bool operator<(const Crossing& o) const { return column != o.column ? column < o.column : depth < o.depth; }
};

// Twice the signed area of (a, b, p). An edge shared by two triangles is always evaluated from
// the same end (the lexicographically smaller), so both triangles get the same number with
// opposite signs, bit for bit: a ray through the edge is counted by exactly one of them.
double edgeFunction(const glm::dvec2& a, const glm::dvec2& b, const glm::dvec2& p) {
    const bool forward = a.x < b.x || (a.x == b.x && a.y < b.y);
    const glm::dvec2 from = forward ? a : b;
    const glm::dvec2 d = forward ? b - a : a - b;
    const double value = d.x * (p.y - from.y) - d.y * (p.x - from.x);
    return forward ? value : -value;
}

// A point exactly on an edge belongs to the triangle on the edge's left for edges that point
// "up" (or left, when flat): of the two directions of an edge exactly one qualifies.
bool ownsEdge(const glm::dvec2& from, const glm::dvec2& to) {
    const glm::dvec2 d = to - from;
    return d.y > 0.0 || (d.y == 0.0 && d.x < 0.0);
}

// Crossings of the rays along `axis` (through the voxel centres) with one triangle.
void crossTriangle(const glm::dvec3 (&v)[3], const VoxelGrid& grid, int axis, std::vector<Crossing>& out) {
    const int u = (axis + 1) % 3, w = (axis + 2) % 3;
    glm::dvec2 p[3];
    for (int k = 0; k < 3; ++k) p[k] = {v[k][u], v[k][w]};
    const double area = edgeFunction(p[0], p[1], p[2]);
    if (area == 0.0 || !std::isfinite(area)) return;  // edge-on: the neighbours decide
    const double h = grid.voxel;
    // Columns whose centres lie within [lo, hi]; clamped as doubles first, so that a triangle
    // far outside the grid cannot overflow the conversion.
    auto firstColumn = [&](double lo, int dim, double origin) {
        return static_cast<int>(
            std::clamp(std::ceil((lo - origin) / h - 0.5), 0.0, static_cast<double>(grid.size[dim])));
    };
    auto lastColumn = [&](double hi, int dim, double origin) {
        return static_cast<int>(
            std::clamp(std::floor((hi - origin) / h - 0.5), -1.0, static_cast<double>(grid.size[dim] - 1)));
    };
    const double loU = std::min({p[0].x, p[1].x, p[2].x}), hiU = std::max({p[0].x, p[1].x, p[2].x});
    const double loW = std::min({p[0].y, p[1].y, p[2].y}), hiW = std::max({p[0].y, p[1].y, p[2].y});
    const int i0 = firstColumn(loU, u, grid.origin[u]), i1 = lastColumn(hiU, u, grid.origin[u]);
    const int j0 = firstColumn(loW, w, grid.origin[w]), j1 = lastColumn(hiW, w, grid.origin[w]);
    const bool ccw = area > 0.0;
    for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
            const glm::dvec2 q{grid.origin[u] + (i + 0.5) * h, grid.origin[w] + (j + 0.5) * h};
            double weight[3];
            bool inside = true;
            for (int k = 0; k < 3 && inside; ++k) {
                const glm::dvec2& a = p[(k + 1) % 3];
                const glm::dvec2& b = p[(k + 2) % 3];
                const double e = ccw ? edgeFunction(a, b, q) : -edgeFunction(a, b, q);
                weight[k] = e;
                inside = e > 0.0 || (e == 0.0 && (ccw ? ownsEdge(a, b) : ownsEdge(b, a)));
            }
            if (!inside) continue;
            const double sum = weight[0] + weight[1] + weight[2];
            const double depth = (weight[0] * v[0][axis] + weight[1] * v[1][axis] + weight[2] * v[2][axis]) / sum;
            out.push_back({static_cast<std::uint32_t>(j * grid.size[u] + i), depth});
        }
    }
}

// Adds one vote to every voxel that the rays along `axis` find inside by parity.
void voteAlong(const TriangleMesh& mesh, const VoxelGrid& grid, int axis, std::vector<std::uint8_t>& votes) {
    const int u = (axis + 1) % 3, w = (axis + 2) % 3;
    std::vector<Crossing> crossings;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 v[3] = {glm::dvec3(mesh.positions[mesh.indices[t]]),
                                 glm::dvec3(mesh.positions[mesh.indices[t + 1]]),
                                 glm::dvec3(mesh.positions[mesh.indices[t + 2]])};
        crossTriangle(v, grid, axis, crossings);
    }
    std::sort(crossings.begin(), crossings.end());
    const double h = grid.voxel;
    for (std::size_t first = 0; first < crossings.size();) {
        std::size_t end = first;
        while (end < crossings.size() && crossings[end].column == crossings[first].column) ++end;
        const int i = static_cast<int>(crossings[first].column % static_cast<std::uint32_t>(grid.size[u]));
        const int j = static_cast<int>(crossings[first].column / static_cast<std::uint32_t>(grid.size[u]));
        std::size_t next = first;  // the first crossing beyond the current voxel centre
        for (int k = 0; k < grid.size[axis]; ++k) {
            const double c = grid.origin[axis] + (k + 0.5) * h;
            while (next < end && crossings[next].depth < c) ++next;
            if ((next - first) % 2 == 1) {
                glm::ivec3 cell;
                cell[axis] = k;
                cell[u] = i;
                cell[w] = j;
                ++votes[grid.index(cell.x, cell.y, cell.z)];
            }
        }
        first = end;
    }
}

}  // namespace

void TriangleMesh::append(const TriangleMesh& other) {
    const auto offset = static_cast<std::uint32_t>(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    for (const std::uint32_t i : other.indices) indices.push_back(i + offset);
}

Box bounds(const TriangleMesh& mesh) {
    Box box;
    for (const glm::vec3& p : mesh.positions) box.add(glm::dvec3(p));
    return box;
}

std::size_t VoxelGrid::count() const {
    return static_cast<std::size_t>(size.x) * static_cast<std::size_t>(size.y) * static_cast<std::size_t>(size.z);
}

std::size_t VoxelGrid::index(int i, int j, int k) const {
    return (static_cast<std::size_t>(k) * static_cast<std::size_t>(size.y) + static_cast<std::size_t>(j)) *
               static_cast<std::size_t>(size.x) +
           static_cast<std::size_t>(i);
}

glm::dvec3 VoxelGrid::centre(int i, int j, int k) const { return origin + (glm::dvec3(i, j, k) + 0.5) * voxel; }

Result<VoxelGrid> gridAround(const Box& box, double voxel, std::size_t maxVoxels) {
    if (!(voxel > 0.0) || !std::isfinite(voxel))
        return fail("voxel size " + std::to_string(voxel) + " is not a positive length");
    if (box.empty()) return fail("nothing to voxelise (no points)");
    for (int a = 0; a < 3; ++a) {
        if (!std::isfinite(box.min[a]) || !std::isfinite(box.max[a])) return fail("the points are not all finite");
    }
    VoxelGrid grid;
    grid.voxel = voxel;
    grid.origin = box.min - voxel;
    double cells = 1.0;
    for (int a = 0; a < 3; ++a) {
        const double n = std::ceil((box.max[a] - box.min[a]) / voxel) + 2.0;
        cells *= n;
        if (cells > static_cast<double>(maxVoxels)) {
            return fail("the volume needs more than " + std::to_string(maxVoxels) + " voxels of " +
                        std::to_string(voxel * 1000.0) + " mm (is a point far away?)");
        }
        grid.size[a] = static_cast<int>(n);
    }
    return grid;
}

Occupancy voxelise(const TriangleMesh& mesh, const VoxelGrid& grid) {
    std::vector<std::uint8_t> votes(grid.count(), 0);
    for (int axis = 0; axis < 3; ++axis) voteAlong(mesh, grid, axis, votes);
    for (std::uint8_t& v : votes) v = v >= 2 ? 1 : 0;
    return votes;
}

std::size_t countInside(const Occupancy& occupancy) {
    return static_cast<std::size_t>(std::count(occupancy.begin(), occupancy.end(), std::uint8_t{1}));
}

double dice(const Occupancy& a, const Occupancy& b) {
    std::size_t both = 0, inA = 0, inB = 0;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        inA += a[i];
        inB += b[i];
        both += a[i] & b[i];
    }
    if (inA + inB == 0) return 1.0;
    return 2.0 * static_cast<double>(both) / static_cast<double>(inA + inB);
}

std::optional<glm::dvec3> centroid(const Occupancy& occupancy, const VoxelGrid& grid) {
    glm::dvec3 sum(0.0);
    std::size_t n = 0;
    for (int k = 0; k < grid.size.z; ++k) {
        for (int j = 0; j < grid.size.y; ++j) {
            for (int i = 0; i < grid.size.x; ++i) {
                if (!occupancy[grid.index(i, j, k)]) continue;
                sum += grid.centre(i, j, k);
                ++n;
            }
        }
    }
    if (n == 0) return std::nullopt;
    return sum / static_cast<double>(n);
}

}  // namespace myomap::figurecheck

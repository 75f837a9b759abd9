#include "bodygen/muscle_coverage.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kCell = 0.01f;      // metres: hash cell, about the lookup radius
constexpr float kSpacing = 0.004f;  // metres: densest gap between footprint samples

int cellOf(float x) { return static_cast<int>(std::floor(x / kCell)); }

}  // namespace

std::int64_t MuscleCoverage::cellKey(int x, int y, int z) {
    // 21 bits per axis cover +-10 km of 1 cm cells: far more than a body needs.
    const auto pack = [](int v) { return static_cast<std::int64_t>(v + (1 << 20)) & ((1 << 21) - 1); };
    return (pack(x) << 42) | (pack(y) << 21) | pack(z);
}

void MuscleCoverage::insert(const glm::vec3& point, float depth) {
    m_cells[cellKey(cellOf(point.x), cellOf(point.y), cellOf(point.z))].push_back(
        static_cast<std::uint32_t>(m_samples.size()));
    m_samples.push_back({point, depth});
}

void MuscleCoverage::add(const std::vector<glm::vec3>& skinPoints, const std::vector<float>& innerDepth, int columns) {
    if (columns < 2 || skinPoints.size() < 2 * static_cast<std::size_t>(columns)) return;
    const int rows = static_cast<int>(skinPoints.size()) / columns;
    const auto at = [&](int r, int c) { return static_cast<std::size_t>(r * columns + c); };
    for (int r = 0; r + 1 < rows; ++r) {
        for (int c = 0; c + 1 < columns; ++c) {
            const glm::vec3 p00 = skinPoints[at(r, c)], p01 = skinPoints[at(r, c + 1)];
            const glm::vec3 p10 = skinPoints[at(r + 1, c)], p11 = skinPoints[at(r + 1, c + 1)];
            const float along = std::max(glm::length(p10 - p00), glm::length(p11 - p01));
            const float across = std::max(glm::length(p01 - p00), glm::length(p11 - p10));
            const int na = std::max(1, static_cast<int>(std::ceil(along / kSpacing)));
            const int nc = std::max(1, static_cast<int>(std::ceil(across / kSpacing)));
            // Each cell adds its own first row and column; the last row and column come from
            // the neighbouring cells, or are added below at the grid's far edges.
            const bool lastRow = r + 2 == rows, lastColumn = c + 2 == columns;
            for (int i = 0; i <= (lastRow ? na : na - 1); ++i) {
                for (int k = 0; k <= (lastColumn ? nc : nc - 1); ++k) {
                    const float s = static_cast<float>(i) / static_cast<float>(na);
                    const float t = static_cast<float>(k) / static_cast<float>(nc);
                    const glm::vec3 p = glm::mix(glm::mix(p00, p01, t), glm::mix(p10, p11, t), s);
                    const float d = glm::mix(glm::mix(innerDepth[at(r, c)], innerDepth[at(r, c + 1)], t),
                                             glm::mix(innerDepth[at(r + 1, c)], innerDepth[at(r + 1, c + 1)], t), s);
                    insert(p, d);
                }
            }
        }
    }
}

float MuscleCoverage::depthUnder(const glm::vec3& skinPoint, float radius) const {
    float deepest = 0.0f;
    const int reach = static_cast<int>(std::ceil(radius / kCell));
    const int cx = cellOf(skinPoint.x), cy = cellOf(skinPoint.y), cz = cellOf(skinPoint.z);
    const float r2 = radius * radius;
    for (int x = cx - reach; x <= cx + reach; ++x) {
        for (int y = cy - reach; y <= cy + reach; ++y) {
            for (int z = cz - reach; z <= cz + reach; ++z) {
                const auto it = m_cells.find(cellKey(x, y, z));
                if (it == m_cells.end()) continue;
                for (const std::uint32_t index : it->second) {
                    const Sample& s = m_samples[index];
                    const glm::vec3 d = s.point - skinPoint;
                    if (glm::dot(d, d) <= r2) deepest = std::max(deepest, s.depth);
                }
            }
        }
    }
    return deepest;
}

}  // namespace myomap::bodygen

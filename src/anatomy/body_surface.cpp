#include "anatomy/body_surface.h"

#include "core/files.h"
#include "core/triangle.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace myomap::anatomy {
namespace {

glm::vec3 blend(const glm::vec3& w, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    return w.x * a + w.y * b + w.z * c;
}

// The v = 0 border's side minus the v = 1 border's (vertices with v < 0.15 and v > 0.85),
// compared at equal u: the vertices are put in ten bins by u, and every bin that holds both
// borders gives the difference of their centroids; the result is the mean of those. A muscle
// that fills out more on one side near its origin and on the other near its insertion must not
// read as turned over. `low` and `high` count each border's vertices.
glm::vec3 borderOffset(const MuscleSurface& mesh, std::size_t& low, std::size_t& high) {
    constexpr int kBins = 10;
    glm::dvec3 sum[2][kBins]{};
    std::size_t count[2][kBins]{};
    low = high = 0;
    for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
        const glm::vec2 uv = mesh.uv[i];
        const int border = uv.y < 0.15f ? 0 : uv.y > 0.85f ? 1 : -1;
        if (border < 0) continue;
        const int bin = std::clamp(static_cast<int>(uv.x * kBins), 0, kBins - 1);
        sum[border][bin] += glm::dvec3(mesh.positions[i]);
        ++count[border][bin];
        ++(border == 0 ? low : high);
    }
    glm::dvec3 offset(0.0);
    int bins = 0;
    for (int b = 0; b < kBins; ++b) {
        if (count[0][b] == 0 || count[1][b] == 0) continue;
        offset += sum[0][b] / static_cast<double>(count[0][b]) - sum[1][b] / static_cast<double>(count[1][b]);
        ++bins;
    }
    return bins == 0 ? glm::vec3(0.0f) : glm::vec3(offset / static_cast<double>(bins));
}

double distanceToNearestVertex(const std::vector<glm::vec3>& points, const glm::vec3& p) {
    float best = std::numeric_limits<float>::max();
    for (const glm::vec3& q : points) {
        const glm::vec3 d = q - p;
        best = std::min(best, glm::dot(d, d));
    }
    return std::sqrt(static_cast<double>(best));
}

}  // namespace

std::string_view suffix(Side side) { return side == Side::Left ? ".L" : ".R"; }
Side opposite(Side side) { return side == Side::Left ? Side::Right : Side::Left; }

std::optional<Side> sideOf(std::string_view sidedName) {
    if (sidedName.ends_with(".L")) return Side::Left;
    if (sidedName.ends_with(".R")) return Side::Right;
    return std::nullopt;
}

std::uint16_t SkinSurface::regionIndex(std::string_view name) const {
    for (std::size_t i = 0; i < regionNames.size(); ++i) {
        if (regionNames[i] == name) return static_cast<std::uint16_t>(i);
    }
    return kNoRegion;
}

std::uint32_t SkinSurface::nearestVertex(const glm::vec3& p) const {
    std::uint32_t best = 0;
    float bestDistance = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const glm::vec3 d = positions[i] - p;
        const float distance = glm::dot(d, d);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = static_cast<std::uint32_t>(i);
        }
    }
    return best;
}

const MuscleSurface* BodySurfaces::findMuscle(std::string_view meshName) const {
    for (const MuscleSurface& m : muscles) {
        if (m.name == meshName) return &m;
    }
    return nullptr;
}

std::optional<glm::vec3> BodySurfaces::landmark(std::string_view id, Side side) const {
    if (const auto it = landmarks.find(std::string(id) + std::string(suffix(side))); it != landmarks.end()) {
        return it->second;
    }
    if (const auto it = landmarks.find(id); it != landmarks.end()) return it->second;
    return std::nullopt;
}

Result<std::map<std::string, glm::vec3, std::less<>>> readLandmarkPositions(const std::filesystem::path& csv) {
    auto text = files::readText(csv, 4u << 20);
    if (!text) return fail(text.error());
    std::map<std::string, glm::vec3, std::less<>> out;
    std::istringstream lines(*text);
    std::string line;
    bool headerSeen = false;
    int lineNumber = 0;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::istringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        if (!headerSeen) {
            headerSeen = true;
            if (!cells.empty() && cells[0] == "id") continue;
        }
        const std::string where = "'" + csv.string() + "' line " + std::to_string(lineNumber) + ": ";
        if (cells.size() < 5 || cells[0].empty()) return fail(where + "expected id,side,x,y,z");
        glm::vec3 p;
        for (int k = 0; k < 3; ++k) {
            const std::string& cell = cells[static_cast<std::size_t>(2 + k)];
            char* end = nullptr;
            const double value = std::strtod(cell.c_str(), &end);
            if (cell.empty() || end != cell.c_str() + cell.size() || !std::isfinite(value)) {
                return fail(where + "'" + cell + "' is not a number");
            }
            p[k] = static_cast<float>(value);
        }
        if (cells[1] == "mid") {
            out[cells[0]] = p;
        } else if (cells[1] == "L") {
            out[cells[0] + ".L"] = p;
            out[cells[0] + ".R"] = glm::vec3(-p.x, p.y, p.z);
        } else {
            return fail(where + "side '" + cells[1] + "' is neither 'mid' nor 'L'");
        }
    }
    if (out.empty()) return fail("'" + csv.string() + "': no landmarks");
    return out;
}

glm::vec3 directionVector(Direction direction, Side side) {
    const float medialX = side == Side::Left ? -1.0f : 1.0f;
    switch (direction) {
        case Direction::Superior: return {0.0f, 1.0f, 0.0f};
        case Direction::Inferior: return {0.0f, -1.0f, 0.0f};
        case Direction::Anterior: return {0.0f, 0.0f, 1.0f};
        case Direction::Posterior: return {0.0f, 0.0f, -1.0f};
        case Direction::Medial: return {medialX, 0.0f, 0.0f};
        case Direction::Lateral: return {-medialX, 0.0f, 0.0f};
    }
    return {0.0f, 1.0f, 0.0f};
}

Result<float> vBorderSeparation(const MuscleSurface& mesh, Direction vFrom, Side side) {
    if (mesh.uv.size() != mesh.positions.size()) {
        return fail("muscle mesh '" + mesh.name + "': no muscle coordinates (_MUSCLE_UV) for every vertex");
    }
    std::size_t low = 0, high = 0;
    const glm::vec3 offset = borderOffset(mesh, low, high);
    if (low == 0 || high == 0) {
        return fail("muscle mesh '" + mesh.name + "': no vertices near v = 0 or v = 1 to orient the content's v by");
    }
    return glm::dot(offset, directionVector(vFrom, side));
}

Result<bool> meshVFlipped(const MuscleSurface& mesh, Direction vFrom, Side side) {
    const auto separation = vBorderSeparation(mesh, vFrom, side);
    if (!separation) return fail(separation.error());
    return *separation < -kLevelBorders;
}

Result<glm::vec3> triggerPointPosition(const BodySurfaces& body, const Muscle& muscle, const TriggerPoint& tp,
                                       Side side) {
    const std::string meshName = muscle.id + std::string(suffix(side));
    const MuscleSurface* mesh = body.findMuscle(meshName);
    if (!mesh) return fail("trigger point " + tp.id + ": the figure has no muscle mesh '" + meshName + "'");
    const auto flipped = meshVFlipped(*mesh, muscle.vFrom, side);
    if (!flipped) return fail("trigger point " + tp.id + ": " + flipped.error());
    const glm::vec3 target(static_cast<float>(tp.u), static_cast<float>(*flipped ? 1.0 - tp.v : tp.v), 0.0f);

    // Every face holding (u, v): the outer and the inner face share muscle coordinates.
    struct Candidate {
        float uvDistance;
        glm::vec3 point;
    };
    std::vector<Candidate> candidates;
    float best = std::numeric_limits<float>::max();
    for (std::size_t t = 0; t + 2 < mesh->indices.size(); t += 3) {
        const std::uint32_t i0 = mesh->indices[t], i1 = mesh->indices[t + 1], i2 = mesh->indices[t + 2];
        const glm::vec3 a(mesh->uv[i0], 0.0f), b(mesh->uv[i1], 0.0f), c(mesh->uv[i2], 0.0f);
        const glm::vec3 n = glm::cross(b - a, c - a);
        if (std::abs(n.z) < 1e-10f) continue;  // collapsed in (u, v): the end caps
        const glm::vec3 w = closestBarycentric(target, a, b, c);
        const float distance = glm::length(blend(w, a, b, c) - target);
        if (distance > best + 1e-4f) continue;
        best = std::min(best, distance);
        candidates.push_back({distance, blend(w, mesh->positions[i0], mesh->positions[i1], mesh->positions[i2])});
    }
    if (candidates.empty()) return fail("trigger point " + tp.id + ": muscle mesh '" + meshName + "' has no (u, v) faces");
    if (best > 0.02f) {
        return fail("trigger point " + tp.id + ": muscle mesh '" + meshName + "' does not cover (u, v) = (" +
                    std::to_string(tp.u) + ", " + std::to_string(tp.v) + ")");
    }
    // Of the faces there, the one nearest the skin is the outer face.
    glm::vec3 chosen = candidates.front().point;
    double nearest = std::numeric_limits<double>::max();
    for (const Candidate& c : candidates) {
        if (c.uvDistance > best + 1e-4f) continue;
        const double d = body.skin.positions.empty() ? 0.0 : distanceToNearestVertex(body.skin.positions, c.point);
        if (d < nearest - 1e-6) {
            nearest = d;
            chosen = c.point;
        }
    }
    return chosen;
}

double distanceToSurface(const MuscleSurface& mesh, const glm::vec3& p) {
    double best = std::numeric_limits<double>::max();
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3& a = mesh.positions[mesh.indices[t]];
        const glm::vec3& b = mesh.positions[mesh.indices[t + 1]];
        const glm::vec3& c = mesh.positions[mesh.indices[t + 2]];
        const glm::vec3 q = blend(closestBarycentric(p, a, b, c), a, b, c);
        best = std::min(best, static_cast<double>(glm::length(q - p)));
    }
    return best;
}

}  // namespace myomap::anatomy

#include "bodygen/muscle_layout.h"

#include "bodygen/muscle_depth.h"
#include "bodygen/muscle_profile.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kCurveStep = 0.005f;      // metres between points of a curve on the skin
constexpr float kRowSpacing = 0.01f;      // aim for rows about 1 cm apart along the fibres
constexpr float kColumnSpacing = 0.012f;  // and columns about 1.2 cm apart across them
constexpr float kMidline = 0.002f;        // the left side's muscles keep this far left of x = 0

glm::vec3 tangentPart(const glm::vec3& d, const glm::vec3& n) { return d - n * glm::dot(d, n); }

struct Ribbon {
    std::vector<glm::vec3> curve;  // `columns` points from v = 0 to 1
    std::vector<float> pointV;     // v of each table point along the curve
};

// An attachment's curve resampled to `columns` points (a single point stays a point until
// spreadTendon widens it).
Ribbon attachmentCurve(const std::vector<glm::vec3>& points, const std::vector<glm::vec3>& path,
                       const std::vector<float>& fractions, int columns) {
    Ribbon r;
    r.curve = resamplePolyline(path, columns);
    r.pointV = points.size() > 1 ? fractions : std::vector<float>{0.0f};
    return r;
}

// A single attachment point spreads into a tendon `width` wide. Its across direction keeps
// the handedness the other end has (normal, fibre direction, v direction), so that the fibres
// do not cross over on the way: a muscle running round a limb sees a different tangent plane
// at each end, and the other end's across direction alone can come out reversed there.
void spreadTendon(Ribbon& single, const Ribbon& other, const glm::vec3& approach, const SkinSurface& surface,
                  float width, bool shell) {
    const glm::vec3 p = single.curve.front();
    const std::size_t columns = other.curve.size();
    const glm::vec3 otherMiddle = other.curve[columns / 2];
    const glm::vec3 otherNormal = surface.normal(otherMiddle), normal = surface.normal(p);
    const glm::vec3 otherAcross = other.curve.back() - other.curve.front();
    const glm::vec3 otherFibre = tangentPart(p - otherMiddle, otherNormal);
    const float handed = glm::dot(glm::cross(otherNormal, otherFibre), otherAcross) >= 0.0f ? 1.0f : -1.0f;
    glm::vec3 across = glm::cross(normal, tangentPart(p - approach, normal));
    if (glm::length(across) < 1e-6f) across = tangentPart(otherAcross, normal);
    across = glm::normalize(across) * handed;
    for (std::size_t j = 0; j < columns; ++j) {
        const float v = static_cast<float>(j) / static_cast<float>(columns - 1);
        const glm::vec3 q = p + across * ((v - 0.5f) * width);
        single.curve[j] = shell ? surface.onto(q, normal) : q;
    }
}

// Rounds the corners a straight path takes at its vias (muscles placed on the bones).
void relax(std::vector<glm::vec3>& path, int iterations) {
    for (int it = 0; it < iterations; ++it) {
        std::vector<glm::vec3> next = path;
        for (std::size_t i = 1; i + 1 < path.size(); ++i)
            next[i] = 0.5f * path[i] + 0.25f * (path[i - 1] + path[i + 1]);
        path.swap(next);
    }
}

// Widens rows narrower than the shape's plan (a belly between two tendons) about the middle
// fibre, square to it. The spread goes along normal x fibre, signed to keep the handedness the
// muscle has where it is widest: where the attachments give a ribbon only a few millimetres
// wide, the order of its fibres across it means nothing and must not flip the muscle over.
void widenToPlan(const MuscleSpec& spec, const SkinSurface& surface, bool shell, int rows, int columns,
                 std::vector<glm::vec3>& grid) {
    const auto at = [columns](int i, int j) { return static_cast<std::size_t>(i * columns + j); };
    const int mid = columns / 2;
    std::vector<glm::vec3> fibre(static_cast<std::size_t>(rows)), side(static_cast<std::size_t>(rows));
    std::vector<float> width(static_cast<std::size_t>(rows));
    int widest = 0;
    float handed = 0.0f;
    for (int i = 0; i < rows; ++i) {
        const std::size_t r = static_cast<std::size_t>(i);
        const glm::vec3 along = grid[at(std::min(i + 1, rows - 1), mid)] - grid[at(std::max(i - 1, 0), mid)];
        fibre[r] = glm::length(along) > 0.0f ? glm::normalize(along) : glm::vec3(0.0f, 1.0f, 0.0f);
        const glm::vec3 normal = shell ? surface.normal(grid[at(i, mid)]) : glm::vec3(0.0f);
        side[r] = glm::cross(normal, fibre[r]);
        side[r] = glm::length(side[r]) > 1e-6f ? glm::normalize(side[r]) : glm::vec3(0.0f);
        float signedSpan = 0.0f;
        for (int j = 1; j < columns; ++j) {
            const glm::vec3 d = grid[at(i, j)] - grid[at(i, j - 1)];
            width[r] += glm::length(d - fibre[r] * glm::dot(d, fibre[r]));
            signedSpan += glm::dot(d, side[r]);
        }
        if (width[r] > width[static_cast<std::size_t>(widest)] || i == 0) {
            widest = i;
            handed = signedSpan >= 0.0f ? 1.0f : -1.0f;
        }
    }
    for (int i = 0; i < rows; ++i) {
        const std::size_t r = static_cast<std::size_t>(i);
        const float u = static_cast<float>(i) / static_cast<float>(rows - 1);
        const float target = spec.width * musclePlanWidth(spec.shape, u, spec.bellyU);
        if (width[r] >= target) continue;
        // Muscles placed on the bones have no skin normal: they widen along their own rows.
        glm::vec3 across = side[r] * handed;
        if (!shell) {
            const glm::vec3 row = grid[at(i, columns - 1)] - grid[at(i, 0)];
            const glm::vec3 square = row - fibre[r] * glm::dot(row, fibre[r]);
            if (glm::length(square) < 1e-6f) continue;
            across = glm::normalize(square);
        }
        std::vector<glm::vec3> spread(static_cast<std::size_t>(columns));
        float mostMedial = 1.0f;
        for (int j = 0; j < columns; ++j) {
            const float v = static_cast<float>(j) / static_cast<float>(columns - 1);
            spread[static_cast<std::size_t>(j)] = grid[at(i, j)] + across * ((v - 0.5f) * (target - width[r]));
            mostMedial = std::min(mostMedial, spread[static_cast<std::size_t>(j)].x);
        }
        // A muscle beside the midline widens away from it, not into its mirror image.
        const float shift = std::max(0.0f, kMidline - mostMedial);
        for (int j = 0; j < columns; ++j) {
            glm::vec3& p = grid[at(i, j)];
            const glm::vec3 q = spread[static_cast<std::size_t>(j)] + glm::vec3(shift, 0.0f, 0.0f);
            p = shell ? surface.onto(q, surface.normal(p)) : q;
        }
    }
}

// Evens out the grid on the skin: where neighbouring fibres bunch or cross (a sheet wrapping a
// narrow neck), each node moves toward its neighbours and back onto the skin. The end rows
// stay on their attachments; the border fibres only smooth along themselves.
void relaxOnSkin(std::vector<glm::vec3>& grid, int rows, int columns, const SkinSurface& surface) {
    const auto at = [columns](int i, int j) { return static_cast<std::size_t>(i * columns + j); };
    for (int it = 0; it < 8; ++it) {
        std::vector<glm::vec3> next = grid;
        for (int i = 1; i + 1 < rows; ++i) {
            for (int j = 0; j < columns; ++j) {
                glm::vec3 target = 0.5f * (grid[at(i - 1, j)] + grid[at(i + 1, j)]);
                if (j > 0 && j + 1 < columns)
                    target = 0.5f * target + 0.25f * (grid[at(i, j - 1)] + grid[at(i, j + 1)]);
                const glm::vec3& p = grid[at(i, j)];
                glm::vec3 q = glm::mix(p, target, 0.5f);
                q.x = std::max(q.x, kMidline);
                next[at(i, j)] = surface.onto(q, surface.normal(p));
            }
        }
        grid.swap(next);
    }
}

}  // namespace

Result<MuscleLayout> layOutMuscle(const MuscleSpec& spec, const SkinSurface& surface, const Skeleton& skeleton,
                                  const MuscleCoverage& coverage) {
    const bool shell = spec.placement == MusclePlacement::Shell;
    // Attachments are on bone, often deep: bring each up to the skin on the side the muscle
    // lies on, where the nearest skin may be elsewhere (the coracoid is nearest the top of the
    // shoulder, but biceps lies in front).
    const auto place = [&](const std::vector<MusclePoint>& points) {
        std::vector<glm::vec3> out;
        for (const MusclePoint& p : points) {
            const glm::vec3 up = glm::normalize(surface.normal(p.position) + 3.0f * spec.facing);
            out.push_back(shell ? surface.onto(p.position, up) : p.position);
        }
        return out;
    };
    const auto path = [&](const std::vector<glm::vec3>& points, float step, std::vector<float>* fractions) {
        return shell ? surface.pathThrough(points, step, fractions) : straightPathThrough(points, step, fractions);
    };
    const std::vector<glm::vec3> origin = place(spec.origin), insertion = place(spec.insertion), via = place(spec.via);

    std::vector<float> originFractions, insertionFractions;
    const auto originPath = path(origin, kCurveStep, &originFractions);
    const auto insertionPath = path(insertion, kCurveStep, &insertionFractions);
    const float widest = std::max({polylineLength(originPath), polylineLength(insertionPath), spec.width});
    int intervals = std::clamp(static_cast<int>(std::lround(widest / kColumnSpacing)), 4, 16);
    intervals += intervals % 2;  // an odd column count puts a node on the middle fibre
    const int columns = intervals + 1, mid = intervals / 2;

    Ribbon o = attachmentCurve(origin, originPath, originFractions, columns);
    Ribbon in = attachmentCurve(insertion, insertionPath, insertionFractions, columns);
    const float tendon = glm::clamp(0.3f * spec.width, 0.008f, 0.025f);
    const auto normalAt = [&](const glm::vec3& p) { return surface.normal(p); };
    // The tendon's fibres arrive from the nearest via, or else from the other end.
    if (origin.size() == 1) {
        spreadTendon(o, in, via.empty() ? in.curve[in.curve.size() / 2] : via.front(), surface, tendon, shell);
    }
    if (insertion.size() == 1) {
        spreadTendon(in, o, via.empty() ? o.curve[o.curve.size() / 2] : via.back(), surface, tendon, shell);
    }
    const std::size_t m = static_cast<std::size_t>(mid);
    if (glm::length(o.curve[m] - in.curve[m]) < 0.01f) {
        return fail("the origin and insertion of " + spec.id + " are less than 1 cm apart");
    }

    // Vias steer the middle fibre; the others pass beside them, offset as their ends are.
    std::vector<glm::vec3> middleControl{o.curve[m]};
    middleControl.insert(middleControl.end(), via.begin(), via.end());
    middleControl.push_back(in.curve[m]);
    std::vector<float> viaShare;
    straightPathThrough(middleControl, 1.0f, &viaShare);
    const float middleLength = polylineLength(path(middleControl, 0.01f, nullptr));
    const int rows = std::clamp(static_cast<int>(std::lround(middleLength / kRowSpacing)), 12, 60) + 1;

    MuscleLayout layout;
    layout.rows = rows;
    layout.columns = columns;
    const std::size_t nodes = static_cast<std::size_t>(rows * columns);
    std::vector<glm::vec3> grid(nodes);
    for (int j = 0; j < columns; ++j) {
        const std::size_t jj = static_cast<std::size_t>(j);
        std::vector<glm::vec3> control{o.curve[jj]};
        for (std::size_t k = 0; k < via.size(); ++k) {
            const float s = viaShare[k + 1];
            const glm::vec3 q = via[k] + (1.0f - s) * (o.curve[jj] - o.curve[m]) + s * (in.curve[jj] - in.curve[m]);
            control.push_back(shell ? surface.onto(q, normalAt(via[k])) : q);
        }
        control.push_back(in.curve[jj]);
        auto fibrePath = path(control, 0.01f, nullptr);
        if (!shell && !via.empty()) {
            fibrePath = resamplePolyline(fibrePath, rows * 2);
            relax(fibrePath, 12);
        }
        const auto samples = resamplePolyline(fibrePath, rows);
        for (int i = 0; i < rows; ++i) grid[layout.at(i, j)] = samples[static_cast<std::size_t>(i)];
    }

    widenToPlan(spec, surface, shell, layout.rows, layout.columns, grid);

    if (shell) relaxOnSkin(grid, rows, columns, surface);

    layout.fibre.resize(nodes);
    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < columns; ++j) {
            const glm::vec3 d = grid[layout.at(std::min(i + 1, rows - 1), j)] - grid[layout.at(std::max(i - 1, 0), j)];
            const float len = glm::length(d);
            layout.fibre[layout.at(i, j)] = len > 0.0f ? d / len : glm::vec3(0.0f, 1.0f, 0.0f);
        }
    }

    placeThickness(spec, surface, skeleton, coverage, grid, layout);

    return layout;
}

}  // namespace myomap::bodygen

#include "bodygen/muscle_surface.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kOnSkin = 1e-5f;    // metres: close enough to the zero level
constexpr float kMinStep = 5e-4f;   // metres: keeps the march moving where the field is flat
constexpr float kMaxReach = 0.4f;   // metres: no muscle point is further than this from the skin
constexpr int kMaxSubdivision = 7;  // 128 pieces between two given points at most

void appendFractions(const std::vector<glm::vec3>& path, const std::vector<std::size_t>& marks,
                     std::vector<float>* fractions) {
    if (!fractions) return;
    fractions->clear();
    std::vector<float> along(path.size(), 0.0f);
    for (std::size_t i = 1; i < path.size(); ++i) along[i] = along[i - 1] + glm::length(path[i] - path[i - 1]);
    const float total = along.back() > 0.0f ? along.back() : 1.0f;
    for (const std::size_t m : marks) fractions->push_back(along[m] / total);
}

}  // namespace

glm::vec3 SkinSurface::onto(const glm::vec3& p, const glm::vec3& direction) const {
    const float d0 = m_shape.distance(p);
    if (std::abs(d0) < kOnSkin) return p;
    const float len = glm::length(direction);
    if (!(len > 0.0f)) return m_shape.projectToLevel(p, 0.0f);
    // March towards the skin: outward from inside, inward from outside. The field is a
    // distance bound, so a step of |d| rarely overshoots; when it does the sign flips and the
    // crossing is bracketed anyway.
    const glm::vec3 dir = direction / len * (d0 < 0.0f ? 1.0f : -1.0f);
    float t = 0.0f;
    float d = d0;
    while (t < kMaxReach) {
        const float next = t + std::max(std::abs(d) * 0.9f, kMinStep);
        const float dn = m_shape.distance(p + dir * next);
        if ((dn < 0.0f) != (d0 < 0.0f) || std::abs(dn) < kOnSkin) {
            float lo = t, hi = next;
            for (int i = 0; i < 24 && hi - lo > 1e-6f; ++i) {
                const float mid = 0.5f * (lo + hi);
                if ((m_shape.distance(p + dir * mid) < 0.0f) == (d0 < 0.0f))
                    lo = mid;
                else
                    hi = mid;
            }
            return p + dir * (0.5f * (lo + hi));
        }
        t = next;
        d = dn;
    }
    return m_shape.projectToLevel(p, 0.0f);
}

void SkinSurface::bisect(const glm::vec3& a, const glm::vec3& na, const glm::vec3& b, const glm::vec3& nb,
                         float maxSegment, int depth, std::vector<glm::vec3>& out) const {
    if (glm::length(b - a) <= maxSegment || depth >= kMaxSubdivision) {
        out.push_back(b);
        return;
    }
    const glm::vec3 mid = 0.5f * (a + b);
    glm::vec3 n = na + nb;
    // Opposite normals (a path around half the body) give no direction: use the field's.
    n = glm::length(n) > 0.2f ? glm::normalize(n) : normal(mid);
    const glm::vec3 m = onto(mid, n);
    const glm::vec3 nm = normal(m);
    bisect(a, na, m, nm, maxSegment, depth + 1, out);
    bisect(m, nm, b, nb, maxSegment, depth + 1, out);
}

std::vector<glm::vec3> SkinSurface::pathThrough(const std::vector<glm::vec3>& points, float maxSegment,
                                                std::vector<float>* fractions) const {
    std::vector<glm::vec3> path;
    std::vector<std::size_t> marks;
    if (points.empty()) return path;
    path.push_back(points.front());
    marks.push_back(0);
    for (std::size_t i = 1; i < points.size(); ++i) {
        bisect(points[i - 1], normal(points[i - 1]), points[i], normal(points[i]), maxSegment, 0, path);
        marks.push_back(path.size() - 1);
    }
    appendFractions(path, marks, fractions);
    return path;
}

float polylineLength(const std::vector<glm::vec3>& points) {
    float length = 0.0f;
    for (std::size_t i = 1; i < points.size(); ++i) length += glm::length(points[i] - points[i - 1]);
    return length;
}

std::vector<glm::vec3> resamplePolyline(const std::vector<glm::vec3>& points, int count) {
    std::vector<glm::vec3> out;
    if (points.empty() || count < 1) return out;
    const float total = polylineLength(points);
    if (points.size() == 1 || total <= 0.0f || count == 1) {
        out.assign(static_cast<std::size_t>(count), points.front());
        return out;
    }
    std::size_t segment = 0;
    float segmentStart = 0.0f;
    for (int k = 0; k < count; ++k) {
        const float target = total * static_cast<float>(k) / static_cast<float>(count - 1);
        while (segment + 2 < points.size() &&
               segmentStart + glm::length(points[segment + 1] - points[segment]) < target) {
            segmentStart += glm::length(points[segment + 1] - points[segment]);
            ++segment;
        }
        const float len = glm::length(points[segment + 1] - points[segment]);
        const float s = len > 0.0f ? glm::clamp((target - segmentStart) / len, 0.0f, 1.0f) : 0.0f;
        out.push_back(glm::mix(points[segment], points[segment + 1], s));
    }
    out.back() = points.back();
    return out;
}

std::vector<glm::vec3> straightPathThrough(const std::vector<glm::vec3>& points, float maxSegment,
                                           std::vector<float>* fractions) {
    std::vector<glm::vec3> path;
    std::vector<std::size_t> marks;
    if (points.empty()) return path;
    path.push_back(points.front());
    marks.push_back(0);
    for (std::size_t i = 1; i < points.size(); ++i) {
        const int pieces =
            std::max(1, static_cast<int>(std::ceil(glm::length(points[i] - points[i - 1]) / maxSegment)));
        for (int k = 1; k <= pieces; ++k) {
            path.push_back(glm::mix(points[i - 1], points[i], static_cast<float>(k) / static_cast<float>(pieces)));
        }
        marks.push_back(path.size() - 1);
    }
    appendFractions(path, marks, fractions);
    return path;
}

}  // namespace myomap::bodygen

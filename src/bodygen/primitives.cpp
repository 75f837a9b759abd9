#include "bodygen/primitives.h"

#include "bodygen/landmarks.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr int kSamplesPerSpan = 16;
constexpr float kEdgeLength = 0.005f;  // target length of an edge around a section
constexpr float kMaxTurn = 0.2f;       // radians of curve bend between two sections

// A smooth curve sampled densely: positions, arc length and the position in control-point
// index space (to interpolate values given per control point).
struct Curve {
    std::vector<glm::vec3> p;
    std::vector<float> along;
    std::vector<float> knot;
    bool closed = false;
    float length() const { return along.back(); }
};

// Centripetal Catmull-Rom (Barry-Goldman): no cusps or self-loops when points are unevenly
// spaced, which happens often with hand-placed landmarks.
glm::vec3 catmullRom(const glm::vec3& p0, const glm::vec3& p1, const glm::vec3& p2, const glm::vec3& p3, float u) {
    auto step = [](const glm::vec3& a, const glm::vec3& b) { return std::max(std::sqrt(glm::length(b - a)), 1e-4f); };
    const float t0 = 0.0f, t1 = t0 + step(p0, p1), t2 = t1 + step(p1, p2), t3 = t2 + step(p2, p3);
    const float t = t1 + u * (t2 - t1);
    const glm::vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
    const glm::vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
    const glm::vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
    const glm::vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
    const glm::vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
    return (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2;
}

Curve sampleCurve(const std::vector<glm::vec3>& pts, bool closed) {
    const int n = static_cast<int>(pts.size());
    auto at = [&](int i) -> glm::vec3 {
        if (closed) return pts[static_cast<std::size_t>((i % n + n) % n)];
        if (i < 0) return 2.0f * pts[0] - pts[1];  // phantom ends continue the end spans straight
        if (i >= n) return 2.0f * pts[static_cast<std::size_t>(n - 1)] - pts[static_cast<std::size_t>(n - 2)];
        return pts[static_cast<std::size_t>(i)];
    };
    Curve c;
    c.closed = closed;
    const int spans = closed ? n : n - 1;
    for (int i = 0; i < spans; ++i) {
        for (int k = 0; k < kSamplesPerSpan; ++k) {
            const float u = static_cast<float>(k) / kSamplesPerSpan;
            c.p.push_back(catmullRom(at(i - 1), at(i), at(i + 1), at(i + 2), u));
            c.knot.push_back(static_cast<float>(i) + u);
        }
    }
    // The closing sample repeats the first point for a loop, so arc length covers the whole.
    c.p.push_back(closed ? pts[0] : pts.back());
    c.knot.push_back(static_cast<float>(spans));
    c.along.assign(c.p.size(), 0.0f);
    for (std::size_t i = 1; i < c.p.size(); ++i) c.along[i] = c.along[i - 1] + glm::length(c.p[i] - c.p[i - 1]);
    return c;
}

// Position and knot at arc length s (clamped to the curve).
std::pair<glm::vec3, float> evaluate(const Curve& c, float s) {
    s = std::clamp(s, 0.0f, c.length());
    const auto above = std::upper_bound(c.along.begin(), c.along.end(), s) - c.along.begin();
    const std::size_t i = std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(above - 1, 0)), c.p.size() - 2);
    const float span = c.along[i + 1] - c.along[i];
    const float f = span > 0.0f ? (s - c.along[i]) / span : 0.0f;
    return {glm::mix(c.p[i], c.p[i + 1], f), glm::mix(c.knot[i], c.knot[i + 1], f)};
}

glm::vec3 tangentAt(const Curve& c, float s) {
    const float h = std::max(c.length() * 0.01f, 1e-4f);
    float a = s - h, b = s + h;
    if (!c.closed) {
        a = std::max(a, 0.0f);
        b = std::min(b, c.length());
    } else {
        a = std::fmod(a + c.length(), c.length());
        b = std::fmod(b, c.length());
    }
    const glm::vec3 d = evaluate(c, b).first - evaluate(c, a).first;
    return glm::length(d) > 0.0f ? glm::normalize(d) : glm::vec3(0.0f, 1.0f, 0.0f);
}

// Monotone cubic interpolation of per-point values: smooth, with no overshoot between points.
float interpolate(const std::vector<float>& v, float knot, bool closed) {
    const int n = static_cast<int>(v.size());
    if (n == 1) return v[0];
    auto at = [&](int i) {
        if (closed) return v[static_cast<std::size_t>((i % n + n) % n)];
        return v[static_cast<std::size_t>(std::clamp(i, 0, n - 1))];
    };
    auto slope = [&](int i) {
        const float before = at(i) - at(i - 1), after = at(i + 1) - at(i);
        if (before * after <= 0.0f) return 0.0f;
        return 2.0f * before * after / (before + after);
    };
    const int i = std::clamp(static_cast<int>(std::floor(knot)), 0, closed ? n - 1 : n - 2);
    const float s = knot - static_cast<float>(i);
    const float s2 = s * s, s3 = s2 * s;
    return (2 * s3 - 3 * s2 + 1) * at(i) + (s3 - 2 * s2 + s) * slope(i) + (-2 * s3 + 3 * s2) * at(i + 1) +
           (s3 - s2) * slope(i + 1);
}

int sidesFor(float radius) {
    const int n = static_cast<int>(std::lround(2.0f * kPi * radius / kEdgeLength));
    return std::clamp(n + (n & 1), 8, 20);
}

glm::vec3 anyPerpendicular(const glm::vec3& t) {
    const glm::vec3 axis = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(glm::cross(t, axis), t));
}

// The section's first axis: aimed where the aim says, else carried over from the previous
// section (parallel transport), so sections do not spin where the aim is along the curve.
glm::vec3 firstAxis(const SectionAim& aim, const glm::vec3& centre, const glm::vec3& t, const glm::vec3* previous) {
    const glm::vec3 d = aim.towardPoint ? aim.point - centre : aim.direction;
    const float dl = glm::length(d);
    if (dl > 0.0f) {
        const glm::vec3 e = d - glm::dot(d, t) * t;
        if (glm::length(e) > 0.3f * dl) return glm::normalize(e);
    }
    if (previous) {
        const glm::vec3 e = *previous - glm::dot(*previous, t) * t;
        if (glm::length(e) > 1e-3f) return glm::normalize(e);
    }
    return anyPerpendicular(t);
}

struct Section {
    glm::vec3 centre, t, e1;
    glm::vec2 r;
};

std::vector<glm::vec3> ring(const Section& s, int sides, float scale = 1.0f, float shift = 0.0f) {
    const glm::vec3 e2 = glm::cross(s.t, s.e1);
    std::vector<glm::vec3> out(static_cast<std::size_t>(sides));
    for (int j = 0; j < sides; ++j) {
        const float a = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(sides);
        out[static_cast<std::size_t>(j)] =
            s.centre + shift * s.t + scale * (s.r.x * std::cos(a) * s.e1 + s.r.y * std::sin(a) * e2);
    }
    return out;
}

void orientOutward(Piece& piece) {
    glm::dvec3 centroid(0.0);
    for (const auto& p : piece.positions) centroid += glm::dvec3(p);
    centroid /= static_cast<double>(piece.positions.size());
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < piece.indices.size(); t += 3) {
        const glm::dvec3 a = glm::dvec3(piece.positions[piece.indices[t]]) - centroid;
        const glm::dvec3 b = glm::dvec3(piece.positions[piece.indices[t + 1]]) - centroid;
        const glm::dvec3 c = glm::dvec3(piece.positions[piece.indices[t + 2]]) - centroid;
        volume += glm::dot(a, glm::cross(b, c));
    }
    if (volume < 0.0) {
        for (std::size_t t = 0; t + 2 < piece.indices.size(); t += 3)
            std::swap(piece.indices[t + 1], piece.indices[t + 2]);
    }
}

// Stitches rings of equal size into a closed surface: poles close open ends, `closed` joins
// the last ring back to the first. The result is turned to face outward.
Piece stitch(const std::vector<std::vector<glm::vec3>>& rings, const glm::vec3* startPole, const glm::vec3* endPole,
             bool closed) {
    Piece piece;
    const auto sides = static_cast<std::uint32_t>(rings.front().size());
    for (const auto& r : rings) piece.positions.insert(piece.positions.end(), r.begin(), r.end());
    auto index = [&](std::size_t ringIndex, std::uint32_t j) {
        return static_cast<std::uint32_t>(ringIndex) * sides + j % sides;
    };
    const std::size_t count = rings.size();
    const std::size_t bands = closed ? count : count - 1;
    for (std::size_t i = 0; i < bands; ++i) {
        const std::size_t next = (i + 1) % count;
        for (std::uint32_t j = 0; j < sides; ++j) {
            const std::uint32_t a = index(i, j), b = index(i, j + 1), c = index(next, j + 1), d = index(next, j);
            piece.indices.insert(piece.indices.end(), {a, b, c, a, c, d});
        }
    }
    if (startPole) {
        const auto pole = static_cast<std::uint32_t>(piece.positions.size());
        piece.positions.push_back(*startPole);
        for (std::uint32_t j = 0; j < sides; ++j)
            piece.indices.insert(piece.indices.end(), {pole, index(0, j + 1), index(0, j)});
    }
    if (endPole) {
        const auto pole = static_cast<std::uint32_t>(piece.positions.size());
        piece.positions.push_back(*endPole);
        for (std::uint32_t j = 0; j < sides; ++j) {
            piece.indices.insert(piece.indices.end(), {pole, index(count - 1, j), index(count - 1, j + 1)});
        }
    }
    orientOutward(piece);
    return piece;
}

std::vector<float> component(const std::vector<glm::vec2>& radii, int which, std::size_t count) {
    std::vector<float> out(count);
    for (std::size_t i = 0; i < count; ++i) out[i] = radii[radii.size() == 1 ? 0 : i][which];
    return out;
}

// Sections along the curve between arc lengths `from` and `to`, evenly spaced, close enough
// to follow both the bend and the thickness.
std::vector<Section> sections(const Curve& c, const std::vector<glm::vec2>& radii, std::size_t points, float from,
                              float to, const SectionAim& aim, float spacing, bool wrap) {
    const auto rx = component(radii, 0, points), ry = component(radii, 1, points);
    float turn = 0.0f;
    for (float s = from; s < to; s += 0.002f)
        turn += std::acos(std::clamp(glm::dot(tangentAt(c, s), tangentAt(c, std::min(s + 0.002f, to))), -1.0f, 1.0f));
    const int n =
        std::max({2, static_cast<int>(std::ceil((to - from) / spacing)), static_cast<int>(std::ceil(turn / kMaxTurn))});
    std::vector<Section> out;
    const int last = wrap ? n - 1 : n;
    for (int i = 0; i <= last; ++i) {
        const float s = from + (to - from) * static_cast<float>(i) / static_cast<float>(n);
        const auto [centre, knot] = evaluate(c, s);
        Section sec{centre, tangentAt(c, s), {}, {interpolate(rx, knot, c.closed), interpolate(ry, knot, c.closed)}};
        sec.e1 = firstAxis(aim, centre, sec.t, out.empty() ? nullptr : &out.back().e1);
        out.push_back(sec);
    }
    return out;
}

}  // namespace

Piece tube(const std::vector<glm::vec3>& points, const std::vector<glm::vec2>& radii, const SectionAim& aim,
           float roundness) {
    const Curve c = sampleCurve(points, false);
    float largest = 0.0f;
    for (const auto& r : radii) largest = std::max({largest, r.x, r.y});
    const glm::vec2 r0 = radii.front(), r1 = radii.back();
    const float cap0 = std::min(roundness * std::min(r0.x, r0.y), 0.4f * c.length());
    const float cap1 = std::min(roundness * std::min(r1.x, r1.y), 0.4f * c.length());
    const float spacing = std::clamp(1.2f * largest, 0.006f, 0.03f);
    const auto shaft = sections(c, radii, points.size(), cap0, c.length() - cap1, aim, spacing, false);
    const int sides = sidesFor(largest);
    const int capRings = std::clamp(sides / 5, 2, 4);

    std::vector<std::vector<glm::vec3>> rings;
    auto dome = [&](const Section& s, float cap, float direction, int k) {
        const float a = 0.5f * kPi * static_cast<float>(k) / static_cast<float>(capRings);
        return ring(s, sides, std::cos(a), direction * cap * std::sin(a));
    };
    for (int k = capRings - 1; k >= 1; --k) rings.push_back(dome(shaft.front(), cap0, -1.0f, k));
    for (const Section& s : shaft) rings.push_back(ring(s, sides));
    for (int k = 1; k < capRings; ++k) rings.push_back(dome(shaft.back(), cap1, 1.0f, k));
    const glm::vec3 start = shaft.front().centre - cap0 * shaft.front().t;
    const glm::vec3 end = shaft.back().centre + cap1 * shaft.back().t;
    return stitch(rings, &start, &end, false);
}

Piece loop(const std::vector<glm::vec3>& points, const std::vector<glm::vec2>& radii, const SectionAim& aim) {
    const Curve c = sampleCurve(points, true);
    SectionAim across = aim;
    if (glm::length(aim.direction) == 0.0f && !aim.towardPoint) {
        glm::vec3 normal(0.0f);  // Newell's method: the plane the loop mostly lies in
        for (std::size_t i = 0; i + 1 < c.p.size(); ++i) normal += glm::cross(c.p[i], c.p[i + 1]);
        across.direction = glm::length(normal) > 0.0f ? glm::normalize(normal) : glm::vec3(0, 1, 0);
    }
    float largest = 0.0f;
    for (const auto& r : radii) largest = std::max({largest, r.x, r.y});
    const float spacing = std::clamp(1.2f * largest, 0.005f, 0.03f);
    const auto all = sections(c, radii, points.size(), 0.0f, c.length(), across, spacing, true);
    std::vector<std::vector<glm::vec3>> rings;
    for (const Section& s : all) rings.push_back(ring(s, sidesFor(largest)));
    return stitch(rings, nullptr, nullptr, true);
}

Piece ellipsoid(const glm::vec3& centre, const glm::vec3& axisA, const glm::vec3& axisB, const glm::vec3& axisC) {
    const float largest = std::max({glm::length(axisA), glm::length(axisB), glm::length(axisC)});
    // Ellipsoids carry the big round shapes (cranium, femoral head), so they may use more
    // sides than tubes before their outline looks faceted.
    const int sides = std::clamp(2 * static_cast<int>(std::lround(kPi * largest / kEdgeLength)), 10, 36);
    const int bands = sides / 2;
    std::vector<std::vector<glm::vec3>> rings;
    for (int k = 1; k < bands; ++k) {
        const float phi = kPi * static_cast<float>(k) / static_cast<float>(bands);
        std::vector<glm::vec3> r(static_cast<std::size_t>(sides));
        for (int j = 0; j < sides; ++j) {
            const float a = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(sides);
            r[static_cast<std::size_t>(j)] =
                centre + std::sin(phi) * (std::cos(a) * axisA + std::sin(a) * axisB) + std::cos(phi) * axisC;
        }
        rings.push_back(std::move(r));
    }
    const glm::vec3 top = centre + axisC, bottom = centre - axisC;
    return stitch(rings, &top, &bottom, false);
}

Piece plate(const std::vector<glm::vec3>& points, float halfThickness, float bulge, const glm::vec3& outward) {
    const Curve c = sampleCurve(points, true);
    const int count = std::clamp(static_cast<int>(c.length() / 0.006f) & ~1, 16, 72);
    std::vector<glm::vec3> rim(static_cast<std::size_t>(count));
    glm::vec3 middle(0.0f), normal(0.0f);
    for (int j = 0; j < count; ++j) {
        rim[static_cast<std::size_t>(j)] =
            evaluate(c, c.length() * static_cast<float>(j) / static_cast<float>(count)).first;
        middle += rim[static_cast<std::size_t>(j)];
    }
    middle /= static_cast<float>(count);
    for (int j = 0; j < count; ++j) {
        normal += glm::cross(rim[static_cast<std::size_t>(j)] - middle,
                             rim[static_cast<std::size_t>((j + 1) % count)] - middle);
    }
    normal = glm::length(normal) > 0.0f ? glm::normalize(normal) : glm::vec3(0, 0, 1);
    if (glm::dot(normal, outward) < 0.0f) normal = -normal;

    // The middle surface keeps the outline's shape in the plate's plane; across it, heights
    // are relaxed as a membrane held at the rim, so a bent outline gives a smoothly curved
    // plate rather than a faceted cone.
    constexpr int kRings = 7;
    std::vector<float> spread(kRings + 1);
    for (int k = 0; k <= kRings; ++k)
        spread[static_cast<std::size_t>(k)] = std::sin(0.5f * kPi * static_cast<float>(k) / kRings);
    const std::size_t n = rim.size();
    std::vector<std::vector<float>> height(kRings + 1, std::vector<float>(n, 0.0f));
    std::vector<glm::vec3> flat(n);
    for (std::size_t j = 0; j < n; ++j) {
        height[kRings][j] = glm::dot(rim[j] - middle, normal);
        flat[j] = rim[j] - middle - height[kRings][j] * normal;
    }
    float centreHeight = 0.0f;
    for (int iteration = 0; iteration < 80; ++iteration) {
        for (int k = 1; k < kRings; ++k) {
            const auto ku = static_cast<std::size_t>(k);
            const float radial = spread[ku + 1] - spread[ku], inward = spread[ku] - spread[ku - 1];
            for (std::size_t j = 0; j < n; ++j) {
                const float around = std::max(spread[ku] * glm::length(flat[(j + 1) % n] - flat[j]), 1e-5f);
                const float span = std::max(glm::length(flat[j]), 1e-5f);
                const float wOut = 1.0f / (radial * span), wIn = 1.0f / (inward * span), wSide = 1.0f / around;
                const float inner = k == 1 ? centreHeight : height[ku - 1][j];
                const float sum = wOut * height[ku + 1][j] + wIn * inner +
                                  wSide * (height[ku][(j + 1) % n] + height[ku][(j + n - 1) % n]);
                height[ku][j] = sum / (wOut + wIn + 2.0f * wSide);
            }
        }
        centreHeight = 0.0f;
        for (std::size_t j = 0; j < n; ++j) centreHeight += height[1][j] / static_cast<float>(n);
    }

    auto layer = [&](int k, float face) {
        const float r = spread[static_cast<std::size_t>(k)];
        const float lift =
            bulge * (1.0f - r * r) + face * halfThickness * std::sqrt(std::max(0.0f, 1.0f - r * r * r * r));
        std::vector<glm::vec3> out(n);
        for (std::size_t j = 0; j < n; ++j)
            out[j] = middle + r * flat[j] + (height[static_cast<std::size_t>(k)][j] + lift) * normal;
        return out;
    };
    std::vector<std::vector<glm::vec3>> rings;
    for (int k = 1; k < kRings; ++k) rings.push_back(layer(k, 1.0f));
    rings.push_back(rim);
    for (int k = kRings - 1; k >= 1; --k) rings.push_back(layer(k, -1.0f));
    const glm::vec3 top = middle + (centreHeight + bulge + halfThickness) * normal;
    const glm::vec3 bottom = middle + (centreHeight + bulge - halfThickness) * normal;
    return stitch(rings, &top, &bottom, false);
}

glm::vec3 aimedAxis(const SectionAim& aim, const glm::vec3& centre, const glm::vec3& t) {
    return firstAxis(aim, centre, t, nullptr);
}

std::vector<std::pair<glm::vec3, glm::vec3>> stationsAlong(const std::vector<glm::vec3>& points, int count) {
    const Curve c = sampleCurve(points, false);
    std::vector<std::pair<glm::vec3, glm::vec3>> out;
    for (int i = 0; i < count; ++i) {
        const float s = c.length() * (static_cast<float>(i) + 0.5f) / static_cast<float>(count);
        out.emplace_back(evaluate(c, s).first, tangentAt(c, s));
    }
    return out;
}

Piece mirrored(const Piece& piece) {
    Piece out = piece;
    for (glm::vec3& p : out.positions) p = mirror(p);
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
    return out;
}

void append(BodyMesh& mesh, const Piece& piece) {
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    mesh.positions.insert(mesh.positions.end(), piece.positions.begin(), piece.positions.end());
    for (const std::uint32_t i : piece.indices) mesh.indices.push_back(base + i);
}

}  // namespace myomap::bodygen

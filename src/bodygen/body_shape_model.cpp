#include "bodygen/body_shape_model.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kFar = 1.0e9f;
// Skipping a group is exact when its field cannot reach the blend; the slack covers the
// primitives' distance estimates being slightly short of Euclidean away from the surface.
constexpr float kCullSlack = 0.03f;

float smoothMax(float a, float b, float k) { return -smoothMin(-a, -b, k); }

float smoothStep(float lo, float hi, float x) {
    const float t = std::clamp((x - lo) / (hi - lo), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

float boxDistance(const glm::vec3& lo, const glm::vec3& hi, const glm::vec3& p) {
    const glm::vec3 outside = glm::max(glm::max(lo - p, p - hi), glm::vec3(0.0f));
    return glm::length(outside);
}

// Values and y-derivatives of the trunk's section parameters at height y: a natural cubic
// spline through the table rows (held constant past the end rows, which the caps hide). The
// distance estimate uses the slopes, so they must be smooth (C1) too, or the blends with the
// neck and limbs would show creases at every row.
struct SectionSample {
    float value[kTrunkParams];
    float slope[kTrunkParams];
};

SectionSample sampleSections(const std::vector<TrunkSection>& sections,
                             const std::vector<std::array<float, kTrunkParams>>& curvature, float y) {
    SectionSample out{};
    const std::size_t n = sections.size();
    const float yc = std::clamp(y, sections.front().y, sections.back().y);
    std::size_t i = 0;
    while (i + 2 < n && sections[i + 1].y <= yc) ++i;
    const float h = sections[i + 1].y - sections[i].y;
    const float a = sections[i + 1].y - yc, b = yc - sections[i].y;
    for (int k = 0; k < kTrunkParams; ++k) {
        const auto kk = static_cast<std::size_t>(k);
        const float p0 = trunkParam(sections[i], k), p1 = trunkParam(sections[i + 1], k);
        const float m0 = curvature[i][kk], m1 = curvature[i + 1][kk];
        const bool inside = y > sections.front().y && y < sections.back().y;
        out.slope[k] = inside ? (-m0 * a * a + m1 * b * b) / (2 * h) + (p1 - p0) / h - (m1 - m0) * h / 6 : 0.0f;
        const float value =
            (m0 * a * a * a + m1 * b * b * b) / (6 * h) + (p0 - m0 * h * h / 6) * a / h + (p1 - m1 * h * h / 6) * b / h;
        out.value[k] = k == 0 ? value : std::max(value, 0.002f);  // an overshooting spline never inverts
    }
    return out;
}

}  // namespace

float trunkParam(const TrunkSection& s, int k) {
    switch (k) {
        case 0: return s.centreZ;
        case 1: return s.halfWidth;
        case 2: return s.front;
        case 3: return s.back;
        default: return s.square;
    }
}

void ShapeModel::fitTrunkSpline() {
    // Natural cubic spline: solve the tridiagonal system for the second derivatives at the rows
    // (Thomas algorithm).
    const std::size_t n = trunk.size();
    trunkCurvature.assign(n, {});
    if (n < 2) return;
    for (int k = 0; k < kTrunkParams; ++k) {
        std::vector<float> lower(n, 0.0f), diag(n, 0.0f), upper(n, 0.0f), rhs(n, 0.0f);
        for (std::size_t i = 0; i < n; ++i) {
            const float hPrev = i > 0 ? trunk[i].y - trunk[i - 1].y : 0.0f;
            const float hNext = i + 1 < n ? trunk[i + 1].y - trunk[i].y : 0.0f;
            const float slopePrev = i > 0 ? (trunkParam(trunk[i], k) - trunkParam(trunk[i - 1], k)) / hPrev : 0.0f;
            const float slopeNext = i + 1 < n ? (trunkParam(trunk[i + 1], k) - trunkParam(trunk[i], k)) / hNext : 0.0f;
            const bool end = i == 0 || i + 1 == n;  // natural ends: no curvature
            lower[i] = end ? 0.0f : hPrev;
            diag[i] = end ? 1.0f : 2.0f * (hPrev + hNext);
            upper[i] = end ? 0.0f : hNext;
            rhs[i] = end ? 0.0f : 6.0f * (slopeNext - slopePrev);
        }
        for (std::size_t i = 1; i < n; ++i) {
            const float w = lower[i] / diag[i - 1];
            diag[i] -= w * upper[i - 1];
            rhs[i] -= w * rhs[i - 1];
        }
        const auto kk = static_cast<std::size_t>(k);
        trunkCurvature[n - 1][kk] = rhs[n - 1] / diag[n - 1];
        for (std::size_t i = n - 1; i-- > 0;) {
            trunkCurvature[i][kk] = (rhs[i] - upper[i] * trunkCurvature[i + 1][kk]) / diag[i];
        }
    }
}

float ShapeModel::trunkDistance(const glm::vec3& p) const {
    const SectionSample s = sampleSections(trunk, trunkCurvature, p.y);
    const float cz = s.value[0], a = s.value[1], sq = s.value[4];
    const float dz = p.z - cz;
    const bool front = dz >= 0.0f;
    const float b = front ? s.value[2] : s.value[3];
    const float db = front ? s.slope[2] : s.slope[3];
    const float u = p.x / a, v = dz / b;
    const float u2 = u * u, v2 = v * v;
    const float n2 = std::sqrt(u2 + v2);
    float d = 0.0f;
    if (n2 < 1.0e-6f) {
        d = -std::min(a, b);
    } else {
        // A blend of the L2 and L4 norms: an ellipse that `square` pushes towards a rounded box.
        // Dividing by the gradient turns this implicit function into a distance near the surface.
        const float n4 = std::sqrt(std::sqrt(u2 * u2 + v2 * v2));
        const float norm = (1.0f - sq) * n2 + sq * n4;
        const float n43 = n4 * n4 * n4;
        const float du = (1.0f - sq) * u / n2 + sq * u * u2 / n43;
        const float dv = (1.0f - sq) * v / n2 + sq * v * v2 / n43;
        const float gx = du / a;
        const float gz = dv / b;
        const float gy = du * (-u / a * s.slope[1]) + dv * (-s.slope[0] / b - v / b * db) + (n4 - n2) * s.slope[4];
        // The slope term corrects the horizontal estimate where the outline leans; bounding it
        // (at most a halving) keeps thin, fast-changing sections from collapsing the estimate.
        // (a smooth bound: a hard min would crease the blends where it switches).
        const float horizontal = gx * gx + gz * gz;
        const float vertical = gy * gy * (3.0f * horizontal) / (gy * gy + 3.0f * horizontal);
        d = (norm - 1.0f) / std::sqrt(horizontal + vertical);
    }
    d = smoothMax(d, trunk.front().y - p.y, trunkBottomRounding);
    d = std::max(d, p.y - trunk.back().y);
    // Far from the trunk the estimate above falls well short of the true distance; the distance
    // to a box around the loft is a lower bound that keeps the far field honest.
    const float outside = boxDistance(trunkMin, trunkMax, p);
    return outside > 0.0f ? std::max(d, outside) : d;
}

float ShapeModel::segmentDistance(std::size_t index, const glm::vec3& p) const {
    const ShapeSegment& s = segments[index];
    const glm::vec3 q = p - s.a;
    const float along = glm::dot(q, s.axis);
    const float across = glm::dot(q, s.ex), depth = glm::dot(q, s.ez);
    // A tapered segment is the envelope of ellipsoids slid along its axis; a point's nearest one
    // sits further towards the wide end by (radial distance x taper), as in a round cone, so the
    // end caps meet the tapered middle tangentially instead of at a crease.
    float t = 0.0f;
    if (s.length > 0.0f) {
        const glm::vec3 slope = s.radiusSlope(std::clamp(along / s.length, 0.0f, 1.0f));
        const float taper = 0.5f * (slope.x + slope.z) / s.length;
        t = std::clamp((along + taper * std::sqrt(across * across + depth * depth)) / s.length, 0.0f, 1.0f);
    }
    const glm::vec3 r = s.radius(t);
    const glm::vec3 local(across, along - t * s.length, depth);
    // Quilez's ellipsoid estimate: exact on the surface, close to Euclidean near it.
    const glm::vec3 scaled = local / r;
    const float k0 = glm::length(scaled);
    const float k1 = glm::length(scaled / r);
    if (k1 < 1.0e-9f) return -std::min(r.x, std::min(r.y, r.z));
    return k0 * (k0 - 1.0f) / k1;
}

void ShapeModel::prepare() {
    fitTrunkSpline();
    std::stable_sort(segments.begin(), segments.end(),
                     [](const ShapeSegment& x, const ShapeSegment& y) { return x.group < y.group; });
    groupStart.fill(segments.size());
    for (std::size_t i = segments.size(); i-- > 0;) groupStart[static_cast<std::size_t>(segments[i].group)] = i;
    for (int g = kShapeGroupCount - 1; g >= 0; --g) {
        const auto u = static_cast<std::size_t>(g);
        groupStart[u] = std::min(groupStart[u], groupStart[u + 1]);
    }
    // Margin: the box must stay clear of the blends near the surface.
    trunkMin = glm::vec3(kFar);
    trunkMax = glm::vec3(-kFar);
    for (const TrunkSection& t : trunk) {
        trunkMin = glm::min(trunkMin, glm::vec3(-t.halfWidth, t.y, t.centreZ - t.back) - glm::vec3(0.05f));
        trunkMax = glm::max(trunkMax, glm::vec3(t.halfWidth, t.y, t.centreZ + t.front) + glm::vec3(0.05f));
    }
    groupMin.fill(glm::vec3(kFar));
    groupMax.fill(glm::vec3(-kFar));
    segmentMin.assign(segments.size(), glm::vec3(kFar));
    segmentMax.assign(segments.size(), glm::vec3(-kFar));
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const ShapeSegment& s = segments[i];
        const float radius = std::max({s.r0.x, s.r0.y, s.r0.z, s.r1.x, s.r1.y, s.r1.z, s.rMid.x, s.rMid.y, s.rMid.z});
        const glm::vec3 b = s.a + s.axis * s.length;
        segmentMin[i] = glm::min(s.a, b) - glm::vec3(radius);
        segmentMax[i] = glm::max(s.a, b) + glm::vec3(radius);
        if (s.pairedWithNext) {  // the box of the pair, which is evaluated as one
            segmentMin[i].x = std::min(segmentMin[i].x, -segmentMax[i].x);
            segmentMax[i].x = std::max(segmentMax[i].x, -segmentMin[i].x);
        }
    }
    for (const ShapeSegment& s : segments) {
        const float reach =
            std::max({s.r0.x, s.r0.y, s.r0.z, s.r1.x, s.r1.y, s.r1.z, s.rMid.x, s.rMid.y, s.rMid.z}) + s.blend;
        const glm::vec3 b = s.a + s.axis * s.length;
        const auto g = static_cast<std::size_t>(s.group);
        groupMin[g] = glm::min(groupMin[g], glm::min(s.a, b) - glm::vec3(reach));
        groupMax[g] = glm::max(groupMax[g], glm::max(s.a, b) + glm::vec3(reach));
        if (s.pairedWithNext) {
            // The mirror image that follows.
            groupMin[g].x = std::min(groupMin[g].x, -groupMax[g].x);
            groupMax[g].x = std::max(groupMax[g].x, -groupMin[g].x);
        }
    }
}

float ShapeModel::distance(const glm::vec3& p) const {
    float body = trunkDistance(p);
    auto evaluate = [&](ShapeGroup group, float start) {
        float d = start;
        const auto g = static_cast<std::size_t>(group);
        for (std::size_t i = groupStart[g]; i < groupStart[g + 1]; ++i) {
            const ShapeSegment& s = segments[i];
            // A part whose field cannot reach the blend leaves d as it is: skip it (small parts
            // such as fingers and lips would otherwise be evaluated all over their limb).
            const float needed = s.carve ? s.blend - d : d + s.blend;
            if (cullFarGroups && boxDistance(segmentMin[i], segmentMax[i], p) > needed + kCullSlack) {
                if (s.pairedWithNext) ++i;
                continue;
            }
            float v = segmentDistance(i, p);
            if (s.pairedWithNext) {
                v = smoothMin(v, segmentDistance(i + 1, p), s.blend);
                ++i;
            }
            d = s.carve ? smoothMax(d, -v, s.blend) : smoothMin(d, v, s.blend);
        }
        return d;
    };
    auto near = [&](ShapeGroup group, float against, float blend) {
        const auto g = static_cast<std::size_t>(group);
        if (!cullFarGroups) return true;
        return boxDistance(groupMin[g], groupMax[g], p) <= against + blend + kCullSlack;
    };
    body = evaluate(ShapeGroup::Trunk, body);
    // The blend fades out towards the top of the loft: where the loft ends inside the neck its
    // field has a crease that a wide blend would show on the skin.
    const float top = trunk.back().y;
    const float neckK = neckBlend * (1.0f - smoothStep(top - 0.045f, top - 0.005f, p.y));
    if (near(ShapeGroup::Neck, body, neckK)) body = smoothMin(body, evaluate(ShapeGroup::Neck, kFar), neckK);
    if (near(ShapeGroup::Head, body, headBlend)) body = smoothMin(body, evaluate(ShapeGroup::Head, kFar), headBlend);

    // The thighs flow into the hips everywhere except at the crotch and the gluteal folds, which
    // stay creased (medially, low down), so the legs never fuse with each other.
    const float high = smoothStep(legBlendLow, legBlendHigh, p.y);
    const float lateral = smoothStep(legBlendMedialX, legBlendLateralX, std::abs(p.x));
    const float legOpen = 1.0f - (1.0f - high) * (1.0f - lateral);
    const float legBlend = limbBlendNarrow + (limbBlendWide - limbBlendNarrow) * legOpen;
    float legs = kFar;
    for (ShapeGroup g : {ShapeGroup::LegLeft, ShapeGroup::LegRight}) {
        if (!near(g, body, legBlend)) continue;
        // The sole is flat on the floor.
        legs = std::min(legs, std::max(evaluate(g, kFar), soleY - p.y));
    }
    body = smoothMin(body, legs, legBlend);

    const float armBlend =
        limbBlendNarrow + (limbBlendWide - limbBlendNarrow) * smoothStep(armBlendLow, armBlendHigh, p.y);
    float arms = kFar;
    for (ShapeGroup g : {ShapeGroup::ArmLeft, ShapeGroup::ArmRight}) {
        if (near(g, body, armBlend)) arms = std::min(arms, evaluate(g, kFar));
    }
    return smoothMin(body, arms, armBlend);
}

}  // namespace myomap::bodygen

// The body's outer surface: the shape model built from the shape tables (body_trunk.csv,
// body_shape.csv) on the landmarks and skeleton, and the field queries the skin and muscles use.
#include "bodygen/body_shape.h"

#include "bodygen/body_shape_model.h"
#include "bodygen/body_shape_table.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

ShapeSegment mirrored(ShapeSegment s, ShapeGroup group, int joint) {
    s.a = mirror(s.a);
    s.axis = mirror(s.axis);
    s.ex = mirror(s.ex);
    s.ez = mirror(s.ez);
    s.group = group;
    s.joint = joint;
    s.pairedWithNext = false;
    return s;
}

Result<int> jointIndex(const Skeleton& skeleton, const std::string& base, Side side) {
    int j = skeleton.find(base + sideSuffix(side));
    if (j < 0) j = skeleton.find(base);
    if (j < 0) return fail(std::string("body shape: joint '") + base + "' is not in the skeleton");
    return j;
}

Result<ShapeSegment> makeSegment(const ShapePartSpec& spec, const Landmarks& landmarks) {
    auto from = landmarks.resolve(spec.from, Side::Left);
    if (!from) return fail(spec.where + ": " + spec.name + ": " + from.error());
    auto to = landmarks.resolve(spec.to, Side::Left);
    if (!to) return fail(spec.where + ": " + spec.name + ": " + to.error());
    ShapeSegment s;
    s.a = *from + spec.fromOffset;
    const glm::vec3 b = *to + spec.toOffset;
    s.length = glm::length(b - s.a);
    if (s.length > 1.0e-6f) {
        s.axis = (b - s.a) / s.length;
        // Across-axis directions: x stays lateral unless the segment itself runs sideways.
        const glm::vec3 reference = std::abs(s.axis.x) < 0.7f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, 1);
        s.ex = glm::normalize(reference - s.axis * glm::dot(reference, s.axis));
        s.ez = glm::normalize(glm::cross(s.ex, s.axis));
    } else {
        s.length = 0.0f;
    }
    s.r0 = spec.r0;
    s.r1 = spec.r1;
    s.rMid = spec.rMid.x < 0.0f ? 0.5f * (spec.r0 + spec.r1) : spec.rMid;
    s.blend = spec.blend;
    s.carve = spec.carve;
    return s;
}

}  // namespace

Result<ShapeModel> buildShapeModel(const Landmarks& landmarks, const Skeleton& skeleton) {
    auto tables = readShapeTables(landmarks);
    if (!tables) return fail(tables.error());
    return buildShapeModel(*tables, landmarks, skeleton);
}

Result<ShapeModel> buildShapeModel(const ShapeTables& tables, const Landmarks& landmarks, const Skeleton& skeleton) {
    using G = ShapeGroup;
    ShapeModel model;
    model.trunk = tables.trunk;
    std::vector<ShapeSegment> rightLimbs;
    for (const ShapePartSpec& spec : tables.parts) {
        auto segment = makeSegment(spec, landmarks);
        if (!segment) return fail(segment.error());
        const bool limb = spec.group == G::ArmLeft || spec.group == G::LegLeft;
        auto left = jointIndex(skeleton, spec.joint, limb || spec.paired ? Side::Left : Side::Mid);
        if (!left) return fail(spec.where + ": " + left.error());
        segment->group = spec.group;
        segment->joint = *left;
        if (!limb && !spec.paired) {
            model.segments.push_back(*segment);
            continue;
        }
        auto right = jointIndex(skeleton, spec.joint, Side::Right);
        if (!right) return fail(spec.where + ": " + right.error());
        const ShapeGroup rightGroup = !limb ? spec.group : spec.group == G::ArmLeft ? G::ArmRight : G::LegRight;
        const ShapeSegment other = mirrored(*segment, rightGroup, *right);
        segment->pairedWithNext = !limb;
        model.segments.push_back(*segment);
        if (limb) {
            rightLimbs.push_back(other);
        } else {
            model.segments.push_back(other);
        }
    }
    model.segments.insert(model.segments.end(), rightLimbs.begin(), rightLimbs.end());
    model.prepare();
    return model;
}

struct BodyShape::Impl {
    ShapeModel model;
    glm::vec3 lo{0.0f}, hi{0.0f};
};

BodyShape::BodyShape() : m(std::make_unique<Impl>()) {}
BodyShape::BodyShape(BodyShape&&) noexcept = default;
BodyShape& BodyShape::operator=(BodyShape&&) noexcept = default;
BodyShape::~BodyShape() = default;

Result<BodyShape> BodyShape::build(const Landmarks& landmarks, const Skeleton& skeleton) {
    auto tables = readShapeTables(landmarks);
    if (!tables) return fail(tables.error());
    return build(*tables, landmarks, skeleton);
}

Result<BodyShape> BodyShape::build(const ShapeTables& tables, const Landmarks& landmarks, const Skeleton& skeleton) {
    auto model = buildShapeModel(tables, landmarks, skeleton);
    if (!model) return fail(model.error());
    BodyShape shape;
    shape.m->model = std::move(model.value());
    const ShapeModel& mm = shape.m->model;
    glm::vec3 lo(1.0e9f), hi(-1.0e9f);
    for (std::size_t g = 0; g < mm.groupMin.size(); ++g) {
        if (mm.groupMin[g].x > mm.groupMax[g].x) continue;  // an empty group
        lo = glm::min(lo, mm.groupMin[g]);
        hi = glm::max(hi, mm.groupMax[g]);
    }
    for (const TrunkSection& s : mm.trunk) {
        lo = glm::min(lo, glm::vec3(-s.halfWidth, s.y, s.centreZ - s.back));
        hi = glm::max(hi, glm::vec3(s.halfWidth, s.y, s.centreZ + s.front));
    }
    // Smooth unions bulge out by at most a quarter of the widest blend.
    const float bulge = 0.25f * std::max({mm.limbBlendWide, mm.neckBlend, mm.headBlend}) + 0.005f;
    lo -= glm::vec3(bulge);
    hi += glm::vec3(bulge);
    lo.y = std::max(lo.y, mm.soleY - 0.005f);
    shape.m->lo = lo;
    shape.m->hi = hi;
    return shape;
}

float BodyShape::distance(const glm::vec3& p) const { return m->model.distance(p); }

glm::vec3 BodyShape::outward(const glm::vec3& p) const {
    constexpr float h = 2.5e-4f;
    const glm::vec3 g(distance(p + glm::vec3(h, 0, 0)) - distance(p - glm::vec3(h, 0, 0)),
                      distance(p + glm::vec3(0, h, 0)) - distance(p - glm::vec3(0, h, 0)),
                      distance(p + glm::vec3(0, 0, h)) - distance(p - glm::vec3(0, 0, h)));
    const float length = glm::length(g);
    return length > 0.0f ? g / length : glm::vec3(0.0f, 1.0f, 0.0f);
}

glm::vec3 BodyShape::projectToLevel(const glm::vec3& p, float level) const {
    // Newton steps along the gradient; the field is close to a true distance, so a few do.
    constexpr float h = 2.5e-4f;
    glm::vec3 q = p;
    for (int i = 0; i < 12; ++i) {
        const float d = distance(q) - level;
        if (std::abs(d) < 1.0e-5f) break;
        const glm::vec3 g(distance(q + glm::vec3(h, 0, 0)) - distance(q - glm::vec3(h, 0, 0)),
                          distance(q + glm::vec3(0, h, 0)) - distance(q - glm::vec3(0, h, 0)),
                          distance(q + glm::vec3(0, 0, h)) - distance(q - glm::vec3(0, 0, h)));
        const glm::vec3 grad = g / (2.0f * h);
        const float g2 = glm::dot(grad, grad);
        if (g2 < 1.0e-8f) break;
        q -= grad * (d / g2);
    }
    return q;
}

void BodyShape::bounds(glm::vec3& min, glm::vec3& max) const {
    min = m->lo;
    max = m->hi;
}

}  // namespace myomap::bodygen

// The primitives behind BodyShape (internal to bodygen): a lofted trunk plus swept-ellipse
// segments grouped into head, neck and limbs, each riding on a skeleton joint. The skin uses the
// same model to tell which body part a surface point belongs to.
#pragma once

#include "bodygen/skeleton.h"

#include <array>
#include <vector>

namespace myomap::bodygen {

enum class ShapeGroup { Trunk, Neck, Head, ArmLeft, ArmRight, LegLeft, LegRight };
inline constexpr int kShapeGroupCount = 7;

// An ellipse swept along a segment, its radii changing along it as a quadratic through the
// radii at the start, the middle and the end (a bulge such as the calf's or the forearm's); with
// zero length it is an ellipsoid. Radii: x along `ex`, y along the axis (the end caps), z along `ez`.
struct ShapeSegment {
    glm::vec3 a{0.0f};
    glm::vec3 axis{0.0f, 1.0f, 0.0f};
    float length = 0.0f;
    glm::vec3 ex{1.0f, 0.0f, 0.0f};
    glm::vec3 ez{0.0f, 0.0f, 1.0f};
    glm::vec3 r0{0.01f};
    glm::vec3 r1{0.01f};
    glm::vec3 rMid{0.01f};
    glm::vec3 radius(float t) const {  // the quadratic through r0, rMid, r1 at t = 0, 0.5, 1
        return r0 + (4.0f * rMid - 3.0f * r0 - r1) * t + (2.0f * r0 + 2.0f * r1 - 4.0f * rMid) * (t * t);
    }
    glm::vec3 radiusSlope(float t) const {
        return 4.0f * rMid - 3.0f * r0 - r1 + (4.0f * r0 + 4.0f * r1 - 8.0f * rMid) * t;
    }
    float blend = 0.0f;           // smooth-union radius with what the group holds before it
    bool carve = false;           // cut away from what the group holds before it (an eye socket)
    bool pairedWithNext = false;  // a left segment whose mirror follows: they join symmetrically
    ShapeGroup group = ShapeGroup::Trunk;
    int joint = -1;  // skeleton joint the segment moves with
};

// One horizontal trunk cross-section: an ellipse (front and back half-depths may differ) that
// `square` (0..1) pushes towards a rounded rectangle.
struct TrunkSection {
    float y, centreZ, halfWidth, front, back, square;
};
inline constexpr int kTrunkParams = 5;  // the numbers after y, interpolated between rows
float trunkParam(const TrunkSection& section, int index);

struct ShapeModel {
    std::vector<TrunkSection> trunk;                              // ascending y
    std::vector<std::array<float, kTrunkParams>> trunkCurvature;  // spline second derivatives per row
    float trunkBottomRounding = 0.03f;
    std::vector<ShapeSegment> segments;  // in evaluation order within each group
    // Height bands (y) in which limbs blend broadly into the trunk; below them the blend
    // shrinks so elbows, hands and the inner thighs keep their gaps.
    float armBlendLow = 1.33f, armBlendHigh = 1.42f;
    float legBlendLow = 0.80f, legBlendHigh = 0.90f;
    float legBlendMedialX = 0.07f, legBlendLateralX = 0.14f;
    float limbBlendWide = 0.05f, limbBlendNarrow = 0.004f;
    float neckBlend = 0.05f, headBlend = 0.02f;
    float soleY = 0.0f;
    bool cullFarGroups = true;  // off only to check that skipping groups changes nothing
    // Filled by prepare(): where each group's segments start, and conservative boxes around
    // each group for skipping far ones.
    std::array<std::size_t, kShapeGroupCount + 1> groupStart{};
    std::array<glm::vec3, kShapeGroupCount> groupMin{}, groupMax{};
    std::vector<glm::vec3> segmentMin, segmentMax;  // per segment, a pair's box holding both
    glm::vec3 trunkMin{0.0f}, trunkMax{0.0f};

    float distance(const glm::vec3& p) const;
    float trunkDistance(const glm::vec3& p) const;
    float segmentDistance(std::size_t index, const glm::vec3& p) const;
    // Fits the trunk spline, sorts the segments by group (stable), computes group ranges and boxes.
    void prepare();
    void fitTrunkSpline();
};

struct ShapeTables;
// Builds the model from the shape tables (body_shape_table.h) on the landmarks and the skeleton;
// the first form reads the tables beside the landmarks.
Result<ShapeModel> buildShapeModel(const Landmarks& landmarks, const Skeleton& skeleton);
Result<ShapeModel> buildShapeModel(const ShapeTables& tables, const Landmarks& landmarks, const Skeleton& skeleton);

// Polynomial smooth minimum: equals min(a, b) once |a - b| >= k.
inline float smoothMin(float a, float b, float k) {
    if (k <= 0.0f) return a < b ? a : b;
    const float diff = a > b ? a - b : b - a;
    const float h = diff < k ? (k - diff) / k : 0.0f;
    return (a < b ? a : b) - h * h * k * 0.25f;
}

}  // namespace myomap::bodygen

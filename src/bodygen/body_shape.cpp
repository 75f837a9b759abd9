#include "bodygen/body_shape.h"

#include "bodygen/body_shape_model.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace myomap::bodygen {
namespace {

// ---------------------------------------------------------------------------------------------
// Sizes of the reference adult (1.75 m, anatomical position), in metres.
//
// Targets (skin circumferences of an average adult male, ANSUR II / Drillis-Contini ratios
// scaled to 1.75 m): neck 38 cm, chest 100 cm, waist 85 cm, hip 98 cm, upper arm 30 cm, forearm
// 27 cm, thigh 55 cm, calf 37 cm. The numbers below were tuned by measuring sections of the
// generated skin against those targets (last measured: neck 39, chest 97, waist 83, hip 99,
// upper arm 29, forearm 26, wrist 17, thigh 54 at the gluteal fold and 51 at mid-thigh,
// knee 37, calf 38, ankle 24); landmarks.csv fixes where everything sits.
//
// Trunk: horizontal sections from the perineum up to the base of the neck, lofted smoothly.
// centre_z: middle of the section (the coronal plane through the hip centres is z = 0);
// half_width: x extent; front/back: half-depths before and behind centre_z; square: 0 is an
// ellipse, 1 a rounded box (the chest is flatter at the sides and back than an ellipse).
// The back curves forward above the chest (thoracic kyphosis) and is hollow at the waist
// (lumbar lordosis) through centre_z and back.
// clang-format off: the tables stay one row per line
const TrunkSection kTrunk[] = {
    //   y     centre_z half_width front   back   square
    {0.815f, -0.030f, 0.040f, 0.030f, 0.040f, 0.00f},  // perineum, between the thighs
    {0.860f, -0.025f, 0.120f, 0.075f, 0.090f, 0.20f},  // gluteal folds
    {0.900f, -0.015f, 0.160f, 0.095f, 0.110f, 0.45f},  // pubis and buttocks
    {0.960f, -0.005f, 0.165f, 0.105f, 0.113f, 0.45f},  // greater trochanters and ASIS
    {1.020f, 0.000f, 0.152f, 0.110f, 0.106f, 0.30f},   // iliac crests
    {1.080f, 0.004f, 0.145f, 0.122f, 0.104f, 0.30f},   // navel
    {1.140f, 0.003f, 0.144f, 0.122f, 0.106f, 0.30f},   // waist
    {1.210f, -0.002f, 0.150f, 0.122f, 0.115f, 0.35f},  // costal margin
    {1.280f, -0.006f, 0.158f, 0.134f, 0.128f, 0.55f},  // chest at the nipples
    {1.350f, -0.016f, 0.160f, 0.122f, 0.126f, 0.55f},  // axillae
    {1.410f, -0.030f, 0.156f, 0.092f, 0.098f, 0.50f},  // upper chest
    {1.450f, -0.038f, 0.118f, 0.070f, 0.078f, 0.40f},  // shoulders beside the neck
    {1.480f, -0.040f, 0.065f, 0.045f, 0.050f, 0.20f},  // inside the neck
    {1.520f, -0.030f, 0.010f, 0.010f, 0.010f, 0.00f},  // closes deep inside the neck
};

// Segments and ellipsoids, given for the midline or the figure's left side (mirrored for the
// right). `from` and `to` are landmark references plus offsets; equal ends make an ellipsoid.
// Radii at each end: x across the limb (lateral, or forward when the segment runs sideways),
// y along the axis (the rounded end caps), z across the limb's other way (front-back, or
// vertical for the foot). `blend` is the smooth-union radius with the parts listed before it
// in the same group: large where flesh flows together, small where skin creases. An optional
// last triple gives the radii halfway along (the profile is then a smooth bulge).
struct SegmentSpec {
    const char* name;  // for reading the table
    ShapeGroup group;  // ArmLeft / LegLeft rows make the right limb too
    bool paired;       // in a midline group: a left copy and its mirror
    const char* joint;
    const char* from;
    glm::vec3 fromOffset;
    const char* to;
    glm::vec3 toOffset;
    glm::vec3 r0, r1;
    float blend;
    glm::vec3 rMid{-1.0f};  // radii halfway along, for a bulge; unset: halfway between r0 and r1
};

using G = ShapeGroup;
const SegmentSpec kSegments[] = {
    // --- trunk additions (the loft comes first)
    {"buttock",
     G::Trunk,
     true,
     "pelvis",
     "ischial_tuberosity",
     {0.012f, 0.032f, -0.038f},
     "ischial_tuberosity",
     {0.012f, 0.032f, -0.038f},
     {0.066f, 0.086f, 0.058f},
     {0.066f, 0.086f, 0.058f},
     0.040f},
    {"pectoral",
     G::Trunk,
     true,
     "thoracic_upper",
     "rib3_anterior",
     {-0.035f, -0.010f, 0.012f},
     "coracoid_process",
     {0.0f, -0.030f, 0.020f},
     {0.022f, 0.030f, 0.050f},
     {0.022f, 0.030f, 0.045f},
     0.050f},
    // --- neck
    {"neck",
     G::Neck,
     false,
     "neck_lower",
     "jugular_notch+c7_spinous",
     {0.0f, -0.020f, -0.015f},
     "atlanto_occipital_joint",
     {0.0f, -0.005f, -0.008f},
     {0.064f, 0.050f, 0.066f},
     {0.054f, 0.050f, 0.058f},
     0.0f},
    {"trapezius_ridge",
     G::Neck,
     true,
     "clavicle",
     "c7_spinous",
     {0.045f, -0.035f, 0.020f},
     "acromion",
     {-0.030f, 0.000f, -0.005f},
     {0.035f, 0.030f, 0.030f},
     {0.030f, 0.030f, 0.025f},
     0.050f},
    {"sternocleidomastoid",
     G::Neck,
     true,
     "neck_upper",
     "mastoid_process",
     {0.0f, -0.005f, 0.005f},
     "sternoclavicular_joint",
     {0.002f, 0.010f, 0.010f},
     {0.013f, 0.013f, 0.013f},
     {0.012f, 0.012f, 0.012f},
     0.030f},
    // --- head
    {"skull",
     G::Head,
     false,
     "head",
     "head_top",
     {0.0f, -0.095f, -0.014f},
     "head_top",
     {0.0f, -0.095f, -0.014f},
     {0.074f, 0.095f, 0.099f},
     {0.074f, 0.095f, 0.099f},
     0.0f},
    {"occiput",
     G::Head,
     false,
     "head",
     "inion",
     {0.0f, 0.030f, 0.055f},
     "inion",
     {0.0f, 0.030f, 0.055f},
     {0.075f, 0.075f, 0.068f},
     {0.075f, 0.075f, 0.068f},
     0.030f},
    {"face",
     G::Head,
     false,
     "head",
     "nasion",
     {0.0f, -0.011f, -0.068f},
     "mental_protuberance",
     {0.0f, 0.025f, -0.050f},
     {0.066f, 0.045f, 0.066f},
     {0.050f, 0.030f, 0.050f},
     0.030f},
    {"cheekbone",
     G::Head,
     true,
     "head",
     "zygomatic_bone",
     {0.002f, -0.004f, -0.014f},
     "zygomatic_bone",
     {0.002f, -0.004f, -0.014f},
     {0.014f, 0.012f, 0.012f},
     {0.014f, 0.012f, 0.012f},
     0.040f},
    {"jaw",
     G::Head,
     true,
     "jaw",
     "mandible_angle",
     {0.0f, 0.002f, -0.002f},
     "mental_protuberance",
     {0.018f, 0.0f, -0.020f},
     {0.011f, 0.011f, 0.011f},
     {0.011f, 0.011f, 0.011f},
     0.035f},
    {"chin",
     G::Head,
     false,
     "jaw",
     "mental_protuberance",
     {0.0f, -0.002f, -0.012f},
     "mental_protuberance",
     {0.0f, -0.002f, -0.012f},
     {0.020f, 0.016f, 0.018f},
     {0.020f, 0.016f, 0.018f},
     0.030f},
    {"nose",
     G::Head,
     false,
     "head",
     "nasion",
     {0.0f, -0.012f, 0.004f},
     "nasion",
     {0.0f, -0.045f, 0.022f},
     {0.007f, 0.007f, 0.007f},
     {0.013f, 0.009f, 0.011f},
     0.012f},
    {"ear",
     G::Head,
     true,
     "head",
     "mandible_condyle",
     {0.016f, 0.012f, -0.024f},
     "mandible_condyle",
     {0.016f, 0.012f, -0.024f},
     {0.009f, 0.030f, 0.017f},
     {0.009f, 0.030f, 0.017f},
     0.008f},
    // --- arm (palm forward: the hand is wide in x and thin in z)
    {"deltoid",
     G::ArmLeft,
     false,
     "upper_arm",
     "acromion",
     {-0.012f, -0.050f, 0.012f},
     "acromion",
     {-0.012f, -0.050f, 0.012f},
     {0.045f, 0.072f, 0.056f},
     {0.045f, 0.072f, 0.056f},
     0.0f},
    {"upper_arm",
     G::ArmLeft,
     false,
     "upper_arm",
     "shoulder_joint_centre",
     {0.004f, -0.030f, 0.0f},
     "elbow_joint_centre",
     {0.0f, 0.0f, 0.0f},
     {0.044f, 0.045f, 0.055f},
     {0.042f, 0.040f, 0.042f},
     0.045f},
    {"forearm",
     G::ArmLeft,
     false,
     "forearm",
     "elbow_joint_centre",
     {0.0f, -0.005f, 0.0f},
     "wrist_joint_centre",
     {0.0f, 0.008f, 0.0f},
     {0.043f, 0.040f, 0.038f},
     {0.029f, 0.020f, 0.019f},
     0.040f,
     {0.043f, 0.040f, 0.036f}},
    {"palm",
     G::ArmLeft,
     false,
     "hand",
     "wrist_joint_centre",
     {0.0f, -0.010f, 0.002f},
     "mcp3_joint",
     {0.0f, 0.012f, 0.002f},
     {0.030f, 0.020f, 0.016f},
     {0.043f, 0.020f, 0.014f},
     0.025f},
    {"thenar",
     G::ArmLeft,
     false,
     "hand",
     "radial_styloid",
     {-0.010f, -0.035f, 0.012f},
     "radial_styloid",
     {-0.010f, -0.035f, 0.012f},
     {0.020f, 0.030f, 0.018f},
     {0.020f, 0.030f, 0.018f},
     0.020f},
    {"fingers",
     G::ArmLeft,
     false,
     "hand",
     "mcp3_joint",
     {0.0f, 0.015f, 0.0f},
     "fingertip_middle",
     {0.0f, 0.024f, -0.002f},
     {0.041f, 0.020f, 0.012f},
     {0.030f, 0.024f, 0.008f},
     0.030f},
    {"thumb",
     G::ArmLeft,
     false,
     "hand",
     "radial_styloid",
     {-0.004f, -0.015f, 0.012f},
     "radial_styloid",
     {0.018f, -0.090f, 0.030f},
     {0.016f, 0.014f, 0.016f},
     {0.010f, 0.010f, 0.010f},
     0.020f},
    // --- leg
    {"thigh",
     G::LegLeft,
     false,
     "thigh",
     "hip_joint_centre",
     {0.012f, -0.070f, -0.006f},
     "knee_joint_centre",
     {0.002f, 0.050f, 0.010f},
     {0.082f, 0.086f, 0.091f},
     {0.052f, 0.050f, 0.052f},
     0.0f,
     {0.078f, 0.075f, 0.080f}},
    {"knee",
     G::LegLeft,
     false,
     "thigh",
     "knee_joint_centre",
     {0.002f, 0.005f, 0.008f},
     "knee_joint_centre",
     {0.002f, 0.005f, 0.008f},
     {0.048f, 0.055f, 0.048f},
     {0.048f, 0.055f, 0.048f},
     0.050f},
    {"patella",
     G::LegLeft,
     false,
     "thigh",
     "patella_centre",
     {0.0f, 0.0f, -0.004f},
     "patella_centre",
     {0.0f, 0.0f, -0.004f},
     {0.026f, 0.030f, 0.022f},
     {0.026f, 0.030f, 0.022f},
     0.020f},
    {"shank",
     G::LegLeft,
     false,
     "shin",
     "knee_joint_centre",
     {0.0f, -0.030f, 0.0f},
     "ankle_joint_centre",
     {0.0f, 0.035f, 0.008f},
     {0.047f, 0.040f, 0.048f},
     {0.029f, 0.030f, 0.033f},
     0.040f},
    {"calf_medial",
     G::LegLeft,
     false,
     "shin",
     "soleal_line",
     {-0.010f, -0.040f, -0.015f},
     "soleal_line",
     {-0.010f, -0.040f, -0.015f},
     {0.038f, 0.095f, 0.040f},
     {0.038f, 0.095f, 0.040f},
     0.040f},
    {"calf_lateral",
     G::LegLeft,
     false,
     "shin",
     "soleal_line",
     {0.028f, -0.020f, -0.012f},
     "soleal_line",
     {0.028f, -0.020f, -0.012f},
     {0.033f, 0.085f, 0.036f},
     {0.033f, 0.085f, 0.036f},
     0.040f},
    {"achilles",
     G::LegLeft,
     false,
     "shin",
     "ankle_joint_centre",
     {0.0f, 0.170f, -0.028f},
     "calcaneal_tuberosity",
     {0.0f, 0.025f, 0.020f},
     {0.013f, 0.020f, 0.012f},
     {0.013f, 0.020f, 0.012f},
     0.045f},
    {"heel",
     G::LegLeft,
     false,
     "foot",
     "calcaneus",
     {0.0f, 0.008f, 0.028f},
     "calcaneus",
     {0.0f, 0.008f, 0.028f},
     {0.033f, 0.036f, 0.035f},
     {0.033f, 0.036f, 0.035f},
     0.030f},
    {"foot",
     G::LegLeft,
     false,
     "foot",
     "calcaneus",
     {0.0f, 0.012f, 0.040f},
     "first_metatarsal_head",
     {0.028f, 0.003f, -0.010f},
     {0.033f, 0.030f, 0.036f},
     {0.050f, 0.030f, 0.024f},
     0.030f},
    {"instep",
     G::LegLeft,
     false,
     "foot",
     "ankle_joint_centre",
     {0.0f, -0.012f, 0.012f},
     "first_metatarsal_base",
     {0.012f, -0.004f, 0.010f},
     {0.034f, 0.030f, 0.030f},
     {0.036f, 0.030f, 0.022f},
     0.030f},
    {"toes",
     G::LegLeft,
     false,
     "toes",
     "first_metatarsal_head",
     {0.030f, 0.0f, 0.0f},
     "toe_tip",
     {-0.012f, 0.004f, -0.004f},
     {0.046f, 0.015f, 0.018f},
     {0.034f, 0.012f, 0.012f},
     0.020f},
};
// clang-format on

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

Result<ShapeSegment> makeSegment(const SegmentSpec& spec, const Landmarks& landmarks) {
    auto from = landmarks.resolve(spec.from, Side::Left);
    if (!from) return fail(std::string("body shape: ") + spec.name + ": " + from.error());
    auto to = landmarks.resolve(spec.to, Side::Left);
    if (!to) return fail(std::string("body shape: ") + spec.name + ": " + to.error());
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
    return s;
}

}  // namespace

Result<ShapeModel> buildShapeModel(const Landmarks& landmarks, const Skeleton& skeleton) {
    ShapeModel model;
    model.trunk.assign(std::begin(kTrunk), std::end(kTrunk));
    std::vector<ShapeSegment> rightLimbs;
    for (const SegmentSpec& spec : kSegments) {
        auto segment = makeSegment(spec, landmarks);
        if (!segment) return fail(segment.error());
        const bool limb = spec.group == G::ArmLeft || spec.group == G::LegLeft;
        auto left = jointIndex(skeleton, spec.joint, limb || spec.paired ? Side::Left : Side::Mid);
        if (!left) return fail(left.error());
        segment->group = spec.group;
        segment->joint = *left;
        if (!limb && !spec.paired) {
            model.segments.push_back(*segment);
            continue;
        }
        auto right = jointIndex(skeleton, spec.joint, Side::Right);
        if (!right) return fail(right.error());
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
    auto model = buildShapeModel(landmarks, skeleton);
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

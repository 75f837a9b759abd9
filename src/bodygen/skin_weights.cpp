#include "bodygen/skin_weights.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

namespace myomap::bodygen {
namespace {

// A joint's weight fades to zero once its bone is this much farther than the nearest one.
constexpr float kBoneFalloff = 0.07f;
// On the head, weights come from the head and jaw shapes themselves (the jaw bone runs under
// the nose, so bone distance would hand the face to the jaw); they fade over a shorter range.
constexpr float kHeadFalloff = 0.015f;
// A joint that must not move this skin gets this much added to its distance.
constexpr float kExcluded = 0.1f;

float smoothStep(float lo, float hi, float x) {
    const float t = std::clamp((x - lo) / (hi - lo), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

}  // namespace

// The body part whose own (unblended) shape is nearest: it decides which joints may move the
// skin there, so a hand never takes weight from the thigh it hangs beside.
SkinWeighting::Part SkinWeighting::partAt(const glm::vec3& p) const {
    std::array<float, kShapeGroupCount> nearest;
    nearest.fill(std::numeric_limits<float>::max());
    nearest[static_cast<std::size_t>(ShapeGroup::Trunk)] = m_model.trunkDistance(p);
    for (std::size_t i = 0; i < m_model.segments.size(); ++i) {
        const auto g = static_cast<std::size_t>(m_model.segments[i].group);
        nearest[g] = std::min(nearest[g], m_model.segmentDistance(i, p));
    }
    const auto best = static_cast<ShapeGroup>(std::min_element(nearest.begin(), nearest.end()) - nearest.begin());
    switch (best) {
        case ShapeGroup::Head: return Part::Head;
        case ShapeGroup::Neck: return Part::Neck;
        case ShapeGroup::ArmLeft:
        case ShapeGroup::ArmRight: return Part::Arm;
        case ShapeGroup::LegLeft:
        case ShapeGroup::LegRight: return Part::Leg;
        default: return Part::Trunk;
    }
}

void SkinWeighting::weigh(const glm::vec3& p, glm::u16vec4& joints, glm::vec4& weights) const {
    const Part part = partAt(p);
    std::vector<Influence> influences = part == Part::Head ? headInfluences(p) : boneInfluences(part, p);
    const float falloff = part == Part::Head ? kHeadFalloff : kBoneFalloff;
    float nearest = std::numeric_limits<float>::max();
    for (const Influence& i : influences) nearest = std::min(nearest, i.distance);
    std::vector<std::pair<float, int>> ranked;
    for (const Influence& i : influences) {
        const float t = std::max(0.0f, 1.0f - (i.distance - nearest) / falloff);
        if (t > 0.0f) ranked.emplace_back(t * t, i.joint);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    ranked.resize(std::min<std::size_t>(ranked.size(), 4));
    float total = 0.0f;
    for (const auto& r : ranked) total += r.first;
    joints = glm::u16vec4(0);
    weights = glm::vec4(0.0f);
    for (std::size_t k = 0; k < ranked.size(); ++k) {
        const auto c = static_cast<glm::length_t>(k);
        joints[c] = static_cast<std::uint16_t>(ranked[k].second);
        weights[c] = ranked[k].first / total;
    }
}

int SkinWeighting::joint(const char* base, Side side) const {
    const int j = m_skeleton.find(std::string(base) + sideSuffix(side));
    return j >= 0 ? j : m_skeleton.find(base);
}

void SkinWeighting::add(std::vector<Influence>& out, const char* base, Side side, const glm::vec3& p, float penalty) const {
    const int j = joint(base, side);
    if (j >= 0) out.push_back({j, m_skeleton.distanceToBone(j, p) + penalty});
}

std::vector<SkinWeighting::Influence> SkinWeighting::boneInfluences(Part part, const glm::vec3& p) const {
    const Side side = p.x >= 0.0f ? Side::Left : Side::Right;
    // Below the armpit the arm must not move the chest wall, nor the chest the arm; above
    // the gluteal folds the thigh lets go of the trunk.
    const float belowAxilla = kExcluded * (1.0f - smoothStep(1.33f, 1.42f, p.y));
    std::vector<Influence> out;
    switch (part) {
        case Part::Neck:
            for (const char* base : {"neck_lower", "neck_upper", "head", "thoracic_upper"})
                add(out, base, side, p, 0.0f);
            add(out, "clavicle", side, p, 0.02f);
            add(out, "scapula", side, p, 0.02f);  // the trapezius ridge runs out to the acromion
            break;
        case Part::Trunk:
            for (const char* base :
                 {"pelvis", "lumbar_lower", "lumbar_upper", "thoracic_lower", "thoracic_upper", "neck_lower"}) {
                add(out, base, side, p, 0.0f);
            }
            add(out, "clavicle", side, p, 0.02f);
            add(out, "scapula", side, p, 0.02f + kExcluded * smoothStep(0.0f, 0.06f, p.z));  // not the front
            add(out, "upper_arm", side, p, belowAxilla);
            add(out, "thigh", side, p, kExcluded * smoothStep(0.86f, 0.95f, p.y));
            break;
        case Part::Arm:
            for (const char* base : {"scapula", "upper_arm", "forearm", "hand"}) add(out, base, side, p, 0.0f);
            add(out, "clavicle", side, p, 0.02f);
            add(out, "thoracic_upper", side, p, belowAxilla);
            break;
        case Part::Leg:
            for (const char* base : {"pelvis", "thigh", "shin", "foot", "toes"}) add(out, base, side, p, 0.0f);
            add(out, "lumbar_lower", side, p, 0.03f);
            break;
        case Part::Head: break;
    }
    return out;
}

std::vector<SkinWeighting::Influence> SkinWeighting::headInfluences(const glm::vec3& p) const {
    std::vector<Influence> out;
    auto nearestOf = [&](ShapeGroup group, int j) {
        float best = std::numeric_limits<float>::max();
        for (std::size_t i = 0; i < m_model.segments.size(); ++i) {
            const ShapeSegment& s = m_model.segments[i];
            if (s.group == group && s.joint == j) best = std::min(best, m_model.segmentDistance(i, p));
        }
        return best;
    };
    for (const char* base : {"head", "jaw"}) {
        const int j = joint(base, Side::Mid);
        if (j >= 0) out.push_back({j, nearestOf(ShapeGroup::Head, j)});
    }
    float neck = std::numeric_limits<float>::max();
    for (std::size_t i = 0; i < m_model.segments.size(); ++i) {
        if (m_model.segments[i].group == ShapeGroup::Neck) neck = std::min(neck, m_model.segmentDistance(i, p));
    }
    const int j = joint("neck_upper", Side::Mid);
    if (j >= 0) out.push_back({j, neck});
    return out;
}

}  // namespace myomap::bodygen

// The body regions of the skin: the words referral zones and the pain finder speak in
// (docs/CONTENT.md, "Body regions"). This list is canonical; assets/body/regions.csv must agree.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace myomap::anatomy {

struct BodyRegion {
    std::string_view id;
    // A midline region has no side (no .L / .R on the skin), like `sternum` or `sacrum`.
    bool midline;
};

inline constexpr std::array<BodyRegion, 76> kBodyRegions{{
    {"vertex", true},
    {"forehead", true},
    {"temple", false},
    {"eyebrow", false},
    {"orbit", false},
    {"cheek", false},
    {"upper_teeth", false},
    {"lower_teeth", false},
    {"jaw_angle", false},
    {"tmj", false},
    {"ear", false},
    {"mastoid", false},
    {"occiput", false},
    {"throat", true},
    {"posterior_neck", false},
    {"lateral_neck", false},
    {"acromion", false},
    {"anterior_shoulder", false},
    {"lateral_shoulder", false},
    {"posterior_shoulder", false},
    {"suprascapular", false},
    {"interscapular", true},
    {"medial_scapular_border", false},
    {"inferior_angle_scapula", false},
    {"anterior_arm", false},
    {"posterior_arm", false},
    {"lateral_arm", false},
    {"medial_arm", false},
    {"lateral_epicondyle", false},
    {"medial_epicondyle", false},
    {"dorsal_forearm", false},
    {"volar_forearm", false},
    {"radial_forearm", false},
    {"wrist", false},
    {"dorsal_hand", false},
    {"palm", false},
    {"thumb", false},
    {"index_finger", false},
    {"ulnar_fingers", false},
    {"sternum", true},
    {"anterior_chest", false},
    {"lateral_chest", false},
    {"upper_abdomen", true},
    {"lower_abdomen", true},
    {"thoracolumbar", false},
    {"lumbar", false},
    {"iliac_crest", false},
    {"sacroiliac", false},
    {"sacrum", true},
    {"coccyx", true},
    {"perineum", true},
    {"groin", false},
    {"buttock", false},
    {"greater_trochanter", false},
    {"lateral_thigh", false},
    {"anterior_thigh", false},
    {"medial_thigh", false},
    {"posterior_thigh", false},
    {"patella", false},
    {"medial_knee", false},
    {"lateral_knee", false},
    {"posterior_knee", false},
    {"calf", false},
    {"anterior_shin", false},
    {"lateral_leg", false},
    {"achilles", false},
    {"heel", false},
    {"anterior_ankle", false},
    {"lateral_ankle", false},
    {"medial_ankle", false},
    {"dorsum_foot", false},
    {"big_toe", false},
    {"lesser_toes", false},
    {"plantar_foot", false},
    {"ball_of_foot", false},
    {"arch", false},
}};

// The region with this id, or nullptr.
inline const BodyRegion* findBodyRegion(std::string_view id) {
    for (const BodyRegion& region : kBodyRegions) {
        if (region.id == id) return &region;
    }
    return nullptr;
}

// The ids alone, for suggestions ("did you mean").
constexpr std::array<std::string_view, kBodyRegions.size()> bodyRegionIds() {
    std::array<std::string_view, kBodyRegions.size()> ids{};
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = kBodyRegions[i].id;
    return ids;
}

}  // namespace myomap::anatomy

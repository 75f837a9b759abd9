// The quiz's words (quiz.h): body regions, plain for a client and anatomical for a student,
// and the explanation of a referral pattern. Every id of regions.h has both, and no two regions share words at a level (the
// quiz offers them side by side as choices).
#include "anatomy/quiz.h"

#include "anatomy/body_surface.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace myomap::anatomy {
namespace {

struct RegionWords {
    std::string_view id;
    std::string_view plain;
    std::string_view anatomical;
};

// clang-format off
constexpr std::array<RegionWords, 76> kRegionWords{{
    {"vertex", "top of the head", "vertex"},
    {"forehead", "forehead", "frontal region"},
    {"temple", "temple", "temporal region"},
    {"eyebrow", "eyebrow", "supraorbital region"},
    {"orbit", "eye", "orbit"},
    {"cheek", "cheek", "zygomatic region"},
    {"upper_teeth", "upper teeth", "maxillary teeth"},
    {"lower_teeth", "lower teeth", "mandibular teeth"},
    {"jaw_angle", "angle of the jaw", "angle of the mandible"},
    {"tmj", "jaw joint", "temporomandibular joint"},
    {"ear", "ear", "auricular region"},
    {"mastoid", "bony bump behind the ear", "mastoid region"},
    {"occiput", "back of the head", "occipital region"},
    {"throat", "throat", "anterior neck"},
    {"posterior_neck", "back of the neck", "posterior neck"},
    {"lateral_neck", "side of the neck", "lateral neck"},
    {"acromion", "point of the shoulder", "acromion"},
    {"anterior_shoulder", "front of the shoulder", "anterior shoulder"},
    {"lateral_shoulder", "outside of the shoulder", "lateral shoulder"},
    {"posterior_shoulder", "back of the shoulder", "posterior shoulder"},
    {"suprascapular", "top of the shoulder blade", "suprascapular region"},
    {"interscapular", "between the shoulder blades", "interscapular region"},
    {"medial_scapular_border", "inner edge of the shoulder blade", "medial border of the scapula"},
    {"inferior_angle_scapula", "lower tip of the shoulder blade", "inferior angle of the scapula"},
    {"anterior_arm", "front of the upper arm", "anterior arm"},
    {"posterior_arm", "back of the upper arm", "posterior arm"},
    {"lateral_arm", "outside of the upper arm", "lateral arm"},
    {"medial_arm", "inside of the upper arm", "medial arm"},
    {"lateral_epicondyle", "outer elbow", "lateral epicondyle"},
    {"medial_epicondyle", "inner elbow", "medial epicondyle"},
    {"dorsal_forearm", "back of the forearm", "dorsal forearm"},
    {"volar_forearm", "palm side of the forearm", "volar forearm"},
    {"radial_forearm", "thumb side of the forearm", "radial forearm"},
    {"wrist", "wrist", "carpal region"},
    {"dorsal_hand", "back of the hand", "dorsum of the hand"},
    {"palm", "palm", "palmar region"},
    {"thumb", "thumb", "pollex"},
    {"index_finger", "index finger", "second digit"},
    {"ulnar_fingers", "ring and little fingers", "fourth and fifth digits"},
    {"sternum", "breastbone", "sternal region"},
    {"anterior_chest", "front of the chest", "anterior chest wall"},
    {"lateral_chest", "side of the chest", "lateral chest wall"},
    {"upper_abdomen", "upper belly", "upper abdomen"},
    {"lower_abdomen", "lower belly", "lower abdomen"},
    {"thoracolumbar", "back at the lowest ribs", "thoracolumbar junction"},
    {"lumbar", "low back", "lumbar region"},
    {"iliac_crest", "top of the hip bone", "iliac crest"},
    {"sacroiliac", "dimple at the back of the pelvis", "sacroiliac joint"},
    {"sacrum", "flat bone at the base of the spine", "sacrum"},
    {"coccyx", "tailbone", "coccyx"},
    {"perineum", "pelvic floor, between the legs", "perineum"},
    {"groin", "groin", "inguinal region"},
    {"buttock", "buttock", "gluteal region"},
    {"greater_trochanter", "point of the hip", "greater trochanter"},
    {"lateral_thigh", "outside of the thigh", "lateral thigh"},
    {"anterior_thigh", "front of the thigh", "anterior thigh"},
    {"medial_thigh", "inside of the thigh", "medial thigh"},
    {"posterior_thigh", "back of the thigh", "posterior thigh"},
    {"patella", "kneecap", "patella"},
    {"medial_knee", "inside of the knee", "medial knee"},
    {"lateral_knee", "outside of the knee", "lateral knee"},
    {"posterior_knee", "back of the knee", "popliteal fossa"},
    {"calf", "calf", "sural region"},
    {"anterior_shin", "shin", "anterior leg"},
    {"lateral_leg", "outside of the lower leg", "lateral leg"},
    {"achilles", "Achilles tendon", "calcaneal tendon"},
    {"heel", "heel", "calcaneal region"},
    {"anterior_ankle", "front of the ankle", "anterior ankle"},
    {"lateral_ankle", "outer ankle", "lateral malleolus"},
    {"medial_ankle", "inner ankle", "medial malleolus"},
    {"dorsum_foot", "top of the foot", "dorsum of the foot"},
    {"big_toe", "big toe", "hallux"},
    {"lesser_toes", "smaller toes", "lesser toes"},
    {"plantar_foot", "sole of the foot", "plantar foot"},
    {"ball_of_foot", "ball of the foot", "plantar forefoot (metatarsal heads)"},
    {"arch", "arch of the foot", "medial longitudinal arch"},
}};
// clang-format on

std::string landmarkWords(std::string_view id) {
    if (id == "asis") return "front point of the hip bone (ASIS)";
    if (id == "psis") return "back point of the hip bone (PSIS)";
    std::string s(id);
    if (s.ends_with("_spinous")) {
        s = s.substr(0, s.size() - 8);
        for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s + " spinous process";
    }
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

std::string zoneWords(const ReferralZone& zone, QuizLevel level) {
    std::string text = zone.region.empty() ? "the area around the " + landmarkWords(zone.landmark)
                                           : "the " + std::string(regionWords(zone.region, level));
    if (zone.side == ZoneSide::Opposite) text += " (other side)";
    if (zone.side == ZoneSide::Both) text += " (both sides)";
    return text;
}

}  // namespace

std::string listWords(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

// "Upper trapezius trigger point (TrP1: ...) sends pain mainly to the temple and ...;
// sometimes also to .... " followed by the content's own description at the level.
std::string referralExplanation(const Muscle& muscle, const TriggerPoint& tp, QuizLevel level) {
    std::vector<std::string> essential, spillover;
    for (const ReferralZone& zone : tp.zones) {
        (zone.kind == ZoneKind::Essential ? essential : spillover).push_back(zoneWords(zone, level));
    }
    // The content's names carry the books' own numbering ("TrP7: ..."), so no number of ours.
    std::string text = muscle.names.common + " trigger point (" + tp.name + ") sends pain mainly to " +
                       listWords(essential);
    if (!spillover.empty()) text += "; sometimes also to " + listWords(spillover);
    text += ".";
    const std::string& description = level == QuizLevel::Client ? tp.referral.client : tp.referral.student;
    if (!description.empty()) text += " " + description;
    return text;
}

std::string_view regionWords(std::string_view regionId, QuizLevel level) {
    for (const RegionWords& words : kRegionWords) {
        if (words.id == regionId) return level == QuizLevel::Client ? words.plain : words.anatomical;
    }
    return regionId;
}

std::string sidedRegionWords(std::string_view skinName, QuizLevel level) {
    const std::optional<Side> side = sideOf(skinName);
    const std::string_view id = side ? skinName.substr(0, skinName.size() - 2) : skinName;
    std::string text = "the " + std::string(regionWords(id, level));
    if (side) text += *side == Side::Left ? " (left side)" : " (right side)";
    return text;
}

}  // namespace myomap::anatomy

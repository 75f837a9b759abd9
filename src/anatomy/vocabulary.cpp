#include "anatomy/vocabulary.h"

#include "core/files.h"

#include <algorithm>
#include <sstream>

namespace myomap::anatomy {

bool isMuscleId(std::string_view id) { return std::find(kMuscleIds.begin(), kMuscleIds.end(), id) != kMuscleIds.end(); }

std::optional<bool> Landmarks::isMidline(std::string_view id) const {
    const auto it = midline.find(id);
    if (it == midline.end()) return std::nullopt;
    return it->second;
}

Landmarks documentedLandmarks() {
    // clang-format off
    static constexpr std::string_view kSided[] = {
        "mastoid_process", "zygomatic_arch", "mandible_angle", "mandible_condyle", "coronoid_process",
        "clavicle_medial", "clavicle_lateral", "acromion", "coracoid_process", "scapula_superior_angle",
        "scapula_spine_root", "scapula_inferior_angle", "greater_tubercle", "deltoid_tuberosity",
        "medial_epicondyle", "lateral_epicondyle", "olecranon", "radial_styloid", "ulnar_styloid",
        "iliac_crest_top", "asis", "psis", "pubic_tubercle", "ischial_tuberosity", "greater_trochanter",
        "patella_centre", "tibial_tuberosity", "fibular_head", "medial_malleolus", "lateral_malleolus",
        "calcaneus", "first_metatarsal_head", "fifth_metatarsal_base"};
    static constexpr std::string_view kMidline[] = {
        "inion", "mental_protuberance", "c2_spinous", "c7_spinous", "t4_spinous", "t7_spinous", "t12_spinous",
        "l3_spinous", "l5_spinous", "sacrum_apex", "coccyx_tip", "jugular_notch", "xiphoid_process"};
    // clang-format on
    Landmarks landmarks;
    landmarks.origin = "docs/CONTENT.md";
    for (std::string_view id : kSided) landmarks.midline.emplace(std::string(id), false);
    for (std::string_view id : kMidline) landmarks.midline.emplace(std::string(id), true);
    return landmarks;
}

Result<Landmarks> readLandmarksCsv(const std::filesystem::path& csv) {
    // The table is a few kilobytes; 4 MiB keeps a wrong path from reading something huge.
    auto text = files::readText(csv, 4u << 20);
    if (!text) return fail(text.error());
    Landmarks landmarks;
    landmarks.origin = csv.string();
    std::istringstream lines(*text);
    std::string line;
    bool headerSeen = false;
    int lineNumber = 0;
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const auto firstComma = line.find(',');
        const std::string id = line.substr(0, firstComma);
        if (!headerSeen) {
            headerSeen = true;
            if (id == "id") continue;
        }
        if (firstComma == std::string::npos || id.empty()) {
            return fail("'" + csv.string() + "' line " + std::to_string(lineNumber) + ": expected id,side,...");
        }
        const auto secondComma = line.find(',', firstComma + 1);
        const std::string side = line.substr(
            firstComma + 1, secondComma == std::string::npos ? std::string::npos : secondComma - firstComma - 1);
        landmarks.midline[id] = side == "mid";
    }
    if (landmarks.midline.empty()) return fail("'" + csv.string() + "': no landmarks in the table");
    return landmarks;
}

}  // namespace myomap::anatomy

#include "bodygen/skeleton.h"

#include "bodygen/csv.h"

#include <limits>

namespace myomap::bodygen {

Result<Skeleton> Skeleton::load(const std::filesystem::path& skeletonCsv, const Landmarks& landmarks) {
    auto table = CsvTable::read(skeletonCsv);
    if (!table) return fail(table.error());
    std::size_t col[5];
    const char* names[5] = {"joint", "side", "parent", "head", "tail"};
    for (int i = 0; i < 5; ++i) {
        auto c = table->column(names[i]);
        if (!c) return fail(c.error());
        col[i] = *c;
    }
    Skeleton skeleton;
    for (const CsvRow& row : table->rows()) {
        const std::string& base = row.cells[col[0]];
        const std::string& sideText = row.cells[col[1]];
        if (sideText != "mid" && sideText != "L") return fail(table->where(row) + ": side '" + sideText + "' must be mid or L");
        const std::vector<Side> sides = sideText == "mid" ? std::vector<Side>{Side::Mid} : std::vector<Side>{Side::Left, Side::Right};
        for (const Side side : sides) {
            Joint joint;
            joint.base = base;
            joint.side = side;
            joint.name = base + sideSuffix(side);
            if (skeleton.find(joint.name) >= 0) return fail(table->where(row) + ": joint '" + joint.name + "' is listed twice");
            const std::string& parent = row.cells[col[2]];
            if (!parent.empty()) {
                joint.parent = skeleton.find(parent);
                if (joint.parent < 0) joint.parent = skeleton.find(parent + sideSuffix(side));
                if (joint.parent < 0) {
                    return fail(table->where(row) + ": parent '" + parent + "' of '" + base +
                                "' is not defined above it (list parents first)");
                }
            } else if (!skeleton.m_joints.empty()) {
                return fail(table->where(row) + ": only the first joint may have no parent");
            }
            auto head = landmarks.resolve(row.cells[col[3]], side);
            if (!head) return fail(table->where(row) + ": head: " + head.error());
            auto tail = landmarks.resolve(row.cells[col[4]], side);
            if (!tail) return fail(table->where(row) + ": tail: " + tail.error());
            joint.head = *head;
            joint.tail = *tail;
            skeleton.m_joints.push_back(std::move(joint));
        }
    }
    if (skeleton.m_joints.empty()) return fail(skeletonCsv.string() + ": no joints");
    return skeleton;
}

int Skeleton::find(const std::string& name) const {
    for (std::size_t i = 0; i < m_joints.size(); ++i) {
        if (m_joints[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

Result<int> Skeleton::jointOfLandmark(const Landmarks& landmarks, const std::string& reference, Side side) const {
    auto found = landmarks.find(reference, side);
    if (!found) return fail(found.error());
    const auto [landmark, resolvedSide] = found.value();
    int index = find(landmark->joint + sideSuffix(resolvedSide));
    if (index < 0) index = find(landmark->joint);  // a midline joint (spine) for a paired landmark
    if (index < 0) return fail("landmark '" + reference + "' moves with joint '" + landmark->joint + "', which the skeleton lacks");
    return index;
}

float Skeleton::distanceToBone(int joint, const glm::vec3& p) const {
    const Joint& j = m_joints[static_cast<std::size_t>(joint)];
    const glm::vec3 ab = j.tail - j.head;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? glm::clamp(glm::dot(p - j.head, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::length(p - (j.head + t * ab));
}

int Skeleton::nearestBone(const glm::vec3& p, const std::vector<int>& candidates) const {
    int best = -1;
    float bestDistance = std::numeric_limits<float>::max();
    auto consider = [&](int j) {
        const float d = distanceToBone(j, p);
        if (d < bestDistance) {
            bestDistance = d;
            best = j;
        }
    };
    if (candidates.empty()) {
        for (std::size_t j = 0; j < m_joints.size(); ++j) consider(static_cast<int>(j));
    } else {
        for (const int j : candidates) consider(j);
    }
    return best;
}

}  // namespace myomap::bodygen

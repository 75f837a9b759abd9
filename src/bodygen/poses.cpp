#include "bodygen/poses.h"

#include "bodygen/csv.h"

#include <glm/gtc/quaternion.hpp>

namespace myomap::bodygen {
namespace {

glm::quat fromEuler(const glm::vec3& degrees) {
    const glm::vec3 r = glm::radians(degrees);
    // X first, then Y, then Z (so the quaternion product is Z * Y * X).
    return glm::angleAxis(r.z, glm::vec3(0, 0, 1)) * glm::angleAxis(r.y, glm::vec3(0, 1, 0)) *
           glm::angleAxis(r.x, glm::vec3(1, 0, 0));
}

}  // namespace

Result<std::vector<PoseClip>> loadPoses(const std::filesystem::path& posesCsv, const Skeleton& skeleton) {
    auto table = CsvTable::read(posesCsv);
    if (!table) return fail(table.error());
    std::size_t col[5];
    const char* names[5] = {"pose", "joint", "rx", "ry", "rz"};
    for (int i = 0; i < 5; ++i) {
        auto c = table->column(names[i]);
        if (!c) return fail(c.error());
        col[i] = *c;
    }
    std::vector<PoseClip> poses;
    for (const CsvRow& row : table->rows()) {
        const std::string& name = row.cells[col[0]];
        if (name.empty()) return fail(table->where(row) + ": empty pose name");
        glm::vec3 degrees;
        for (int i = 0; i < 3; ++i) {
            auto v = table->number(row, col[2 + i], names[2 + i]);
            if (!v) return fail(v.error());
            degrees[i] = *v;
        }
        if (poses.empty() || poses.back().name != name) {
            for (const PoseClip& p : poses) {
                if (p.name == name) return fail(table->where(row) + ": rows of pose '" + name + "' must be together");
            }
            poses.push_back({name, 1.0f, {}});
        }
        const std::string& joint = row.cells[col[1]];
        std::vector<std::pair<std::string, glm::vec3>> targets;
        if (joint.size() > 2 && joint.compare(joint.size() - 2, 2, ".*") == 0) {
            const std::string base = joint.substr(0, joint.size() - 2);
            // The right side is the mirror image: rotations about Y and Z change sign.
            targets = {{base + ".L", degrees}, {base + ".R", {degrees.x, -degrees.y, -degrees.z}}};
        } else {
            targets = {{joint, degrees}};
        }
        for (const auto& [jointName, d] : targets) {
            const int index = skeleton.find(jointName);
            if (index < 0) return fail(table->where(row) + ": unknown joint '" + jointName + "'");
            poses.back().rotations.emplace_back(index, fromEuler(d));
        }
    }
    return poses;
}

}  // namespace myomap::bodygen

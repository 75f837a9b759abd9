// The figure's skeleton (assets/body/skeleton.csv): joints placed on landmarks in anatomical
// position, each with a bone segment from its head to its tail. Left rows are mirrored to
// make the right side. In the bind pose every joint has identity rotation.
#pragma once

#include "bodygen/landmarks.h"

#include <string>
#include <vector>

namespace myomap::bodygen {

struct Joint {
    std::string name;  // with side suffix: "upper_arm.L", "pelvis"
    std::string base;  // without: "upper_arm"
    Side side = Side::Mid;
    int parent = -1;
    glm::vec3 head{0.0f};  // world position in the bind pose
    glm::vec3 tail{0.0f};  // end of the bone segment
};

class Skeleton {
public:
    static Result<Skeleton> load(const std::filesystem::path& skeletonCsv, const Landmarks& landmarks);

    const std::vector<Joint>& joints() const { return m_joints; }
    int find(const std::string& name) const;  // -1 if absent
    // The joint a landmark reference moves with (per landmark_bones.csv), on the right side.
    Result<int> jointOfLandmark(const Landmarks& landmarks, const std::string& reference, Side side) const;
    // Distance from p to the joint's bone segment.
    float distanceToBone(int joint, const glm::vec3& p) const;
    // The joint whose bone segment is nearest to p, among `candidates` (all when empty).
    int nearestBone(const glm::vec3& p, const std::vector<int>& candidates = {}) const;

private:
    std::vector<Joint> m_joints;  // parents before children
};

}  // namespace myomap::bodygen

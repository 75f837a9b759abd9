// The whole generated figure: its tables, skeleton, meshes, body regions and poses, ready to be
// written as glTF (gltf_export.h).
#pragma once

#include "bodygen/body_mesh.h"
#include "bodygen/skeleton.h"

#include <glm/gtc/quaternion.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::bodygen {

struct BodyRegion {
    std::string name;  // "temple.L", "sternum"
};

// A pose: local rotations (relative to the bind pose) for some joints; joints not listed stay
// in the bind pose. A stretch is a short animation from the bind pose into the pose and back.
struct PoseClip {
    std::string name;
    float duration = 0.0f;        // seconds; the clip holds the pose from `duration/2` on
    std::vector<std::pair<int, glm::quat>> rotations;  // joint index -> rotation at full pose
};

struct Body {
    Landmarks landmarks;
    Skeleton skeleton;
    std::vector<BodyMesh> meshes;
    std::vector<BodyRegion> regions;
    std::vector<PoseClip> poses;
};

}  // namespace myomap::bodygen

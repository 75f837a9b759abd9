// Simplified but recognisable bone meshes for the skeleton layer (assets/body/bones.csv),
// each closed and bound rigidly to its joint.
#pragma once

#include "bodygen/body.h"

namespace myomap::bodygen {

Result<std::vector<BodyMesh>> generateBones(const Landmarks& landmarks, const Skeleton& skeleton,
                                            const std::filesystem::path& bonesCsv);

}  // namespace myomap::bodygen

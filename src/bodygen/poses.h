// Poses of the figure from assets/body/poses.csv, as rotations relative to the bind pose.
#pragma once

#include "bodygen/body.h"

namespace myomap::bodygen {

Result<std::vector<PoseClip>> loadPoses(const std::filesystem::path& posesCsv, const Skeleton& skeleton);

}  // namespace myomap::bodygen

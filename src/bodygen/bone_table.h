// The skeleton layer's table (assets/body/bones.csv) read into pieces with every point
// resolved on the landmarks, so an anatomist can reshape bones without touching C++.
// Any problem stops the read with the file, the line and what is wrong.
#pragma once

#include "bodygen/primitives.h"
#include "bodygen/skeleton.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::bodygen {

enum class BoneShape { Tube, Ring, Ellipsoid, Plate, Vertebra, Ray, Phalanges, Beads };

// A resolved point. Points taken from a spine curve also carry the curve's direction there
// (unit, toward the head); others have a zero tangent.
struct BonePoint {
    glm::vec3 position{0.0f};
    glm::vec3 tangent{0.0f};
};

// One row of the table: one closed piece (or a small group, for the composite shapes) of a bone.
struct BonePieceSpec {
    std::string where;       // "path/bones.csv:42", for messages
    std::string bone;        // "humerus"
    bool paired = false;     // built on the left, mirrored to the right
    bool bothSides = false;  // a midline bone with a left piece mirrored into the same bone
    int joint = -1;          // skeleton joint of the (left or midline) bone
    int rightJoint = -1;     // for paired rows
    BoneShape shape = BoneShape::Tube;
    std::vector<BonePoint> points;          // on the left side for paired rows
    std::vector<std::vector<float>> sizes;  // groups of lengths, in metres
    SectionAim aim;
    int count = 0;
};

Result<std::vector<BonePieceSpec>> readBoneTable(const std::filesystem::path& bonesCsv, const Landmarks& landmarks,
                                                 const Skeleton& skeleton);

}  // namespace myomap::bodygen

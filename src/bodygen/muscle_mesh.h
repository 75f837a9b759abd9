// Closing a laid-out muscle into a watertight mesh, and mirroring it to the other side.
#pragma once

#include "bodygen/body_mesh.h"
#include "bodygen/muscle_layout.h"
#include "bodygen/skin_weights.h"

namespace myomap::bodygen {

// Rings around the cross-section at every row, joined side to side, with the two ends capped:
// closed, wound counter-clockwise from outside, with normals, (u, v), fibre, and joint weights
// from the skin's weighting where each vertex lies (so the muscle follows the skin over it).
BodyMesh meshFromLayout(const MuscleLayout& layout, const std::string& name, Layer layer, const SkinWeighting& weighting);

// The same muscle on the other side: positions and directions mirrored (x -> -x), triangles
// rewound, joints swapped by `otherSide` (joint index -> its mirror's index).
BodyMesh mirroredMuscle(const BodyMesh& mesh, const std::string& name, const std::vector<int>& otherSide);

}  // namespace myomap::bodygen

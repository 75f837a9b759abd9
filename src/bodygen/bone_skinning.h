// How the bones move with the skeleton. A bone moves rigidly with its joint, except where it
// lies just under the skin (the scapular spine, the patella, the fibular head, the spinous
// processes): there it follows the skin's own joint weights, so that where linear blend skinning
// folds the skin at a bent joint, the bone under it folds the same way instead of coming
// through. Deeper than `rigidDepth` a bone is rigid; within `followDepth` of the skin it takes
// the skin's weights; between, a blend of the two.
#pragma once

#include "bodygen/body_mesh.h"
#include "bodygen/body_shape.h"
#include "bodygen/skin_weights.h"

#include <vector>

namespace myomap::bodygen {

struct BoneFollowDepths {
    float followDepth = 0.015f;  // metres under the skin
    float rigidDepth = 0.040f;
};

// `bones` are bound rigidly (bindRigid); their weights are rewritten near the skin.
void followSkinNearSurface(std::vector<BodyMesh>& bones, const BodyShape& shape, const SkinWeighting& weighting,
                           const BoneFollowDepths& depths = {});

}  // namespace myomap::bodygen

// One muscle's share of the soft tissue (muscle_fill.h) turned into its mesh: the share's
// outline smoothed and meshed, kept a subcutaneous layer under the skin, simplified to what
// the eye can tell apart, and given the muscle coordinates (u, v) and fibre directions of the
// ribbon it grew from, and the skin's joint weights where each vertex lies (so that the muscle
// moves with the skin over it and stays under it when a joint bends).
#pragma once

#include "bodygen/muscle_fill.h"
#include "bodygen/muscle_layout.h"
#include "bodygen/skin_weights.h"

#include <optional>

namespace myomap::bodygen {

struct VolumeMeshOptions {
    float subcutaneous = 0.002f;   // metres of fat and fascia kept between muscle and skin
    float maxError = 0.0009f;      // metres the simplified surface may stray from the smooth one
    float seam = 0.0004f;          // metres each muscle is drawn inside its share of the tissue
};

// Nothing when the muscle holds (almost) no tissue: the caller keeps its ribbon then. An error
// when its share cannot be meshed.
Result<std::optional<BodyMesh>> meshMuscleVolume(const TissuePartition& partition, std::uint16_t owner, const MuscleLayout& layout,
                                  const std::string& name, Layer layer, const BodyShape& shape,
                                  const SkinWeighting& weighting, const VolumeMeshOptions& options = {});

}  // namespace myomap::bodygen

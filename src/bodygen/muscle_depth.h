// How deep a laid-out muscle lies: under the skin and under the muscles placed before it, and,
// in the limbs, no deeper than its layer's share of the way to the bone.
#pragma once

#include "bodygen/muscle_layout.h"

namespace myomap::bodygen {

// Fills the layout's skin, outer, inner and innerDepth from the fibre grid
// `grid` (on the skin for shell muscles, where the table put them for bone muscles).
void placeThickness(const MuscleSpec& spec, const SkinSurface& surface, const Skeleton& skeleton,
                    const MuscleCoverage& coverage, const std::vector<glm::vec3>& grid, MuscleLayout& layout);

}  // namespace myomap::bodygen

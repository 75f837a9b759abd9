// Muscles from data (assets/body/muscles.csv): origin and insertion landmarks, via points,
// shape, thickness and layer, generated as closed smooth meshes on both sides with muscle
// coordinates (u, v), fibre directions and skinning that blends origin bone to insertion bone.
// Their long tendons come from the tendon table (assets/body/tendons.csv); an empty path: none.
#pragma once

#include "bodygen/body.h"
#include "bodygen/body_shape.h"

namespace myomap::bodygen {

Result<std::vector<BodyMesh>> generateMuscles(const Landmarks& landmarks, const Skeleton& skeleton,
                                              const BodyShape& shape, const BodyMesh& skin,
                                              const std::vector<BodyMesh>& bones,
                                              const std::filesystem::path& musclesCsv,
                                              const std::filesystem::path& tendonsCsv);

}  // namespace myomap::bodygen

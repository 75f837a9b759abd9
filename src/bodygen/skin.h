// The skin: one smooth closed surface over the whole figure, skinned to the skeleton, with a
// body region label on every vertex (assets/body/regions.csv) for the pain finder.
#pragma once

#include "bodygen/body.h"
#include "bodygen/body_shape.h"

namespace myomap::bodygen {

// Appends the region names it uses to `regions` and labels each vertex with an index into it.
Result<BodyMesh> generateSkin(const BodyShape& shape, const Landmarks& landmarks, const Skeleton& skeleton,
                              const std::filesystem::path& regionsCsv, std::vector<BodyRegion>& regions);

}  // namespace myomap::bodygen

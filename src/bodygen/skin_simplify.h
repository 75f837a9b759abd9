// Brings a finely meshed, mirror-symmetric skin down to a triangle budget while keeping it
// exactly symmetric: the mesh is halved at the midsagittal plane, the left half simplified with
// its cut edge locked (meshoptimizer), and the right half made as the left one's mirror image.
#pragma once

#include "bodygen/surface_mesher.h"

namespace myomap::bodygen {

struct SkinSimplifyOptions {
    std::size_t targetTriangles = 90000;  // for the whole skin
    float maxError = 0.0008f;             // metres: how far the simplified surface may stray
};

// `mesh` (unprojected: SurfaceMesherOptions::project off) must be mirror-symmetric in x, its
// midline vertices marked and shared by both halves (as the surface mesher makes them). The kept
// vertices are projected onto the field's zero level (cells of `cellSize`), the midline ones
// onto x = 0, and given the field's normals.
Result<SurfaceMesh> simplifySymmetric(const SurfaceMesh& mesh, const DistanceField& field, float cellSize,
                                      const SkinSimplifyOptions& options);

}  // namespace myomap::bodygen

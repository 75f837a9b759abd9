// Levels of detail for the figure's skin and bones, made when the figure is built: coarser
// triangle lists over the same vertices (model::LevelOfDetail), so ids, region labels and
// referral heat stay those of the full mesh's vertices at every level.
//
// Muscles get none. They are packed 0.4 mm apart (muscle_volume.h), so any coarser surface
// lets the muscle beneath show through in patches, a difference anyone can point to however
// small the muscle is on screen; they are already simplified to within 0.9 mm. The skin has
// 2 mm of room above the muscles, and bones show only where they reach the surface.
#pragma once

#include "model/scene.h"

#include <array>

namespace myomap::bodygen {

// The errors tried, in metres: a level for each that removes at least a quarter of the finer
// level's triangles (and keeps at least a few).
inline constexpr std::array<float, 5> kLevelErrors = {0.001f, 0.002f, 0.004f, 0.008f, 0.016f};

// How much larger than its surface moves a level's error shows on the skin. The coarser skin
// keeps the full mesh's normals, but across its larger triangles the shading of the face
// changes visibly where the surface moved under a pixel (the eyes and mouth went flat at a
// quarter of a pixel, 1280x800): so the skin's levels record four times the distance moved.
// Bones show only in small patches between muscles; theirs is the distance itself.
inline constexpr float kSkinShadingFactor = 4.0f;

// Replaces the primitive's `lods` with meshoptimizer's simplifications of its full triangles,
// each ordered for the vertex cache and recording `errorScale` times how far its surface may
// move. The full triangles and the vertices are kept, and so is every outline between the
// regions of a "_REGION" labelled surface (the skin), so no region is lost at any level.
void addLevelsOfDetail(model::Primitive& primitive, float errorScale = 1.0f);

}  // namespace myomap::bodygen

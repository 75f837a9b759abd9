// The domain's plain view of a figure (anatomy::BodySurfaces) taken from a loaded scene: the
// mesh "skin" with its "_REGION" labels, the muscle meshes "<id>.L" / "<id>.R" with their
// "_MUSCLE_UV", in the bind pose, and the landmark table. Lives in explore because anatomy does not
// know the model.
#pragma once

#include "anatomy/body_surface.h"
#include "core/result.h"
#include "model/scene.h"

#include <filesystem>

namespace myomap::app {

// Bind-pose surfaces of `scene`. Skinned meshes are taken as stored (their bind pose); a mesh
// without a skin gets its node's world transform. Errors name the scene's file and what is
// missing (no "skin" mesh, no "_REGION" labels, a muscle without "_MUSCLE_UV").
Result<anatomy::BodySurfaces> figureSurfaces(const model::Scene& scene, const std::filesystem::path& landmarksCsv);

// Loads `glb` with the glTF loader and takes its surfaces. A missing file is an error that
// names it and says how the built-in figure is made.
Result<anatomy::BodySurfaces> loadFigureSurfaces(const std::filesystem::path& glb,
                                                 const std::filesystem::path& landmarksCsv);

}  // namespace myomap::app

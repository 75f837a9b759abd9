// Opens any model file Myomap understands: glTF 2.0 (.gltf, .glb) through tinygltf,
// everything else through Assimp.
#pragma once

#include "core/result.h"
#include "model/scene.h"

#include <filesystem>

namespace myomap::model {

Result<Scene> loadGltf(const std::filesystem::path& path);
Result<Scene> loadModel(const std::filesystem::path& path);

// Checks the structural invariants every loader guarantees (indices in range, one parent per
// node, no cycles, attribute arrays the same length, joint indices inside the skin). Loaders
// call it last; an error names the first broken invariant.
Status validateScene(const Scene& scene);

}  // namespace myomap::model

// Opens any model file Myomap understands: glTF 2.0 (.gltf, .glb) through tinygltf,
// everything else through Assimp.
#pragma once

#include "core/result.h"
#include "model/scene.h"

#include <cstdint>
#include <filesystem>
#include <span>

namespace myomap::model {

Result<Scene> loadGltf(const std::filesystem::path& path);
// The same for a file already in memory (the fuzzer's entry point): `path` names it in
// messages, and files it refers to are read only from inside `path`'s folder.
Result<Scene> loadGltfFromMemory(std::span<const std::uint8_t> bytes, const std::filesystem::path& path);
Result<Scene> loadModel(const std::filesystem::path& path);

// Checks the structural invariants every loader guarantees (indices in range, one parent per
// node, no cycles, attribute arrays the same length, joint indices inside the skin). Loaders
// call it last; an error names the first broken invariant.
Status validateScene(const Scene& scene);

// Names come from files and end up in the UI, in logs and in JSON (which must be UTF-8): bytes
// that are not valid UTF-8 are replaced by U+FFFD, with one warning. Loaders call it.
void repairNames(Scene& scene);

}  // namespace myomap::model

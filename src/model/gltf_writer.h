// Writes a scene as a binary glTF 2.0 file (.glb) that passes the Khronos validator:
// one buffer, one buffer view per accessor, POSITION and animation-input bounds, custom
// attributes kept under their '_' names. The output is deterministic: same scene, same bytes.
#pragma once

#include "core/result.h"
#include "model/scene.h"

#include <filesystem>

namespace myomap::model {

Status writeGlb(const Scene& scene, const std::filesystem::path& path);

}  // namespace myomap::model

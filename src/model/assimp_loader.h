// Loads OBJ, FBX, DAE and the other formats Assimp reads into Myomap's scene model,
// converting to metres and +Y up.
#pragma once

#include "core/result.h"
#include "model/scene.h"

#include <filesystem>

namespace myomap::model {

Result<Scene> loadWithAssimp(const std::filesystem::path& path);

}  // namespace myomap::model

#include "model/assimp_loader.h"

namespace myomap::model {

Result<Scene> loadWithAssimp(const std::filesystem::path& path) {
    return fail("'" + path.string() + "': this format is not supported yet");
}

}  // namespace myomap::model

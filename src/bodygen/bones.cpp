// Placeholder: replaced by the generator's implementation.
#include "bodygen/bones.h"
namespace myomap::bodygen {
Result<std::vector<BodyMesh>> generateBones(const Landmarks&, const Skeleton&, const std::filesystem::path&) {
    return std::vector<BodyMesh>{};
}
}  // namespace myomap::bodygen

// Placeholder: replaced by the generator's implementation.
#include "bodygen/skin.h"
namespace myomap::bodygen {
Result<BodyMesh> generateSkin(const BodyShape&, const Landmarks&, const Skeleton&, const std::filesystem::path&,
                              std::vector<BodyRegion>&) {
    return fail("skin: not implemented yet");
}
}  // namespace myomap::bodygen

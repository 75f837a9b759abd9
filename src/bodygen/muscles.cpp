// Placeholder: replaced by the generator's implementation.
#include "bodygen/muscles.h"
namespace myomap::bodygen {
Result<std::vector<BodyMesh>> generateMuscles(const Landmarks&, const Skeleton&, const BodyShape&,
                                              const std::filesystem::path&) {
    return std::vector<BodyMesh>{};
}
}  // namespace myomap::bodygen

// libFuzzer target: the Assimp loader. The first byte picks the file extension (Assimp picks
// its importer by extension and content), the rest is the file, written to a private scratch
// folder. Seeds carry that byte (make_seeds.cpp).
#include "fuzz_common.h"

#include "model/assimp_loader.h"
#include "model/pose.h"

#include <array>
#include <cmath>

using namespace myomap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::array<const char*, 5> kExtensions = {"obj", "ply", "stl", "fbx", "dae"};
    if (size < 1) return 0;
    const std::string name = std::string("input.") + kExtensions[data[0] % kExtensions.size()];
    const auto path = fuzz::writeInput(name, data + 1, size - 1);
    auto scene = model::loadWithAssimp(path);
    if (!scene) {
        fuzz::expectNamed(scene.error(), name);
        return 0;
    }
    const model::Bounds b = model::posedBounds(*scene, model::evaluatePose(*scene, nullptr, 0.0f));
    if (!b.empty()) {
        const glm::vec3 c = b.centre(), s = b.size();
        if (!std::isfinite(c.x + c.y + c.z + s.x + s.y + s.z)) std::abort();
    }
    return 0;
}

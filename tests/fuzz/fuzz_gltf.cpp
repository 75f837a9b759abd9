// libFuzzer target: glTF 2.0 from memory, both JSON (.gltf) and binary (.glb; the loader tells
// them apart by the "glTF" magic). A loaded scene must pass validateScene and have finite
// bounds in its rest pose and in its first clip.
#include "fuzz_common.h"

#include "model/loader.h"
#include "model/pose.h"

#include <cmath>

using namespace myomap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fuzz::scratchFolder() / "input.gltf";
    auto scene = model::loadGltfFromMemory({data, size}, path);
    if (!scene) {
        fuzz::expectNamed(scene.error(), "input.gltf");
        return 0;
    }
    if (!model::validateScene(*scene)) std::abort();  // the loader validates: this must hold
    const model::AnimationClip* first = scene->clips.empty() ? nullptr : &scene->clips.front();
    for (const model::AnimationClip* clip : {first, static_cast<const model::AnimationClip*>(nullptr)}) {
        const model::Bounds b = model::posedBounds(*scene, model::evaluatePose(*scene, clip, 0.5f));
        if (b.empty()) continue;
        const glm::vec3 c = b.centre(), s = b.size();
        if (!std::isfinite(c.x + c.y + c.z + s.x + s.y + s.z)) std::abort();  // the camera frames these
    }
    return 0;
}

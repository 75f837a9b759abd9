#include "automation/startup.h"

namespace myomap::app {

Result<int> chooseClip(const model::Scene& scene, const std::string& name) {
    if (name.empty()) return scene.clips.empty() ? -1 : 0;
    const int index = scene.findClip(name);
    if (index >= 0) return index;
    std::string known;
    for (const auto& clip : scene.clips) known += (known.empty() ? "" : ", ") + clip.name;
    return fail("'" + scene.sourcePath + "' has no animation clip named '" + name + "'" +
                (known.empty() ? std::string(" (it has no clips)") : "; it has: " + known));
}

OrbitCamera initialCamera(const Options& options, const model::Bounds& bounds, float aspect) {
    const float fov = glm::radians(options.fovDegrees);
    if (options.camera) {
        const glm::vec3 target = options.target ? *options.target : (bounds.empty() ? glm::vec3(0.0f) : bounds.centre());
        return OrbitCamera::lookAt(*options.camera, target, fov);
    }
    OrbitCamera camera;
    camera.fovY = fov;
    camera.setView(options.view.value_or(View::Anterior));
    camera.frame(bounds, aspect);
    return camera;
}

}  // namespace myomap::app

#include "app/viewer_input.h"

#include <glm/gtc/matrix_transform.hpp>

namespace myomap::app {

void shortcutCommands(const ShortcutKeys& keys, bool ctrl, std::vector<ui::Command>& commands) {
    using ui::CommandType;
    if (keys.quit) commands.push_back({CommandType::Quit, {}, {}});
    if (ctrl) return;  // Ctrl+letter is not a view change
    if (keys.anterior) commands.push_back({CommandType::SetView, {}, View::Anterior});
    if (keys.posterior) commands.push_back({CommandType::SetView, {}, View::Posterior});
    if (keys.left) commands.push_back({CommandType::SetView, {}, View::Left});
    if (keys.right) commands.push_back({CommandType::SetView, {}, View::Right});
    if (keys.frame) commands.push_back({CommandType::FrameAll, {}, {}});
    if (keys.reset) commands.push_back({CommandType::ResetCamera, {}, {}});
    if (keys.screenshot) commands.push_back({CommandType::SaveScreenshot, {}, {}});
}

std::optional<glm::vec3> surfacePoint(const OrbitCamera& camera, float aspect, int width, int height, int x, int y,
                                      float depth) {
    if (!(depth < 1.0f) || width <= 0 || height <= 0) return std::nullopt;
    const glm::vec3 window(static_cast<float>(x) + 0.5f, static_cast<float>(height - 1 - y) + 0.5f, depth);
    return glm::unProject(window, camera.view(), camera.projection(aspect),
                          glm::vec4(0.0f, 0.0f, static_cast<float>(width), static_cast<float>(height)));
}

std::optional<OrbitCamera> focusOnPixel(const OrbitCamera& camera, float aspect, int width, int height, int x, int y,
                                        float depth) {
    const auto found = surfacePoint(camera, aspect, width, height, x, y, depth);
    if (!found) return std::nullopt;
    const glm::vec3 point = *found;
    OrbitCamera goal = camera;
    goal.target = point;
    goal.distance = glm::length(camera.position() - point) * 0.6f;
    return goal;
}

}  // namespace myomap::app

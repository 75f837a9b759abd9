#include "app/camera.h"

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace myomap::app {

namespace {
constexpr float kMaxPitch = glm::radians(89.0f);
constexpr float kRadiansPerPixel = 0.008f;
}  // namespace

glm::vec3 OrbitCamera::position() const {
    const glm::vec3 offset(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
    return target + distance * offset;
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(position(), target, glm::vec3(0.0f, 1.0f, 0.0f)); }

glm::mat4 OrbitCamera::projection(float aspect) const {
    const float nearPlane = std::max(distance * 0.01f, 1e-4f);
    const float farPlane = distance * 100.0f + 10.0f;
    return glm::perspective(fovY, aspect > 0.0f ? aspect : 1.0f, nearPlane, farPlane);
}

void OrbitCamera::orbit(float dxPixels, float dyPixels) {
    yaw -= dxPixels * kRadiansPerPixel;
    pitch = std::clamp(pitch + dyPixels * kRadiansPerPixel, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float dxPixels, float dyPixels, int viewportHeight) {
    // Move the target so the point under the cursor stays under it.
    const float worldPerPixel = 2.0f * distance * std::tan(fovY * 0.5f) / static_cast<float>(std::max(viewportHeight, 1));
    const glm::vec3 forward = glm::normalize(target - position());
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    target += (-dxPixels * right + dyPixels * up) * worldPerPixel;
}

void OrbitCamera::zoom(float wheelSteps) {
    distance = std::clamp(distance * std::pow(0.88f, wheelSteps), 0.02f, 500.0f);
}

void OrbitCamera::setView(View v) {
    pitch = 0.0f;
    switch (v) {
    case View::Anterior: yaw = 0.0f; break;
    case View::Posterior: yaw = glm::pi<float>(); break;
    case View::Left: yaw = glm::half_pi<float>(); break;
    case View::Right: yaw = -glm::half_pi<float>(); break;
    }
}

void OrbitCamera::frame(const model::Bounds& bounds, float aspect) {
    if (bounds.empty()) return;
    target = bounds.centre();
    // Fit the box rather than its bounding sphere, so a tall figure fills a portrait view. The
    // horizontal extent uses the larger of width and depth, so the fit holds from every side
    // as the camera turns about the vertical.
    const glm::vec3 size = bounds.size();
    const float halfHeight = std::max(size.y * 0.5f, 1e-3f);
    const float halfWidth = std::max(std::max(size.x, size.z) * 0.5f, 1e-3f);
    const float tanVertical = std::tan(fovY * 0.5f);
    const float tanHorizontal = tanVertical * std::max(aspect, 1e-3f);
    const float cosPitch = std::cos(pitch);
    // The near half of the box is closer to the camera than its centre: step back by it.
    distance = (std::max(halfHeight / tanVertical, halfWidth / tanHorizontal) + halfWidth) * 1.06f / std::max(cosPitch, 0.3f);
}

OrbitCamera OrbitCamera::lookAt(const glm::vec3& eye, const glm::vec3& centre, float fov) {
    OrbitCamera c;
    c.target = centre;
    c.fovY = fov;
    const glm::vec3 offset = eye - centre;
    c.distance = std::max(glm::length(offset), 1e-4f);
    const glm::vec3 dir = offset / c.distance;
    c.pitch = std::asin(std::clamp(dir.y, -1.0f, 1.0f));
    c.yaw = std::atan2(dir.x, dir.z);
    return c;
}

void CameraEasing::update(OrbitCamera& camera, float dt) {
    if (!m_active) return;
    // Covers ~99% of the way in 0.4 s whatever the frame rate.
    const float k = 1.0f - std::exp(-dt * 11.5f);
    float dyaw = std::remainder(m_goal.yaw - camera.yaw, glm::two_pi<float>());
    camera.yaw += dyaw * k;
    camera.pitch += (m_goal.pitch - camera.pitch) * k;
    camera.distance += (m_goal.distance - camera.distance) * k;
    camera.target += (m_goal.target - camera.target) * k;
    camera.fovY = m_goal.fovY;
    dyaw = std::remainder(m_goal.yaw - camera.yaw, glm::two_pi<float>());
    if (std::abs(dyaw) < 1e-3f && std::abs(m_goal.distance - camera.distance) < 1e-3f * m_goal.distance &&
        glm::length(m_goal.target - camera.target) < 1e-4f && std::abs(m_goal.pitch - camera.pitch) < 1e-3f) {
        camera = m_goal;
        m_active = false;
    }
}

}  // namespace myomap::app

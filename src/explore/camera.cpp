#include "explore/camera.h"

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

void OrbitCamera::face(const model::Bounds& bounds, View view, float aspect, float minDistance) {
    if (bounds.empty()) return;
    setView(view);
    frame(bounds, aspect);
    distance = std::max(distance, minDistance);
}

namespace {

constexpr View kFacingViews[] = {View::Anterior, View::Posterior, View::Left, View::Right};

// Of the four horizontal rays from `point`, the index (into kFacingViews) of the one that
// crosses a skin triangle first (Moller-Trumbore, over the triangles spanning its height), or
// -1 when none does.
int nearestSkinSide(const std::vector<glm::vec3>& skin, const std::vector<std::uint32_t>& triangles, const glm::vec3& point) {
    const glm::vec3 kDirections[] = {{0, 0, 1}, {0, 0, -1}, {1, 0, 0}, {-1, 0, 0}};  // the figure faces +Z, its left is +X
    float nearest[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        if (triangles[t] >= skin.size() || triangles[t + 1] >= skin.size() || triangles[t + 2] >= skin.size()) continue;
        const glm::vec3 &a = skin[triangles[t]], &b = skin[triangles[t + 1]], &c = skin[triangles[t + 2]];
        if (std::min({a.y, b.y, c.y}) > point.y || std::max({a.y, b.y, c.y}) < point.y) continue;
        const glm::vec3 e1 = b - a, e2 = c - a, s = point - a;
        for (int d = 0; d < 4; ++d) {
            const glm::vec3 p = glm::cross(kDirections[d], e2);
            const float det = glm::dot(e1, p);
            if (std::abs(det) < 1e-12f) continue;
            const float u = glm::dot(s, p) / det;
            if (u < 0.0f || u > 1.0f) continue;
            const glm::vec3 q = glm::cross(s, e1);
            const float v = glm::dot(kDirections[d], q) / det;
            if (v < 0.0f || u + v > 1.0f) continue;
            const float along = glm::dot(e2, q) / det;
            if (along > 0.0f) nearest[d] = std::min(nearest[d], along);
        }
    }
    const int best = static_cast<int>(std::min_element(nearest, nearest + 4) - nearest);
    return std::isfinite(nearest[best]) ? best : -1;
}

}  // namespace

View viewOnto(const std::vector<glm::vec3>& skin, const std::vector<std::uint32_t>& triangles,
              const std::vector<glm::vec3>& points) {
    constexpr std::size_t kSamples = 48;
    int votes[4] = {0, 0, 0, 0};
    glm::vec3 sum(0.0f);
    const std::size_t stride = std::max<std::size_t>(1, points.size() / kSamples);
    for (std::size_t i = 0; i < points.size(); i += stride) {
        sum += points[i];
        if (const int side = nearestSkinSide(skin, triangles, points[i]); side >= 0) ++votes[side];
    }
    const int best = static_cast<int>(std::max_element(votes, votes + 4) - votes);
    if (votes[best] > 0) return kFacingViews[best];
    const float n = static_cast<float>((points.size() + stride - 1) / stride);
    return points.empty() ? View::Anterior : viewFacing(sum.x / n, sum.z / n);
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

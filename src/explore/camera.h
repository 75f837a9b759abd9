// The orbit camera: turns around a target point, pans, zooms, snaps to the standard
// anatomical views and eases towards a goal. Pure maths: time comes in as a parameter.
#pragma once

#include "core/views.h"
#include "model/pose.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace myomap::app {

struct OrbitCamera {
    glm::vec3 target{0.0f};
    float distance = 3.0f;
    float yaw = 0.0f;    // radians; 0 puts the camera on +Z, looking at the figure's front
    float pitch = 0.0f;  // radians; positive looks down from above
    float fovY = glm::radians(35.0f);

    glm::vec3 position() const;
    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const;

    void orbit(float dxPixels, float dyPixels);
    void pan(float dxPixels, float dyPixels, int viewportHeight);
    void zoom(float wheelSteps);
    void setView(View v);
    // Places the target at the bounds' centre and backs off until the bounds fit the view.
    void frame(const model::Bounds& bounds, float aspect);
    // Turns to a standard view and frames the bounds from it, no closer than minDistance so
    // some of the body around stays in view.
    void face(const model::Bounds& bounds, View view, float aspect, float minDistance);

    static OrbitCamera lookAt(const glm::vec3& eye, const glm::vec3& centre, float fovY);
};

// The standard view that looks at a part of the body (some of its points, e.g. a muscle's
// vertices) from the side it lies nearest: each of up to 48 of the points votes for the
// horizontal direction (front, back, left, right) in which a ray from it reaches the skin
// (positions and triangle indices) soonest. A deep back muscle is seen from behind, the jaw from
// its side, the front of the thigh from the front. When no ray meets the skin: core/views.h
// viewFacing, the points' offset from the figure's axis (x = z = 0).
View viewOnto(const std::vector<glm::vec3>& skin, const std::vector<std::uint32_t>& triangles,
              const std::vector<glm::vec3>& points);

// Moves a camera smoothly to a goal: exponential approach, frame-rate independent.
class CameraEasing {
public:
    void start(const OrbitCamera& goal) { m_goal = goal; m_active = true; }
    void cancel() { m_active = false; }
    bool active() const { return m_active; }
    // Advances `camera` by dt seconds towards the goal.
    void update(OrbitCamera& camera, float dt);

private:
    OrbitCamera m_goal;
    bool m_active = false;
};

// The world point drawn at a pixel (origin top-left) at `depth` ([0,1]); none on the background.
std::optional<glm::vec3> surfacePoint(const OrbitCamera& camera, float aspect, int width, int height, int x, int y,
                                      float depth);

// The camera goal for a double-click at pixel (x, y) where the depth buffer holds `depth`:
// centred on the surface point under the cursor and a little closer. Nothing when the click
// hit only background.
std::optional<OrbitCamera> focusOnPixel(const OrbitCamera& camera, float aspect, int width, int height, int x, int y,
                                        float depth);

}  // namespace myomap::app

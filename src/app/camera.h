// The orbit camera: turns around a target point, pans, zooms, snaps to the standard
// anatomical views and eases towards a goal. Pure maths: time comes in as a parameter.
#pragma once

#include "core/views.h"
#include "model/pose.h"

#include <glm/glm.hpp>

#include <optional>
#include <string_view>

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

    static OrbitCamera lookAt(const glm::vec3& eye, const glm::vec3& centre, float fovY);
};

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

}  // namespace myomap::app

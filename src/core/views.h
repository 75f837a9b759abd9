// The standard views of the figure, shared by the command line, the UI and the camera.
// The figure faces +Z and its left is +X.
#pragma once

#include <cmath>
#include <optional>
#include <string_view>

namespace myomap {

enum class View { Anterior, Posterior, Left, Right };

inline std::optional<View> parseView(std::string_view name) {
    if (name == "anterior" || name == "front") return View::Anterior;
    if (name == "posterior" || name == "back") return View::Posterior;
    if (name == "left") return View::Left;
    if (name == "right") return View::Right;
    return std::nullopt;
}

// The view that looks at a point of the figure from the side it lies on: from the front or
// the back when the point sits more than 30 degrees forward or backward of the body's vertical
// axis (x = z = 0), else from its own side. A point on the axis is seen from the front.
inline View viewFacing(float x, float z) {
    const float length = std::sqrt(x * x + z * z);
    if (length < 1e-6f || z > 0.5f * length) return View::Anterior;
    if (z < -0.5f * length) return View::Posterior;
    return x > 0.0f ? View::Left : View::Right;
}

inline const char* viewName(View v) {
    switch (v) {
    case View::Anterior: return "anterior";
    case View::Posterior: return "posterior";
    case View::Left: return "left";
    case View::Right: return "right";
    }
    return "anterior";
}

}  // namespace myomap

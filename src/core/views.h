// The standard views of the figure, shared by the command line, the UI and the camera.
// The figure faces +Z and its left is +X.
#pragma once

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

// The viewer's input rules as pure functions: which keys mean which commands, and where a
// double-click moves the camera. Unit-tested without a window.
#pragma once

#include "app/camera.h"
#include "ui/viewer_panel.h"

#include <optional>
#include <vector>

namespace myomap::app {

struct ShortcutKeys {
    bool anterior, posterior, left, right, frame, reset, screenshot, open, quit;
};

void shortcutCommands(const ShortcutKeys& keys, bool ctrl, std::vector<ui::Command>& commands);

// The camera goal for a double-click at pixel (x, y) where the depth buffer holds `depth`:
// centred on the surface point under the cursor and a little closer. Nothing when the click
// hit only background.
// The world point drawn at a pixel (origin top-left) at `depth` ([0,1]); none on the background.
std::optional<glm::vec3> surfacePoint(const OrbitCamera& camera, float aspect, int width, int height, int x, int y,
                                      float depth);

std::optional<OrbitCamera> focusOnPixel(const OrbitCamera& camera, float aspect, int width, int height, int x, int y,
                                        float depth);

}  // namespace myomap::app

// The viewer's keyboard rules as a pure function: which keys mean which commands (where a
// double-click moves the camera is explore/camera.h's focusOnPixel). Unit-tested without a window.
#pragma once

#include "explore/camera.h"
#include "ui/viewer_panel.h"

#include <vector>

namespace myomap::app {

struct ShortcutKeys {
    bool anterior, posterior, left, right, frame, reset, screenshot, open, quit;
};

void shortcutCommands(const ShortcutKeys& keys, bool ctrl, std::vector<ui::Command>& commands);

}  // namespace myomap::app

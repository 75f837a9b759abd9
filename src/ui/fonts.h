// Loads the UI font: a TTF from Debian's font packages at a size that suits the screen, with
// ImGui's small built-in bitmap font only as a fallback (with a warning).
#pragma once

#include <string>

namespace myomap::ui {

struct FontChoice {
    std::string path;  // empty: the built-in font was used
    float pixelSize = 13.0f;
};

// `scale` is the monitor's content scale (1 on a standard-density screen); `screenHeight` the
// monitor's height in pixels (0 if unknown), so large kiosk screens get larger text.
FontChoice loadUiFont(float scale, int screenHeight);

}  // namespace myomap::ui

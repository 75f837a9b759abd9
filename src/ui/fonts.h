// Loads the UI font: a TTF from Debian's font packages at a size that suits the screen, with
// ImGui's small built-in bitmap font only as a fallback (with a warning).
#pragma once

#include <string>

struct ImFont;

namespace myomap::ui {

// How much larger the client-facing text is than the rest of the UI (the therapist shows the
// muscle panel to a client in the chair, a metre or more from the screen).
inline constexpr float kLargeTypeScale = 1.3f;

struct FontChoice {
    std::string path;  // empty: the built-in font was used
    float pixelSize = 13.0f;
};

// `scale` is the monitor's content scale (1 on a standard-density screen); `screenHeight` the
// monitor's height in pixels (0 if unknown), so large kiosk screens get larger text.
// With `largeType`, the same face is also loaded kLargeTypeScale times larger (largeUiFont);
// the kiosk, which never shows the muscle panel, goes without.
FontChoice loadUiFont(float scale, int screenHeight, bool largeType = true);

// The large face loadUiFont added to the current ImGui context, or nullptr if it has none (the
// built-in fallback font, or a context whose fonts were loaded some other way).
ImFont* largeUiFont();

}  // namespace myomap::ui

// A window (shown or hidden) with its OpenGL context and the renderer that draws into it: what
// the viewer, the offscreen runs and the tools each open first.
#pragma once

#include "core/result.h"
#include "render/renderer.h"
#include "window/window.h"

namespace myomap::app {

struct Screen {
    Window window;
    render::Renderer renderer;
};

// Errors say what could not be made: the OpenGL context (and how to get one), or the renderer.
Result<Screen> openScreen(const WindowOptions& options);

}  // namespace myomap::app

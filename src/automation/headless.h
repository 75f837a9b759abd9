// Runs without a visible window: `--screenshot` renders one frame offscreen and writes a PNG;
// `--script FILE` (and the one-shot command flags) drive the explorer and may take several
// screenshots and picks. Returns the process exit code; failures name the file and problem.
#pragma once

#include "anatomy/atlas.h"
#include "automation/options.h"
#include "explore/explorer.h"
#include "window/window.h"

#include <functional>
#include <memory>
#include <string>

namespace myomap::app {

int runHeadless(const Options& options);

// The built-in figure open offscreen, for commands that draw without a screen (the handout,
// the kiosk soak): a hidden window's context, the renderer, the atlas and the explorer on the
// figure. Held by pointer: the explorer keeps the atlas's address.
struct OffscreenFigure {
    Window window;
    render::Renderer renderer;
    anatomy::Atlas atlas;
    Explorer explorer;
};
Result<std::unique_ptr<OffscreenFigure>> openOffscreenFigure(const std::string& title);
// Runs `use` on the built-in figure opened offscreen and returns its exit code; 1, the reason
// logged, when the figure cannot be opened (the tools' way in).
int onOffscreenFigure(const std::string& title, const std::function<int(OffscreenFigure& figure)>& use);

}  // namespace myomap::app

// Runs without a visible window: `--screenshot` renders one frame offscreen and writes a PNG;
// `--script FILE` (and the one-shot command flags) drive the explorer and may take several
// screenshots and picks. Returns the process exit code; failures name the file and problem.
#pragma once

#include "anatomy/atlas.h"
#include "app/cli.h"
#include "app/explorer.h"
#include "app/window.h"

#include <memory>

namespace myomap::app {

int runHeadless(const Options& options);

// The app's atlas content (assets/atlas), its problems summarised in the log.
anatomy::Atlas loadAppAtlas();

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

}  // namespace myomap::app

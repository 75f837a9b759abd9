// Runs without a visible window: `--screenshot` renders one frame offscreen and writes a PNG;
// `--script FILE` (and the one-shot command flags) drive the explorer and may take several
// screenshots and picks. Returns the process exit code; failures name the file and problem.
#pragma once

#include "anatomy/atlas.h"
#include "app/cli.h"

namespace myomap::app {

int runHeadless(const Options& options);

// The app's atlas content (assets/atlas), its problems summarised in the log.
anatomy::Atlas loadAppAtlas();

}  // namespace myomap::app

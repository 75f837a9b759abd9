// `myomap --screenshot`: renders one frame offscreen through the viewer's renderer and writes
// a PNG. Returns the process exit code; failures are reported naming the file and problem.
#pragma once

#include "app/cli.h"

namespace myomap::app {

int renderScreenshot(const Options& options);

}  // namespace myomap::app

// The interactive viewer: window, input routing, camera, animation clock and the UI.
#pragma once

#include "automation/options.h"

namespace myomap::app {

// Runs until the window closes; returns the process exit code.
int runViewer(const Options& options);

}  // namespace myomap::app

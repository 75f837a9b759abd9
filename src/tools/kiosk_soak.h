// The kiosk without a screen, for soak tests: `myomap --kiosk --frames N --fixed-dt S` runs
// N frames offscreen (the tour, and a scripted visitor now and then), and prints resident
// memory and frame times as it goes.
#pragma once

#include "automation/options.h"

namespace myomap::app {

int runKioskFrames(const Options& options);

// Resident memory of this process in bytes (from /proc/self/statm), 0 when unknown.
std::size_t residentBytes();

}  // namespace myomap::app

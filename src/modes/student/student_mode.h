// Student mode: full anatomical detail and a quiz. The figure shows its muscles; the Quiz
// window asks about them, and the body follows it: the muscle asked about glows and is turned
// to, and once answered the right muscle and its referral show.
#pragma once

#include "modes/registry.h"

namespace myomap::app {

// The registry's entry: "student".
ModeEntry studentModeEntry();

}  // namespace myomap::app

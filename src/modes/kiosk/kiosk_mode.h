// Kiosk mode: the clinic's waiting room. Fullscreen and locked: no menus or shortcuts, touch-
// sized controls, an attract loop touring common pain patterns, a visitor's touch taking over,
// everything cleared after the idle timeout, and leaving only by the staff key chord and PIN.
// Away from the built-in figure it has no tour and shows the usual desk.
#pragma once

#include "modes/registry.h"

namespace myomap::app {

// The kiosk's registered name: `--kiosk` starts it (it is not in the Mode menu).
inline constexpr const char* kKioskModeName = "kiosk";

// The registry's entry: fullscreen, kept open, larger type.
ModeEntry kioskModeEntry();

}  // namespace myomap::app

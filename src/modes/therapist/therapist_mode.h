// Therapist mode: a session with a client. Plain language in the large face, the whole person
// with the pain on the skin, one muscle at a time with its main referral playing, and the
// "Client session" window (pain marked on the body, ranked candidates, the compression timer,
// notes, the handout), autosaved in the user's data folder.
#pragma once

#include "modes/registry.h"

namespace myomap::app {

// The registry's entry: "therapist", the Mode menu's first item.
ModeEntry therapistModeEntry();

}  // namespace myomap::app

// The modes the viewer can be in, by name: what `--mode NAME` (and `--kiosk`) start, what the
// Mode menu lists, and how each one's window is set up before the viewer exists. The built-in
// modes are listed in registry.cpp, one line each; registerMode adds one from elsewhere.
#pragma once

#include "modes/mode.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::app {

// The window a mode wants, chosen before it is made.
struct ModeScreen {
    bool fullscreen = false;  // the primary monitor at its own resolution
    bool keepOpen = false;    // the window system's close requests are refused
    float typeScale = 1.0f;   // the UI's type, larger for a screen read from a step back
    bool largeFace = true;    // the large face is loaded too (ui/fonts.h)
};

// What the command line tells a mode as it is made.
struct ModeSettings {
    std::optional<std::filesystem::path> config;  // --config FILE
};

struct ModeEntry {
    std::string name;       // --mode NAME, and the Mode menu's command
    std::string menuLabel;  // the Mode menu's entry; empty: not in the menu (the kiosk: --kiosk)
    ModeScreen screen;
    std::function<std::unique_ptr<Mode>(const ModeSettings&)> make;
};

// Every mode: the built-in ones first, then those registered, in order.
const std::vector<ModeEntry>& allModes();
// The mode called `name`, or null.
const ModeEntry* findMode(std::string_view name);
// Adds a mode made outside src/modes (a test's, a plugin's); a name already taken replaces it.
void registerMode(ModeEntry entry);

}  // namespace myomap::app

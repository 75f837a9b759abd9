// Carries out script commands (myomap --script, the one-shot flags, and the viewer at start)
// on the figure being explored: one executor for every way in, so a command behaves the same
// in a script, on the command line and in a test.
#pragma once

#include "explore/camera.h"
#include "explore/explorer.h"
#include "automation/script.h"

#include <filesystem>
#include <functional>
#include <ostream>

namespace myomap::app {

// What the commands act on; owned by the caller (the viewer or a headless run).
struct CommandContext {
    Explorer& explorer;
    OrbitCamera& camera;
    int& clip;       // -1: the rest pose
    float& time;     // scene time, seconds: the pose and the referral heat animate with it
    int& width;      // the image size screenshots and picks use
    int& height;
    std::ostream& out;  // `pick` prints here
    // Renders the current state and writes a PNG / returns what is at a pixel.
    std::function<Status(const std::filesystem::path&)> screenshot;
    std::function<std::string(int x, int y)> pick;
};

// Runs one command; an error names where the command came from (file and line) and what is wrong.
Status runCommand(const ScriptCommand& command, CommandContext& context);
// Runs commands in order, stopping at the first error.
Status runCommands(const std::vector<ScriptCommand>& commands, CommandContext& context);

}  // namespace myomap::app

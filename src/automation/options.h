// What a run is told on the command line: a plain struct that app/cli.h parses and the
// viewer, the offscreen runs and the tools read (unit-tested without a window).
#pragma once

#include "automation/script.h"
#include "core/views.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myomap::app {

struct Options {
    std::optional<std::filesystem::path> model;
    std::optional<std::filesystem::path> screenshot;
    int width = 1600;
    int height = 1000;
    bool sizeGiven = false;
    float time = 0.0f;
    std::string clip;
    std::optional<View> view;
    std::optional<glm::vec3> camera;
    std::optional<glm::vec3> target;
    float fovDegrees = 35.0f;
    std::optional<glm::vec3> background;  // sRGB 0-1, flat instead of the gradient
    // --detail full|reduced (View > Detail); unset: reduced on a software renderer, else full.
    std::optional<bool> reducedDetail;
    std::optional<std::filesystem::path> script;  // --script FILE: run its commands
    // One-shot script commands given as flags (--select, --referral, --layer, ...), in the
    // order given; they run after the view, clip and time above are applied (and before a
    // --script).
    std::vector<ScriptCommand> commands;
    // The mode the viewer starts in, by its registered name (modes/registry.h): --mode
    // therapist|student, or --kiosk for the clinic's locked-down kiosk.
    std::string mode = "therapist";
    std::optional<std::filesystem::path> modeConfig;    // --config FILE: the mode's settings (the kiosk's)
    std::optional<long> frames;                         // --frames N: run N frames headless, then exit
    double fixedDt = 1.0 / 30.0;                        // --fixed-dt S: seconds per headless frame
    std::optional<std::filesystem::path> soakLog;       // --soak-log FILE.csv: the run's figures over time
    // --bench orbit|floor|first-frame: time the viewer for --frames frames and print the
    // figures (bench/run.sh, docs/PERFORMANCE.md).
    std::string bench;
    bool help = false;
    bool version = false;
};

}  // namespace myomap::app

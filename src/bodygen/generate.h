// The whole generator: tables in, Body out, and the Body as a glTF scene.
#pragma once

#include "bodygen/body.h"
#include "model/scene.h"

#include <chrono>

namespace myomap::bodygen {

struct GenerationTimes {
    double shape = 0, skin = 0, bones = 0, muscles = 0;  // seconds
};

// Reads every table in `tables` (landmarks, skeleton, body regions, bones, muscles, poses) and
// builds the figure. Errors name the table file, the line and the problem.
Result<Body> generateBody(const std::filesystem::path& tables, GenerationTimes* times = nullptr);

// The figure as a scene: joint nodes with a skin, one node per mesh (named like the mesh),
// materials from palette.csv, custom attributes _MUSCLE_UV, _FIBRE and _REGION, region names as
// the skin mesh's labels, and one animation per pose.
Result<model::Scene> toScene(const Body& body, const std::filesystem::path& paletteCsv);

}  // namespace myomap::bodygen

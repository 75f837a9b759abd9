// What the viewer and the offscreen renderer share at start-up: loading the model named on
// the command line, choosing the clip, and placing the camera.
#pragma once

#include "explore/camera.h"
#include "automation/options.h"
#include "model/scene.h"

namespace myomap::app {

// The clip named by --clip (an error lists the clips there are), else the first clip, else -1.
Result<int> chooseClip(const model::Scene& scene, const std::string& name);

// The camera for the options: --camera/--target, else the --view framed on the bounds.
OrbitCamera initialCamera(const Options& options, const model::Bounds& bounds, float aspect);

}  // namespace myomap::app

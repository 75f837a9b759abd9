// The one place a frame is set up for a camera: the viewer, the offscreen runs, the handout's
// pictures, the kiosk soak, the figure metrics and the tests all start their FrameData here,
// and say on purpose how theirs differs (smooth edges, a flat background).
#pragma once

#include "explore/camera.h"
#include "render/frame_data.h"

#include <glm/glm.hpp>

#include <optional>

namespace myomap::app {

// View > Detail. Full draws every mesh whole with the general shaders; Reduced draws each mesh
// at the coarsest level of detail whose error stays under kReducedDetailPixels on screen, with
// shader variants made for each surface: a software renderer's default, which looks the same.
enum class Detail { Full, Reduced };
inline constexpr float kReducedDetailPixels = 0.5f;

struct FrameLook {
    bool antialias = true;                // smooth edges (the live view may turn them off)
    std::optional<glm::vec3> background;  // a flat sRGB colour instead of the soft gradient
    Detail detail = Detail::Full;
};

// Makes `frame` a fresh FrameData (its lists emptied, their capacity kept: no allocation in a
// steady frame) set up for `camera` at width x height with `aspect` (the viewer's may differ
// from width / height until its window reports a size), and `look`. The explorer's
// addToFrame then adds what is shown.
void startFrame(render::FrameData& frame, const OrbitCamera& camera, float aspect, int width, int height,
                const FrameLook& look = {});

}  // namespace myomap::app

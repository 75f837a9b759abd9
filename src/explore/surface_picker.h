// Picking on the CPU: the nearest pickable surface (or trigger point marker) under a pixel of
// a frame, found by casting the pixel's ray against the frame's posed triangles. The GPU id
// pass had to push every visible vertex through the driver for one pixel (50-90 ms on a
// software renderer); this keeps the posed positions until the pose changes and tests only
// the meshes whose bounds the ray crosses (docs/PERFORMANCE.md).
#pragma once

#include "model/pose.h"
#include "render/frame_data.h"

#include <cstdint>
#include <vector>

namespace myomap::app {

class SceneView;

class SurfacePicker {
public:
    // The pickId under pixel (x, y) (origin top-left) of `frame`, 0 for nothing: markers first
    // (they are drawn over everything, the last one drawn wins), then the nearest surface of an
    // item that is drawn (opacity above 0, or its heat alone). Items with pickId `seeThrough`
    // (when not 0) are looked through, as if not drawn.
    std::uint32_t pick(const SceneView& view, const render::FrameData& frame, int x, int y, std::uint32_t seeThrough = 0);
    void clear() { m_posed.clear(); }

private:
    struct Posed {
        std::vector<glm::vec3> positions;  // world space
        model::Bounds bounds;
        // Bounds of each run of kChunk consecutive triangles: meshes come out of the mesher in
        // spatial order, so a ray tests a few runs instead of the skin's 141,000 triangles.
        std::vector<model::Bounds> chunks;
        std::vector<glm::mat4> palette;    // what it was posed with (skinned)
        glm::mat4 model{0.0f};             // what it was posed with (unskinned)
        bool valid = false;
    };
    static constexpr std::size_t kChunk = 128;
    const Posed& posed(const SceneView& view, const render::FrameData& frame, const render::DrawItem& item);
    std::vector<Posed> m_posed;  // by renderer mesh id
};

}  // namespace myomap::app

// Renderer(FrameData) -> pixels. Owns the GPU copies of meshes and textures, the shaders and
// the offscreen targets; draws into a multisampled framebuffer that is resolved for reading
// back (screenshots, tests) and blitted to the window when there is one: one path for both.
#pragma once

#include "core/result.h"
#include "render/frame_data.h"
#include "render/gl/objects.h"
#include "render/gl/state.h"

#include <memory>

namespace myomap::render {

struct Capture {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // rows top to bottom
};

class Renderer {
public:
    // Needs a current OpenGL 3.3 core context.
    static Result<Renderer> create();

    Renderer(Renderer&&) noexcept;
    Renderer& operator=(Renderer&&) noexcept;
    ~Renderer();

    const gl::ContextInfo& contextInfo() const;
    // The context draws on the CPU (Mesa's llvmpipe or softpipe, SwiftShader): every pixel and
    // vertex costs CPU time, so the viewer picks cheaper defaults.
    bool isSoftware() const;
    // Draw items the last render() left out because they lay wholly outside the view.
    std::size_t culledLastFrame() const;

    int addMesh(const MeshSource& source);
    // The level of detail render() draws frame.items[item] with (0: the full mesh), and how many
    // levels its mesh has (the full one included).
    int levelOf(const FrameData& frame, std::size_t item) const;
    int levelCount(int mesh) const;
    int addTexture(const ImageSource& source);
    void clearResources();  // drops every mesh and texture (a new model is loading)

    // Draws the frame into the offscreen target (resized to frame.width x frame.height).
    Status render(const FrameData& frame);
    // After render(): copy to the window, read pixels, or read depth under a pixel.
    void presentToWindow(int windowWidth, int windowHeight) const;
    Capture capture() const;
    float depthAt(int x, int y) const;  // [0,1], 1 where nothing was drawn

    // Per-vertex heat for a mesh (x: 0-1, y: 1 where essential, 0 spillover), shown on draw
    // items whose `heat` asks for it. As long as the mesh's vertex count; kept until replaced.
    void setHeat(int mesh, std::span<const glm::vec2> heat);
    // The pickId of what is drawn at a pixel (origin top-left) in `frame`, 0 for nothing:
    // renders an id pass of the surfaces and markers restricted to that one pixel.
    std::uint32_t pick(const FrameData& frame, int x, int y);
    // The pickId drawn at every pixel of `frame` (rows top to bottom, 0 for nothing): one id
    // pass over the whole frame, for measuring what shows where (tools, tests).
    std::vector<std::uint32_t> pickImage(const FrameData& frame);

    // Benchmarks: the floor of a frame's cost, the same posed triangles drawn once with a
    // trivial shader into the same targets (bench/, docs/PERFORMANCE.md).
    void setFloorGeometry(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices);
    Status renderFloor(const FrameData& frame);
    // Waits for the GPU to finish everything issued (benchmarks time whole frames with it).
    void finish() const;

private:
    Renderer();
    struct State;
    std::unique_ptr<State> m;
};

}  // namespace myomap::render

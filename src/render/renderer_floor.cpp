// The benchmark's floor: what drawing the frame's posed triangles costs with nothing else,
// so that frame time can be reported as a multiple of it (docs/PERFORMANCE.md).
#include "render/renderer_state.h"

namespace myomap::render {

void Renderer::setFloorGeometry(std::span<const glm::vec3> positions, std::span<const std::uint32_t> indices) {
    GpuMesh mesh;
    mesh.buffers.emplace_back(gl::BufferKind::Vertex, positions.data(), positions.size_bytes());
    mesh.vao.attribute(kPosition, mesh.buffers.back(), 3, gl::AttributeType::Float);
    mesh.buffers.emplace_back(gl::BufferKind::Index, indices.data(), indices.size_bytes());
    mesh.vao.indices(mesh.buffers.back());
    mesh.indexCount = static_cast<int>(indices.size());
    mesh.vertexCount = positions.size();
    m->floor = std::move(mesh);
}

Status Renderer::renderFloor(const FrameData& frame) {
    if (m->floorProgram.name() == 0) {
        auto program = gl::Program::build("floor", shaderSource("floor.vert.glsl"), shaderSource("floor.frag.glsl"));
        if (!program) return fail(program.error());
        m->floorProgram = std::move(program.value());
        m->floorViewProjection = m->floorProgram.location("uViewProjection");
    }
    if (auto s = m->ensureTargets(frame.width, frame.height, frame.antialias); !s) return s;
    m->drawTarget().bind();
    gl::clear(frame.backgroundBottom);
    gl::depthTest(true);
    gl::depthWrite(true);
    gl::blend(gl::Blend::Off);
    gl::cull(gl::Cull::Off);
    m->floorProgram.use();
    gl::Program::set(m->floorViewProjection, frame.projection * frame.view);
    if (m->floor.indexCount > 0) gl::drawTriangles(m->floor.vao, m->floor.indexCount);
    m->resolve();
    return Ok{};
}

void Renderer::finish() const { gl::finish(); }

}  // namespace myomap::render

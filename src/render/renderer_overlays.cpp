// What is drawn over the surfaces (the x-rayed selection, trigger point markers) and the id
// pass that picking reads.
#include "render/renderer_state.h"

#include "core/log.h"

#include <cassert>
#include <string>

namespace myomap::render {

Result<gl::Program> buildIdProgram(IdUniforms& u) {
    auto program = gl::Program::build("id", shaderSource("mesh.vert.glsl"), shaderSource("id.frag.glsl"));
    return withUniforms(std::move(program), [&u](const gl::Program& p) {
        u = {.model = p.location("uModel"), .viewProjection = p.location("uViewProjection"),
             .skinned = p.location("uSkinned"), .jointOffset = p.location("uJointOffset"),
             .jointMatrices = p.location("uJointMatrices"), .id = p.location("uId"), .morph = morphUniforms(p)};
    });
}

Result<gl::Program> buildMarkerProgram(bool idPass, MarkerUniforms& u) {
    auto program = gl::Program::build(idPass ? "marker ids" : "marker", shaderSource("marker.vert.glsl"),
                                      shaderSource("marker.frag.glsl"),
                                      idPass ? std::vector<std::string>{"ID_PASS"} : std::vector<std::string>{});
    return withUniforms(std::move(program), [&u](const gl::Program& p) {
        u = {.viewProjection = p.location("uViewProjection"), .center = p.location("uCenter"),
             .radius = p.location("uRadius"), .color = p.location("uColor"), .filled = p.location("uFilled"),
             .id = p.location("uId")};
    });
}

// Where a selected surface is covered, it shows through faintly (depth test reversed: only
// the fragments behind what is already drawn).
void Renderer::State::drawXray(const FrameData& frame) {
    bool any = false;
    for (std::size_t i = 0; i < frame.items.size(); ++i) any = any || (frame.items[i].xray && visible[i]);
    if (!any) return;
    meshProgram.use();
    current = &meshProgram;
    gl::blend(gl::Blend::Alpha);
    gl::depthWrite(false);
    gl::depthFunc(gl::DepthFunc::Greater);
    gl::cull(gl::Cull::Back);
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
        const DrawItem& item = frame.items[i];
        const GpuMesh* mesh = meshFor(item);
        if (!item.xray || !mesh || !visible[i]) continue;
        const bool skinned = isSkinned(frame, item);
        setJoints(frame, item, u, uniformPalette[0]);
        setMorph(frame, item, u.morph);
        setWinding(frame, item);
        gl::Program::set(u.model, item.model);
        if (!skinned) gl::Program::set(u.normalMatrix, glm::transpose(glm::inverse(glm::mat3(item.model))));
        gl::Program::set(u.opacity, 1.0f);
        gl::Program::set(u.xray, 1);
        gl::Program::set(u.opaque, 0);
        drawLevel(*mesh, level[i]);
    }
    gl::Program::set(u.xray, 0);
    gl::depthFunc(gl::DepthFunc::LessEqual);
    gl::depthWrite(true);
    gl::blend(gl::Blend::Off);
}

// Markers go over everything: they belong to the muscle being explained, which is itself
// shown through what covers it.
void Renderer::State::drawMarkers(const FrameData& frame) {
    if (frame.markers.empty()) return;
    markerProgram.use();
    gl::Program::set(markerU.viewProjection, frame.projection * frame.view);
    gl::blend(gl::Blend::Alpha);
    gl::depthTest(false);
    for (const Marker& marker : frame.markers) {
        gl::Program::set(markerU.center, marker.position);
        gl::Program::set(markerU.radius, marker.radiusPixels);
        gl::Program::set(markerU.color, marker.color);
        gl::Program::set(markerU.filled, marker.filled ? 1 : 0);
        gl::drawPoints(emptyVao, 1);
    }
    gl::depthTest(true);
    gl::blend(gl::Blend::Off);
}

void Renderer::setHeat(int mesh, std::span<const glm::vec2> heat) {
    if (mesh < 0 || static_cast<std::size_t>(mesh) >= m->meshes.size()) return;
    GpuMesh& target = m->meshes[static_cast<std::size_t>(mesh)];
    if (heat.size() != target.vertexCount) {
        // A caller's mistake (heat built for another mesh): said once per mesh, not every frame.
        if (!target.heatMisfitReported) {
            log::error("Renderer::setHeat: mesh " + std::to_string(mesh) + " has " + std::to_string(target.vertexCount) +
                       " vertices but the heat has " + std::to_string(heat.size()) + " values; its heat is left as it was");
            target.heatMisfitReported = true;
        }
        assert(!"Renderer::setHeat: the heat buffer's size differs from the mesh's vertex count");
        return;
    }
    if (target.heat.name() == 0) {
        target.heat = gl::Buffer(gl::BufferKind::Vertex, heat.data(), heat.size_bytes());
        target.vao.attribute(kHeat, target.heat, 2, gl::AttributeType::Float);
    } else {
        target.heat.update(heat.data(), heat.size_bytes());
    }
}

Status Renderer::State::drawIds(const FrameData& frame) {
    if (ids.width() != frame.width || ids.height() != frame.height) {
        auto created = gl::Framebuffer::create(frame.width, frame.height, 0, gl::Attachment::Ids);
        if (!created) return fail(created.error());
        ids = std::move(created.value());
    }
    ids.bind();
    gl::clearIds();
    gl::blend(gl::Blend::Off);
    gl::depthTest(true);
    gl::depthWrite(true);
    uploadPalettes(frame);
    uploadMorphWeights(frame);
    idProgram.use();
    const IdUniforms& id = idU;
    gl::Program::set(id.viewProjection, frame.projection * frame.view);
    jointTexture.bind(kJointUnit);
    gl::Program::set(id.jointMatrices, kJointUnit);
    gl::Program::set(id.morph.deltas, kMorphDeltaUnit);
    gl::Program::set(id.morph.weights, kMorphWeightUnit);
    if (!frame.morphWeights.empty()) morphWeightTexture.bind(kMorphWeightUnit);
    for (const DrawItem& item : frame.items) {
        const GpuMesh* mesh = meshFor(item);
        if (!mesh || item.pickId == 0 || item.pickOnly || (item.opacity <= 0.0f && item.heat != HeatShow::Only)) continue;
        const bool skinned = isSkinned(frame, item);
        gl::Program::set(id.skinned, skinned ? 1 : 0);
        gl::Program::set(id.jointOffset, skinned ? paletteOffsets[static_cast<std::size_t>(item.palette)] : 0);
        setMorph(frame, item, id.morph);
        setWinding(frame, item);
        gl::Program::set(id.model, item.model);
        gl::Program::set(id.id, item.pickId);
        gl::cull(item.material.doubleSided ? gl::Cull::Off : gl::Cull::Back);
        drawLevel(*mesh, chooseLevelFor(frame, item));  // the level the colour pass draws
    }
    if (!frame.markers.empty()) {
        markerIdProgram.use();
        gl::Program::set(markerIdU.viewProjection, frame.projection * frame.view);
        gl::depthTest(false);
        for (const Marker& marker : frame.markers) {
            if (marker.pickId == 0) continue;
            gl::Program::set(markerIdU.center, marker.position);
            gl::Program::set(markerIdU.radius, marker.radiusPixels);
            gl::Program::set(markerIdU.id, marker.pickId);
            gl::drawPoints(emptyVao, 1);
        }
        gl::depthTest(true);
    }
    gl::cull(gl::Cull::Off);
    gl::frontFace(gl::Winding::CounterClockwise);
    return Ok{};
}

std::uint32_t Renderer::pick(const FrameData& frame, int x, int y) {
    if (x < 0 || y < 0 || x >= frame.width || y >= frame.height) return 0;
    // Only the pixel asked about is rasterised, so the pass costs little more than the vertices.
    gl::scissor(x, y, 1, 1, frame.height);
    const Status drawn = m->drawIds(frame);
    gl::scissorOff();
    const std::uint32_t id = drawn ? m->ids.readId(x, y) : 0;
    gl::bindWindowFramebuffer();
    return id;
}

std::vector<std::uint32_t> Renderer::pickImage(const FrameData& frame) {
    if (frame.width <= 0 || frame.height <= 0) return {};
    if (!m->drawIds(frame)) return {};
    std::vector<std::uint32_t> image = m->ids.readIds();
    gl::bindWindowFramebuffer();
    return image;
}

}  // namespace myomap::render

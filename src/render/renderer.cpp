#include "render/renderer.h"

#include "core/log.h"
#include "render/renderer_state.h"

#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <string_view>

namespace myomap::render {

namespace {

constexpr int kMaxSamples = 4;

template <typename T>
gl::Buffer vertexBuffer(std::span<const T> data) {
    return gl::Buffer(gl::BufferKind::Vertex, data.data(), data.size_bytes());
}

}  // namespace

Status Renderer::State::ensureTargets(int width, int height, bool antialias) {
    const int samples = antialias ? std::min(kMaxSamples, info.maxSamples) : 0;
    if (resolved.width() == width && resolved.height() == height && targetSamples == samples) return Ok{};
    targetSamples = samples;
    // Without multisampling the frame is drawn straight into the target that is read back and
    // shown: a second one would cost a copy a frame and 16 MB at 1920x1080.
    multisampled = {};
    if (samples > 1) {
        auto ms = gl::Framebuffer::create(width, height, samples, gl::Attachment::Color);
        if (!ms) return fail(ms.error());
        multisampled = std::move(ms.value());
    }
    auto rs = gl::Framebuffer::create(width, height, 0, gl::Attachment::Color);
    if (!rs) return fail(rs.error());
    resolved = std::move(rs.value());
    return Ok{};
}

void Renderer::State::uploadPalettes(const FrameData& frame) {
    paletteOffsets.clear();
    int rows = 0;
    for (const auto& palette : frame.palettes) {
        paletteOffsets.push_back(rows);
        rows += static_cast<int>(palette.size());
    }
    rows = std::max(rows, 1);
    if (jointTexture.height() < rows) {
        jointTexture = gl::Texture(4, std::max(rows, 64), gl::TextureFormat::Rgba32F);
    }
    jointUpload.resize(static_cast<std::size_t>(rows) * 16);
    std::size_t at = 0;
    for (const auto& palette : frame.palettes) {
        for (const glm::mat4& matrix : palette) {
            std::copy(glm::value_ptr(matrix), glm::value_ptr(matrix) + 16, jointUpload.begin() + static_cast<std::ptrdiff_t>(at));
            at += 16;
        }
    }
    jointTexture.updateRows(rows, jointUpload.data());
}

void Renderer::State::uploadMorphWeights(const FrameData& frame) {
    if (frame.morphWeights.empty()) return;
    std::size_t most = 1;
    for (const auto& weights : frame.morphWeights) most = std::max(most, weights.size());
    const int width = static_cast<int>((most + 3) / 4);
    const int rows = static_cast<int>(frame.morphWeights.size());
    if (morphWeightTexture.width() < width || morphWeightTexture.height() < rows) {
        morphWeightTexture = gl::Texture(std::max(width, morphWeightTexture.width()),
                                         std::max({rows, morphWeightTexture.height(), 16}), gl::TextureFormat::Rgba32F);
    }
    const auto stride = static_cast<std::size_t>(morphWeightTexture.width()) * 4;
    morphUpload.assign(stride * static_cast<std::size_t>(rows), 0.0f);
    for (std::size_t r = 0; r < frame.morphWeights.size(); ++r)
        std::copy(frame.morphWeights[r].begin(), frame.morphWeights[r].end(), morphUpload.begin() + static_cast<std::ptrdiff_t>(r * stride));
    morphWeightTexture.updateRows(rows, morphUpload.data());
}

MorphUniforms morphUniforms(const gl::Program& p) {
    return {.targets = p.location("uMorphTargets"), .deltas = p.location("uMorphDeltas"),
            .weights = p.location("uMorphWeights"), .row = p.location("uMorphRow"), .vertices = p.location("uMorphVertices")};
}

void Renderer::State::setMorph(const FrameData& frame, const DrawItem& item, const MorphUniforms& uniforms) {
    const GpuMesh* mesh = meshFor(item);
    const bool morphed = mesh && mesh->morphTargets > 0 && item.morphWeights >= 0 &&
                         static_cast<std::size_t>(item.morphWeights) < frame.morphWeights.size();
    gl::Program::set(uniforms.targets, morphed ? std::min(mesh->morphTargets, static_cast<int>(frame.morphWeights[static_cast<std::size_t>(item.morphWeights)].size())) : 0);
    if (!morphed) return;
    mesh->morphDeltas.bind(kMorphDeltaUnit);
    gl::Program::set(uniforms.row, item.morphWeights);
    gl::Program::set(uniforms.vertices, static_cast<int>(mesh->vertexCount));
}

void Renderer::State::setWinding(const FrameData& frame, const DrawItem& item) {
    gl::frontFace(!isSkinned(frame, item) && glm::determinant(glm::mat3(item.model)) < 0.0f ? gl::Winding::Clockwise
                                                                                          : gl::Winding::CounterClockwise);
}

const GpuMesh* Renderer::State::meshFor(const DrawItem& item) const {
    if (item.mesh < 0 || static_cast<std::size_t>(item.mesh) >= meshes.size()) return nullptr;
    return &meshes[static_cast<std::size_t>(item.mesh)];
}

bool Renderer::State::isSkinned(const FrameData& frame, const DrawItem& item) const {
    const GpuMesh* mesh = meshFor(item);
    return mesh && mesh->skinned && item.palette >= 0 && static_cast<std::size_t>(item.palette) < frame.palettes.size();
}

void Renderer::State::cull(const FrameData& frame) {
    visible.resize(frame.items.size());
    level.resize(frame.items.size());
    culled = 0;
    const glm::mat4 viewProjection = frame.projection * frame.view;
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
        const DrawItem& item = frame.items[i];
        visible[i] = item.pickOnly ? 0 : 1;  // never drawn
        level[i] = 0;
        const GpuMesh* mesh = meshFor(item);
        if (!mesh || item.pickOnly) continue;
        const std::vector<glm::mat4>* palette =
            isSkinned(frame, item) ? &frame.palettes[static_cast<std::size_t>(item.palette)] : nullptr;
        if (frame.cull && outsideView(mesh->bounds, item.model, palette, viewProjection)) {
            visible[i] = 0;
            ++culled;
            continue;
        }
        level[i] = chooseLevelFor(frame, item);
    }
}

int Renderer::State::chooseLevelFor(const FrameData& frame, const DrawItem& item) const {
    const GpuMesh* mesh = meshFor(item);
    if (!mesh || mesh->levels.size() < 2 || !(frame.detailPixels > 0.0f)) return 0;
    const bool skinned = isSkinned(frame, item);
    const std::vector<glm::mat4>* palette = skinned ? &frame.palettes[static_cast<std::size_t>(item.palette)] : nullptr;
    const float distance = nearestDistance(mesh->bounds, item.model, palette, frame.cameraPosition);
    // An unskinned mesh's errors grow with its transform's largest scale; joints do not scale.
    const glm::mat3 linear(item.model);
    const float scale = skinned ? 1.0f : std::max({glm::length(linear[0]), glm::length(linear[1]), glm::length(linear[2])});
    return chooseLevel(mesh->levelErrors, distance, scale, frame.projection, frame.height, frame.detailPixels);
}

void Renderer::State::drawLevel(const GpuMesh& mesh, int level) {
    const GpuMesh::Level& l = mesh.levels[static_cast<std::size_t>(std::clamp(level, 0, static_cast<int>(mesh.levels.size()) - 1))];
    gl::drawTriangles(mesh.vao, l.count, l.first);
}

std::size_t Renderer::culledLastFrame() const { return m->culled; }

Result<gl::Program> withUniforms(Result<gl::Program> program, const std::function<void(const gl::Program&)>& lookUp) {
    if (program) lookUp(program.value());
    return program;
}

namespace {

void lookUpMeshUniforms(const gl::Program& p, MeshUniforms& u) {
    u = {.model = p.location("uModel"), .normalMatrix = p.location("uNormalMatrix"),
         .viewProjection = p.location("uViewProjection"), .skinned = p.location("uSkinned"),
         .jointOffset = p.location("uJointOffset"), .jointMatrices = p.location("uJointMatrices"),
         .baseColor = p.location("uBaseColor"), .hasTexture = p.location("uHasTexture"),
         .baseColorTexture = p.location("uBaseColorTexture"), .cameraPosition = p.location("uCameraPosition"),
         .keyDirection = p.location("uKeyDirection"), .opacity = p.location("uOpacity"),
         .striated = p.location("uStriated"), .heatMode = p.location("uHeatMode"),
         .heatPalette = p.location("uHeatPalette"), .stipple = p.location("uStipple"),
         .highlight = p.location("uHighlight"), .xray = p.location("uXray"),
         .jointsInUniforms = p.location("uJointsInUniforms"), .joints = p.location("uJoints"),
         .morph = morphUniforms(p), .opaque = p.location("uOpaque")};
}

}  // namespace

Result<gl::Program> buildMeshProgram(bool heatOnly, MeshUniforms& u) {
    auto program = gl::Program::build(heatOnly ? "mesh heat-only" : "mesh", shaderSource("mesh.vert.glsl"),
                                      shaderSource("mesh.frag.glsl"), heatOnly ? std::vector<std::string>{"HEAT_ONLY"}
                                                                               : std::vector<std::string>{});
    return withUniforms(std::move(program), [&u](const gl::Program& p) { lookUpMeshUniforms(p, u); });
}

Result<gl::Program> buildMeshVariant(unsigned bits, MeshUniforms& u) {
    std::vector<std::string> defines{"SPECIALISED"};
    if (bits & kVariantSkinned) defines.emplace_back("SPECIALISED_SKINNED");
    if (bits & kVariantStriated) defines.emplace_back("SPECIALISED_STRIATED");
    if (bits & kVariantHeat) defines.emplace_back("SPECIALISED_HEAT");
    auto program = gl::Program::build("mesh (specialised)", shaderSource("mesh.vert.glsl"), shaderSource("mesh.frag.glsl"), defines);
    return withUniforms(std::move(program), [&u](const gl::Program& p) { lookUpMeshUniforms(p, u); });
}

MeshVariant* Renderer::State::variantFor(const FrameData& frame, const DrawItem& item) {
    const GpuMesh* mesh = meshFor(item);
    if (!frame.specialisedShaders || !mesh || item.heat == HeatShow::Only || mesh->morphTargets > 0 || item.material.texture >= 0) return nullptr;
    const bool skinned = isSkinned(frame, item);
    if (skinned && frame.palettes[static_cast<std::size_t>(item.palette)].size() > kUniformJoints) return nullptr;
    const bool heated = item.heat != HeatShow::None && mesh->heat.name() != 0;
    const unsigned bits = (skinned ? kVariantSkinned : 0u) | (item.material.striated ? kVariantStriated : 0u) | (heated ? kVariantHeat : 0u);
    MeshVariant& variant = variants[bits];
    if (!variant.tried) {
        variant.tried = true;
        if (auto built = buildMeshVariant(bits, variant.u)) variant.program = std::move(built.value());
        else log::warning("the general shader draws instead: " + built.error());
    }
    if (variant.program.name() == 0) return nullptr;
    if (!variant.frameSet) {
        setFrameUniforms(variant.program, variant.u, frame);
        variant.frameSet = true;
        variant.palette = -1;
    }
    return &variant;
}

void Renderer::State::setFrameUniforms(const gl::Program& program, const MeshUniforms& uniforms, const FrameData& frame) {
    program.use();
    gl::Program::set(uniforms.viewProjection, frame.projection * frame.view);
    gl::Program::set(uniforms.cameraPosition, frame.cameraPosition);
    // Key light from above and to the right of the viewer, in world space.
    const glm::mat4 cameraToWorld = glm::inverse(frame.view);
    const glm::vec3 key = glm::normalize(glm::vec3(cameraToWorld * glm::vec4(0.45f, 0.65f, 0.62f, 0.0f)));
    gl::Program::set(uniforms.keyDirection, key);
    gl::Program::set(uniforms.jointMatrices, kJointUnit);
    gl::Program::set(uniforms.baseColorTexture, kBaseColorUnit);
    gl::Program::set(uniforms.morph.deltas, kMorphDeltaUnit);
    gl::Program::set(uniforms.morph.weights, kMorphWeightUnit);
    gl::Program::set(uniforms.heatPalette, frame.heatPalette == HeatPalette::ColourBlind ? 1 : 0);
    gl::Program::set(uniforms.stipple, frame.stippleSpillover ? 1 : 0);
}

void Renderer::State::setJoints(const FrameData& frame, const DrawItem& item, const MeshUniforms& uniforms, int& loaded) {
    const bool skinned = isSkinned(frame, item);
    gl::Program::set(uniforms.skinned, skinned ? 1 : 0);
    if (!skinned) return;
    const auto palette = static_cast<std::size_t>(item.palette);
    const bool inUniforms = frame.palettes[palette].size() <= kUniformJoints;
    gl::Program::set(uniforms.jointsInUniforms, inUniforms ? 1 : 0);
    gl::Program::set(uniforms.jointOffset, paletteOffsets[palette]);
    if (inUniforms && loaded != item.palette) {
        gl::Program::set(uniforms.joints, std::span<const glm::mat4>(frame.palettes[palette]));
        loaded = item.palette;
    }
}

void Renderer::State::drawItem(const FrameData& frame, const DrawItem& item, int lod) {
    const GpuMesh* mesh = meshFor(item);
    if (!mesh) return;
    const bool heatOnly = item.heat == HeatShow::Only && mesh->heat.name() != 0;
    MeshVariant* variant = variantFor(frame, item);
    const gl::Program& program = variant ? variant->program : heatOnly ? heatOnlyProgram : meshProgram;
    const MeshUniforms& uniforms = variant ? variant->u : heatOnly ? heatOnlyU : u;
    if (current != &program) {
        program.use();
        current = &program;
    }
    const bool skinned = isSkinned(frame, item);
    setJoints(frame, item, uniforms, variant ? variant->palette : uniformPalette[heatOnly ? 1 : 0]);
    setMorph(frame, item, uniforms.morph);
    setWinding(frame, item);
    gl::Program::set(uniforms.model, item.model);
    if (!skinned) gl::Program::set(uniforms.normalMatrix, glm::transpose(glm::inverse(glm::mat3(item.model))));
    gl::Program::set(uniforms.baseColor, item.material.baseColor);
    const bool textured = item.material.texture >= 0 && static_cast<std::size_t>(item.material.texture) < textures.size();
    gl::Program::set(uniforms.hasTexture, textured ? 1 : 0);
    if (textured) textures[static_cast<std::size_t>(item.material.texture)].bind(kBaseColorUnit);
    gl::Program::set(uniforms.opacity, item.opacity);
    gl::Program::set(uniforms.striated, item.material.striated ? 1 : 0);
    const bool heated = item.heat != HeatShow::None && mesh->heat.name() != 0;
    gl::Program::set(uniforms.heatMode, heated ? 1 : 0);
    gl::Program::set(uniforms.highlight, item.highlight);
    gl::Program::set(uniforms.xray, 0);
    // Translucent surfaces show only their near side: culling the far side avoids a doubled,
    // muddier layer where both would blend.
    const bool translucent = item.opacity < 1.0f || item.heat == HeatShow::Only;
    gl::Program::set(uniforms.opaque, translucent ? 0 : 1);
    gl::cull(item.material.doubleSided && !translucent ? gl::Cull::Off : gl::Cull::Back);
    drawLevel(*mesh, lod);
}

Renderer::Renderer() : m(std::make_unique<State>()) {}
Renderer::Renderer(Renderer&&) noexcept = default;
Renderer& Renderer::operator=(Renderer&&) noexcept = default;
Renderer::~Renderer() = default;

Result<Renderer> Renderer::create() {
    auto info = gl::initialiseContext();
    if (!info) return fail(info.error());
    Renderer r;
    r.m->info = info.value();
    // Each program built (its uniforms looked up) or the first build error.
    const auto keep = [](Result<gl::Program> built, gl::Program& into) -> Status {
        if (!built) return fail(built.error());
        into = std::move(built.value());
        return Ok{};
    };
    State& state = *r.m;
    const auto background = [] {
        return gl::Program::build("background", shaderSource("background.vert.glsl"), shaderSource("background.frag.glsl"));
    };
    if (auto s = keep(buildMeshProgram(false, state.u), state.meshProgram); !s) return fail(s.error());
    if (auto s = keep(buildMeshProgram(true, state.heatOnlyU), state.heatOnlyProgram); !s) return fail(s.error());
    if (auto s = keep(buildIdProgram(state.idU), state.idProgram); !s) return fail(s.error());
    if (auto s = keep(buildMarkerProgram(false, state.markerU), state.markerProgram); !s) return fail(s.error());
    if (auto s = keep(buildMarkerProgram(true, state.markerIdU), state.markerIdProgram); !s) return fail(s.error());
    if (auto s = keep(background(), state.backgroundProgram); !s) return fail(s.error());
    r.m->bgTop = r.m->backgroundProgram.location("uTop");
    r.m->bgBottom = r.m->backgroundProgram.location("uBottom");
    r.m->jointTexture = gl::Texture(4, 64, gl::TextureFormat::Rgba32F);
    // What a vertex reads for an attribute its mesh has no array for (addMesh uploads none).
    gl::defaultAttribute(kNormal, {0.0f, 1.0f, 0.0f, 0.0f});
    gl::defaultAttribute(kUv, glm::vec4(0.0f));
    gl::defaultIntegerAttribute(kJoints, glm::uvec4(0));
    gl::defaultAttribute(kWeights, {1.0f, 0.0f, 0.0f, 0.0f});
    gl::defaultAttribute(kColor, glm::vec4(1.0f));
    gl::defaultAttribute(kMuscleUv, glm::vec4(0.0f));
    gl::defaultAttribute(kFibre, glm::vec4(0.0f));
    gl::defaultAttribute(kHeat, glm::vec4(0.0f));
    return r;
}

const gl::ContextInfo& Renderer::contextInfo() const { return m->info; }

bool Renderer::isSoftware() const {
    const std::string& name = m->info.renderer;
    for (const char* software : {"llvmpipe", "softpipe", "SwiftShader", "Software Rasterizer"}) {
        if (name.find(software) != std::string::npos) return true;
    }
    return false;
}

int Renderer::addMesh(const MeshSource& source) {
    GpuMesh mesh;
    const std::size_t n = source.positions.size();
    mesh.buffers.push_back(vertexBuffer(source.positions));
    mesh.vao.attribute(kPosition, mesh.buffers.back(), 3, gl::AttributeType::Float);
    // An attribute the mesh lacks gets no buffer: the vertex reads the default set in create().
    auto optional = [&](auto span, unsigned location, int components, gl::AttributeType type, bool integer) {
        if (span.size() != n) return;
        mesh.buffers.push_back(vertexBuffer(span));
        mesh.vao.attribute(location, mesh.buffers.back(), components, type, integer);
    };
    optional(source.normals, kNormal, 3, gl::AttributeType::Float, false);
    optional(source.uv0, kUv, 2, gl::AttributeType::Float, false);
    optional(source.joints, kJoints, 4, gl::AttributeType::UnsignedShort, true);
    optional(source.weights, kWeights, 4, gl::AttributeType::Float, false);
    optional(source.colors, kColor, 4, gl::AttributeType::Float, false);
    optional(source.muscleUv, kMuscleUv, 2, gl::AttributeType::Float, false);
    optional(source.fibre, kFibre, 3, gl::AttributeType::Float, false);
    // The full triangles, then each level of detail that fits the mesh, in one index buffer.
    std::vector<std::uint32_t> indices(source.indices.begin(), source.indices.end());
    mesh.levels.push_back({0, static_cast<int>(indices.size())});
    mesh.levelErrors.push_back(0.0f);
    for (const LevelSource& level : source.levels) {
        const bool fits = level.indices.size() % 3 == 0 && !level.indices.empty() && level.error >= mesh.levelErrors.back() &&
                          std::all_of(level.indices.begin(), level.indices.end(), [n](std::uint32_t v) { return v < n; });
        if (!fits) continue;
        mesh.levels.push_back({static_cast<int>(indices.size()), static_cast<int>(level.indices.size())});
        mesh.levelErrors.push_back(level.error);
        indices.insert(indices.end(), level.indices.begin(), level.indices.end());
    }
    mesh.buffers.emplace_back(gl::BufferKind::Index, indices.data(), indices.size() * sizeof(std::uint32_t));
    mesh.vao.indices(mesh.buffers.back());
    mesh.indexCount = static_cast<int>(source.indices.size());
    mesh.skinned = source.joints.size() == n && source.weights.size() == n && n > 0;
    mesh.bounds = meshBounds(source);
    mesh.vertexCount = n;
    const auto targets = static_cast<std::size_t>(std::max(source.morphTargets, 0));
    if (targets > 0 && source.morphPositions.size() == targets * n && (source.morphNormals.empty() || source.morphNormals.size() == targets * n)) {
        // Two texels a vertex a target: position displacement, normal displacement.
        const std::size_t texels = 2 * targets * n;
        const auto rows = static_cast<int>((texels + kMorphTextureWidth - 1) / kMorphTextureWidth);
        if (rows <= m->info.maxTextureSize) {
            std::vector<float> deltas(static_cast<std::size_t>(rows) * kMorphTextureWidth * 4, 0.0f);
            for (std::size_t i = 0; i < targets * n; ++i) {
                const glm::vec3 dp = source.morphPositions[i];
                const glm::vec3 dn = source.morphNormals.empty() ? glm::vec3(0.0f) : source.morphNormals[i];
                std::copy(&dp.x, &dp.x + 3, deltas.begin() + static_cast<std::ptrdiff_t>(8 * i));
                std::copy(&dn.x, &dn.x + 3, deltas.begin() + static_cast<std::ptrdiff_t>(8 * i + 4));
            }
            mesh.morphDeltas = gl::Texture(kMorphTextureWidth, rows, gl::TextureFormat::Rgba32F, deltas.data());
            mesh.morphTargets = static_cast<int>(targets);
        }
    }
    m->meshes.push_back(std::move(mesh));
    return static_cast<int>(m->meshes.size() - 1);
}

int Renderer::levelOf(const FrameData& frame, std::size_t item) const {
    return item < frame.items.size() ? m->chooseLevelFor(frame, frame.items[item]) : 0;
}

int Renderer::levelCount(int mesh) const {
    return mesh >= 0 && static_cast<std::size_t>(mesh) < m->meshes.size() ? static_cast<int>(m->meshes[static_cast<std::size_t>(mesh)].levels.size()) : 0;
}

int Renderer::addTexture(const ImageSource& source) {
    m->textures.emplace_back(source.width, source.height, gl::TextureFormat::Srgb8Alpha8, source.rgba.data(),
                             gl::TextureFilter::LinearMipmapped);
    return static_cast<int>(m->textures.size() - 1);
}

void Renderer::clearResources() {
    m->meshes.clear();
    m->textures.clear();
}

Status Renderer::render(const FrameData& frame) {
    if (auto s = m->ensureTargets(frame.width, frame.height, frame.antialias); !s) return s;
    m->drawTarget().bind();
    gl::clear(frame.backgroundBottom);
    gl::depthTest(false);
    gl::depthWrite(false);
    m->backgroundProgram.use();
    gl::Program::set(m->bgTop, frame.backgroundTop);
    gl::Program::set(m->bgBottom, frame.backgroundBottom);
    gl::drawFullscreenTriangle(m->emptyVao);
    gl::depthTest(true);
    gl::depthWrite(true);

    m->uploadPalettes(frame);
    m->uploadMorphWeights(frame);
    m->uniformPalette[0] = m->uniformPalette[1] = -1;
    for (MeshVariant& variant : m->variants) variant.frameSet = false;
    m->jointTexture.bind(kJointUnit);
    if (!frame.morphWeights.empty()) m->morphWeightTexture.bind(kMorphWeightUnit);
    m->setFrameUniforms(m->heatOnlyProgram, m->heatOnlyU, frame);
    m->setFrameUniforms(m->meshProgram, m->u, frame);
    m->current = &m->meshProgram;

    const auto translucent = [](const DrawItem& item) { return item.opacity < 1.0f || item.heat == HeatShow::Only; };
    m->cull(frame);
    gl::blend(gl::Blend::Off);
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
        if (m->visible[i] && !translucent(frame.items[i])) m->drawItem(frame, frame.items[i], m->level[i]);
    }
    // Translucent items last, far to near, without writing depth.
    m->order.clear();
    for (std::size_t i = 0; i < frame.items.size(); ++i) {
        const DrawItem& item = frame.items[i];
        if (m->visible[i] && translucent(item) && (item.opacity > 0.0f || item.heat == HeatShow::Only)) m->order.push_back(i);
    }
    if (!m->order.empty()) {
        auto depth = [&](std::size_t i) {
            return glm::length(glm::vec3(frame.items[i].model[3]) - frame.cameraPosition);
        };
        std::sort(m->order.begin(), m->order.end(), [&](std::size_t a, std::size_t b) { return depth(a) > depth(b); });
        gl::blend(gl::Blend::Alpha);
        gl::depthWrite(false);
        for (const std::size_t i : m->order) m->drawItem(frame, frame.items[i], m->level[i]);
        gl::depthWrite(true);
        gl::blend(gl::Blend::Off);
    }
    m->drawXray(frame);
    m->drawMarkers(frame);
    gl::cull(gl::Cull::Off);
    gl::frontFace(gl::Winding::CounterClockwise);
    m->resolve();
    return Ok{};
}

void Renderer::presentToWindow(int windowWidth, int windowHeight) const {
    if (m->resolved.width() == 0) return;
    m->resolved.blitToWindow(windowWidth, windowHeight);
    gl::bindWindowFramebuffer();
    gl::viewport(windowWidth, windowHeight);
}

Capture Renderer::capture() const {
    return {m->resolved.width(), m->resolved.height(), m->resolved.readColor()};
}

float Renderer::depthAt(int x, int y) const { return m->resolved.readDepth(x, y); }

}  // namespace myomap::render

// What the renderer draws in one frame: plain data built by the application each frame.
// The renderer knows nothing of anatomy or of the scene model; it draws meshes it was given.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace myomap::render {

// A coarser triangle list over a mesh's own vertices (a level of detail): drawn instead of the
// full one where `error` metres on the surface cover less than FrameData::detailPixels.
struct LevelSource {
    std::span<const std::uint32_t> indices;
    float error = 0.0f;  // metres in mesh space; levels come finer to coarser
};

// Geometry to upload: spans over the caller's arrays (copied to the GPU, not kept).
// Optional attributes are empty or as long as `positions`.
struct MeshSource {
    std::span<const glm::vec3> positions;
    std::span<const glm::vec3> normals;
    std::span<const glm::vec2> uv0;
    std::span<const glm::u16vec4> joints;
    std::span<const glm::vec4> weights;
    std::span<const glm::vec4> colors;
    std::span<const glm::vec2> muscleUv;  // muscles: u along the fibres, v across
    std::span<const glm::vec3> fibre;     // muscles: unit fibre direction (bind pose)
    std::span<const std::uint32_t> indices;
    // Morph targets: `morphTargets` lists of displacements one after another, each as long as
    // `positions` (normals: empty, or the same layout). Blended on the GPU by the weights a
    // draw item gives (DrawItem::morphWeights).
    int morphTargets = 0;
    std::span<const glm::vec3> morphPositions;
    std::span<const glm::vec3> morphNormals;
    std::span<const LevelSource> levels;  // coarser and coarser; may be empty
};

struct ImageSource {
    int width = 0;
    int height = 0;
    std::span<const std::uint8_t> rgba;  // rows top to bottom
};

struct MaterialParams {
    glm::vec4 baseColor{1.0f};  // linear
    int texture = -1;           // from Renderer::addTexture
    bool doubleSided = false;
    bool striated = false;      // muscle: fibre striation and a sheen along the fibres
};

// How the per-vertex heat given with Renderer::setHeat shows on a draw item.
enum class HeatShow {
    None,     // not at all
    Blend,    // over the item's own colour
    Only,     // the item itself is hidden: only its heated parts are drawn
};

struct DrawItem {
    int mesh = -1;                // from Renderer::addMesh
    glm::mat4 model{1.0f};        // model-to-world for unskinned meshes
    int palette = -1;             // index into FrameData::palettes for skinned meshes
    MaterialParams material;
    float opacity = 1.0f;         // below 1: drawn after opaque items, blended
    std::uint32_t pickId = 0;     // written by the id pass (Renderer::pick); 0 = not pickable
    float highlight = 0.0f;       // rim glow, 0-1 (hover a little, selection fully)
    bool xray = false;            // also shown, faintly, where other surfaces cover it
    HeatShow heat = HeatShow::None;
    int morphWeights = -1;        // index into FrameData::morphWeights for a mesh with morph targets
    // Not drawn in any pass: only there so that a click looking through a covering surface can
    // land on it (the app's picker; the client look's muscles under the opaque skin).
    bool pickOnly = false;
};

// A screen-sized disc or ring at a point (trigger point markers): the same size at any zoom,
// drawn over the surfaces.
struct Marker {
    glm::vec3 position{0.0f};
    float radiusPixels = 9.0f;
    glm::vec4 color{1.0f};        // linear
    bool filled = true;           // false: a ring
    std::uint32_t pickId = 0;
};

enum class HeatPalette {
    Warm,         // pale yellow to deep red
    ColourBlind,  // pale yellow to dark blue: ordered by lightness, safe for red-green colour blindness
};

struct FrameData {
    int width = 0;
    int height = 0;
    glm::mat4 view{1.0f};
    glm::mat4 projection{1.0f};
    glm::vec3 cameraPosition{0.0f};
    glm::vec4 backgroundTop{0.93f, 0.94f, 0.95f, 1.0f};     // sRGB
    glm::vec4 backgroundBottom{0.78f, 0.80f, 0.83f, 1.0f};  // sRGB
    std::vector<DrawItem> items;
    std::vector<std::vector<glm::mat4>> palettes;  // joint matrices per skinned draw
    // Palettes of earlier frames, emptied with their storage kept, for addPalette to reuse: a
    // steady frame allocates none.
    std::vector<std::vector<glm::mat4>> sparePalettes;
    std::vector<std::vector<float>> morphWeights;  // one weight per morph target, per morphed draw
    std::vector<Marker> markers;
    HeatPalette heatPalette = HeatPalette::Warm;
    bool stippleSpillover = true;  // spillover heat as dots, essential solid (the textbook convention)
    // Smooth edges (4x multisampling). Costs 2-3x the frame time on a software renderer, where
    // the viewer turns it off by default (View > Smooth edges); screenshots keep it.
    bool antialias = true;
    // Levels of detail: each item is drawn with its coarsest level whose error covers at most
    // this many pixels where the item is nearest the camera; 0 draws every mesh in full. The
    // viewer's Detail setting (reduced on a software renderer) sets it.
    float detailPixels = 0.0f;
    // Draw surfaces with shader variants made for what each item uses (no skinning branch, no
    // heat or texture code where the item has none): the same pixels for less work on a
    // software renderer, which runs every branch of a general shader.
    bool specialisedShaders = false;
    // Leave out items wholly outside the view (render/culling.h). Off only to check that culling
    // changes no pixel.
    bool cull = true;
};

// A new empty palette at the end of frame.palettes, reusing a spare one's storage where there is one.
inline std::vector<glm::mat4>& addPalette(FrameData& frame) {
    if (frame.sparePalettes.empty()) return frame.palettes.emplace_back();
    frame.palettes.push_back(std::move(frame.sparePalettes.back()));
    frame.sparePalettes.pop_back();
    frame.palettes.back().clear();
    return frame.palettes.back();
}

}  // namespace myomap::render

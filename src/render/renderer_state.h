// Inside the renderer: the GPU objects it owns and the passes over them (renderer.cpp draws the
// frame, renderer_overlays.cpp the markers, x-ray and the id pass for picking).
#pragma once

#include "render/culling.h"
#include "render/renderer.h"

#include <functional>
#include <string_view>

namespace myomap::render {

std::string_view shaderSource(std::string_view name);  // embedded_shaders.cpp

// Attribute locations shared with shaders/mesh.vert.glsl.
enum Location : unsigned {
    kPosition = 0, kNormal = 1, kUv = 2, kJoints = 3, kWeights = 4, kColor = 5, kMuscleUv = 6, kFibre = 7, kHeat = 8
};

struct GpuMesh {
    gl::VertexArray vao;
    std::vector<gl::Buffer> buffers;
    gl::Buffer heat;  // created by the first Renderer::setHeat
    bool heatMisfitReported = false;  // a setHeat of the wrong size was logged
    std::size_t vertexCount = 0;
    int indexCount = 0;  // of the full mesh
    // The full triangles and each level of detail, one after another in the index buffer.
    struct Level {
        int first = 0;  // index of its first index
        int count = 0;  // its indices
    };
    std::vector<Level> levels;       // [0] the full mesh, then coarser and coarser
    std::vector<float> levelErrors;  // each level's error, metres in mesh space (0 for the full mesh)
    bool skinned = false;
    MeshBounds bounds;  // for culling (culling.h)
    // Morph target displacements (frame_data.h MeshSource), two texels a vertex a target
    // (position, normal), kMorphTextureWidth texels a row.
    gl::Texture morphDeltas;
    int morphTargets = 0;
};

inline constexpr int kMorphTextureWidth = 1024;  // within every OpenGL 3.3 context's texture size

// Uniform locations of each program, looked up once by name into these named fields
// (designated initializers, in declaration order: a field moved or renamed fails to compile
// instead of silently taking another uniform's location).
struct MorphUniforms {
    int targets, deltas, weights, row, vertices;
};

struct MeshUniforms {
    int model, normalMatrix, viewProjection, skinned, jointOffset, jointMatrices;
    int baseColor, hasTexture, baseColorTexture, cameraPosition, keyDirection, opacity, striated;
    int heatMode, heatPalette, stipple, highlight, xray;
    int jointsInUniforms, joints;
    MorphUniforms morph;
    int opaque;
};

// Skins this size or smaller go to the shaders as a uniform array (mesh.vert.glsl).
inline constexpr std::size_t kUniformJoints = 64;

struct IdUniforms {
    int model, viewProjection, skinned, jointOffset, jointMatrices, id;
    MorphUniforms morph;
};

// The texture units the mesh programs read (mesh.vert.glsl, mesh.frag.glsl).
enum TextureUnit : int { kJointUnit = 0, kBaseColorUnit = 1, kMorphDeltaUnit = 2, kMorphWeightUnit = 3 };

struct MarkerUniforms {
    int viewProjection, center, radius, color, filled, id;
};

// A mesh program specialised for what a draw uses (FrameData::specialisedShaders): skinned by
// a uniform palette or not, striated or not, heated or not. Built on first use.
struct MeshVariant {
    gl::Program program;
    MeshUniforms u{};
    bool tried = false;        // built (or failed to build: then the general program draws)
    int palette = -1;          // the palette in its uJoints this frame
    bool frameSet = false;     // its per-frame uniforms are set this frame
};
enum VariantBit : unsigned { kVariantSkinned = 1, kVariantStriated = 2, kVariantHeat = 4, kVariantCount = 8 };

struct Renderer::State {
    gl::ContextInfo info;
    gl::Program meshProgram;
    MeshUniforms u{};
    gl::Program heatOnlyProgram;  // mesh.frag with HEAT_ONLY: the one variant that discards
    MeshUniforms heatOnlyU{};
    MeshVariant variants[kVariantCount];
    const gl::Program* current = nullptr;  // the mesh program in use while drawing surfaces
    int uniformPalette[2] = {-1, -1};      // the palette in each mesh program's uJoints (this frame)
    gl::Program idProgram;
    IdUniforms idU{};
    gl::Program markerProgram;
    MarkerUniforms markerU{};
    gl::Program markerIdProgram;
    MarkerUniforms markerIdU{};
    gl::Program backgroundProgram;
    int bgTop = -1, bgBottom = -1;
    gl::VertexArray emptyVao;
    std::vector<GpuMesh> meshes;
    std::vector<gl::Texture> textures;
    gl::Texture jointTexture;
    std::vector<float> jointUpload;
    gl::Texture morphWeightTexture;  // FrameData::morphWeights, a row each, four weights a texel
    std::vector<float> morphUpload;
    std::vector<int> paletteOffsets;
    int targetSamples = -1;  // of `multisampled`; 0 when it is not multisampled
    gl::Framebuffer multisampled;  // none (empty) when the frame is not multisampled
    gl::Framebuffer resolved;
    // Where surfaces are drawn: the multisampled target when there is one, else `resolved`.
    gl::Framebuffer& drawTarget() { return targetSamples > 1 ? multisampled : resolved; }
    void resolve() const {
        if (targetSamples > 1) multisampled.resolveInto(resolved);
    }
    gl::Framebuffer ids;
    std::vector<std::size_t> order;
    std::vector<char> visible;  // per frame item: not culled (culling.h)
    std::vector<int> level;     // per frame item: the level of detail it is drawn with
    std::size_t culled = 0;     // items culled in the last frame
    gl::Program floorProgram;  // built on first use (benchmarks only)
    int floorViewProjection = -1;
    GpuMesh floor;

    Status ensureTargets(int width, int height, bool antialias);
    void uploadPalettes(const FrameData& frame);
    // FrameData::morphWeights into morphWeightTexture (nothing when the frame has none).
    void uploadMorphWeights(const FrameData& frame);
    // Points the program in use at the item's morph weights (or none).
    void setMorph(const FrameData& frame, const DrawItem& item, const MorphUniforms& uniforms);
    // Front faces follow the draw's transform: a mirroring one (negative determinant) turns
    // the winding clockwise, as glTF asks.
    void setWinding(const FrameData& frame, const DrawItem& item);
    const GpuMesh* meshFor(const DrawItem& item) const;
    bool isSkinned(const FrameData& frame, const DrawItem& item) const;
    // Fills `visible` for the frame's items (those wholly outside the view are left out) and
    // `level`, the level of detail each is drawn with.
    void cull(const FrameData& frame);
    // The level of detail FrameData::detailPixels asks for the item (0 for the full mesh).
    int chooseLevelFor(const FrameData& frame, const DrawItem& item) const;
    // Draws the item's triangles at `level` with whatever program is in use.
    static void drawLevel(const GpuMesh& mesh, int level);
    void setFrameUniforms(const gl::Program& program, const MeshUniforms& uniforms, const FrameData& frame);
    void drawItem(const FrameData& frame, const DrawItem& item, int lod);
    // Points the program in use at the item's joints: the uniform array when the palette fits
    // (uploaded once per palette and program), else the joint texture rows.
    void setJoints(const FrameData& frame, const DrawItem& item, const MeshUniforms& uniforms, int& palette);
    // The specialised program for the item, ready for its frame, or null where the general
    // program must draw it (specialisation off, a texture, morph targets, a large skin, heat
    // only, or a variant that failed to build).
    MeshVariant* variantFor(const FrameData& frame, const DrawItem& item);
    void drawXray(const FrameData& frame);
    void drawMarkers(const FrameData& frame);
    // The id pass into `ids` (resized to the frame), within whatever scissor is set.
    Status drawIds(const FrameData& frame);
};

Result<gl::Program> buildMarkerProgram(bool idPass, MarkerUniforms& u);
Result<gl::Program> buildIdProgram(IdUniforms& u);
Result<gl::Program> buildMeshProgram(bool heatOnly, MeshUniforms& u);
Result<gl::Program> buildMeshVariant(unsigned bits, MeshUniforms& u);
MorphUniforms morphUniforms(const gl::Program& program);
// `program` once `lookUp` has read its uniform locations into named fields, or its build error.
Result<gl::Program> withUniforms(Result<gl::Program> program, const std::function<void(const gl::Program&)>& lookUp);

}  // namespace myomap::render

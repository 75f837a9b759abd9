// The CPU scene model every loader produces and the renderer consumes: nodes, meshes,
// materials, images, skins and animation clips, in glTF's conventions (metres, +Y up).
#pragma once

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace myomap::model {

inline constexpr int kNone = -1;

struct Image {
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // 8-bit RGBA, rows top to bottom
};

struct Material {
    std::string name;
    glm::vec4 baseColor{1.0f};  // linear RGBA
    int baseColorImage = kNone; // index into Scene::images
    bool doubleSided = false;
    bool blend = false;         // alphaMode BLEND
};

// An application-specific vertex attribute (glTF names start with '_', e.g. "_MUSCLE_UV"),
// kept as floats, `components` per vertex.
struct CustomAttribute {
    std::string name;
    int components = 1;
    std::vector<float> values;
};

// A morph target: per-vertex displacements added to the primitive's attributes, scaled by the
// target's weight (glTF: mesh.primitives[].targets). Each list is empty or as long as the
// primitive's positions. Tangents are kept for completeness; Myomap's shading uses none.
struct MorphTarget {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec3> tangents;
};

// A coarser set of a primitive's triangles over the same vertices (a level of detail, made at
// build time by meshoptimizer; glTF: primitive extras "lods"). Every per-vertex attribute, label
// and heat value stays the full mesh's, so a level changes only which triangles are drawn.
struct LevelOfDetail {
    std::vector<std::uint32_t> indices;  // triangles, into the primitive's vertices
    float error = 0.0f;                  // the most the surface moves, in metres of mesh space
};

// One drawable piece: indexed triangles with per-vertex attributes. Optional attributes are
// either empty or as long as `positions`.
struct Primitive {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<glm::vec2> uv0;
    std::vector<glm::u16vec4> joints;  // indices into the skin's joint list
    std::vector<glm::vec4> weights;    // sum to 1 where present
    std::vector<glm::vec4> colors;     // COLOR_0, linear
    std::vector<std::uint32_t> indices;
    std::vector<CustomAttribute> custom;
    std::vector<MorphTarget> targets;  // every primitive of a mesh has the same number
    std::vector<LevelOfDetail> lods;   // coarser and coarser: each has fewer triangles, a larger error
    int material = kNone;

    const CustomAttribute* findCustom(const std::string& name) const;
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;
    // Names for integer labels stored in a custom attribute (glTF: mesh extras "labels"),
    // e.g. the body region under each skin vertex.
    std::vector<std::string> labels;
    // The morph targets' default weights, one per target (zeros where the file gives none).
    std::vector<float> weights;
    std::size_t targetCount() const { return primitives.empty() ? 0 : primitives.front().targets.size(); }
};

struct Node {
    std::string name;
    int parent = kNone;
    std::vector<int> children;
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};  // w, x, y, z
    glm::vec3 scale{1.0f};
    int mesh = kNone;
    int skin = kNone;
    std::vector<float> weights;  // the node's own morph weights (empty: its mesh's defaults)
};

struct Skin {
    std::string name;
    std::vector<int> joints;               // node indices
    std::vector<glm::mat4> inverseBind;    // one per joint (identity where the file has none)
};

enum class Interpolation { Step, Linear, CubicSpline };
enum class AnimatedPath { Translation, Rotation, Scale, Weights };

struct AnimationSampler {
    Interpolation interpolation = Interpolation::Linear;
    std::vector<float> times;   // strictly increasing seconds
    // Flat output values: `components` floats per key (3 for T/S, 4 for R as x,y,z,w, one per
    // morph target for weights); CUBICSPLINE stores in-tangent, value, out-tangent per key, as
    // glTF does.
    std::vector<float> values;
    int components = 3;
};

struct AnimationChannel {
    int node = kNone;
    AnimatedPath path = AnimatedPath::Translation;
    int sampler = kNone;
};

struct AnimationClip {
    std::string name;
    std::vector<AnimationSampler> samplers;
    std::vector<AnimationChannel> channels;
    float duration = 0.0f;  // last key time over all samplers
};

struct Scene {
    std::string sourcePath;
    std::vector<Node> nodes;
    std::vector<int> roots;  // nodes of the displayed scene with no parent
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Image> images;
    std::vector<Skin> skins;
    std::vector<AnimationClip> clips;
    std::vector<std::string> warnings;  // non-fatal problems found while loading

    int findNode(const std::string& name) const;
    int findClip(const std::string& name) const;
};

}  // namespace myomap::model

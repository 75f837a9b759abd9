// Evaluating a scene at a moment: sampling animation clips, node hierarchy transforms,
// skinning matrices, and the posed (CPU-skinned) geometry used for bounds, framing and tests.
#pragma once

#include "model/scene.h"

#include <vector>

namespace myomap::model {

struct NodeTransform {
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 scale{1.0f};
    std::vector<float> weights;  // morph weights of the node's mesh (empty when it has no targets)
    glm::mat4 matrix() const;
};

// Global (model-space) matrix per node, and the morph weights of each node's mesh; the result
// of evaluating a clip at time t.
struct Pose {
    std::vector<glm::mat4> global;
    std::vector<std::vector<float>> weights;  // per node; empty where the node's mesh has no targets
};

// A node's morph weights at rest: its own, else its mesh's, else zeros; one per target of its
// mesh (empty for a node without a mesh with targets).
std::vector<float> restWeights(const Scene& scene, int node);

// Samples one sampler at time t (seconds), clamped to its key range. `path` says what the
// values are: for rotations the result is a normalised quaternion in x, y, z, w order (slerp
// between keys); weights are plain numbers however many there are. `out` receives
// `sampler.components` floats.
void sampleAnimation(const AnimationSampler& sampler, float t, float* out, AnimatedPath path);

// Node-local transforms at time t: the nodes' rest TRS overridden by the clip's channels
// (clip may be null for the rest pose).
std::vector<NodeTransform> animatedTransforms(const Scene& scene, const AnimationClip* clip, float t);
// The same into `local`, reusing its storage: no allocation once it has grown (a steady frame).
void animatedTransforms(const Scene& scene, const AnimationClip* clip, float t, std::vector<NodeTransform>& local);

// Global matrices from local ones; parents are resolved whatever the node order.
Pose computePose(const Scene& scene, const std::vector<NodeTransform>& local);

inline Pose evaluatePose(const Scene& scene, const AnimationClip* clip, float t) {
    return computePose(scene, animatedTransforms(scene, clip, t));
}

// What evaluating a pose needs besides the pose, kept between frames.
struct PoseScratch {
    std::vector<NodeTransform> local;
    std::vector<unsigned char> state;
    std::vector<int> stack;
};
// evaluatePose into `pose`, reusing its storage and `scratch`'s: a steady frame allocates nothing.
void evaluatePose(const Scene& scene, const AnimationClip* clip, float t, Pose& pose, PoseScratch& scratch);

// Per glTF: jointMatrix[i] = global(joint i) * inverseBind[i]. A skinned mesh's own node
// transform does not apply: skinned vertices land directly in model space.
std::vector<glm::mat4> jointMatrices(const Scene& scene, const Skin& skin, const Pose& pose);
void jointMatrices(const Scene& scene, const Skin& skin, const Pose& pose, std::vector<glm::mat4>& into);

struct Bounds {
    glm::vec3 min{1e30f};
    glm::vec3 max{-1e30f};
    bool empty() const { return min.x > max.x; }
    void add(const glm::vec3& p) { min = glm::min(min, p); max = glm::max(max, p); }
    glm::vec3 centre() const { return (min + max) * 0.5f; }
    glm::vec3 size() const { return empty() ? glm::vec3(0.0f) : max - min; }
};

// Model-space positions of one primitive of the mesh on `node`: morphed by the node's weights
// in `pose`, then skinned if the node has a skin (the glTF order).
std::vector<glm::vec3> posedPositions(const Scene& scene, const Pose& pose, int node,
                                      const Primitive& primitive);

// Bounds of every mesh in the displayed scene, posed; points that are not finite or lie beyond
// 1e15 m are left out, so centre() and size() are finite.
Bounds posedBounds(const Scene& scene, const Pose& pose);

// Nodes reachable from the scene roots that carry a mesh, in depth-first order.
std::vector<int> meshNodes(const Scene& scene);

}  // namespace myomap::model

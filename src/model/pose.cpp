#include "model/pose.h"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtx/quaternion.hpp>

#include <algorithm>
#include <cmath>

namespace myomap::model {

glm::mat4 NodeTransform::matrix() const {
    glm::mat4 m = glm::mat4_cast(rotation);
    m[0] *= scale.x;
    m[1] *= scale.y;
    m[2] *= scale.z;
    m[3] = glm::vec4(translation, 1.0f);
    return m;
}

namespace {

glm::quat quatAt(const float* xyzw) { return glm::quat(xyzw[3], xyzw[0], xyzw[1], xyzw[2]); }

void storeQuat(glm::quat q, float* out) {
    const float len = std::sqrt(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
    if (!(len > 1e-12f) || !std::isfinite(len)) q = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
    else q /= len;
    out[0] = q.x;
    out[1] = q.y;
    out[2] = q.z;
    out[3] = q.w;
}

// Spherical interpolation along the shorter arc, falling back to a normalised lerp when the
// two rotations are nearly the same (where slerp's division becomes unstable).
glm::quat slerpShortest(glm::quat a, glm::quat b, float s) {
    float d = glm::dot(a, b);
    if (d < 0.0f) {
        b = -b;
        d = -d;
    }
    if (d > 0.9995f) return glm::normalize(a * (1.0f - s) + b * s);
    const float theta = std::acos(std::clamp(d, -1.0f, 1.0f));
    const float sinTheta = std::sin(theta);
    return a * (std::sin((1.0f - s) * theta) / sinTheta) + b * (std::sin(s * theta) / sinTheta);
}

}  // namespace

void sampleAnimation(const AnimationSampler& sampler, float t, float* out, AnimatedPath path) {
    const int n = sampler.components;
    const bool cubic = sampler.interpolation == Interpolation::CubicSpline;
    const std::size_t stride = static_cast<std::size_t>(cubic ? 3 * n : n);
    const std::size_t valueOffset = static_cast<std::size_t>(cubic ? n : 0);
    const std::size_t keys = sampler.times.size();
    const bool rotation = path == AnimatedPath::Rotation && n == 4;
    auto value = [&](std::size_t k) { return sampler.values.data() + k * stride + valueOffset; };
    auto copy = [&](const float* src) {
        if (rotation) storeQuat(quatAt(src), out);
        else std::copy(src, src + n, out);
    };
    if (keys == 0 || sampler.values.size() < keys * stride) {
        for (int i = 0; i < n; ++i) out[i] = (rotation && i == 3) ? 1.0f : 0.0f;
        return;
    }
    if (!(t > sampler.times.front())) return copy(value(0));  // also catches NaN
    if (t >= sampler.times.back()) return copy(value(keys - 1));

    // Last key whose time is <= t.
    const auto next = std::upper_bound(sampler.times.begin(), sampler.times.end(), t);
    const std::size_t k1 = static_cast<std::size_t>(next - sampler.times.begin());
    const std::size_t k0 = k1 - 1;
    const float t0 = sampler.times[k0];
    const float dt = sampler.times[k1] - t0;
    const float s = dt > 0.0f ? (t - t0) / dt : 0.0f;

    switch (sampler.interpolation) {
    case Interpolation::Step:
        return copy(value(k0));
    case Interpolation::Linear:
        if (rotation) return storeQuat(slerpShortest(quatAt(value(k0)), quatAt(value(k1)), s), out);
        for (int i = 0; i < n; ++i) out[i] = value(k0)[i] + (value(k1)[i] - value(k0)[i]) * s;
        return;
    case Interpolation::CubicSpline: {
        // Hermite spline with tangents scaled by the key interval (glTF 2.0, Appendix C).
        const float* p0 = value(k0);
        const float* m0 = sampler.values.data() + k0 * stride + 2 * static_cast<std::size_t>(n);  // out-tangent
        const float* p1 = value(k1);
        const float* m1 = sampler.values.data() + k1 * stride;  // in-tangent
        const float s2 = s * s;
        const float s3 = s2 * s;
        const float h00 = 2 * s3 - 3 * s2 + 1;
        const float h10 = s3 - 2 * s2 + s;
        const float h01 = -2 * s3 + 3 * s2;
        const float h11 = s3 - s2;
        // Written straight into `out` (a weights sampler has one value per morph target, any
        // number); a rotation is normalised afterwards.
        for (int i = 0; i < n; ++i) {
            out[i] = h00 * p0[i] + h10 * dt * m0[i] + h01 * p1[i] + h11 * dt * m1[i];
        }
        if (rotation) storeQuat(quatAt(out), out);
        return;
    }
    }
}

std::vector<float> restWeights(const Scene& scene, int node) {
    if (node < 0 || static_cast<std::size_t>(node) >= scene.nodes.size()) return {};
    const Node& n = scene.nodes[static_cast<std::size_t>(node)];
    if (n.mesh < 0 || static_cast<std::size_t>(n.mesh) >= scene.meshes.size()) return {};
    const Mesh& mesh = scene.meshes[static_cast<std::size_t>(n.mesh)];
    const std::size_t targets = mesh.targetCount();
    if (targets == 0) return {};
    std::vector<float> weights = n.weights.size() == targets ? n.weights : mesh.weights;
    weights.resize(targets, 0.0f);
    return weights;
}

std::vector<NodeTransform> animatedTransforms(const Scene& scene, const AnimationClip* clip, float t) {
    std::vector<NodeTransform> local;
    animatedTransforms(scene, clip, t, local);
    return local;
}

void animatedTransforms(const Scene& scene, const AnimationClip* clip, float t, std::vector<NodeTransform>& local) {
    local.resize(scene.nodes.size());
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        NodeTransform& n = local[i];
        n.translation = scene.nodes[i].translation;
        n.rotation = scene.nodes[i].rotation;
        n.scale = scene.nodes[i].scale;
        // Rest weights allocate only for a mesh with morph targets (none: cleared, storage kept).
        if (const Node& node = scene.nodes[i]; node.mesh >= 0 && static_cast<std::size_t>(node.mesh) < scene.meshes.size() &&
                                               scene.meshes[static_cast<std::size_t>(node.mesh)].targetCount() > 0) {
            n.weights = restWeights(scene, static_cast<int>(i));
        } else {
            n.weights.clear();
        }
    }
    if (!clip) return;
    for (const AnimationChannel& channel : clip->channels) {
        if (channel.node < 0 || static_cast<std::size_t>(channel.node) >= local.size()) continue;
        if (channel.sampler < 0 || static_cast<std::size_t>(channel.sampler) >= clip->samplers.size()) continue;
        const AnimationSampler& sampler = clip->samplers[static_cast<std::size_t>(channel.sampler)];
        float v[4] = {0, 0, 0, 1};
        NodeTransform& target = local[static_cast<std::size_t>(channel.node)];
        switch (channel.path) {
        case AnimatedPath::Translation:
            if (sampler.components != 3) break;
            sampleAnimation(sampler, t, v, channel.path);
            target.translation = {v[0], v[1], v[2]};
            break;
        case AnimatedPath::Scale:
            if (sampler.components != 3) break;
            sampleAnimation(sampler, t, v, channel.path);
            target.scale = {v[0], v[1], v[2]};
            break;
        case AnimatedPath::Rotation:
            if (sampler.components != 4) break;
            sampleAnimation(sampler, t, v, channel.path);
            target.rotation = quatAt(v);
            break;
        case AnimatedPath::Weights:
            // One value per target of the node's mesh (the loader checked the count).
            if (target.weights.empty() || static_cast<std::size_t>(sampler.components) != target.weights.size()) break;
            sampleAnimation(sampler, t, target.weights.data(), channel.path);
            break;
        }
    }
}

namespace {

void globalsInto(const Scene& scene, const std::vector<NodeTransform>& local, Pose& pose, std::vector<unsigned char>& state,
                 std::vector<int>& stack) {
    const std::size_t count = scene.nodes.size();
    pose.global.assign(count, glm::mat4(1.0f));
    pose.weights.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i < local.size() && !local[i].weights.empty()) pose.weights[i] = local[i].weights;
        else pose.weights[i].clear();
    }
    // 0 = not done, 1 = in progress, 2 = done. Iterative so a deep chain cannot overflow the
    // stack; a cycle (rejected by validateScene, guarded here too) ends as identity.
    state.assign(count, 0);
    stack.clear();
    for (std::size_t start = 0; start < count; ++start) {
        if (state[start] == 2) continue;
        stack.push_back(static_cast<int>(start));
        while (!stack.empty()) {
            const auto node = static_cast<std::size_t>(stack.back());
            const int parent = scene.nodes[node].parent;
            const bool hasParent = parent >= 0 && static_cast<std::size_t>(parent) < count;
            if (hasParent && state[static_cast<std::size_t>(parent)] != 2) {
                if (state[static_cast<std::size_t>(parent)] == 1) {  // cycle
                    state[node] = 2;
                    stack.pop_back();
                    continue;
                }
                state[node] = 1;
                stack.push_back(parent);
                continue;
            }
            const glm::mat4 m = node < local.size() ? local[node].matrix() : glm::mat4(1.0f);
            pose.global[node] = hasParent ? pose.global[static_cast<std::size_t>(parent)] * m : m;
            state[node] = 2;
            stack.pop_back();
        }
    }
}

}  // namespace

Pose computePose(const Scene& scene, const std::vector<NodeTransform>& local) {
    Pose pose;
    std::vector<unsigned char> state;
    std::vector<int> stack;
    globalsInto(scene, local, pose, state, stack);
    return pose;
}

void evaluatePose(const Scene& scene, const AnimationClip* clip, float t, Pose& pose, PoseScratch& scratch) {
    animatedTransforms(scene, clip, t, scratch.local);
    globalsInto(scene, scratch.local, pose, scratch.state, scratch.stack);
}

std::vector<glm::mat4> jointMatrices(const Scene& scene, const Skin& skin, const Pose& pose) {
    std::vector<glm::mat4> result;
    jointMatrices(scene, skin, pose, result);
    return result;
}

void jointMatrices(const Scene& scene, const Skin& skin, const Pose& pose, std::vector<glm::mat4>& result) {
    result.assign(skin.joints.size(), glm::mat4(1.0f));
    for (std::size_t i = 0; i < skin.joints.size(); ++i) {
        const int joint = skin.joints[i];
        if (joint < 0 || static_cast<std::size_t>(joint) >= scene.nodes.size()) continue;
        const glm::mat4 inverseBind = i < skin.inverseBind.size() ? skin.inverseBind[i] : glm::mat4(1.0f);
        result[i] = pose.global[static_cast<std::size_t>(joint)] * inverseBind;
    }
}

std::vector<glm::vec3> posedPositions(const Scene& scene, const Pose& pose, int node,
                                      const Primitive& primitive) {
    std::vector<glm::vec3> out(primitive.positions.size());
    const Node& n = scene.nodes[static_cast<std::size_t>(node)];
    // Morph targets first, in the mesh's own space.
    const std::vector<glm::vec3>* source = &primitive.positions;
    std::vector<glm::vec3> morphed;
    if (static_cast<std::size_t>(node) < pose.weights.size() && !primitive.targets.empty()) {
        const std::vector<float>& weights = pose.weights[static_cast<std::size_t>(node)];
        morphed = primitive.positions;
        for (std::size_t t = 0; t < primitive.targets.size() && t < weights.size(); ++t) {
            const std::vector<glm::vec3>& delta = primitive.targets[t].positions;
            if (weights[t] == 0.0f || delta.size() != morphed.size()) continue;
            for (std::size_t i = 0; i < morphed.size(); ++i) morphed[i] += weights[t] * delta[i];
        }
        source = &morphed;
    }
    const std::vector<glm::vec3>& positions = *source;
    const bool skinned = n.skin >= 0 && !primitive.joints.empty() && !primitive.weights.empty();
    if (!skinned) {
        const glm::mat4& m = pose.global[static_cast<std::size_t>(node)];
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = glm::vec3(m * glm::vec4(positions[i], 1.0f));
        return out;
    }
    const std::vector<glm::mat4> joints = jointMatrices(scene, scene.skins[static_cast<std::size_t>(n.skin)], pose);
    for (std::size_t i = 0; i < out.size(); ++i) {
        glm::mat4 m(0.0f);
        for (int k = 0; k < 4; ++k) {
            const float w = primitive.weights[i][k];
            const std::size_t j = primitive.joints[i][k];
            if (w != 0.0f && j < joints.size()) m += w * joints[j];
        }
        out[i] = glm::vec3(m * glm::vec4(positions[i], 1.0f));
    }
    return out;
}

std::vector<int> meshNodes(const Scene& scene) {
    std::vector<int> result;
    std::vector<int> stack(scene.roots.rbegin(), scene.roots.rend());
    std::vector<unsigned char> seen(scene.nodes.size(), 0);
    while (!stack.empty()) {
        const int node = stack.back();
        stack.pop_back();
        if (node < 0 || static_cast<std::size_t>(node) >= scene.nodes.size() || seen[static_cast<std::size_t>(node)]) continue;
        seen[static_cast<std::size_t>(node)] = 1;
        const Node& n = scene.nodes[static_cast<std::size_t>(node)];
        if (n.mesh >= 0) result.push_back(node);
        for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
    }
    return result;
}

Bounds posedBounds(const Scene& scene, const Pose& pose) {
    // Points that are not finite, or so far out that max - min could overflow to infinity, are
    // left out: the camera frames these bounds and must get finite numbers.
    constexpr float kFar = 1e15f;
    auto usable = [](const glm::vec3& p) {
        return std::abs(p.x) <= kFar && std::abs(p.y) <= kFar && std::abs(p.z) <= kFar;  // false for NaN too
    };
    Bounds bounds;
    for (const int node : meshNodes(scene)) {
        const Mesh& mesh = scene.meshes[static_cast<std::size_t>(scene.nodes[static_cast<std::size_t>(node)].mesh)];
        for (const Primitive& primitive : mesh.primitives) {
            for (const glm::vec3& p : posedPositions(scene, pose, node, primitive)) {
                if (usable(p)) bounds.add(p);
            }
        }
    }
    return bounds;
}

}  // namespace myomap::model

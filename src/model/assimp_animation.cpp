// Animation clips from Assimp's node animations (one sampler per translation, rotation and
// scale track) and morph animations (a weights track), linear, times in seconds (Assimp's are
// in ticks).
#include "model/assimp_convert.h"

#include <assimp/scene.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <unordered_map>

namespace myomap::model::assimp {
namespace {

// Assimp keys are in ticks, possibly unsorted or repeated: sort them, keep the first of equal
// times, and drop keys that are not finite.
template <typename Key>
void addChannel(AnimationClip& clip, int node, AnimatedPath path, const Key* keys, unsigned count, double tps) {
    if (!keys || count == 0) return;
    const int components = path == AnimatedPath::Rotation ? 4 : 3;
    std::vector<unsigned> order;  // NaN times would break the sort's ordering: left out first
    for (unsigned k = 0; k < count; ++k) {
        if (std::isfinite(keys[k].mTime)) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(), [&](unsigned x, unsigned y) { return keys[x].mTime < keys[y].mTime; });
    AnimationSampler sampler;
    sampler.interpolation = Interpolation::Linear;
    sampler.components = components;
    for (const unsigned k : order) {
        const float time = static_cast<float>(keys[k].mTime / tps);
        float value[4] = {0.0f, 0.0f, 0.0f, 1.0f};
        if constexpr (std::is_same_v<Key, aiQuatKey>) {
            const aiQuaternion& q = keys[k].mValue;
            const float length = std::sqrt(q.x * q.x + q.y * q.y + q.z * q.z + q.w * q.w);
            if (!std::isfinite(length) || length < 1e-12f) continue;
            value[0] = q.x / length;
            value[1] = q.y / length;
            value[2] = q.z / length;
            value[3] = q.w / length;
        } else {
            value[0] = keys[k].mValue.x;
            value[1] = keys[k].mValue.y;
            value[2] = keys[k].mValue.z;
        }
        bool usable = std::isfinite(time);  // finite ticks can still overflow a float
        for (int i = 0; i < components; ++i) usable = usable && std::isfinite(value[i]);
        if (!usable || (!sampler.times.empty() && !(time > sampler.times.back()))) continue;
        sampler.times.push_back(time);
        sampler.values.insert(sampler.values.end(), value, value + components);
    }
    if (sampler.times.empty()) return;
    clip.channels.push_back({node, path, static_cast<int>(clip.samplers.size())});
    clip.samplers.push_back(std::move(sampler));
}

// A morph animation (aiMeshMorphAnim: per key, weights for some of the mesh's anim meshes) as
// a weights channel: one value per target per key, unlisted targets 0, linear.
void addMorphChannel(AnimationClip& clip, int node, std::size_t targets, const aiMeshMorphAnim& anim, double tps) {
    if (!anim.mKeys || anim.mNumKeys == 0 || targets == 0) return;
    std::vector<unsigned> order;
    for (unsigned k = 0; k < anim.mNumKeys; ++k) {
        if (std::isfinite(anim.mKeys[k].mTime)) order.push_back(k);
    }
    std::stable_sort(order.begin(), order.end(), [&](unsigned x, unsigned y) { return anim.mKeys[x].mTime < anim.mKeys[y].mTime; });
    AnimationSampler sampler;
    sampler.interpolation = Interpolation::Linear;
    sampler.components = static_cast<int>(targets);
    std::vector<float> weights(targets);
    for (const unsigned k : order) {
        const aiMeshMorphKey& key = anim.mKeys[k];
        const float time = static_cast<float>(key.mTime / tps);
        if (!std::isfinite(time) || (!sampler.times.empty() && !(time > sampler.times.back()))) continue;
        std::fill(weights.begin(), weights.end(), 0.0f);
        for (unsigned j = 0; key.mValues && key.mWeights && j < key.mNumValuesAndWeights; ++j) {
            const auto weight = static_cast<float>(key.mWeights[j]);
            if (key.mValues[j] < targets && std::isfinite(weight)) weights[key.mValues[j]] = weight;
        }
        sampler.times.push_back(time);
        sampler.values.insert(sampler.values.end(), weights.begin(), weights.end());
    }
    if (sampler.times.empty()) return;
    clip.channels.push_back({node, AnimatedPath::Weights, static_cast<int>(clip.samplers.size())});
    clip.samplers.push_back(std::move(sampler));
}

}  // namespace

void convertAnimations(const aiScene& in, Scene& out) {
    std::unordered_map<std::string, int> nodeByName;  // the first of equal names wins, as for bones
    for (std::size_t i = 0; i < out.nodes.size(); ++i) nodeByName.emplace(out.nodes[i].name, static_cast<int>(i));
    const unsigned count = in.mAnimations ? in.mNumAnimations : 0;
    for (unsigned a = 0; a < count; ++a) {
        const aiAnimation* src = in.mAnimations[a];
        if (!src) continue;
        AnimationClip clip;
        clip.name = src->mName.length > 0 ? std::string(src->mName.C_Str()) : "animation_" + std::to_string(a);
        const std::string where = "animation '" + clip.name + "'";
        const double tps =
            std::isfinite(src->mTicksPerSecond) && src->mTicksPerSecond > 0.0 ? src->mTicksPerSecond : 25.0;
        for (unsigned c = 0; src->mChannels && c < src->mNumChannels; ++c) {
            const aiNodeAnim* channel = src->mChannels[c];
            if (!channel) continue;
            const auto found = nodeByName.find(channel->mNodeName.C_Str());
            const int node = found == nodeByName.end() ? kNone : found->second;
            if (node == kNone) {
                out.warnings.push_back(where + ": channel for '" + std::string(channel->mNodeName.C_Str()) +
                                       "', which is not a node; skipped");
                continue;
            }
            addChannel(clip, node, AnimatedPath::Translation, channel->mPositionKeys, channel->mNumPositionKeys, tps);
            addChannel(clip, node, AnimatedPath::Rotation, channel->mRotationKeys, channel->mNumRotationKeys, tps);
            addChannel(clip, node, AnimatedPath::Scale, channel->mScalingKeys, channel->mNumScalingKeys, tps);
        }
        for (unsigned c = 0; src->mMorphMeshChannels && c < src->mNumMorphMeshChannels; ++c) {
            const aiMeshMorphAnim* channel = src->mMorphMeshChannels[c];
            if (!channel) continue;
            const auto found = nodeByName.find(channel->mName.C_Str());
            const int node = found == nodeByName.end() ? kNone : found->second;
            const int mesh = node == kNone ? kNone : out.nodes[static_cast<std::size_t>(node)].mesh;
            const std::size_t targets = mesh == kNone ? 0 : out.meshes[static_cast<std::size_t>(mesh)].targetCount();
            if (targets == 0) {
                out.warnings.push_back(where + ": morph channel for '" + std::string(channel->mName.C_Str()) +
                                       "', which is not a node with morph targets; skipped");
                continue;
            }
            addMorphChannel(clip, node, targets, *channel, tps);
        }
        if (src->mNumMeshChannels > 0) out.warnings.push_back(where + ": vertex (mesh) animation is not played");
        for (const AnimationSampler& s : clip.samplers) clip.duration = std::max(clip.duration, s.times.back());
        out.clips.push_back(std::move(clip));
    }
}

}  // namespace myomap::model::assimp

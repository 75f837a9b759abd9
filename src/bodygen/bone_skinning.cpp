#include "bodygen/bone_skinning.h"

#include <algorithm>
#include <array>

namespace myomap::bodygen {

void followSkinNearSurface(std::vector<BodyMesh>& bones, const BodyShape& shape, const SkinWeighting& weighting,
                           const BoneFollowDepths& depths) {
    for (BodyMesh& bone : bones) {
        for (std::size_t i = 0; i < bone.positions.size(); ++i) {
            const float depth = -shape.distance(bone.positions[i]);
            if (depth >= depths.rigidDepth) continue;
            // 1: rigid, 0: the skin's weights.
            const float rigid = std::clamp((depth - depths.followDepth) / (depths.rigidDepth - depths.followDepth), 0.0f, 1.0f);
            glm::u16vec4 skinJoints;
            glm::vec4 skinWeights;
            weighting.weigh(bone.positions[i], skinJoints, skinWeights);
            // Up to five joints: the bone's own and the skin's four; the strongest four kept.
            std::array<std::pair<float, std::uint16_t>, 5> mix{};
            mix[0] = {rigid, bone.joints[i][0]};
            for (int k = 0; k < 4; ++k) mix[static_cast<std::size_t>(k + 1)] = {(1.0f - rigid) * skinWeights[k], skinJoints[k]};
            for (std::size_t a = 1; a < mix.size(); ++a) {
                for (std::size_t b = 0; b < a; ++b) {
                    if (mix[b].second == mix[a].second) {
                        mix[b].first += mix[a].first;
                        mix[a].first = 0.0f;
                    }
                }
            }
            std::sort(mix.begin(), mix.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
            const float total = mix[0].first + mix[1].first + mix[2].first + mix[3].first;
            for (int k = 0; k < 4; ++k) {
                const auto& [w, j] = mix[static_cast<std::size_t>(k)];
                bone.joints[i][k] = w > 0.0f ? j : 0;
                bone.weights[i][k] = w > 0.0f ? w / total : 0.0f;
            }
        }
    }
}

}  // namespace myomap::bodygen

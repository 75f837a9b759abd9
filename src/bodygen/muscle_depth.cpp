#include "bodygen/muscle_depth.h"

#include "bodygen/muscle_profile.h"

#include <algorithm>

namespace myomap::bodygen {
namespace {

constexpr float kCoverRadius = 0.008f;  // how near a footprint sample must be to cover a node
constexpr float kLayerGap = 0.001f;     // between a muscle and the one above it
constexpr float kSkinClearance = 0.001f;  // the least depth of any muscle point under the skin

// Where a layer's outer face lies under the skin when no muscle lies above it.
float minimumDepth(Layer layer) {
    switch (layer) {
    case Layer::Intermediate: return 0.0045f;
    case Layer::Deep: return 0.007f;
    default: return 0.0025f;
    }
}

// The share of a limb's radius (skin to bone axis) a layer may reach down to, so that deep
// muscles stay on their side of the bone.
float radiusShare(Layer layer) {
    switch (layer) {
    case Layer::Intermediate: return 0.7f;
    case Layer::Deep: return 0.88f;
    default: return 0.5f;
    }
}

bool isLimb(const std::string& joint) {
    return joint == "upper_arm" || joint == "forearm" || joint == "hand" || joint == "thigh" || joint == "shin" ||
           joint == "foot" || joint == "toes";
}

// A 3x3 pass over the grid: the maximum (dilate) or the mean (blur) of each neighbourhood.
void filter(std::vector<float>& values, int rows, int columns, bool dilate) {
    std::vector<float> out(values.size());
    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < columns; ++j) {
            float best = 0.0f, sum = 0.0f;
            int count = 0;
            for (int di = -1; di <= 1; ++di) {
                for (int dj = -1; dj <= 1; ++dj) {
                    const int a = i + di, b = j + dj;
                    if (a < 0 || a >= rows || b < 0 || b >= columns) continue;
                    const float x = values[static_cast<std::size_t>(a * columns + b)];
                    best = count == 0 ? x : std::max(best, x);
                    sum += x;
                    ++count;
                }
            }
            out[static_cast<std::size_t>(i * columns + j)] = dilate ? best : sum / static_cast<float>(count);
        }
    }
    values.swap(out);
}

}  // namespace

void placeThickness(const MuscleSpec& spec, const SkinSurface& surface, const Skeleton& skeleton,
                    const MuscleCoverage& coverage, const std::vector<glm::vec3>& grid, MuscleLayout& layout) {
    const int rows = layout.rows, columns = layout.columns;
    const std::size_t nodes = grid.size();
    const bool shell = spec.placement == MusclePlacement::Shell;
    layout.skin.resize(nodes);
    layout.outer.resize(nodes);
    layout.inner.resize(nodes);
    layout.innerDepth.resize(nodes);

    std::vector<float> thickness(nodes), depth(nodes);
    for (int i = 0; i < rows; ++i) {
        const float u = static_cast<float>(i) / static_cast<float>(rows - 1);
        for (int j = 0; j < columns; ++j) {
            const std::size_t n = layout.at(i, j);
            thickness[n] = spec.thickness * muscleThickness(spec.shape, u, spec.bellyU);
            const glm::vec3 skin = shell ? grid[n] : surface.onto(grid[n]);
            layout.skin[n] = skin;
            const float cover = coverage.depthUnder(skin, kCoverRadius);
            depth[n] = std::max(minimumDepth(spec.layer), cover > 0.0f ? cover + kLayerGap : 0.0f);
            // Thin limbs: the layer may only use its share of the way to the bone axis.
            const int bone = skeleton.nearestBone(skin);
            if (bone >= 0 && isLimb(skeleton.joints()[static_cast<std::size_t>(bone)].base)) {
                const float limit = radiusShare(spec.layer) * skeleton.distanceToBone(bone, skin);
                thickness[n] = std::min(thickness[n], std::max(limit - depth[n], 0.3f * thickness[n]));
            }
        }
    }
    // Dilating before blurring keeps every node at least as deep as the muscles above it ask.
    for (int pass = 0; pass < 2; ++pass) {
        filter(depth, rows, columns, true);
        filter(depth, rows, columns, false);
        filter(thickness, rows, columns, false);
    }

    for (int i = 0; i < rows; ++i) {
        for (int j = 0; j < columns; ++j) {
            const std::size_t n = layout.at(i, j);
            const float v = static_cast<float>(j) / static_cast<float>(columns - 1);
            const CrossSection cs = muscleCrossSection(spec.shape, v);
            const float t = thickness[n];
            if (shell) {
                const glm::vec3 normal = surface.normal(grid[n]);
                layout.outer[n] = grid[n] - normal * (depth[n] + t * cs.outer);
                layout.inner[n] = grid[n] - normal * (depth[n] + t * cs.inner);
                layout.innerDepth[n] = depth[n] + t * cs.inner;
                continue;
            }
            // On the bones the cross-section opens across the ribbon, centred on it (its sign
            // does not matter, only that it turns smoothly from node to node).
            const glm::vec3 across =
                grid[layout.at(i, std::min(j + 1, columns - 1))] - grid[layout.at(i, std::max(j - 1, 0))];
            glm::vec3 normal = glm::cross(layout.fibre[n], across);
            normal = glm::length(normal) > 0.0f ? glm::normalize(normal) : surface.normal(grid[n]);
            // Push the node in until its outer face is under the skin and the muscles above.
            const glm::vec3 out = surface.normal(grid[n]);
            const float below = -surface.shape().distance(grid[n]);
            const float need = depth[n] + 0.5f * t;
            const glm::vec3 middle = below < need ? grid[n] - out * (need - below) : grid[n];
            layout.outer[n] = middle + normal * (t * (0.5f - cs.outer));
            layout.inner[n] = middle + normal * (t * (0.5f - cs.inner));
            layout.innerDepth[n] = std::max(below, need) + 0.5f * t;
        }
    }
    // Offsets along the normal can still reach out where the skin curves tightly (a crease,
    // a fingertip of a tendon): pull such points back under it.
    for (std::vector<glm::vec3>* face : {&layout.outer, &layout.inner}) {
        for (glm::vec3& p : *face) {
            const float d = surface.shape().distance(p);
            if (d > -kSkinClearance) p -= surface.normal(p) * (d + kSkinClearance);
        }
    }
}

}  // namespace myomap::bodygen

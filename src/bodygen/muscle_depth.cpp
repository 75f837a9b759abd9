#include "bodygen/muscle_depth.h"

#include "bodygen/muscle_profile.h"

#include <algorithm>

namespace myomap::bodygen {
namespace {

constexpr float kCoverRadius = 0.008f;    // how near a footprint sample must be to cover a node
constexpr float kLayerGap = 0.001f;       // between a muscle and the one above it
constexpr float kSkinClearance = 0.001f;  // the least depth of any muscle point under the skin

// Where a layer's outer face lies under the skin when no muscle lies above it.
float minimumDepth(Layer layer) {
    switch (layer) {
        case Layer::Intermediate: return 0.0045f;
        case Layer::Deep: return 0.007f;
        default: return 0.0025f;
    }
}

// The share of the way from the skin to the core a layer may reach down to, so that deep
// muscles in a thin limb stay on their side of the bone.
float radiusShare(Layer layer) {
    switch (layer) {
        case Layer::Intermediate: return 0.7f;
        case Layer::Deep: return 0.88f;
        default: return 0.5f;
    }
}

float smoothstep01(float x) {
    const float t = glm::clamp(x, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

// A muscle's core bones: the bones its attachments move with and those between them in the
// skeleton (a calf muscle from the thigh to the foot spans the shin). The clavicle and scapula
// lie just under the skin and stand in for nothing: the trunk below them takes their place.
std::vector<int> coreBones(const MuscleSpec& spec, const Skeleton& skeleton) {
    const auto& joints = skeleton.joints();
    const auto parentOf = [&](int j) { return joints[static_cast<std::size_t>(j)].parent; };
    const auto chain = [&](int j) {  // the joint and its ancestors, up to the root
        std::vector<int> up;
        for (; j >= 0; j = parentOf(j)) up.push_back(j);
        return up;
    };
    std::vector<int> attached;
    for (const auto* points : {&spec.origin, &spec.insertion, &spec.via}) {
        for (const MusclePoint& p : *points) attached.push_back(p.joint);
    }
    std::vector<int> bones;
    const auto add = [&](int j) {
        while (j >= 0 && (joints[static_cast<std::size_t>(j)].base == "clavicle" ||
                          joints[static_cast<std::size_t>(j)].base == "scapula")) {
            j = parentOf(j);
        }
        if (j >= 0 && std::find(bones.begin(), bones.end(), j) == bones.end()) bones.push_back(j);
    };
    for (const int a : attached) {
        const std::vector<int> upA = chain(a);
        for (const int b : attached) {
            // The tree path between a and b: both climb to their lowest common ancestor.
            const std::vector<int> upB = chain(b);
            for (const int j : upA) {
                add(j);
                if (std::find(upB.begin(), upB.end(), j) != upB.end()) break;
            }
            for (const int j : upB) {
                add(j);
                if (std::find(upA.begin(), upA.end(), j) != upA.end()) break;
            }
        }
    }
    std::sort(bones.begin(), bones.end());
    return bones;
}

// The core of the body part under a skin point: the nearest point on the muscle's core bones,
// blended between the two nearest so the way in turns smoothly where one bone hands over to
// the next. Depths are measured along the line from the skin to it: such lines do not cross
// before they reach the core, so shells under a thin limb stay nested.
glm::vec3 coreUnder(const Skeleton& skeleton, const std::vector<int>& bones, const glm::vec3& p) {
    glm::vec3 nearest[2] = {p, p};
    float distance[2] = {1e9f, 1e9f};
    for (const int j : bones) {
        const Joint& joint = skeleton.joints()[static_cast<std::size_t>(j)];
        const glm::vec3 a = joint.head, ab = joint.tail - a;
        const float len2 = glm::dot(ab, ab);
        const glm::vec3 q = a + ab * (len2 > 0.0f ? glm::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f);
        const float d = glm::length(p - q);
        if (d < distance[0]) {
            nearest[1] = nearest[0];
            distance[1] = distance[0];
            nearest[0] = q;
            distance[0] = d;
        } else if (d < distance[1]) {
            nearest[1] = q;
            distance[1] = d;
        }
    }
    if (distance[1] > 1e8f) return nearest[0];
    constexpr float kHandOver = 0.02f;  // metres of difference over which the two blend
    const float w = 0.5f + 0.5f * smoothstep01((distance[1] - distance[0]) / kHandOver);
    return glm::mix(nearest[1], nearest[0], w);
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

    const std::vector<int> bones = coreBones(spec, skeleton);
    std::vector<float> thickness(nodes), depth(nodes), radius(nodes);
    std::vector<glm::vec3> inward(nodes);
    for (int i = 0; i < rows; ++i) {
        const float u = static_cast<float>(i) / static_cast<float>(rows - 1);
        for (int j = 0; j < columns; ++j) {
            const std::size_t n = layout.at(i, j);
            thickness[n] = spec.thickness * muscleThickness(spec.shape, u, spec.bellyU);
            const glm::vec3 skin = shell ? grid[n] : surface.onto(grid[n]);
            layout.skin[n] = skin;
            const float cover = coverage.depthUnder(skin, kCoverRadius);
            depth[n] = std::max(minimumDepth(spec.layer), cover > 0.0f ? cover + kLayerGap : 0.0f);
            const glm::vec3 toCore = coreUnder(skeleton, bones, skin) - skin;
            radius[n] = glm::length(toCore);
            inward[n] = radius[n] > 1e-4f ? toCore / radius[n] : -surface.normal(skin);
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
            float t = thickness[n], d = depth[n];
            if (shell) {
                // The layer's share of the way to the core bounds the thickness first; only a
                // muscle pushed that deep by those above it gives up depth, and then it stops
                // short of the core.
                const float limit = radiusShare(spec.layer) * radius[n];
                t = std::min(t, std::max(limit - d, 0.3f * t));
                d = std::min(d, std::max(0.95f * radius[n] - t, 0.0f));
                layout.outer[n] = grid[n] + inward[n] * (d + t * cs.outer);
                layout.inner[n] = grid[n] + inward[n] * (d + t * cs.inner);
                layout.innerDepth[n] = d + t * cs.inner;
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
    // The end caps meet halfway through the middle node (the ring's centroid can lie outside
    // where the end curls round a crease).
    for (const int end : {0, 1}) {
        const std::size_t mid = layout.at(end == 0 ? 0 : rows - 1, columns / 2);
        layout.capCentre[end] = 0.5f * (layout.outer[mid] + layout.inner[mid]);
    }
    // A line to the core can still pass outside where the skin folds in (a crease between
    // buttock and thigh, the hollow of the knee): pull such points back under the skin.
    const auto underSkin = [&](glm::vec3& p) {
        for (int step = 0; step < 8; ++step) {  // the field is only nearly a distance
            const float d = surface.shape().distance(p);
            if (d <= -kSkinClearance) break;
            p -= surface.normal(p) * (d + 1.5f * kSkinClearance);
        }
    };
    for (glm::vec3& p : layout.outer) underSkin(p);
    for (glm::vec3& p : layout.inner) underSkin(p);
    for (glm::vec3& p : layout.capCentre) underSkin(p);
}

}  // namespace myomap::bodygen

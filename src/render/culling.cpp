#include "render/culling.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace myomap::render {

MeshBounds meshBounds(const MeshSource& source) {
    MeshBounds out;
    const std::size_t n = source.positions.size();
    for (const glm::vec3& p : source.positions) out.whole.add(p);
    out.morphed = source.morphTargets > 0;
    if (source.joints.size() != n || source.weights.size() != n || n == 0) return out;
    std::map<std::uint16_t, Box> boxes;
    out.skinnable = true;
    for (std::size_t v = 0; v < n; ++v) {
        const glm::vec4 w = source.weights[v];
        const float sum = w.x + w.y + w.z + w.w;
        if (!std::isfinite(sum) || std::abs(sum - 1.0f) > 1e-3f || glm::any(glm::lessThan(w, glm::vec4(0.0f)))) {
            out.skinnable = false;
            out.joints.clear();
            return out;
        }
        for (int k = 0; k < 4; ++k) {
            if (w[k] > 0.0f) boxes[source.joints[v][k]].add(source.positions[v]);
        }
    }
    out.joints.assign(boxes.begin(), boxes.end());
    return out;
}

namespace {

// The eight corners of `box` through `m`, in clip space, against the six planes
// -w <= x, y, z <= w: outside when all corners lie beyond one plane.
void clipCorners(const Box& box, const glm::mat4& m, glm::vec4 (&corners)[8]) {
    for (int c = 0; c < 8; ++c) {
        const glm::vec3 p((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
        corners[c] = m * glm::vec4(p, 1.0f);
    }
}

}  // namespace

bool outsideView(const MeshBounds& bounds, const glm::mat4& model, const std::vector<glm::mat4>* palette,
                 const glm::mat4& viewProjection) {
    if (bounds.morphed) return false;
    // For every plane, whether every corner of every box is beyond it.
    bool beyond[6] = {true, true, true, true, true, true};
    bool any = false;
    const auto test = [&](const Box& box, const glm::mat4& toClip) {
        if (box.empty()) return;
        any = true;
        glm::vec4 corners[8];
        clipCorners(box, toClip, corners);
        for (const glm::vec4& q : corners) {
            beyond[0] = beyond[0] && q.x < -q.w;
            beyond[1] = beyond[1] && q.x > q.w;
            beyond[2] = beyond[2] && q.y < -q.w;
            beyond[3] = beyond[3] && q.y > q.w;
            beyond[4] = beyond[4] && q.z < -q.w;
            beyond[5] = beyond[5] && q.z > q.w;
        }
    };
    if (palette) {
        if (!bounds.skinnable || bounds.joints.empty()) return false;
        for (const auto& [joint, box] : bounds.joints) {
            if (joint >= palette->size()) return false;
            test(box, viewProjection * (*palette)[joint]);
        }
    } else {
        test(bounds.whole, viewProjection * model);
    }
    if (!any) return false;
    for (bool b : beyond) {
        if (b) return true;
    }
    return false;
}

namespace {

// The world box around `box` placed by `m`, and its distance from `eye`.
float boxDistance(const Box& box, const glm::mat4& m, const glm::vec3& eye) {
    Box placed;
    for (int c = 0; c < 8; ++c) {
        const glm::vec3 p((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
        placed.add(glm::vec3(m * glm::vec4(p, 1.0f)));
    }
    const glm::vec3 outside = glm::max(glm::max(placed.min - eye, eye - placed.max), glm::vec3(0.0f));
    return glm::length(outside);
}

}  // namespace

float nearestDistance(const MeshBounds& bounds, const glm::mat4& model, const std::vector<glm::mat4>* palette,
                      const glm::vec3& eye) {
    if (bounds.morphed) return 0.0f;
    if (!palette) return bounds.whole.empty() ? 0.0f : boxDistance(bounds.whole, model, eye);
    if (!bounds.skinnable || bounds.joints.empty()) return 0.0f;
    float nearest = 1e30f;
    for (const auto& [joint, box] : bounds.joints) {
        if (joint >= palette->size()) return 0.0f;
        nearest = std::min(nearest, boxDistance(box, (*palette)[joint], eye));
    }
    return std::isfinite(nearest) ? nearest : 0.0f;
}

int chooseLevel(std::span<const float> errors, float distance, float scale, const glm::mat4& projection,
                int heightPixels, float budgetPixels) {
    if (!(budgetPixels > 0.0f) || errors.size() < 2 || heightPixels <= 0) return 0;
    // Pixels a metre covers at that distance: perspective shrinks with it, orthographic does not.
    const bool perspective = projection[2][3] != 0.0f;
    if (perspective && !(distance > 0.0f)) return 0;
    const float perMetre = 0.5f * static_cast<float>(heightPixels) * std::abs(projection[1][1]) * scale /
                           (perspective ? distance : 1.0f);
    if (!std::isfinite(perMetre)) return 0;
    int level = 0;
    for (std::size_t k = 1; k < errors.size(); ++k) {
        if (errors[k] * perMetre <= budgetPixels) level = static_cast<int>(k);
    }
    return level;
}

}  // namespace myomap::render

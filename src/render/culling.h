// Which draw items lie wholly outside the view, so that a close view (a kiosk step on the neck,
// a student zoomed in on the forearm) does not push the whole figure's vertices through a
// software renderer. Conservative: an item is dropped only when its bounds are provably
// outside the frustum. Plain maths, no OpenGL.
#pragma once

#include "render/frame_data.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace myomap::render {

struct Box {
    glm::vec3 min{1e30f};
    glm::vec3 max{-1e30f};
    void add(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    bool empty() const { return min.x > max.x; }
};

// A mesh's bounds as a draw can move it. Unskinned: one box in mesh space. Skinned: a box per
// joint over the bind-pose positions of the vertices that joint moves: linear-blend skinning
// puts each vertex at a weighted mean of its joints' transforms of it, inside the union of
// those joints' transformed boxes. Weights that do not sum to one (a broken file) break that,
// so such a mesh is never culled.
struct MeshBounds {
    Box whole;
    std::vector<std::pair<std::uint16_t, Box>> joints;
    bool skinnable = false;  // per-joint boxes hold: every vertex's weights sum to one
    bool morphed = false;    // morph targets move vertices by weights known only per draw: never culled
};

MeshBounds meshBounds(const MeshSource& source);

// Whether the item, drawn with `model` (unskinned) or the joint matrices `palette` (skinned:
// non-null), lies wholly outside the view volume of `viewProjection`. False whenever it cannot
// tell (a skinned mesh without usable boxes, a joint past the palette).
bool outsideView(const MeshBounds& bounds, const glm::mat4& model, const std::vector<glm::mat4>* palette,
                 const glm::mat4& viewProjection);

// How far the item's bounds, placed as outsideView places them, come to `eye` (0 when the eye is
// inside them; 0 too when it cannot tell, so that a level of detail chosen by it is never too coarse).
float nearestDistance(const MeshBounds& bounds, const glm::mat4& model, const std::vector<glm::mat4>* palette,
                      const glm::vec3& eye);

// The level of detail to draw: the coarsest (highest index) whose `errors[k]` (metres; errors[0]
// is the full mesh's, 0) covers at most `budgetPixels` at `distance`, for a view `heightPixels`
// tall through `projection`. 0 when the budget is 0 or the distance unknown.
int chooseLevel(std::span<const float> errors, float distance, float scale, const glm::mat4& projection,
                int heightPixels, float budgetPixels);

}  // namespace myomap::render

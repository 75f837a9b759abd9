// render/culling: conservative bounds of a draw and the view-volume test (no OpenGL).
#include "render/culling.h"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

#include <cmath>

using namespace myomap;
using render::MeshBounds;

namespace {

// A camera at z = 3 looking down -Z at the origin, 45 degrees, square.
glm::mat4 viewProjection() {
    return glm::perspective(glm::radians(45.0f), 1.0f, 0.1f, 100.0f) *
           glm::lookAt(glm::vec3(0.0f, 0.0f, 3.0f), glm::vec3(0.0f), glm::vec3(0.0f, 1.0f, 0.0f));
}

// A small cube of eight corners around `centre`; two joints, the +X half moved by joint 1.
struct Cube {
    std::vector<glm::vec3> positions;
    std::vector<glm::u16vec4> joints;
    std::vector<glm::vec4> weights;
    render::MeshSource source() const {
        render::MeshSource s;
        s.positions = positions;
        s.joints = joints;
        s.weights = weights;
        return s;
    }
};

// The +X corners have joints (1, 0, 0, 0) with these weights.
Cube cube(glm::vec4 weightOfCornersOnPlusX = {1, 0, 0, 0}) {
    Cube c;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 p((i & 1) ? 0.1f : -0.1f, (i & 2) ? 0.1f : -0.1f, (i & 4) ? 0.1f : -0.1f);
        c.positions.push_back(p);
        c.joints.push_back(p.x > 0 ? glm::u16vec4(1, 0, 0, 0) : glm::u16vec4(0, 0, 0, 0));
        c.weights.push_back(p.x > 0 ? weightOfCornersOnPlusX : glm::vec4(1, 0, 0, 0));
    }
    return c;
}

}  // namespace

TEST_CASE("culling: an unskinned box in view, beside it, behind the camera") {
    const Cube c = cube();
    render::MeshSource s;
    s.positions = c.positions;
    const MeshBounds b = render::meshBounds(s);
    CHECK_FALSE(b.skinnable);
    const glm::mat4 vp = viewProjection();
    CHECK_FALSE(render::outsideView(b, glm::mat4(1.0f), nullptr, vp));
    CHECK(render::outsideView(b, glm::translate(glm::mat4(1.0f), {5.0f, 0.0f, 0.0f}), nullptr, vp));   // far to the side
    CHECK(render::outsideView(b, glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, 5.0f}), nullptr, vp));   // behind the camera
    CHECK(render::outsideView(b, glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, -200.0f}), nullptr, vp));  // past the far plane
    // Straddling the edge of the view: kept.
    CHECK_FALSE(render::outsideView(b, glm::translate(glm::mat4(1.0f), {1.3f, 0.0f, 0.0f}), nullptr, vp));
    // Straddling the camera (partly behind it, partly in front): kept.
    CHECK_FALSE(render::outsideView(b, glm::scale(glm::translate(glm::mat4(1.0f), {0.0f, 0.0f, 3.0f}), glm::vec3(30.0f)), nullptr, vp));
}

TEST_CASE("culling: a skinned mesh is bounded through each joint's own box") {
    const Cube c = cube();  // the +X corners follow joint 1 alone, the others joint 0
    const MeshBounds b = render::meshBounds(c.source());
    REQUIRE(b.skinnable);
    REQUIRE(b.joints.size() == 2);
    const glm::mat4 vp = viewProjection();
    // Joint 1 moved far out of view, joint 0 at rest: the -X half still shows, so kept.
    std::vector<glm::mat4> palette{glm::mat4(1.0f), glm::translate(glm::mat4(1.0f), {50.0f, 0.0f, 0.0f})};
    CHECK_FALSE(render::outsideView(b, glm::mat4(1.0f), &palette, vp));
    // Both joints out of view on the same side: culled, whatever the model matrix says.
    palette[0] = glm::translate(glm::mat4(1.0f), {40.0f, 0.0f, 0.0f});
    CHECK(render::outsideView(b, glm::mat4(1.0f), &palette, vp));
    // Joints on opposite sides of the view: a vertex blended between them could land in it, but
    // here every vertex follows one joint and each box is outside, on different planes: kept
    // (the test is per plane, conservative).
    palette[0] = glm::translate(glm::mat4(1.0f), {-40.0f, 0.0f, 0.0f});
    CHECK_FALSE(render::outsideView(b, glm::mat4(1.0f), &palette, vp));
    // A joint past the palette: cannot tell, kept.
    const std::vector<glm::mat4> shortPalette{glm::translate(glm::mat4(1.0f), {40.0f, 0.0f, 0.0f})};
    CHECK_FALSE(render::outsideView(b, glm::mat4(1.0f), &shortPalette, vp));
}

TEST_CASE("culling: weights that do not sum to one are never culled") {
    for (const glm::vec4 w : {glm::vec4(0.5f, 0.2f, 0, 0), glm::vec4(2, 0, 0, 0), glm::vec4(NAN, 0, 0, 0), glm::vec4(1.5f, -0.5f, 0, 0)}) {
        const MeshBounds b = render::meshBounds(cube(w).source());
        CHECK_FALSE(b.skinnable);
        const std::vector<glm::mat4> away{glm::translate(glm::mat4(1.0f), {40.0f, 0, 0}), glm::translate(glm::mat4(1.0f), {40.0f, 0, 0})};
        CHECK_FALSE(render::outsideView(b, glm::mat4(1.0f), &away, viewProjection()));
    }
    render::MeshSource empty;
    CHECK_FALSE(render::outsideView(render::meshBounds(empty), glm::mat4(1.0f), nullptr, viewProjection()));
}

// Pose maths against matrices and positions computed by hand.
#include "model/loader.h"
#include "model/pose.h"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

using namespace myomap::model;

namespace {

void checkClose(const glm::vec3& a, const glm::vec3& b) {
    CHECK(a.x == doctest::Approx(b.x).epsilon(1e-5));
    CHECK(a.y == doctest::Approx(b.y).epsilon(1e-5));
    CHECK(a.z == doctest::Approx(b.z).epsilon(1e-5));
}

// root (translation 0,1,0) -> child (translation 0,0,1, rotated 90 degrees about X)
Scene chain() {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].name = "root";
    s.nodes[0].translation = {0, 1, 0};
    s.nodes[0].children = {1};
    s.nodes[1].name = "child";
    s.nodes[1].parent = 0;
    s.nodes[1].translation = {0, 0, 1};
    s.nodes[1].rotation = glm::angleAxis(glm::radians(90.0f), glm::vec3(1, 0, 0));
    s.roots = {0};
    return s;
}

}  // namespace

TEST_CASE("global transforms compose parent before child") {
    const Scene s = chain();
    const Pose pose = evaluatePose(s, nullptr, 0.0f);
    // Child origin: (0,1,0) + (0,0,1) = (0,1,1).
    checkClose(glm::vec3(pose.global[1][3]), {0, 1, 1});
    // The child's local +Y turns into +Z under a 90-degree rotation about X: (0,1,0) -> (0,1,2).
    checkClose(glm::vec3(pose.global[1] * glm::vec4(0, 1, 0, 1)), {0, 1, 2});
}

TEST_CASE("node order does not matter: a child listed before its parent") {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].parent = 1;
    s.nodes[0].translation = {1, 0, 0};
    s.nodes[1].children = {0};
    s.nodes[1].translation = {0, 2, 0};
    s.roots = {1};
    const Pose pose = evaluatePose(s, nullptr, 0.0f);
    checkClose(glm::vec3(pose.global[0][3]), {1, 2, 0});
}

TEST_CASE("joint matrices are global(joint) x inverse bind, and skinning blends them") {
    Scene s = chain();
    // Bind pose = the rest pose, so inverse bind = inverse(global at rest).
    const Pose rest = evaluatePose(s, nullptr, 0.0f);
    Skin skin;
    skin.joints = {0, 1};
    skin.inverseBind = {glm::inverse(rest.global[0]), glm::inverse(rest.global[1])};
    s.skins.push_back(skin);
    // A skinned mesh on a node with its own (ignored) transform.
    s.nodes.push_back({});
    s.nodes[2].name = "mesh";
    s.nodes[2].translation = {10, 0, 0};
    s.nodes[2].mesh = 0;
    s.nodes[2].skin = 0;
    s.roots.push_back(2);
    Primitive p;
    p.positions = {{0, 1, 1}, {0, 1, 2}};
    p.joints = {{0, 1, 0, 0}, {0, 1, 0, 0}};
    p.weights = {{1, 0, 0, 0}, {0.5f, 0.5f, 0, 0}};
    p.indices = {};
    s.meshes.push_back({"m", {p}, {}, {}});
    REQUIRE(validateScene(s));

    // At rest every joint matrix is the identity: vertices stay put, the node's (10,0,0) ignored.
    for (const glm::mat4& m : jointMatrices(s, s.skins[0], rest)) {
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 4; ++r) CHECK(m[c][r] == doctest::Approx(c == r ? 1.0f : 0.0f));
        }
    }
    const auto atRest = posedPositions(s, rest, 2, s.meshes[0].primitives[0]);
    checkClose(atRest[0], {0, 1, 1});
    checkClose(atRest[1], {0, 1, 2});

    // Turn the child joint by a further 90 degrees about X (now 180 in all).
    auto local = animatedTransforms(s, nullptr, 0.0f);
    local[1].rotation = glm::angleAxis(glm::radians(180.0f), glm::vec3(1, 0, 0));
    const Pose bent = computePose(s, local);
    // Child joint matrix = T(0,1,1) R180 * inverse(T(0,1,1) R90) = rotation of 90 degrees about X
    // around the point (0,1,1): (0,1,2) -> (0,0,1).
    const glm::mat4 j1 = jointMatrices(s, s.skins[0], bent)[1];
    checkClose(glm::vec3(j1 * glm::vec4(0, 1, 2, 1)), {0, 0, 1});
    const auto posed = posedPositions(s, bent, 2, s.meshes[0].primitives[0]);
    checkClose(posed[0], {0, 1, 1});              // weight 1 on the unmoved root
    checkClose(posed[1], {0, 0.5f, 1.5f});        // half way between (0,1,2) and (0,0,1)
}

TEST_CASE("unskinned meshes follow their node and posedBounds covers them") {
    Scene s = chain();
    s.nodes[1].mesh = 0;
    Primitive p;
    p.positions = {{0, 0, 0}, {0, 1, 0}};
    s.meshes.push_back({"m", {p}, {}, {}});
    const Bounds b = posedBounds(s, evaluatePose(s, nullptr, 0.0f));
    checkClose(b.min, {0, 1, 1});
    checkClose(b.max, {0, 1, 2});
}

TEST_CASE("animation channels override the rest transform of their node") {
    Scene s = chain();
    AnimationClip clip;
    clip.name = "lift";
    AnimationSampler sampler;
    sampler.times = {0, 2};
    sampler.values = {0, 1, 0, 0, 3, 0};
    clip.samplers.push_back(sampler);
    clip.channels.push_back({0, AnimatedPath::Translation, 0});
    s.clips.push_back(clip);
    const Pose pose = evaluatePose(s, &s.clips[0], 1.0f);
    checkClose(glm::vec3(pose.global[0][3]), {0, 2, 0});
    checkClose(glm::vec3(pose.global[1][3]), {0, 2, 1});
}

TEST_CASE("a cyclic hierarchy is rejected by validation and cannot hang pose evaluation") {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].parent = 1;
    s.nodes[0].children = {1};
    s.nodes[1].parent = 0;
    s.nodes[1].children = {0};
    const auto status = validateScene(s);
    REQUIRE_FALSE(status);
    CHECK(status.error().find("cycle") != std::string::npos);
    const Pose pose = evaluatePose(s, nullptr, 0.0f);  // must return
    CHECK(pose.global.size() == 2);
}

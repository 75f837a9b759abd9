#include "explore/camera.h"
#include "viewer/viewer_input.h"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>

using namespace myomap;
using app::OrbitCamera;

namespace {
void checkClose(const glm::vec3& a, const glm::vec3& b, float eps = 1e-4f) {
    CHECK(a.x == doctest::Approx(b.x).epsilon(eps));
    CHECK(a.y == doctest::Approx(b.y).epsilon(eps));
    CHECK(a.z == doctest::Approx(b.z).epsilon(eps));
}
}  // namespace

TEST_CASE("standard views put the camera on the right side of a figure facing +Z") {
    OrbitCamera c;
    c.target = {0, 1, 0};
    c.distance = 2;
    c.setView(View::Anterior);
    checkClose(c.position(), {0, 1, 2});  // in front: the figure faces +Z
    c.setView(View::Posterior);
    checkClose(c.position(), {0, 1, -2});
    c.setView(View::Left);
    checkClose(c.position(), {2, 1, 0});  // the figure's left is +X
    c.setView(View::Right);
    checkClose(c.position(), {-2, 1, 0});
}

TEST_CASE("lookAt reproduces the requested eye and target") {
    const OrbitCamera c = OrbitCamera::lookAt({1, 2, 3}, {0, 1, 0}, glm::radians(40.0f));
    checkClose(c.position(), {1, 2, 3});
    checkClose(c.target, {0, 1, 0});
}

TEST_CASE("framing keeps every corner of the bounds in view from each standard side") {
    model::Bounds b;
    b.add({-0.3f, 0, -0.2f});
    b.add({0.3f, 1.8f, 0.2f});
    for (float aspect : {0.5f, 1.0f, 2.0f}) {
        for (View v : {View::Anterior, View::Posterior, View::Left, View::Right}) {
            OrbitCamera c;
            c.setView(v);
            c.frame(b, aspect);
            checkClose(c.target, b.centre());
            const glm::mat4 vp = c.projection(aspect) * c.view();
            float widest = 0.0f;
            for (int corner = 0; corner < 8; ++corner) {
                const glm::vec3 p((corner & 1) ? b.max.x : b.min.x, (corner & 2) ? b.max.y : b.min.y,
                                  (corner & 4) ? b.max.z : b.min.z);
                const glm::vec4 clip = vp * glm::vec4(p, 1);
                CHECK(std::abs(clip.x / clip.w) <= 1.0f);
                CHECK(std::abs(clip.y / clip.w) <= 1.0f);
                widest = std::max({widest, std::abs(clip.x / clip.w), std::abs(clip.y / clip.w)});
            }
            CHECK(widest > 0.75f);  // and the model fills the view rather than sitting small in it
        }
    }
}

TEST_CASE("facing turns to the side of the body a part lies on and frames it") {
    // The figure's axis is x = z = 0; it faces +Z, its left is +X.
    CHECK(viewFacing(0.0f, 0.0f) == View::Anterior);
    CHECK(viewFacing(0.02f, 0.10f) == View::Anterior);
    CHECK(viewFacing(-0.03f, -0.08f) == View::Posterior);
    CHECK(viewFacing(0.09f, 0.02f) == View::Left);
    CHECK(viewFacing(-0.09f, -0.04f) == View::Right);
    CHECK(viewFacing(0.1f, 0.049f) == View::Left);  // 26 degrees forward of the side: still the side
    CHECK(viewFacing(0.1f, 0.06f) == View::Anterior);  // 31 degrees
    // viewOnto looks from the side where the skin is nearest: two "thighs", tubes of skin.
    std::vector<glm::vec3> skin;
    std::vector<std::uint32_t> triangles;
    for (float cx : {0.1f, -0.1f}) {
        const auto base = static_cast<std::uint32_t>(skin.size());
        for (int i = 0; i < 24; ++i) {
            const float a = glm::radians(15.0f * static_cast<float>(i));
            skin.push_back({cx + 0.08f * std::cos(a), 0.3f, 0.08f * std::sin(a)});
            skin.push_back({cx + 0.08f * std::cos(a), 0.7f, 0.08f * std::sin(a)});
        }
        for (std::uint32_t i = 0; i < 24; ++i) {
            const std::uint32_t j = (i + 1) % 24;
            triangles.insert(triangles.end(), {base + 2 * i, base + 2 * j, base + 2 * i + 1, base + 2 * j, base + 2 * j + 1, base + 2 * i + 1});
        }
    }
    CHECK(app::viewOnto(skin, triangles, {{0.1f, 0.5f, 0.05f}}) == View::Anterior);  // near the front of the thigh
    CHECK(app::viewOnto(skin, triangles, {{0.1f, 0.6f, -0.05f}}) == View::Posterior);
    CHECK(app::viewOnto(skin, triangles, {{0.16f, 0.5f, 0.0f}}) == View::Left);  // its outer side
    CHECK(app::viewOnto(skin, triangles, {{0.05f, 0.4f, 0.01f}}) == View::Right);  // its inner side
    CHECK(app::viewOnto(skin, triangles, {{0.1f, 1.2f, 0.05f}}) == View::Left);  // no skin at that height: the figure's axis
    CHECK(app::viewOnto(skin, {0, 1, 99}, {{0.1f, 0.5f, 0.05f}}) == View::Left);  // a bad index is skipped
    // Several points vote: two near the front of the thigh, one near its outer side.
    CHECK(app::viewOnto(skin, triangles, {{0.1f, 0.5f, 0.06f}, {0.12f, 0.45f, 0.065f}, {0.17f, 0.5f, 0.0f}}) == View::Anterior);
    CHECK(app::viewOnto(skin, triangles, {}) == View::Anterior);
    model::Bounds back;  // a small part low on the back, left of the spine
    back.add({0.01f, 0.95f, -0.12f});
    back.add({0.05f, 1.15f, -0.06f});
    OrbitCamera c;
    c.face(back, View::Posterior, 1.5f, 0.9f);
    checkClose(c.target, back.centre());
    CHECK(c.position().z < back.min.z);  // from behind
    CHECK(c.distance == doctest::Approx(0.9f));  // small: held back to the minimum distance
    model::Bounds empty;
    const OrbitCamera before = c;
    c.face(empty, View::Anterior, 1.5f, 0.9f);
    checkClose(c.position(), before.position());
}

TEST_CASE("orbit keeps pitch short of the poles, zoom is clamped, pan moves the target sideways") {
    OrbitCamera c;
    c.orbit(0, 100000);
    CHECK(c.pitch < glm::radians(89.5f));
    c.zoom(1000);
    CHECK(c.distance >= 0.02f);
    c = OrbitCamera{};
    const glm::vec3 before = c.target;
    c.pan(100, 0, 1000);
    CHECK(c.target.x < before.x);  // dragging right moves the scene right: the target goes left
    CHECK(c.target.y == doctest::Approx(before.y));
}

TEST_CASE("easing reaches its goal and takes the short way round") {
    OrbitCamera c;
    c.yaw = glm::radians(170.0f);
    OrbitCamera goal = c;
    goal.yaw = glm::radians(-170.0f);
    goal.distance = 5;
    app::CameraEasing easing;
    easing.start(goal);
    c.yaw += 0.0f;
    easing.update(c, 1.0f / 60.0f);
    CHECK(c.yaw > glm::radians(170.0f));  // 20 degrees through 180, not 340 back
    for (int i = 0; i < 120 && easing.active(); ++i) easing.update(c, 1.0f / 60.0f);
    CHECK_FALSE(easing.active());
    CHECK(c.distance == doctest::Approx(5.0f));
}

TEST_CASE("double-click focus: a hit centres there and moves closer, background does nothing") {
    OrbitCamera c;
    c.target = {0, 0, 0};
    c.distance = 4;
    // The depth of the plane z = 0 at the image centre.
    const glm::mat4 vp = c.projection(1.0f) * c.view();
    const glm::vec4 clip = vp * glm::vec4(0.5f, 0.25f, 0, 1);
    const float depth = (clip.z / clip.w) * 0.5f + 0.5f;
    const int x = static_cast<int>((clip.x / clip.w * 0.5f + 0.5f) * 800);
    const int y = 799 - static_cast<int>((clip.y / clip.w * 0.5f + 0.5f) * 800);
    const auto goal = app::focusOnPixel(c, 1.0f, 800, 800, x, y, depth);
    REQUIRE(goal);
    checkClose(goal->target, {0.5f, 0.25f, 0}, 0.02f);
    CHECK(goal->distance < c.distance);
    CHECK_FALSE(app::focusOnPixel(c, 1.0f, 800, 800, x, y, 1.0f));
}

TEST_CASE("keys map to commands, Ctrl+letter is not a view change") {
    std::vector<ui::Command> commands;
    app::ShortcutKeys keys{};
    keys.posterior = true;
    app::shortcutCommands(keys, false, commands);
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].type == ui::CommandType::SetView);
    CHECK(commands[0].view == View::Posterior);
    commands.clear();
    app::shortcutCommands(keys, true, commands);
    CHECK(commands.empty());
}

// A click on the body picks a muscle: on the chest, the abdomen, the arms, forearms, thighs and
// legs, seen from the front and from the back with the skin translucent as it starts, what a
// click means (the muscle under the skin) is a muscle, never a bone seen through a gap between
// muscles and never the bare skin.
#include "explore_fixture.h"

#include "model/pose.h"

#include <map>

using namespace myomap;

namespace {

constexpr int kWidth = 500, kHeight = 800;

glm::vec3 jointHead(const model::Scene& scene, const model::Pose& pose, const std::string& name) {
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        if (scene.nodes[n].name == name) return glm::vec3(pose.global[n][3]);
    }
    FAIL("the figure has no joint " << name);
    return glm::vec3(0.0f);
}

// Points on the body's parts, from the joints: along each limb segment and beside the midline of
// the chest and abdomen, on both sides.
std::map<std::string, glm::vec3> bodyPoints(const model::Scene& scene, const model::Pose& pose) {
    const auto at = [&](const std::string& name) { return jointHead(scene, pose, name); };
    std::map<std::string, glm::vec3> points;
    for (const char* side : {".L", ".R"}) {
        const std::string s = side;
        const float lateral = s == ".L" ? 1.0f : -1.0f;
        const glm::vec3 chest = glm::mix(at("thoracic_upper"), at("neck_lower"), 0.4f);
        const glm::vec3 navel = at("lumbar_upper");
        points["chest" + s] = chest + glm::vec3(lateral * 0.07f, 0.0f, 0.0f);
        points["abdomen" + s] = navel + glm::vec3(lateral * 0.05f, 0.02f, 0.0f);
        points["arm" + s] = glm::mix(at("upper_arm" + s), at("forearm" + s), 0.5f);
        points["forearm" + s] = glm::mix(at("forearm" + s), at("hand" + s), 0.35f);
        points["thigh" + s] = glm::mix(at("thigh" + s), at("shin" + s), 0.5f);
        // The shin's crest is the tibia under the skin, as in a real leg: the point lies over
        // tibialis anterior, a finger's breadth to the side of it (the calf from behind).
        points["leg" + s] = glm::mix(at("shin" + s), at("foot" + s), 0.35f) + glm::vec3(lateral * 0.02f, 0.0f, 0.0f);
    }
    return points;
}

}  // namespace

TEST_CASE("picking: a click on the chest, abdomen, arms, forearms, thighs or legs picks a muscle, front and back") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    const auto points = bodyPoints(f.explorer.view().scene(), pose);
    int clicks = 0;
    for (const View view : {View::Anterior, View::Posterior}) {
        f.camera = {};
        f.camera.setView(view);
        f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), static_cast<float>(kWidth) / kHeight);
        f.build(pose, 0.0, kWidth, kHeight);  // the skin translucent, as the anatomy look starts
        for (const auto& [part, point] : points) {
            const glm::vec2 centre = f.project(point);
            // A small grid round the point: a click a few pixels off must find a muscle too.
            for (int dy = -12; dy <= 12; dy += 6) {
                for (int dx = -4; dx <= 4; dx += 4) {
                    const int x = static_cast<int>(centre.x) + dx, y = static_cast<int>(centre.y) + dy;
                    const std::string picked = f.explorer.pickThroughSkin(f.frame, x, y);
                    CAPTURE(part);
                    const std::string seen = view == View::Anterior ? "front" : "back";
                    CAPTURE(seen);
                    CAPTURE(x);
                    CAPTURE(y);
                    CAPTURE(picked);
                    REQUIRE(picked.size() > 2);
                    CHECK(f.atlas.findMuscle(picked.substr(0, picked.size() - 2)) != nullptr);
                    ++clicks;
                }
            }
        }
    }
    CHECK(clicks == 2 * 12 * 15);
    f.reset();
}

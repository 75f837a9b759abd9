// The referral heat on the rendered figure: showing a referral changes the picture only on
// the skin (and at the trigger point's marker), the coloured area lies in the zones, and the
// heat stays visible with the skin layer switched off.
#include "explore_fixture.h"

#include "core/log.h"
#include "model/pose.h"

using namespace myomap;

namespace {

constexpr int kWidth = 480, kHeight = 640;

struct Shot {
    render::Capture image;
    render::FrameData frame;
};

Shot render(test::ExploreFixture& f, const model::Pose& pose, double t) {
    f.build(pose, t, kWidth, kHeight);
    REQUIRE(f.renderer.render(f.frame));
    return {f.renderer.capture(), f.frame};
}

std::vector<glm::ivec2> differingPixels(const render::Capture& a, const render::Capture& b) {
    std::vector<glm::ivec2> out;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const std::size_t i = 4 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(a.width) + static_cast<std::size_t>(x));
            int d = 0;
            for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
            if (d > 8) out.push_back({x, y});
        }
    }
    return out;
}

bool nearMarker(const test::ExploreFixture& f, const render::FrameData& frame, glm::ivec2 p) {
    for (const render::Marker& m : frame.markers) {
        const glm::vec4 clip = frame.projection * frame.view * glm::vec4(m.position, 1.0f);
        const glm::vec2 at((clip.x / clip.w * 0.5f + 0.5f) * kWidth, (0.5f - clip.y / clip.w * 0.5f) * kHeight);
        if (glm::length(glm::vec2(p) - at) < m.radiusPixels + 3.0f) return true;
    }
    (void)f;
    return false;
}

struct Case {
    const char* muscle;
    const char* point;
    View view;
};

void referralOnlyOnSkin(const Case& c) {
    auto& f = test::ExploreFixture::get();
    const std::string point = c.point;
    CAPTURE(point);
    f.reset();
    REQUIRE(f.explorer.select(c.muscle));
    // An opaque skin writes depth, so each changed pixel can be traced back to the skin point
    // it shows.
    f.explorer.state().layer(app::FigureLayer::Skin).opacity = 1.0f;
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    f.camera = {};
    f.camera.setView(c.view);
    f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), static_cast<float>(kWidth) / kHeight);
    auto field = f.explorer.heat()->field(c.point);
    REQUIRE(field);
    const double peak = (*field)->peakTime(0);

    const Shot before = render(f, pose, peak);
    REQUIRE(f.explorer.showReferral(c.point, 0.0));
    const Shot after = render(f, pose, peak);
    const auto changed = differingPixels(before.image, after.image);
    MESSAGE(std::string(c.point) << ": " << changed.size() << " pixels coloured by the referral");
    CHECK(changed.size() > 800);

    // Every changed pixel away from the marker shows the skin (at an anti-aliased silhouette,
    // the pixel or a neighbour), and the skin point it shows lies in (or at the soft edge of)
    // one of the trigger point's zones.
    const anatomy::BodySurfaces& body = *f.explorer.surfaces();
    // The skin's triangles the heat reaches (a corner in a zone): the heat is blended across them.
    anatomy::MuscleSurface zoneTriangles;
    zoneTriangles.positions = body.skin.positions;
    for (std::size_t t = 0; t + 2 < body.skin.indices.size(); t += 3) {
        const std::uint32_t* tri = &body.skin.indices[t];
        if ((*field)->strength(tri[0]) > 0.0f || (*field)->strength(tri[1]) > 0.0f || (*field)->strength(tri[2]) > 0.0f)
            zoneTriangles.indices.insert(zoneTriangles.indices.end(), {tri[0], tri[1], tri[2]});
    }
    const glm::mat4 inverse = glm::inverse(after.frame.projection * after.frame.view);
    std::size_t checked = 0, onSkin = 0, inZone = 0;
    const std::size_t step = std::max<std::size_t>(1, changed.size() / 250);
    for (std::size_t i = 0; i < changed.size(); i += step) {
        const glm::ivec2 p = changed[i];
        if (nearMarker(f, after.frame, p)) continue;
        ++checked;
        bool skin = false;
        for (int dy = -1; dy <= 1 && !skin; ++dy)
            for (int dx = -1; dx <= 1 && !skin; ++dx) skin = f.explorer.pick(after.frame, p.x + dx, p.y + dy) == "skin";
        onSkin += skin;
        const float depth = f.renderer.depthAt(p.x, p.y);
        if (depth >= 1.0f) continue;
        const glm::vec4 ndc((p.x + 0.5f) / kWidth * 2.0f - 1.0f, 1.0f - (p.y + 0.5f) / kHeight * 2.0f, depth * 2.0f - 1.0f, 1.0f);
        glm::vec4 world = inverse * ndc;
        world /= world.w;
        // On a triangle the heat reaches, within the depth buffer's precision.
        inZone += anatomy::distanceToSurface(zoneTriangles, glm::vec3(world)) < 0.004;
    }
    CAPTURE(checked);
    CHECK(checked > 50);
    CHECK(onSkin == checked);
    CHECK(inZone >= checked * 98 / 100);

    // With the skin layer off the heat still shows, over the muscles.
    f.explorer.state().layer(app::FigureLayer::Skin).visible = false;
    const Shot withHeat = render(f, pose, peak);
    f.explorer.state().referrals.clear();
    const Shot without = render(f, pose, peak);
    CHECK(differingPixels(without.image, withHeat.image).size() > 800);
}

}  // namespace

TEST_CASE("heat: upper trapezius, posterior") { referralOnlyOnSkin({"upper_trapezius.R", "upper_trapezius.tp1.R", View::Posterior}); }
TEST_CASE("heat: gluteus minimus, from the right side") { referralOnlyOnSkin({"gluteus_minimus.R", "gluteus_minimus.tp1.R", View::Right}); }
TEST_CASE("heat: infraspinatus, anterior") { referralOnlyOnSkin({"infraspinatus.L", "infraspinatus.tp1.L", View::Anterior}); }

TEST_CASE("heat: several trigger points at once combine, the strongest winning at each vertex") {
    auto& f = test::ExploreFixture::get();
    app::ReferralHeat& heat = *f.explorer.heat();
    const std::vector<std::string> keys{"upper_trapezius.tp1.R", "gluteus_minimus.tp1.R"};
    std::vector<glm::vec2> a, b, both;
    for (const double t : {0.3, 1.0, 4.2}) {
        CAPTURE(t);
        REQUIRE(heat.compute({keys[0]}, t, false, a));
        REQUIRE(heat.compute({keys[1]}, t, false, b));
        REQUIRE(heat.compute(keys, t, false, both));
        std::size_t mismatches = 0;
        for (std::size_t v = 0; v < both.size(); ++v) mismatches += both[v].x != std::max(a[v].x, b[v].x);
        CHECK(mismatches == 0);
    }
    // In the explorer: adding a referral keeps the first, and both trigger points are marked active.
    f.reset();
    REQUIRE(f.explorer.showReferral("upper_trapezius.tp1.R", 0.0));
    REQUIRE(f.explorer.showReferral("upper_trapezius.tp2.R", 0.0, true));
    CHECK(f.explorer.state().referrals.size() == 2);
    REQUIRE(f.explorer.showAllReferrals(0.0));
    CHECK(f.explorer.state().referrals.size() == f.atlas.findMuscle("upper_trapezius")->triggerPoints.size());
    CHECK_FALSE(f.explorer.showReferral("upper_trapezius.tp9", 0.0));
}

#ifdef NDEBUG  // a debug build asserts on this caller's mistake instead
TEST_CASE("heat: a heat buffer of the wrong size is logged once, and the mesh keeps its heat") {
    auto& f = test::ExploreFixture::get();
    const std::vector<glm::vec2> oneValue(1, glm::vec2(1.0f));
    const std::size_t before = log::count();
    log::setQuiet(true);
    f.renderer.setHeat(0, oneValue);
    f.renderer.setHeat(0, oneValue);
    log::setQuiet(false);
    REQUIRE(log::count() == before + 1);
    const log::Entry last = log::recent().back();
    CHECK(last.level == log::Level::Error);
    CHECK(last.text.find("Renderer::setHeat: mesh 0 has") != std::string::npos);
    CHECK(last.text.find("the heat has 1 values") != std::string::npos);
}
#endif

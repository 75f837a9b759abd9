// View > Detail on the real figure: reduced detail draws coarser skin and bones only where
// they are small on screen, with shaders made for each surface, and a user sees the same
// picture, picks the same parts and reads the same heat as at full detail.
#include "explore_fixture.h"

#include <algorithm>
#include <set>

using namespace myomap;

namespace {

struct Look {
    app::Look look;
    View view;
    bool referral;
};

// The figure framed whole (as the kiosk shows it) at width x height, at the given detail.
render::Capture draw(test::ExploreFixture& f, const Look& look, int width, int height, float detailPixels, bool specialised) {
    f.reset();
    f.explorer.state().look = look.look;
    if (look.referral) {
        REQUIRE(f.explorer.select("upper_trapezius.R"));
        REQUIRE(f.explorer.showReferral("upper_trapezius.tp1.R", 0.0));
        f.explorer.state().heat = app::HeatMode::Still;
    }
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    f.camera = {};
    f.camera.setView(look.view);
    f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), static_cast<float>(width) / static_cast<float>(height));
    f.build(pose, 1.0, width, height);
    f.frame.antialias = false;
    f.frame.detailPixels = detailPixels;
    f.frame.specialisedShaders = specialised;
    REQUIRE(f.renderer.render(f.frame));
    return f.renderer.capture();
}

// Pixels whose colour differs by more than `tolerance` in some channel.
std::size_t differing(const render::Capture& a, const render::Capture& b, int tolerance) {
    REQUIRE(a.rgba.size() == b.rgba.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        for (std::size_t c = 0; c < 3; ++c) {
            if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > tolerance) {
                ++n;
                break;
            }
        }
    }
    return n;
}

// The highest level of detail any of the frame's items is drawn with.
int coarsest(test::ExploreFixture& f) {
    int most = 0;
    for (std::size_t i = 0; i < f.frame.items.size(); ++i) most = std::max(most, f.renderer.levelOf(f.frame, i));
    return most;
}

}  // namespace

TEST_CASE("detail: the figure's skin and bones have levels of detail, its muscles none") {
    auto& f = test::ExploreFixture::get();
    const model::Scene& scene = f.explorer.view().scene();
    int skin = 0, bones = 0, muscles = 0;
    for (std::size_t m = 0; m < scene.meshes.size(); ++m) {
        const model::Mesh& mesh = scene.meshes[m];
        const bool isSkin = mesh.name == "skin", isBone = mesh.name.rfind("bone_", 0) == 0;
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            const model::Primitive& prim = mesh.primitives[p];
            const int levels = f.renderer.levelCount(f.explorer.view().rendererMeshes(static_cast<int>(m))[p]);
            CHECK(levels == static_cast<int>(prim.lods.size()) + 1);  // all of them reached the renderer
            if (isSkin) skin += !prim.lods.empty();
            else if (isBone) bones += !prim.lods.empty();
            else muscles += !prim.lods.empty();
        }
    }
    CHECK(skin == 1);
    CHECK(bones >= 60);  // of 80: a few small bones cannot lose a quarter of their triangles
    CHECK(muscles == 0);
}

TEST_CASE("detail: every level of the skin keeps the full mesh's vertices and every body region") {
    auto& f = test::ExploreFixture::get();
    const model::Scene& scene = f.explorer.view().scene();
    const auto skin = std::find_if(scene.meshes.begin(), scene.meshes.end(), [](const model::Mesh& m) { return m.name == "skin"; });
    REQUIRE(skin != scene.meshes.end());
    const model::Primitive& p = skin->primitives.at(0);
    const model::CustomAttribute* region = p.findCustom("_REGION");
    REQUIRE(region);
    const auto regionsOf = [&](const std::vector<std::uint32_t>& indices) {
        std::set<int> out;
        for (const std::uint32_t v : indices) out.insert(static_cast<int>(region->values.at(v)));
        return out;
    };
    const std::set<int> all = regionsOf(p.indices);
    std::size_t finer = p.indices.size();
    for (const model::LevelOfDetail& lod : p.lods) {
        CAPTURE(lod.error);
        CHECK(lod.indices.size() < finer);
        finer = lod.indices.size();
        // Heat, labels and picking read the same vertices at every level: a level only leaves
        // triangles out. So a body region is lost only if all its triangles are; none is.
        const std::set<int> kept = regionsOf(lod.indices);
        for (const int r : all) {
            if (!kept.count(r)) MESSAGE("lost " << skin->labels.at(static_cast<std::size_t>(r)));
        }
        CHECK(kept == all);
    }
}

TEST_CASE("detail: at the kiosk's distance reduced detail shows the same picture") {
    auto& f = test::ExploreFixture::get();
    for (const Look look : {Look{app::Look::Client, View::Anterior, true}, Look{app::Look::Anatomy, View::Posterior, true},
                            Look{app::Look::Anatomy, View::Anterior, false}}) {
        CAPTURE(static_cast<int>(look.look));
        CAPTURE(static_cast<int>(look.view));
        const render::Capture full = draw(f, look, 1080, 1080, 0.0f, false);
        const render::Capture reduced = draw(f, look, 1080, 1080, app::kReducedDetailPixels, true);
        const std::size_t off = differing(full, reduced, 12);
        MESSAGE(off << " pixels differ by more than 12 of 255");
        CHECK(off <= 200);  // of 1.2 million: the odd silhouette pixel of a bone
    }
}

TEST_CASE("detail: specialised shaders draw the pixels the general ones draw") {
    auto& f = test::ExploreFixture::get();
    for (const Look look : {Look{app::Look::Client, View::Posterior, true}, Look{app::Look::Anatomy, View::Posterior, true}}) {
        const render::Capture general = draw(f, look, 480, 480, 0.0f, false);
        const render::Capture specialised = draw(f, look, 480, 480, 0.0f, true);
        CHECK(differing(general, specialised, 2) == 0);
    }
}

TEST_CASE("detail: a small figure is drawn with coarser skin and bones, a large one in full") {
    auto& f = test::ExploreFixture::get();
    const Look anatomy{app::Look::Anatomy, View::Anterior, false};
    (void)draw(f, anatomy, 240, 240, app::kReducedDetailPixels, true);
    CHECK(coarsest(f) >= 2);
    (void)draw(f, anatomy, 240, 240, 0.0f, true);
    CHECK(coarsest(f) == 0);  // full detail: never a coarser level
    // Close up on the neck, larger than any level's error allows: full meshes there.
    f.camera.target = {0.0f, 1.5f, 0.0f};
    f.camera.distance = 0.4f;
    f.build(f.explorer.view().pose(-1, 0.0f), 1.0, 1080, 1080);
    f.frame.detailPixels = app::kReducedDetailPixels;
    int skinLevel = -1;
    for (std::size_t i = 0; i < f.frame.items.size(); ++i) {
        if (f.explorer.nameOfPickId(f.frame.items[i].pickId) == "skin") skinLevel = f.renderer.levelOf(f.frame, i);
    }
    CHECK(skinLevel == 0);
}

TEST_CASE("detail: a click names the same part at either detail") {
    auto& f = test::ExploreFixture::get();
    const Look client{app::Look::Client, View::Anterior, false};
    const Look anatomy{app::Look::Anatomy, View::Anterior, false};
    for (const Look look : {client, anatomy}) {
        (void)draw(f, look, 240, 240, 0.0f, false);
        const render::FrameData full = f.frame;
        (void)draw(f, look, 240, 240, app::kReducedDetailPixels, true);
        REQUIRE(coarsest(f) >= 1);
        int named = 0;
        for (int y = 4; y < 240; y += 8) {
            for (int x = 4; x < 240; x += 8) {
                const std::string a = f.explorer.pick(full, x, y), b = f.explorer.pick(f.frame, x, y);
                CHECK(a == b);
                named += !a.empty();
            }
        }
        CHECK(named > 50);
    }
}

TEST_CASE("detail: an opaque skin layer hides what is under it, which stays clickable") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    f.explorer.state().look = app::Look::Anatomy;
    f.explorer.state().layer(app::FigureLayer::Skin).opacity = 1.0f;
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    f.camera = {};
    f.camera.setView(View::Anterior);
    f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), 1.0f);
    f.build(pose, 1.0, 240, 240);
    std::size_t drawn = 0, clickable = 0;
    for (const render::DrawItem& item : f.frame.items) {
        drawn += !item.pickOnly;
        clickable += item.pickOnly;
    }
    CHECK(drawn == 1);  // the skin
    CHECK(clickable > 150);  // the muscles under it
    // A little less than opaque: everything is drawn again.
    f.explorer.state().layer(app::FigureLayer::Skin).opacity = 0.9f;
    f.build(pose, 1.0, 240, 240);
    CHECK(std::none_of(f.frame.items.begin(), f.frame.items.end(), [](const render::DrawItem& i) { return i.pickOnly; }));
}

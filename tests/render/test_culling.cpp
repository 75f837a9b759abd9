// Culling on the real figure: a close view leaves out the parts outside it and changes no
// pixel; a view of the whole figure leaves out nothing.
#include "explore_fixture.h"

#include "modes/kiosk/kiosk_tour.h"

using namespace myomap;

namespace {

render::Capture renderWith(test::ExploreFixture& f, const model::Pose& pose, bool cull) {
    f.build(pose, 2.0, 480, 320);
    f.frame.cull = cull;
    f.frame.antialias = false;  // as the kiosk draws on a software renderer
    REQUIRE(f.renderer.render(f.frame));
    return f.renderer.capture();
}

}  // namespace

TEST_CASE("culling: a close view draws fewer items and the same pixels") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    std::vector<std::string> problems;
    // Close views as the kiosk's tour frames them: the neck, and a buttock to ankle, in the
    // anatomy look (a student's close view; the kiosk itself draws only the skin, in the client look).
    for (const std::string muscle : {"upper_trapezius", "gluteus_minimus"}) {
        CAPTURE(muscle);
        const std::vector<app::KioskStep> tour = app::kioskTour(f.explorer, {muscle}, problems);
        REQUIRE(tour.size() == 1);
        app::showTourStep(f.explorer, f.camera, pose, 1.5f, tour.front(), 0.0);
        CHECK(f.explorer.state().look == app::Look::Client);
        f.explorer.state().look = app::Look::Anatomy;
        const render::Capture all = renderWith(f, pose, false);
        CHECK(f.renderer.culledLastFrame() == 0);
        const render::Capture culled = renderWith(f, pose, true);
        const std::size_t left = f.renderer.culledLastFrame();
        MESSAGE(muscle << ": " << left << " of " << f.frame.items.size() << " items left out");
        CHECK(left > f.frame.items.size() / 4);
        REQUIRE(all.rgba.size() == culled.rgba.size());
        std::size_t different = 0;
        for (std::size_t i = 0; i < all.rgba.size(); ++i) different += all.rgba[i] != culled.rgba[i];
        CHECK(different == 0);
    }
    // The whole figure in view: nothing is left out.
    f.reset();
    f.camera = {};
    f.camera.setView(View::Anterior);
    f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), 1.5f);
    (void)renderWith(f, pose, true);
    CHECK(f.renderer.culledLastFrame() == 0);
    // Looking away from the figure (from in front of it, facing further forward): everything
    // is left out.
    f.camera.setView(View::Posterior);  // the camera on the -Z side of its target, looking to +Z
    f.camera.target = {0.0f, 1.0f, 10.0f};
    f.camera.distance = 2.0f;
    (void)renderWith(f, pose, true);
    CHECK(f.renderer.culledLastFrame() == f.frame.items.size());
}

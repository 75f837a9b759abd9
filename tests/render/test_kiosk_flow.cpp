// The kiosk on the real figure: a scripted visitor changes what is shown, then goes quiet; when
// the controller resumes the tour, the step shown clears everything the visitor did.
#include "explore_fixture.h"

#include "app/kiosk.h"
#include "app/kiosk_tour.h"

using namespace myomap;

TEST_CASE("kiosk: a visitor's changes are cleared when the tour resumes after the idle timeout") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    std::vector<std::string> problems;
    std::vector<app::KioskStep> tour =
        app::kioskTour(f.explorer, {"upper_trapezius", "gluteus_minimus", "no_such_muscle"}, problems);
    REQUIRE(tour.size() == 2);
    REQUIRE(problems.size() == 1);  // the unknown featured muscle is reported and left out
    CHECK(problems.front().find("no_such_muscle") != std::string::npos);
    CHECK(tour[0].caption.rfind("Upper trapezius: ", 0) == 0);

    app::KioskController kiosk(tour, {30.0, 10.0, 20.0}, "2468");
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    const auto showPending = [&](double now) {
        if (!kiosk.stepPending()) return;
        app::showTourStep(f.explorer, f.camera, pose, 1.6f, *kiosk.step(), now);
        kiosk.stepShown();
    };
    showPending(0.0);
    CHECK(f.explorer.state().selected == "upper_trapezius.R");
    CHECK(f.explorer.state().referrals == std::vector<std::string>{"upper_trapezius.tp1.R"});

    // A visitor: selects another muscle, hides the skin and a muscle, shows one side only.
    kiosk.visitorInput(3.0);
    REQUIRE(f.explorer.select("deltoid.L"));
    app::ExploreState& state = f.explorer.state();
    state.layer(app::FigureLayer::Skin).visible = false;
    state.hidden.insert("pectoralis_major.L");
    state.side = app::SideFilter::Left;
    state.referrals.clear();
    for (double t = 3.0; t < 32.9; t += 1.0) {
        kiosk.update(t);
        showPending(t);
    }
    CHECK(state.selected == "deltoid.L");  // still the visitor's
    kiosk.update(33.0);  // 30 s after the last touch
    REQUIRE(kiosk.touring());
    showPending(33.0);
    CHECK(state.selected == tour[1].muscle);
    CHECK(state.referrals == std::vector<std::string>{tour[1].triggerPoint});
    CHECK(state.layer(app::FigureLayer::Skin).visible);
    CHECK(state.hidden.empty());
    CHECK(state.side == app::SideFilter::Both);
}

// The modes behind one interface: the built-in ones found by name, and a new one added with a
// single registration line (its class below is the whole of it) that the command line, the
// registry and the viewer's hooks then treat like any other.
#include "explore_fixture.h"

#include "app/cli.h"
#include "modes/registry.h"

using namespace myomap;

namespace {

// The smallest mode there is: the figure's muscles in the student's words, nothing added.
class QuietMode final : public app::Mode {
public:
    app::Reading reading() const override { return {ui::ReadingLevel::Student, false}; }
    void enter(app::ModeContext& context) override {
        context.explorer.state().look = app::Look::Anatomy;
        ++entered;
    }
    int entered = 0;
};

struct ModeRun {
    app::CameraRig camera;
    int clip = -1;
    float time = 0.0f;
    std::vector<std::string> errors, notes;
    app::ModeContext context(test::ExploreFixture& f) {
        return {f.explorer, f.atlas, f.renderer, camera, f.frame, clip, time, 0.0, 0, errors, notes};
    }
};

}  // namespace

TEST_CASE("modes: therapist, student and the kiosk are registered, and --kiosk wins over --mode") {
    for (const char* name : {"therapist", "student", "kiosk"}) {
        CAPTURE(name);
        const app::ModeEntry* entry = app::findMode(name);
        REQUIRE(entry != nullptr);
        CHECK(entry->make({}) != nullptr);
    }
    CHECK(app::allModes().front().name == "therapist");  // the default
    CHECK(app::findMode("kiosk")->menuLabel.empty());    // started by --kiosk, not from the menu
    CHECK(app::findMode("kiosk")->screen.keepOpen);
    auto kiosk = app::parseOptions({"--mode", "student", "--kiosk"});
    REQUIRE(kiosk);
    CHECK(kiosk->mode == "kiosk");
    auto wrong = app::parseOptions({"--mode", "kiosk"});
    REQUIRE(!wrong);
    CHECK(wrong.error().find("(the kiosk is --kiosk)") != std::string::npos);
}

TEST_CASE("modes: a new mode is one registration line, and works through the same hooks") {
    app::registerMode({"quiet", "Quiet: the figure alone", {}, [](const app::ModeSettings&) { return std::make_unique<QuietMode>(); }});

    auto options = app::parseOptions({"--mode", "quiet"});
    REQUIRE(options);
    CHECK(options->mode == "quiet");
    const app::ModeEntry* entry = app::findMode("quiet");
    REQUIRE(entry != nullptr);
    CHECK(entry->menuLabel == "Quiet: the figure alone");  // listed in the Mode menu
    auto made = entry->make({});
    auto& mode = dynamic_cast<QuietMode&>(*made);

    auto& f = test::ExploreFixture::get();
    f.reset();
    f.explorer.state().look = app::Look::Client;
    ModeRun run;
    run.camera.camera.setView(View::Anterior);
    run.camera.camera.frame(model::posedBounds(f.explorer.view().scene(), f.explorer.view().pose(-1, 0.0f)), 1.0f);
    run.camera.aspect = 1.0f;
    f.camera = run.camera.camera;
    f.build(f.explorer.view().pose(-1, 0.0f), 0.0, 400, 400);
    app::ModeContext context = run.context(f);
    mode.enter(context);
    CHECK(mode.entered == 1);
    CHECK(f.explorer.state().look == app::Look::Anatomy);
    CHECK(mode.selectionCover().empty());

    // The default click: a muscle under the skin is selected, no referral plays; a click on
    // nothing clears the selection.
    mode.bodyClicked(context, 200, 130, false);
    CHECK(!f.explorer.state().selected.empty());
    CHECK(f.explorer.state().referrals.empty());
    mode.bodyClicked(context, 2, 2, false);
    CHECK(f.explorer.state().selected.empty());

    // The default camera move: a newly shown referral is framed.
    REQUIRE(f.explorer.showReferral("upper_trapezius.tp1.R"));
    CHECK(!run.camera.easing.active());
    mode.moveCamera(context);
    CHECK(run.camera.easing.active());
    CHECK(run.errors.empty());
}

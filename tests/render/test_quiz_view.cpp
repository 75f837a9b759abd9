// The student's quiz on the real figure: the muscle a question highlights is turned to and
// framed from its own side (viewOnto and OrbitCamera::face, as the viewer does), even a deep
// one at the back.
#include "explore_fixture.h"

#include "anatomy/quiz.h"
#include "explore/camera_moves.h"

using namespace myomap;

TEST_CASE("quiz: the highlighted muscle is faced from its own side of the body") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    const std::pair<const char*, View> expected[] = {
        {"multifidus.L", View::Posterior},     {"infraspinatus.R", View::Posterior}, {"rectus_abdominis.L", View::Anterior},
        {"pectoralis_major.R", View::Anterior}, {"masseter.L", View::Left},          {"temporalis.R", View::Right},
        {"rectus_femoris.L", View::Anterior},  {"biceps_femoris.R", View::Posterior}, {"deltoid.L", View::Left},
    };
    for (const auto& [name, view] : expected) {
        const std::string mesh = name;
        CAPTURE(mesh);
        REQUIRE(f.explorer.select(mesh));
        const model::Bounds bounds = f.explorer.selectionBounds(pose);
        REQUIRE(!bounds.empty());
        const anatomy::BodySurfaces& body = *f.explorer.surfaces();
        const anatomy::MuscleSurface* muscle = body.findMuscle(mesh);
        REQUIRE(muscle != nullptr);
        const View onto = app::viewOnto(body.skin.positions, body.skin.indices, muscle->positions);
        CHECK(std::string(viewName(onto)) == viewName(view));
        app::OrbitCamera camera;  // from the front, as a quiz starts
        camera.face(bounds, onto, 1.6f, 0.9f);
        // Framed: every corner of the muscle's box is on screen.
        f.camera = camera;
        f.build(pose, 0.0, 800, 500);
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 p((corner & 1) ? bounds.max.x : bounds.min.x, (corner & 2) ? bounds.max.y : bounds.min.y,
                              (corner & 4) ? bounds.max.z : bounds.min.z);
            const glm::vec2 px = f.project(p);
            CHECK(px.x >= 0.0f);
            CHECK(px.x <= 800.0f);
            CHECK(px.y >= 0.0f);
            CHECK(px.y <= 500.0f);
        }
    }
    // Every NameMuscle and WhichRegion subject of a quiz can be faced: its mesh is in the
    // figure and has bounds.
    anatomy::QuizOptions options;
    options.count = 30;
    for (const anatomy::Question& q : anatomy::generateQuiz(f.atlas, options)) {
        if (q.highlightMesh.empty()) continue;
        CAPTURE(q.highlightMesh);
        REQUIRE(f.explorer.select(q.highlightMesh));
        CHECK(!f.explorer.selectionBounds(pose).empty());
    }
}

TEST_CASE("quiz: an answered question shows the right muscle's referral on the side asked, in view") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    anatomy::QuizOptions options;
    options.count = 8;
    options.kinds = {anatomy::QuestionKind::ClickMuscle, anatomy::QuestionKind::WhichRegion};
    options.clickOnBody = false;
    const std::vector<anatomy::Question> quiz = anatomy::generateQuiz(f.atlas, options);
    REQUIRE(quiz.size() == 8);
    for (const anatomy::Question& q : quiz) {
        CAPTURE(q.prompt);
        REQUIRE(f.explorer.showReferral(q.revealTp, 0.0));
        REQUIRE(f.explorer.state().referrals.size() == 1);
        const std::string key = f.explorer.state().referrals.front();
        CHECK(key == q.revealTp);  // the side the question asked about
        CHECK(f.explorer.state().selected == q.revealMuscle);
        f.camera = app::cameraOnReferral(f.explorer, app::OrbitCamera{}, key, pose, 1.6f, 0.9f);
        f.build(pose, 0.0, 800, 500);
        auto field = f.explorer.heat()->field(key);
        REQUIRE(field);
        const auto& skin = f.explorer.surfaces()->skin.positions;
        std::size_t essential = 0, inView = 0;
        for (std::size_t v = 0; v < skin.size(); ++v) {
            if (!(*field)->isEssential(v)) continue;
            ++essential;
            const glm::vec2 px = f.project(skin[v]);
            if (px.x >= 0.0f && px.x <= 800.0f && px.y >= 0.0f && px.y <= 500.0f) ++inView;
        }
        CHECK(essential > 0);
        CHECK(inView == essential);  // every vertex of its essential zones on screen
    }
}

#include "explore/explore_ui.h"

TEST_CASE("quiz: the selection line names the muscle again once the question is answered") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    ui::ExploreUi panel;
    // Asking: the muscle is selected (highlighted) but the line must not name it.
    REQUIRE(f.explorer.select("masseter.L"));
    app::fillExploreUi(f.explorer, panel);
    CHECK(panel.selectedLabel == "Masseter (left)");
    app::hideSelectionName(panel, "The quiz's muscle (answer first)");
    CHECK(panel.selectedLabel == "The quiz's muscle (answer first)");
    // Answered: the same muscle stays selected (it was the answer); the line names it again.
    app::fillExploreUi(f.explorer, panel);
    CHECK(panel.selectedLabel == "Masseter (left)");
    // Hidden while nothing is selected, then still nothing: the line is empty, not the hint.
    f.explorer.state().selected.clear();
    app::hideSelectionName(panel, "Click a muscle on the body to answer");
    app::fillExploreUi(f.explorer, panel);
    CHECK(panel.selectedLabel.empty());
}

TEST_CASE("explorer: the figure's parts are named for people, bones too") {
    auto& f = test::ExploreFixture::get();
    const std::pair<const char*, const char*> names[] = {
        {"upper_trapezius.R", "Upper trapezius (right)"}, {"skin", "Skin"},
        {"bone_t12", "T12 vertebra"},   {"bone_c1", "C1 vertebra"},       {"bone_l5", "L5 vertebra"},
        {"bone_rib3.L", "Rib 3 (left)"}, {"bone_femur.R", "Femur (right)"}, {"bone_hand.L", "Hand bones (left)"},
        {"bone_hip.R", "Hip bone (right)"}, {"bone_skull", "Skull"},       {"bone_", "bone_"},
        {"bone_tx", "Tx"},              {"some_mesh", "some_mesh"},
    };
    for (const auto& [mesh, name] : names) {
        CAPTURE(mesh);
        CHECK(app::displayName(f.explorer, mesh) == name);
    }
    // Every bone of the figure gets a name that is not its mesh name.
    int bones = 0;
    for (const app::FigurePart& part : f.explorer.index().parts()) {
        if (part.kind != app::PartKind::Bone) continue;
        ++bones;
        CAPTURE(part.name);
        CHECK(app::displayName(f.explorer, part.name).find("bone_") == std::string::npos);
    }
    CHECK(bones > 50);
}

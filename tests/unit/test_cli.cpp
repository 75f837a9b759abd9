#include "app/cli.h"

#include <doctest/doctest.h>

using namespace myomap;
using app::parseOptions;

TEST_CASE("the documented screenshot command line parses") {
    auto o = parseOptions({"--model", "CesiumMan.glb", "--screenshot", "out.png", "--size", "800x600", "--time", "0.5",
                           "--clip", "walk", "--view", "posterior"});
    REQUIRE(o);
    CHECK(o->model->string() == "CesiumMan.glb");
    CHECK(o->screenshot->string() == "out.png");
    CHECK(o->width == 800);
    CHECK(o->height == 600);
    CHECK(o->time == doctest::Approx(0.5));
    CHECK(o->clip == "walk");
    CHECK(o->view == View::Posterior);
}

TEST_CASE("camera and target take x,y,z") {
    auto o = parseOptions({"--camera", "0,0,1.3", "--target", "0,-0.5,0", "--fov", "45.8", "--background", "#ff00ff"});
    REQUIRE(o);
    CHECK(*o->camera == glm::vec3(0, 0, 1.3f));
    CHECK(*o->target == glm::vec3(0, -0.5f, 0));
    CHECK(o->fovDegrees == doctest::Approx(45.8));
    CHECK(*o->background == glm::vec3(1, 0, 1));
}

TEST_CASE("bad values name the option and what was expected") {
    struct Case { std::vector<std::string> args; const char* expected; };
    const Case cases[] = {
        {{"--size", "800"}, "WIDTHxHEIGHT"},
        {{"--size", "0x10"}, "WIDTHxHEIGHT"},
        {{"--size", "10.5x10"}, "WIDTHxHEIGHT"},
        {{"--time", "-1"}, "--time"},
        {{"--time", "soon"}, "--time"},
        {{"--view", "top"}, "anterior, posterior, left or right"},
        {{"--camera", "1,2"}, "x,y,z"},
        {{"--camera", "1,2,3,4"}, "x,y,z"},
        {{"--background", "red"}, "RRGGBB"},
        {{"--model"}, "needs a value"},
        {{"--frobnicate"}, "unknown option"},
        {{"--select"}, "--select needs 1 value"},
        {{"--target", "0,0,0"}, "--target needs --camera"},
        {{"--view", "left", "--camera", "0,0,1"}, "either --view or --camera"},
    };
    for (const Case& c : cases) {
        auto o = parseOptions(c.args);
        CAPTURE(c.args.front());
        REQUIRE_FALSE(o);
        CHECK(o.error().find(c.expected) != std::string::npos);
    }
}

TEST_CASE("--help lists every option") {
    const std::string help = app::helpText();
    for (const char* option : {"--model", "--screenshot", "--size", "--time", "--clip", "--view", "--camera", "--target",
                               "--fov", "--background", "--version", "--help", "--script", "--pose", "--select",
                               "--referral", "--layer", "--side", "--pick", "--wait", "--heat", "--palette", "--isolate",
                               "--show-all"}) {
        CHECK(help.find(option) != std::string::npos);
    }
}

// `myomap --screenshot` end to end: what a script or a person gets back, including failures.
#include "render/image_checks.h"
#include "support/fixtures.h"
#include "support/gltf_builder.h"
#include "support/run_myomap.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using namespace myomap;

TEST_CASE("a screenshot is written at the requested size and is deterministic") {
    const fs::path model = test::fixture("gltf/sample-assets/Models/CesiumMan/glTF-Binary/CesiumMan.glb");
    if (model.empty()) return;
    const fs::path dir = test::outputDir("screenshot_cli");
    std::vector<ImageRgba> images;
    for (int i = 0; i < 2; ++i) {
        const fs::path out = dir / ("cesium-t0.5-" + std::to_string(i) + ".png");
        const auto run = test::runMyomap({"--model", model.string(), "--screenshot", out.string(), "--size", "320x240",
                                          "--time", "0.5"});
        CAPTURE(run.output);
        REQUIRE(run.exitCode == 0);
        auto image = readPng(out);
        REQUIRE(image);
        CHECK(image->width == 320);
        CHECK(image->height == 240);
        images.push_back(std::move(image.value()));
    }
    // Time is a parameter, so the same command gives the same pixels.
    CHECK(images[0].pixels == images[1].pixels);
}

TEST_CASE("the walking CesiumMan at t=0.5 is posed: legs apart, unlike the rest pose") {
    const fs::path model = test::fixture("gltf/sample-assets/Models/CesiumMan/glTF-Binary/CesiumMan.glb");
    if (model.empty()) return;
    const fs::path dir = test::outputDir("screenshot_cli");
    const std::uint8_t magenta[3] = {255, 0, 255};
    auto widthAt = [&](const char* time, const char* view) {
        const fs::path out = dir / (std::string("cesium-") + view + "-" + time + ".png");
        const auto run = test::runMyomap({"--model", model.string(), "--screenshot", out.string(), "--size", "400x400",
                                          "--time", time, "--view", view, "--background", "ff00ff"});
        REQUIRE(run.exitCode == 0);
        const auto image = readPng(out);
        REQUIRE(image);
        const test::PixelBox box = test::modelBox(*image, magenta);
        REQUIRE_FALSE(box.empty());
        return box;
    };
    // From the side a walking stride is wide; the box of the whole figure is clearly wider than
    // tall/4, and it changes over the cycle (t=0.5 vs t=1.0).
    const auto a = widthAt("0.5", "left");
    const auto b = widthAt("1.0", "left");
    CHECK(a.x1 - a.x0 != b.x1 - b.x0);
    CHECK(a.y1 - a.y0 > 200);
}

TEST_CASE("failures exit non-zero with a message naming the file and the problem") {
    const fs::path dir = test::scratchDir("screenshot-failures");
    const fs::path out = dir / "out.png";
    struct Case { std::vector<std::string> args; const char* expected; };
    const fs::path broken = test::writeFile(dir / "broken.glb", "glTF not really");
    const fs::path good = test::writeFile(dir / "tri.gltf", test::TriangleGltf{}.json());
    const Case cases[] = {
        {{"--model", (dir / "missing.glb").string(), "--screenshot", out.string()}, "missing.glb"},
        {{"--model", broken.string(), "--screenshot", out.string()}, "broken.glb"},
        {{"--model", good.string(), "--screenshot", out.string(), "--clip", "walk"}, "no animation clip named 'walk'"},
        {{"--model", good.string(), "--screenshot", (dir / "no-folder" / "x.png").string()}, "no-folder"},
        {{"--model", good.string(), "--screenshot", out.string(), "--size", "0x0"}, "WIDTHxHEIGHT"},
    };
    for (const Case& c : cases) {
        const auto run = test::runMyomap(c.args);
        CAPTURE(run.output);
        CHECK(run.exitCode != 0);
        CHECK(run.output.find(c.expected) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("--help lists the options and exits 0") {
    const auto run = test::runMyomap({"--help"});
    CHECK(run.exitCode == 0);
    CHECK(run.output.find("--screenshot") != std::string::npos);
}

TEST_CASE("figure-metrics measures what shows inside the skin's silhouette, and guards against getting worse") {
    const auto run = test::runMyomap({"figure-metrics", "--json", "--size", "300x500"});
    CAPTURE(run.output);
    REQUIRE(run.exitCode == 0);
    const auto at = run.output.find("{\"size\"");
    REQUIRE(at != std::string::npos);
    const auto json = nlohmann::json::parse(run.output.substr(at));
    REQUIRE(json["views"].size() == 3);
    CHECK(json["triangles"].get<int>() > 1000);
    for (const auto& view : json["views"]) {
        CAPTURE(view.dump());
        const double muscle = view["muscle_pct"], bone = view["bone_pct"], background = view["background_pct"];
        CHECK(view["pixels"].get<int>() > 5000);
        CHECK(muscle + bone + background == doctest::Approx(100.0).epsilon(0.001));
        // The volumetric figure with its finger tendons, 5 December 2026 (docs/FIGURE.md), at this
        // size: 95.5-97.9 % muscle, 0.5-0.7 % background, at most 0.015 % of the opaque skin
        // showing something else. The figure the issue started from: 72-81 %, 6-12 % and 1.1-1.6 %.
        // Work on the figure may only improve on these (the targets: 85 %, 1.5 %, 0.1 %).
        CHECK(muscle > 94.5);
        CHECK(background < 1.0);
        CHECK(view["opaque_not_skin_pct"].get<double>() < 0.1);
    }
}

// Models from elsewhere, rendered by the real binary: Khronos samples with morph targets and
// with mirrored nodes, checked against what their READMEs and reference screenshots show.
// (Loading and the weights themselves: tests/unit/test_morph.cpp.)
#include "support/fixtures.h"
#include "support/run_myomap.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

struct Box {
    int x0, y0, x1, y1;  // inclusive-exclusive pixel rectangle
};

// Renders `model` with the given arguments and returns the image (REQUIREs success).
ImageRgba render(const fs::path& model, const std::string& name, std::vector<std::string> args) {
    const fs::path out = test::outputDir("morph") / (name + ".png");
    args.insert(args.begin(), {"--model", model.string(), "--screenshot", out.string()});
    const auto run = test::runMyomap(args);
    CAPTURE(run.output);
    REQUIRE(run.exitCode == 0);
    auto image = readPng(out);
    REQUIRE(image);
    return std::move(image.value());
}

// Pixels that differ from the flat background colour by more than a little.
bool isForeground(const ImageRgba& image, int x, int y, const std::uint8_t* background) {
    const std::uint8_t* p = image.at(x, y);
    return std::abs(p[0] - background[0]) + std::abs(p[1] - background[1]) + std::abs(p[2] - background[2]) > 24;
}

// The bounding box of everything that is not background.
Box silhouette(const ImageRgba& image, const std::uint8_t* background) {
    Box box{image.width, image.height, 0, 0};
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (isForeground(image, x, y, background)) {
                box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1), std::max(box.y1, y + 1)};
            }
    return box;
}

struct Counts {
    int red = 0, green = 0;
};

Counts colours(const ImageRgba& image, const Box& box) {
    Counts c;
    for (int y = std::max(box.y0, 0); y < std::min(box.y1, image.height); ++y)
        for (int x = std::max(box.x0, 0); x < std::min(box.x1, image.width); ++x) {
            const std::uint8_t* p = image.at(x, y);
            if (p[0] > 120 && p[1] < 90 && p[2] < 90) ++c.red;
            if (p[1] > 100 && p[0] < 100 && p[2] < 100) ++c.green;
        }
    return c;
}

const std::uint8_t kBackground[3] = {0x30, 0x33, 0x50};

}  // namespace

TEST_CASE("AnimatedMorphCube: its silhouette thins and ramps over time as its reference screenshot shows") {
    const fs::path model = test::fixture("gltf/sample-assets/Models/AnimatedMorphCube/glTF-Binary/AnimatedMorphCube.glb");
    if (model.empty()) return;
    // The reference (screenshot/screenshot.gif, 82 frames 0.05 s apart, looking across the
    // axis the "thin" target squeezes), measured once: `convert -coalesce`, then each frame's
    // non-background width with `-fuzz 8% -trim`: 241 px at frame 0, 98 at 16 (0.8 s), 34 at 32
    // (1.6 s), 150 at 48 (2.4 s), 231 at 68 (3.4 s). As fractions of the first:
    struct Moment {
        const char* time;
        double reference, tolerance;
    };
    // The GIF's frame clock only roughly follows the animation's, and 0.8 s and 2.4 s fall on
    // the steepest part of the curve, so those two get a wider margin.
    const Moment moments[] = {{"0.8", 98.0 / 241.0, 0.2}, {"1.6", 34.0 / 241.0, 0.05}, {"2.4", 150.0 / 241.0, 0.2},
                              {"3.4", 231.0 / 241.0, 0.06}};
    const std::vector<std::string> camera = {"--size", "324x342", "--camera", "5.5,2.2,-1.2", "--target", "0,0,0",
                                             "--background", "303350"};
    auto at = [&](const char* time) {
        std::vector<std::string> args = camera;
        args.insert(args.end(), {"--time", time});
        const Box box = silhouette(render(model, std::string("amc-") + time, args), kBackground);
        return box.x1 - box.x0;
    };
    const int full = at("0");
    REQUIRE(full > 150);
    for (const Moment& m : moments) {
        const double fraction = static_cast<double>(at(m.time)) / full;
        MESSAGE("t = " << std::string(m.time) << " s: width " << fraction << " of the cube's (reference " << m.reference << ")");
        CHECK(std::abs(fraction - m.reference) <= m.tolerance);
    }
}

TEST_CASE("MorphPrimitivesTest: both primitives show, the centre raised by the half-weighted targets") {
    const fs::path model = test::fixture("gltf/sample-assets/Models/MorphPrimitivesTest/glTF-Binary/MorphPrimitivesTest.glb");
    if (model.empty()) return;
    // From above: the green primitive covers one quadrant (x > 0, z < 0: the upper right on
    // screen), the red one the other three.
    const ImageRgba top = render(model, "mpt-top", {"--size", "400x400", "--camera", "0,2.5,0.4", "--target", "0,0,0",
                                                    "--background", "303350"});
    const Box all = silhouette(top, kBackground);
    const int cx = (all.x0 + all.x1) / 2, cy = (all.y0 + all.y1) / 2;
    const Counts upperRight = colours(top, {cx, all.y0, all.x1, cy});
    const Counts upperLeft = colours(top, {all.x0, all.y0, cx, cy});
    const Counts lowerLeft = colours(top, {all.x0, cy, cx, all.y1});
    const Counts lowerRight = colours(top, {cx, cy, all.x1, all.y1});
    MESSAGE("green / red pixels: upper right " << upperRight.green << "/" << upperRight.red << ", upper left "
                                               << upperLeft.green << "/" << upperLeft.red);
    CHECK(upperRight.green > 10 * std::max(upperRight.red, 1));
    for (const Counts& c : {upperLeft, lowerLeft, lowerRight}) CHECK(c.red > 10 * std::max(c.green, 1));

    // Edge-on from the front at the plane's height: flat, it would be a line a pixel or two
    // tall; the targets at weight 0.5 raise the middle by 0.1 m (about 20 px here).
    const ImageRgba side = render(model, "mpt-side", {"--size", "400x400", "--camera", "0,0.001,3", "--target", "0,0,0",
                                                      "--background", "303350"});
    const Box profile = silhouette(side, kBackground);
    MESSAGE("side view: the surface is " << profile.y1 - profile.y0 << " px tall");
    CHECK(profile.y1 - profile.y0 > 12);
    CHECK(profile.y1 - profile.y0 < 40);
}

TEST_CASE("NegativeScaleTest: every check mark shows green and no cross, mirrored rows included") {
    const fs::path model = test::fixture("gltf/sample-assets/Models/NegativeScaleTest/glTF-Binary/NegativeScaleTest.glb");
    if (model.empty()) return;
    const ImageRgba image = render(model, "negative-scale", {"--size", "600x600"});
    // The six label cells (front, back, sample; scale 1.0 and -1.0), located once in this view:
    // the model's README says a failing renderer shows red crosses in the second row.
    const int columns[3] = {300, 378, 460}, rows[2] = {187, 237};
    for (const int y : rows) {
        for (const int x : columns) {
            CAPTURE(x);
            CAPTURE(y);
            const Counts c = colours(image, {x - 18, y - 15, x + 18, y + 15});
            CHECK(c.green > 40);
            CHECK(c.red == 0);
        }
    }
}

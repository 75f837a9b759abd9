// The built-in figure from the three standard views, against committed baselines.
#include "render/baseline.h"

#include <doctest/doctest.h>

using namespace myomap;

namespace {

// Same machine image, same Mesa: llvmpipe renders these bit for bit. The tolerance absorbs a
// different Mesa or LLVM version (rounding at anti-aliased edges and in the striation
// pattern: a few levels on a few percent of pixels) while a moved or missing muscle
// (thousands of pixels changing by far more than 24 levels) still fails.
constexpr test::BaselineTolerance kFigureTolerance{24, 1.5};

void figureView(const char* view) {
    const auto out = test::outputDir("figure") / (std::string("figure-") + view + ".png");
    const auto run = test::runMyomap({"--screenshot", out.string(), "--size", "480x640", "--view", view});
    CAPTURE(run.output);
    REQUIRE(run.exitCode == 0);
    test::compareWithBaseline(std::string("figure-") + view, out, kFigureTolerance);
}

}  // namespace

TEST_CASE("baseline: the figure, anterior") { figureView("anterior"); }
TEST_CASE("baseline: the figure, posterior") { figureView("posterior"); }
TEST_CASE("baseline: the figure, left side") { figureView("left"); }

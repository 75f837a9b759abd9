// The similarity fit (rotation, uniform scale, translation) on made-up points, its refusals,
// and the atlas-to-figure axes.
#include "figurecheck/atlas_registration.h"

#include <doctest/doctest.h>

#include <glm/gtc/quaternion.hpp>

#include <random>
#include <vector>

namespace {

using namespace myomap::figurecheck;

std::vector<glm::dvec3> randomPoints(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> coordinate(-0.2, 0.2);
    std::vector<glm::dvec3> points;
    for (std::size_t i = 0; i < n; ++i) points.push_back({coordinate(random), coordinate(random), coordinate(random)});
    return points;
}

double largestDifference(const glm::dmat3& a, const glm::dmat3& b) {
    double worst = 0.0;
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < 3; ++r) worst = std::max(worst, std::abs(a[c][r] - b[c][r]));
    return worst;
}

}  // namespace

TEST_CASE("Similarity fit: recovers a known rotation, scale and translation") {
    struct Case {
        double degrees;
        glm::dvec3 axis;
        double scale;
        glm::dvec3 translation;
    };
    const Case cases[] = {{37.0, {1, 2, 3}, 0.8, {1.0, -2.0, 0.5}},
                          {0.0, {0, 1, 0}, 1.0, {0.0, 0.0, 0.0}},
                          {179.0, {0, 0, 1}, 1.3, {0.0, 1.5, 0.0}},
                          {180.0, {1, -1, 0}, 0.001, {-0.3, 0.2, 0.1}},
                          {90.0, {1, 0, 0}, 2.5, {10.0, 0.0, -4.0}}};
    for (const Case& c : cases) {
        CAPTURE(c.degrees);
        const glm::dmat3 rotation = glm::mat3_cast(glm::angleAxis(glm::radians(c.degrees), glm::normalize(c.axis)));
        const std::vector<glm::dvec3> from = randomPoints(7, 20261205u);
        std::vector<glm::dvec3> to;
        for (const glm::dvec3& p : from) to.push_back(c.scale * (rotation * p) + c.translation);
        auto fit = fitSimilarity(from, to);
        REQUIRE_MESSAGE(fit.ok(), (fit ? "" : fit.error()));
        CHECK(largestDifference(fit->rotation, rotation) < 1e-9);
        CHECK(fit->scale == doctest::Approx(c.scale).epsilon(1e-12));
        CHECK(glm::length(fit->translation - c.translation) < 1e-9);
        CHECK(fit->rotationDegrees() == doctest::Approx(c.degrees).epsilon(1e-6));
        CHECK(rmsResidual(*fit, from, to) < 1e-9);
    }
}

TEST_CASE("Similarity fit: with noise, the least-squares answer stays close and the residual says how close") {
    const glm::dmat3 rotation =
        glm::mat3_cast(glm::angleAxis(glm::radians(12.0), glm::normalize(glm::dvec3(0, 1, 0.2))));
    const std::vector<glm::dvec3> from = randomPoints(50, 7u);
    std::mt19937 random(11u);
    std::normal_distribution<double> noise(0.0, 0.001);
    std::vector<glm::dvec3> to;
    for (const glm::dvec3& p : from)
        to.push_back(1.1 * (rotation * p) + glm::dvec3(0.1, 0.2, 0.3) +
                     glm::dvec3(noise(random), noise(random), noise(random)));
    auto fit = fitSimilarity(from, to);
    REQUIRE_MESSAGE(fit.ok(), (fit ? "" : fit.error()));
    CHECK(fit->scale == doctest::Approx(1.1).epsilon(0.01));
    CHECK(largestDifference(fit->rotation, rotation) < 0.01);
    const double rms = rmsResidual(*fit, from, to);
    CHECK(rms > 0.0005);  // about sqrt(3) * 1 mm of noise, less what the fit absorbs
    CHECK(rms < 0.0025);
}

TEST_CASE("Similarity fit: a mirror image is fitted by a rotation, never a reflection") {
    const std::vector<glm::dvec3> from = randomPoints(6, 3u);
    std::vector<glm::dvec3> to;
    for (const glm::dvec3& p : from) to.push_back({-p.x, p.y, p.z});
    auto fit = fitSimilarity(from, to);
    REQUIRE_MESSAGE(fit.ok(), (fit ? "" : fit.error()));
    CHECK(glm::determinant(fit->rotation) == doctest::Approx(1.0));
    CHECK(rmsResidual(*fit, from, to) > 0.01);  // a mirror cannot be matched
}

TEST_CASE("Similarity fit: degenerate input is refused with a message") {
    const std::vector<glm::dvec3> three = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    auto expectRefused = [](const std::vector<glm::dvec3>& from, const std::vector<glm::dvec3>& to,
                            const std::string& words) {
        auto fit = fitSimilarity(from, to);
        REQUIRE_FALSE(fit.ok());
        CAPTURE(fit.error());
        CHECK(fit.error().find(words) != std::string::npos);
    };
    expectRefused({{0, 0, 0}, {1, 0, 0}}, {{0, 0, 0}, {1, 0, 0}}, "at least 3");
    expectRefused(three, {{0, 0, 0}, {1, 0, 0}}, "3 points to map onto 2");
    expectRefused({{0, 0, 0}, {1, 1, 1}, {2, 2, 2}, {3, 3, 3}}, {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                  "one line");
    expectRefused(three, {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}, "coincide");
    expectRefused({{0, 0, 0}, {1, 0, 0}, {0, NAN, 0}}, three, "not finite");
}

TEST_CASE("Atlas axes: RAS millimetres become the figure's metres without a mirror") {
    // The patient's left (RAS -x) is the figure's +x; anterior (+y) is +z; up (+z) is +y.
    CHECK(rasMillimetresToFigureAxes({-1000, 0, 0}) == glm::dvec3(1, 0, 0));
    CHECK(rasMillimetresToFigureAxes({0, 1000, 0}) == glm::dvec3(0, 0, 1));
    CHECK(rasMillimetresToFigureAxes({0, 0, 1000}) == glm::dvec3(0, 1, 0));
    const glm::dmat3 m(rasMillimetresToFigureAxes({1, 0, 0}), rasMillimetresToFigureAxes({0, 1, 0}),
                       rasMillimetresToFigureAxes({0, 0, 1}));
    CHECK(glm::determinant(m) > 0.0);
}

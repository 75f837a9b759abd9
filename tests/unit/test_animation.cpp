// Animation sampling against values worked out by hand for each interpolation mode.
#include "model/pose.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace myomap::model;

namespace {

AnimationSampler sampler(Interpolation mode, std::vector<float> times, std::vector<float> values, int components) {
    AnimationSampler s;
    s.interpolation = mode;
    s.times = std::move(times);
    s.values = std::move(values);
    s.components = components;
    return s;
}

glm::vec3 sample3(const AnimationSampler& s, float t) {
    float v[3];
    sampleAnimation(s, t, v, s.components == 4 ? AnimatedPath::Rotation : AnimatedPath::Translation);
    return {v[0], v[1], v[2]};
}

glm::vec4 sample4(const AnimationSampler& s, float t) {
    float v[4];
    sampleAnimation(s, t, v, s.components == 4 ? AnimatedPath::Rotation : AnimatedPath::Translation);
    return {v[0], v[1], v[2], v[3]};
}

void checkClose(const glm::vec3& a, const glm::vec3& b) {
    CHECK(a.x == doctest::Approx(b.x).epsilon(1e-5));
    CHECK(a.y == doctest::Approx(b.y).epsilon(1e-5));
    CHECK(a.z == doctest::Approx(b.z).epsilon(1e-5));
}

}  // namespace

TEST_CASE("STEP holds each key's value until the next key") {
    const auto s = sampler(Interpolation::Step, {0, 1, 2}, {0, 0, 0, 1, 2, 3, 5, 5, 5}, 3);
    checkClose(sample3(s, -1.0f), {0, 0, 0});  // before the first key: first value
    checkClose(sample3(s, 0.5f), {0, 0, 0});
    checkClose(sample3(s, 1.0f), {1, 2, 3});
    checkClose(sample3(s, 1.99f), {1, 2, 3});
    checkClose(sample3(s, 3.0f), {5, 5, 5});   // after the last key: last value
}

TEST_CASE("LINEAR interpolates translations component-wise") {
    const auto s = sampler(Interpolation::Linear, {0, 1}, {0, 0, 0, 4, 8, -4}, 3);
    checkClose(sample3(s, 0.25f), {1, 2, -1});
    checkClose(sample3(s, 0.5f), {2, 4, -2});
}

TEST_CASE("LINEAR rotations slerp along the shorter arc") {
    const float h = std::sqrt(0.5f);  // 90 degrees about Y: (0, sin 45, 0, cos 45)
    const auto s = sampler(Interpolation::Linear, {0, 1}, {0, 0, 0, 1, 0, h, 0, h}, 4);
    // Half way: 45 degrees about Y = (0, sin 22.5, 0, cos 22.5).
    const glm::vec4 q = sample4(s, 0.5f);
    CHECK(q.x == doctest::Approx(0.0f));
    CHECK(q.y == doctest::Approx(0.3826834f));
    CHECK(q.z == doctest::Approx(0.0f));
    CHECK(q.w == doctest::Approx(0.9238795f));

    // The same end rotation written as its negative must not send the slerp the long way.
    const auto negated = sampler(Interpolation::Linear, {0, 1}, {0, 0, 0, 1, 0, -h, 0, -h}, 4);
    const glm::vec4 r = sample4(negated, 0.5f);
    CHECK(std::abs(r.y) == doctest::Approx(0.3826834f));
    CHECK(std::abs(r.w) == doctest::Approx(0.9238795f));
}

TEST_CASE("CUBICSPLINE follows the Hermite curve with tangents scaled by the key interval") {
    // Keys at t=0 and t=2; x: value 0 with out-tangent 3, then value 2 with in-tangent 0.
    // At t=1 (s=0.5): h00=0.5, h10=0.125, h01=0.5, h11=-0.125;
    // x = 0.5*0 + 0.125*2*3 + 0.5*2 + (-0.125)*2*0 = 1.75.
    const std::vector<float> values = {
        0, 0, 0,  0, 0, 0,  3, 0, 0,   // key 0: in-tangent, value, out-tangent
        0, 0, 0,  2, 4, 0,  0, 0, 0};  // key 1
    const auto s = sampler(Interpolation::CubicSpline, {0, 2}, values, 3);
    checkClose(sample3(s, 1.0f), {1.75f, 2.0f, 0.0f});  // y: 0.5*4 = 2 (tangents zero)
    checkClose(sample3(s, 0.0f), {0, 0, 0});             // exact at the keys
    checkClose(sample3(s, 2.0f), {2, 4, 0});
    checkClose(sample3(s, 5.0f), {2, 4, 0});
}

TEST_CASE("CUBICSPLINE rotations come out normalised") {
    const float h = std::sqrt(0.5f);
    const std::vector<float> values = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0,
                                       0, 0, 0, 0, 0, h, 0, h, 0, 0, 0, 0};
    const auto s = sampler(Interpolation::CubicSpline, {0, 1}, values, 4);
    const glm::vec4 q = sample4(s, 0.5f);
    CHECK(glm::length(q) == doctest::Approx(1.0f));
    CHECK(q.y > 0.0f);
}

TEST_CASE("a malformed sampler gives the identity instead of reading out of bounds") {
    const auto s = sampler(Interpolation::Linear, {0, 1}, {1, 2, 3}, 3);  // one value for two keys
    checkClose(sample3(s, 0.5f), {0, 0, 0});
    const auto empty = sampler(Interpolation::Linear, {}, {}, 4);
    CHECK(sample4(empty, 0.5f) == glm::vec4(0, 0, 0, 1));
    CHECK(sample4(empty, NAN).w == 1.0f);
}

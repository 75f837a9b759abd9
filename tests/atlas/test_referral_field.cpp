// The referral field: heat on the skin as a function of (vertex, t), on the built figure.
#include "atlas/figure_fixture.h"

#include "anatomy/referral_field.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>

using namespace myomap;
namespace an = anatomy;

namespace {

std::vector<std::uint32_t> regionVertices(const an::BodySurfaces& body, const std::string& name) {
    const std::uint16_t index = body.skin.regionIndex(name);
    REQUIRE_MESSAGE(index != an::kNoRegion, name);
    std::vector<std::uint32_t> out;
    for (std::size_t v = 0; v < body.skin.region.size(); ++v) {
        if (body.skin.region[v] == index) out.push_back(static_cast<std::uint32_t>(v));
    }
    return out;
}

// Times from 0 to past the second pulse peak after the field is fully reached.
std::vector<double> sampleTimes(const an::ReferralField& field, double step) {
    std::vector<double> out;
    for (double t = 0.0; t <= field.peakTime(2); t += step) out.push_back(t);
    return out;
}

}  // namespace

TEST_CASE("referral field: upper trapezius tp1 is 0 far from its zones, 1 in them at a pulse peak") {
    const auto& f = test::figureAndAtlas();
    an::ReferralFieldCache cache(f.atlas, f.body);
    const auto field = cache.get("upper_trapezius.tp1.R");
    REQUIRE_MESSAGE(field.ok(), (field.ok() ? "" : field.error()));
    const an::ReferralField& h = **field;
    CHECK(h.key() == "upper_trapezius.tp1.R");
    CHECK(h.vertexCount() == f.body.skin.positions.size());
    CHECK(h.origin().x < 0.0f);  // the right side is -X

    for (const char* far : {"big_toe.R", "big_toe.L", "heel.R", "lumbar.R", "palm.R", "temple.L"}) {
        CAPTURE(far);
        for (std::uint32_t v : regionVertices(f.body, far)) {
            CHECK(h.strength(v) == 0.0f);
            for (double t : {0.0, 0.5, h.peakTime(0), h.peakTime(1) + 0.3}) CHECK(h.heat(v, t) == 0.0f);
        }
    }
    for (const char* essential : {"temple.R", "posterior_neck.R", "mastoid.R", "orbit.R"}) {
        CAPTURE(essential);
        for (std::uint32_t v : regionVertices(f.body, essential)) {
            CHECK(h.isEssential(v));
            CHECK(h.strength(v) == 1.0f);
            CHECK(h.heat(v, h.peakTime(0)) == doctest::Approx(1.0).epsilon(1e-6));
            CHECK(h.heat(v, h.peakTime(3)) == doctest::Approx(1.0).epsilon(1e-6));
            // Half a period later the pulse is at its trough.
            CHECK(h.heat(v, h.peakTime(0) + 0.5 * h.params().pulsePeriod) ==
                  doctest::Approx(h.params().pulseLow).epsilon(1e-5));
        }
    }
    // Spillover: the inside of the jaw angle (its edge may take the soft edge of a neighbour).
    std::size_t spill = 0;
    const auto jaw = regionVertices(f.body, "jaw_angle.R");
    for (std::uint32_t v : jaw) {
        if (h.strength(v) == doctest::Approx(h.params().spilloverStrength) && !h.isEssential(v)) ++spill;
        CHECK(h.strength(v) >= h.params().spilloverStrength - 1e-6);
    }
    CHECK(spill * 2 > jaw.size());
}

TEST_CASE("referral field: heat stays in [0, 1] and changes continuously in t") {
    const auto& f = test::figureAndAtlas();
    an::ReferralFieldCache cache(f.atlas, f.body);
    for (const char* key : {"upper_trapezius.tp1.R", "gluteus_minimus.tp1.L", "infraspinatus.tp1.L"}) {
        CAPTURE(key);
        const auto field = cache.get(key);
        REQUIRE_MESSAGE(field.ok(), (field.ok() ? "" : field.error()));
        const an::ReferralField& h = **field;
        const double dt = 0.01;
        CHECK(h.maxRate() < 30.0);
        std::vector<float> before(h.vertexCount()), after(h.vertexCount());
        h.heatAll(0.0, before);
        double maxStep = 0.0;
        float lo = 1.0f, hi = 0.0f;
        for (double t : sampleTimes(h, dt)) {
            h.heatAll(t + dt, after);
            for (std::size_t v = 0; v < after.size(); ++v) {
                maxStep = std::max(maxStep, static_cast<double>(std::abs(after[v] - before[v])));
                lo = std::min(lo, after[v]);
                hi = std::max(hi, after[v]);
            }
            std::swap(before, after);
        }
        CHECK(lo >= 0.0f);
        CHECK(hi <= 1.0f);
        CHECK(hi == doctest::Approx(1.0).epsilon(1e-3));
        CHECK(maxStep <= h.maxRate() * dt * 1.01 + 1e-6);
        // heatAll and heat agree.
        h.heatAll(1.234, after);
        for (std::size_t v = 0; v < after.size(); v += 97) CHECK(after[v] == h.heat(v, 1.234));
    }
}

TEST_CASE("referral field: the front spreads outward from the trigger point") {
    const auto& f = test::figureAndAtlas();
    an::ReferralFieldCache cache(f.atlas, f.body);
    const an::ReferralField& h = *cache.get("upper_trapezius.tp1.R").value();
    CHECK(h.geodesicDistance(h.originVertex()) == 0.0f);
    CHECK(h.arrivalTime(h.originVertex()) == 0.0);

    // Arrival grows with the distance along the skin.
    std::vector<std::uint32_t> active;
    for (std::uint32_t v = 0; v < h.vertexCount(); ++v) {
        if (h.strength(v) > 0.0f) active.push_back(v);
    }
    REQUIRE(active.size() > 100);
    std::sort(active.begin(), active.end(),
              [&](std::uint32_t a, std::uint32_t b) { return h.geodesicDistance(a) < h.geodesicDistance(b); });
    for (std::size_t i = 1; i < active.size(); ++i) CHECK(h.arrivalTime(active[i - 1]) <= h.arrivalTime(active[i]));
    CHECK(h.arrivalTime(active.back()) == doctest::Approx(h.geodesicDistance(active.back()) / h.params().frontSpeed));

    // The neck, next to the trigger point, lights before the temple, which is dark until the
    // front gets there.
    const auto temple = regionVertices(f.body, "temple.R");
    const auto neck = regionVertices(f.body, "posterior_neck.R");
    const auto firstArrival = [&](const std::vector<std::uint32_t>& vs) {
        double first = 1e9;
        for (std::uint32_t v : vs) first = std::min(first, h.arrivalTime(v));
        return first;
    };
    CHECK(firstArrival(neck) < firstArrival(temple));
    const double beforeTemple = firstArrival(temple) - 0.01;
    for (std::uint32_t v : temple) CHECK(h.heat(v, beforeTemple) == 0.0f);
    CHECK(h.fullyReachedTime() > firstArrival(temple));
    CHECK(h.peakTime(0) >= h.fullyReachedTime());
    CHECK(h.peakTime(1) - h.peakTime(0) == doctest::Approx(h.params().pulsePeriod));
}

TEST_CASE("referral field: still mode ignores t") {
    const auto& f = test::figureAndAtlas();
    an::FieldParams params;
    params.still = true;
    an::ReferralFieldCache cache(f.atlas, f.body, params);
    const an::ReferralField& h = *cache.get("soleus.tp1", an::Side::Left).value();
    std::vector<float> a(h.vertexCount()), b(h.vertexCount());
    h.heatAll(0.0, a);
    for (double t : {0.05, 0.7, 3.3, 100.0}) {
        h.heatAll(t, b);
        CHECK(a == b);
    }
    for (std::uint32_t v : regionVertices(f.body, "heel.L")) CHECK(a[v] == 1.0f);
    CHECK(std::accumulate(a.begin(), a.end(), 0.0) > 0.0);
}

TEST_CASE("referral field cache: builds once, names what it cannot find") {
    const auto& f = test::figureAndAtlas();
    an::ReferralFieldCache cache(f.atlas, f.body);
    const auto a = cache.get("upper_trapezius.tp1.R");
    const auto b = cache.get("upper_trapezius.tp1", an::Side::Right);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a == *b);
    CHECK(cache.size() == 1);

    const auto unknown = cache.get("upper_trapezius.tp9.R");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("upper_trapezius.tp9") != std::string::npos);
    const auto sideless = cache.get("upper_trapezius.tp1");
    REQUIRE_FALSE(sideless.ok());
    CHECK(sideless.error().find(".L or .R") != std::string::npos);
}

TEST_CASE("referral field cache: keeps at most its capacity, forgetting the field used longest ago") {
    const auto& f = test::figureAndAtlas();
    an::ReferralFieldCache small(f.atlas, f.body, {}, 3);
    const auto a = small.get("upper_trapezius.tp1.R");
    const auto b = small.get("upper_trapezius.tp1.L");
    const auto c = small.get("soleus.tp1.L");
    REQUIRE((a.ok() && b.ok() && c.ok()));
    CHECK(small.size() == 3);
    REQUIRE(small.get("upper_trapezius.tp1.R").ok());  // used again: the left one is now the oldest
    REQUIRE(small.get("soleus.tp1.R").ok());
    CHECK(small.size() == 3);
    CHECK(small.get("upper_trapezius.tp1.R").value() == a.value());  // kept: the same field
    CHECK(small.get("soleus.tp1.L").value() == c.value());
    const auto again = small.get("upper_trapezius.tp1.L");             // forgotten: built anew
    REQUIRE(again.ok());
    CHECK(again.value() != b.value());
    CHECK(small.size() == 3);
    // The forgotten field a caller still holds is whole, and the same as the one built again.
    REQUIRE(b.value()->vertexCount() == f.body.skin.positions.size());
    std::vector<float> held(f.body.skin.positions.size()), rebuilt(held.size());
    const double t = b.value()->peakTime(0);
    b.value()->heatAll(t, held);
    again.value()->heatAll(t, rebuilt);
    CHECK(held == rebuilt);

    // Trigger points on both sides through the default cache, past its capacity: it stops there.
    an::ReferralFieldCache cache(f.atlas, f.body);
    const std::size_t capacity = an::ReferralFieldCache::kDefaultCapacity;
    std::size_t asked = 0;
    for (const an::TriggerPoint* tp : f.atlas.allTriggerPoints()) {
        for (const an::Side side : {an::Side::Left, an::Side::Right}) {
            if (asked == capacity + 8) break;
            REQUIRE(cache.get(tp->id, side).ok());
            ++asked;
            CHECK(cache.size() == std::min(asked, capacity));
        }
    }
    CHECK(asked == capacity + 8);
}

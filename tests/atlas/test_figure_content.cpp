// The atlas content placed on the built figure: every muscle has content, every zone lands on
// skin, every trigger point lies on its muscle where (u, v) says.
#include "atlas/figure_fixture.h"

#include "anatomy/referral_zones.h"
#include "anatomy/regions.h"
#include "anatomy/skin_geodesics.h"
#include "anatomy/vocabulary.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace myomap;
namespace an = anatomy;

namespace {

constexpr an::Side kSides[] = {an::Side::Left, an::Side::Right};

std::string sideName(an::Side side) { return std::string(an::suffix(side)); }

}  // namespace

TEST_CASE("figure: every muscle mesh, on both sides, has an atlas entry with trigger points") {
    const auto& f = test::figureAndAtlas();
    CHECK(f.atlas.errorCount() == 0);
    std::set<std::string> meshes;
    for (const an::MuscleSurface& m : f.body.muscles) meshes.insert(m.name);
    for (std::string_view id : an::kMuscleIds) {
        for (an::Side side : kSides) {
            CAPTURE(id);
            CHECK(meshes.contains(std::string(id) + sideName(side)));
        }
    }
    for (const an::MuscleSurface& m : f.body.muscles) {
        CAPTURE(m.name);
        const an::Muscle* muscle = f.atlas.findMuscle(m.name.substr(0, m.name.size() - 2));
        REQUIRE(muscle != nullptr);
        CHECK_FALSE(muscle->triggerPoints.empty());
    }
}

TEST_CASE("figure: the skin carries every body region, with .L on +X") {
    const auto& f = test::figureAndAtlas();
    const an::SkinRegions regions(f.body.skin);
    for (const an::BodyRegion& r : an::kBodyRegions) {
        const std::vector<std::string> names =
            r.midline ? std::vector<std::string>{std::string(r.id)}
                      : std::vector<std::string>{std::string(r.id) + ".L", std::string(r.id) + ".R"};
        for (const std::string& name : names) {
            CAPTURE(name);
            const std::uint16_t index = f.body.skin.regionIndex(name);
            REQUIRE(index != an::kNoRegion);
            const auto& vertices = regions.vertices(index);
            CHECK_FALSE(vertices.empty());
            double x = 0.0;
            for (std::uint32_t v : vertices) x += f.body.skin.positions[v].x;
            x /= static_cast<double>(std::max<std::size_t>(vertices.size(), 1));
            if (name.ends_with(".L")) CHECK(x > 0.0);
            if (name.ends_with(".R")) CHECK(x < 0.0);
        }
    }
    // Muscle meshes follow the same convention.
    for (const an::MuscleSurface& m : f.body.muscles) {
        double x = 0.0;
        for (const glm::vec3& p : m.positions) x += p.x;
        CAPTURE(m.name);
        CHECK((m.name.ends_with(".L") ? x > 0.0 : x < 0.0));
    }
}

TEST_CASE("figure: every referral zone of every trigger point lands on the skin, on each side") {
    const auto& f = test::figureAndAtlas();
    const an::SkinGraph graph(f.body.skin);
    const an::SkinRegions regions(f.body.skin);
    std::size_t zones = 0;
    for (const an::TriggerPoint* tp : f.atlas.allTriggerPoints()) {
        for (an::Side side : kSides) {
            CAPTURE(tp->id + sideName(side));
            const auto placed = an::placeZones(f.body, graph, regions, *tp, side);
            REQUIRE_MESSAGE(placed.ok(), (placed.ok() ? "" : placed.error()));
            REQUIRE(placed->size() == tp->zones.size());
            for (const an::PlacedZone& z : *placed) {
                CAPTURE(z.label);
                CHECK(z.vertexCount >= 1);
                ++zones;
            }
        }
    }
    CHECK(zones > 200);
}

TEST_CASE("figure: every trigger point lies on its muscle's surface, at its u, mirrored between sides") {
    const auto& f = test::figureAndAtlas();
    for (const an::Muscle& muscle : f.atlas.muscles) {
        for (const an::TriggerPoint& tp : muscle.triggerPoints) {
            glm::vec3 left{0.0f}, right{0.0f};
            for (an::Side side : kSides) {
                CAPTURE(tp.id + sideName(side));
                const an::MuscleSurface* mesh = f.body.findMuscle(muscle.id + sideName(side));
                REQUIRE(mesh != nullptr);
                const auto point = an::triggerPointPosition(f.body, muscle, tp, side);
                REQUIRE_MESSAGE(point.ok(), (point.ok() ? "" : point.error()));
                (side == an::Side::Left ? left : right) = *point;
                CHECK(an::distanceToSurface(*mesh, *point) <= 0.002);

                // The nearest mesh vertex has about the trigger point's u: within two rows.
                std::set<float> rows;
                for (const glm::vec2& uv : mesh->uv) rows.insert(uv.x);
                const double rowStep = 1.0 / static_cast<double>(std::max<std::size_t>(rows.size() - 1, 1));
                std::size_t nearest = 0;
                float best = 1e30f;
                for (std::size_t i = 0; i < mesh->positions.size(); ++i) {
                    const float d = glm::length(mesh->positions[i] - *point);
                    if (d < best) {
                        best = d;
                        nearest = i;
                    }
                }
                CAPTURE(mesh->uv[nearest].x);
                CHECK(std::abs(mesh->uv[nearest].x - tp.u) <= 2.0 * rowStep + 1e-3);

            }
            // The two sides mirror each other.
            CAPTURE(tp.id);
            CHECK(left.x > 0.0f);
            CHECK(left.x == doctest::Approx(-right.x).epsilon(0.001));
            CHECK(left.y == doctest::Approx(right.y).epsilon(0.001));
            CHECK(left.z == doctest::Approx(right.z).epsilon(0.001));
        }
    }
}

TEST_CASE("figure: a trigger point on a grid node is the node on the outer face, nearer the skin") {
    const auto& f = test::figureAndAtlas();
    const auto toSkin = [&](const glm::vec3& p) {
        return glm::length(f.body.skin.positions[f.body.skin.nearestVertex(p)] - p);
    };
    for (const an::Muscle& muscle : f.atlas.muscles) {
        const an::Side side = an::Side::Right;
        const an::MuscleSurface* mesh = f.body.findMuscle(muscle.id + sideName(side));
        REQUIRE(mesh != nullptr);
        CAPTURE(mesh->name);
        // A node in the middle of the muscle: both faces have one with this (u, v).
        std::size_t node = 0;
        float best = 1e30f;
        for (std::size_t i = 0; i < mesh->uv.size(); ++i) {
            const float d = glm::length(mesh->uv[i] - glm::vec2(0.5f, 0.5f));
            if (d < best) {
                best = d;
                node = i;
            }
        }
        std::vector<glm::vec3> twins;
        for (std::size_t i = 0; i < mesh->uv.size(); ++i) {
            if (glm::length(mesh->uv[i] - mesh->uv[node]) < 1e-6f) twins.push_back(mesh->positions[i]);
        }
        REQUIRE(twins.size() == 2);
        const auto flipped = an::meshVFlipped(*mesh, muscle.vFrom, side);
        REQUIRE(flipped.ok());
        an::TriggerPoint probe;
        probe.id = muscle.id + ".probe";
        probe.u = mesh->uv[node].x;
        probe.v = *flipped ? 1.0 - mesh->uv[node].y : mesh->uv[node].y;
        const auto point = an::triggerPointPosition(f.body, muscle, probe, side);
        REQUIRE(point.ok());
        const glm::vec3 outer = toSkin(twins[0]) <= toSkin(twins[1]) ? twins[0] : twins[1];
        CHECK(glm::length(*point - outer) < 1e-4f);
    }
}

TEST_CASE("figure: the content's v runs from the v_axis.from border on every mesh") {
    const auto& f = test::figureAndAtlas();
    std::set<std::string> level;
    for (const an::Muscle& muscle : f.atlas.muscles) {
        for (an::Side side : kSides) {
            CAPTURE(muscle.id + sideName(side));
            const auto separation = an::vBorderSeparation(*f.body.findMuscle(muscle.id + sideName(side)), muscle.vFrom, side);
            REQUIRE(separation.ok());
            if (std::abs(*separation) < an::kLevelBorders) {
                level.insert(muscle.id);
                continue;
            }
            an::TriggerPoint near, far;
            near.id = far.id = muscle.id + ".probe";
            near.u = far.u = 0.5;
            near.v = 0.05;
            far.v = 0.95;
            const auto a = an::triggerPointPosition(f.body, muscle, near, side);
            const auto b = an::triggerPointPosition(f.body, muscle, far, side);
            REQUIRE_MESSAGE(a.ok(), (a.ok() ? "" : a.error()));
            REQUIRE(b.ok());
            CHECK(glm::dot(*a - *b, an::directionVector(muscle.vFrom, side)) > 0.0f);
        }
    }
    // Splenius capitis twists between a vertical origin (nuchal ligament to T3) and a lateral
    // insertion, so its borders are level medial/lateral; the mesh's v is taken as laid out,
    // which puts its v = 0 border superomedial, as the content means.
    CHECK(level == std::set<std::string>{"splenius_capitis"});
}

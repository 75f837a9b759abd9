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

                // The face nearest the point holds the trigger point's u: its corners' u
                // bracket it (a little slack for the face the point lies just beside).
                float nearestFace = 1e30f;
                glm::vec2 uRange(0.0f);
                for (std::size_t t = 0; t + 2 < mesh->indices.size(); t += 3) {
                    const std::uint32_t a = mesh->indices[t], b = mesh->indices[t + 1], c = mesh->indices[t + 2];
                    an::MuscleSurface face;
                    face.positions = {mesh->positions[a], mesh->positions[b], mesh->positions[c]};
                    face.indices = {0, 1, 2};
                    const double d = an::distanceToSurface(face, *point);
                    if (d >= nearestFace) continue;
                    nearestFace = static_cast<float>(d);
                    uRange = {std::min({mesh->uv[a].x, mesh->uv[b].x, mesh->uv[c].x}),
                              std::max({mesh->uv[a].x, mesh->uv[b].x, mesh->uv[c].x})};
                }
                CAPTURE(uRange.x);
                CAPTURE(uRange.y);
                CHECK(tp.u >= uRange.x - 0.01);
                CHECK(tp.u <= uRange.y + 0.01);
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

TEST_CASE("figure: a trigger point lies on the muscle's outer face, the one nearer the skin") {
    const auto& f = test::figureAndAtlas();
    const auto toSkin = [&](const glm::vec3& p) {
        return glm::length(f.body.skin.positions[f.body.skin.nearestVertex(p)] - p);
    };
    for (const an::Muscle& muscle : f.atlas.muscles) {
        const an::Side side = an::Side::Right;
        const an::MuscleSurface* mesh = f.body.findMuscle(muscle.id + sideName(side));
        REQUIRE(mesh != nullptr);
        CAPTURE(mesh->name);
        const auto flipped = an::meshVFlipped(*mesh, muscle.vFrom, side);
        REQUIRE(flipped.ok());
        REQUIRE_FALSE(muscle.triggerPoints.empty());
        const an::TriggerPoint& tp = muscle.triggerPoints.front();
        const auto point = an::triggerPointPosition(f.body, muscle, tp, side);
        REQUIRE(point.ok());
        // The faces holding its (u, v) in their muscle coordinates lie on the muscle's outer and
        // inner sides; the point chosen lies on the outer half of them, towards the skin.
        const glm::vec2 target(static_cast<float>(tp.u), static_cast<float>(*flipped ? 1.0 - tp.v : tp.v));
        float shallowest = 1e30f, deepest = 0.0f;
        int holding = 0;
        for (std::size_t t = 0; t + 2 < mesh->indices.size(); t += 3) {
            const std::uint32_t i0 = mesh->indices[t], i1 = mesh->indices[t + 1], i2 = mesh->indices[t + 2];
            const glm::vec2 a = mesh->uv[i0], b = mesh->uv[i1], c = mesh->uv[i2];
            const float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
            if (std::abs(area) < 1e-12f) continue;
            const float wb = ((target.x - a.x) * (c.y - a.y) - (target.y - a.y) * (c.x - a.x)) / area;
            const float wc = ((b.x - a.x) * (target.y - a.y) - (b.y - a.y) * (target.x - a.x)) / area;
            const float wa = 1.0f - wb - wc;
            if (wa < 0.0f || wb < 0.0f || wc < 0.0f) continue;
            const glm::vec3 p = wa * mesh->positions[i0] + wb * mesh->positions[i1] + wc * mesh->positions[i2];
            shallowest = std::min(shallowest, toSkin(p));
            deepest = std::max(deepest, toSkin(p));
            ++holding;
        }
        REQUIRE(holding >= 1);
        CHECK(toSkin(*point) <= 0.5f * (shallowest + deepest) + 0.001f);
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
            // Inside the borders: a muscle's share of the tissue need not reach its ribbon's
            // very edge at every u (a neighbour may hold it there).
            near.u = far.u = 0.5;
            near.v = 0.15;
            far.v = 0.85;
            const auto a = an::triggerPointPosition(f.body, muscle, near, side);
            const auto b = an::triggerPointPosition(f.body, muscle, far, side);
            REQUIRE_MESSAGE(a.ok(), (a.ok() ? "" : a.error()));
            REQUIRE(b.ok());
            // Never reversed by more than a marker's radius: on a narrow muscle seen across its
            // rounded outer face (extensor digitorum at mid-forearm) the two probes lie within a
            // few millimetres of level.
            CHECK(glm::dot(*a - *b, an::directionVector(muscle.vFrom, side)) > -0.003f);
        }
    }
    // Splenius capitis twists between a vertical origin (nuchal ligament to T3) and a lateral
    // insertion, so its borders may read level medial/lateral (then the mesh's v is taken as
    // laid out, which puts its v = 0 border superomedial, as the content means). Compared at
    // equal u they read clearly on the volumetric figure; no other muscle may be level.
    for (const std::string& id : level) CHECK(id == "splenius_capitis");
}

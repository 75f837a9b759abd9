// Voxel volumes and their overlap: Dice of boxes and spheres with known answers, and the
// inside test on a sphere with a hole (the atlas meshes have holes).
#include "figurecheck/volume_overlap.h"
#include "shapes.h"

#include <doctest/doctest.h>

#include <cmath>

namespace {

using namespace myomap::figurecheck;
using myomap::test::boxMesh;
using myomap::test::sphereMesh;

constexpr double kPi = 3.14159265358979323846;

VoxelGrid gridFor(const std::vector<const TriangleMesh*>& meshes, double voxel) {
    Box box;
    for (const TriangleMesh* m : meshes) box.add(bounds(*m));
    auto grid = gridAround(box, voxel);
    REQUIRE_MESSAGE(grid.ok(), (grid ? "" : grid.error()));
    return *grid;
}

// The volume two spheres of radius r share when their centres are d apart.
double lensVolume(double r, double d) { return kPi * (4.0 * r + d) * (2.0 * r - d) * (2.0 * r - d) / 12.0; }

}  // namespace

TEST_CASE("Volume overlap: two boxes half overlapping have a Dice of exactly 0.5") {
    // Faces on voxel boundaries, so every voxel centre is clearly in or out.
    const TriangleMesh a = boxMesh({0, 0, 0}, {10, 10, 10});
    const TriangleMesh b = boxMesh({5, 0, 0}, {15, 10, 10});
    const VoxelGrid grid = gridFor({&a, &b}, 1.0);
    const Occupancy inA = voxelise(a, grid), inB = voxelise(b, grid);
    CHECK(countInside(inA) == 1000);
    CHECK(countInside(inB) == 1000);
    CHECK(dice(inA, inB) == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(dice(inA, inA) == 1.0);
    const auto ca = centroid(inA, grid), cb = centroid(inB, grid);
    REQUIRE(ca.has_value());
    REQUIRE(cb.has_value());
    CHECK(glm::length(*ca - glm::dvec3(5, 5, 5)) < 1e-9);
    CHECK(glm::length(*cb - *ca) == doctest::Approx(5.0));
    // Disjoint boxes share nothing; nothing against nothing counts as the same.
    const TriangleMesh far = boxMesh({20, 0, 0}, {30, 10, 10});
    const VoxelGrid wide = gridFor({&a, &far}, 1.0);
    CHECK(dice(voxelise(a, wide), voxelise(far, wide)) == 0.0);
    CHECK(dice(Occupancy(8, 0), Occupancy(8, 0)) == 1.0);
    CHECK_FALSE(centroid(Occupancy(grid.count(), 0), grid).has_value());
}

TEST_CASE("Volume overlap: two spheres match the lens formula within a voxel's error") {
    const double r = 10.0, d = 8.0;
    const TriangleMesh a = sphereMesh({0, 0, 0}, static_cast<float>(r));
    const TriangleMesh b = sphereMesh({static_cast<float>(d), 0, 0}, static_cast<float>(r));
    const VoxelGrid grid = gridFor({&a, &b}, 0.5);
    const Occupancy inA = voxelise(a, grid), inB = voxelise(b, grid);
    const double sphere = 4.0 / 3.0 * kPi * r * r * r;
    const double voxelVolume = grid.voxel * grid.voxel * grid.voxel;
    CHECK(static_cast<double>(countInside(inA)) * voxelVolume == doctest::Approx(sphere).epsilon(0.02));
    const double expected = lensVolume(r, d) / sphere;  // 2|A and B| / (|A| + |B|) with |A| = |B|
    CHECK(dice(inA, inB) == doctest::Approx(expected).epsilon(0.02));
    const auto ca = centroid(inA, grid), cb = centroid(inB, grid);
    REQUIRE(ca.has_value());
    REQUIRE(cb.has_value());
    CHECK(glm::length(*cb - *ca) == doctest::Approx(d).epsilon(0.01));
}

TEST_CASE("Volume overlap: a sphere with holes is still voxelised right away from the holes") {
    const float r = 10.0f;
    const double voxel = 0.5;
    // Two holes of 15 degrees, on no axis and no diagonal: one where the axis rays leave the
    // sphere, one where they enter it (that one spoils whole columns for a single ray).
    const glm::vec3 holes[] = {glm::normalize(glm::vec3(0.8f, 0.35f, 0.5f)),
                               glm::normalize(glm::vec3(-0.3f, -0.8f, -0.45f))};
    const float holeCos = std::cos(glm::radians(15.0f));
    auto keep = [&](const glm::vec3& p) {
        for (const glm::vec3& h : holes)
            if (glm::dot(glm::normalize(p), h) > holeCos) return false;
        return true;
    };
    const TriangleMesh closed = sphereMesh({0, 0, 0}, r);
    const TriangleMesh holed = sphereMesh({0, 0, 0}, r, 48, 96, keep);
    REQUIRE(holed.indices.size() + 3 * 200 < closed.indices.size());  // real holes: over 200 triangles gone
    // Room around the sphere, so that a ray spoilt by a hole would show far from it.
    Box box = bounds(closed);
    box.add(box.min - 10.0);
    box.add(box.max + 10.0);
    auto grid = gridAround(box, voxel);
    REQUIRE_MESSAGE(grid.ok(), (grid ? "" : grid.error()));
    const Occupancy inside = voxelise(holed, *grid);
    std::size_t wrong = 0, wrongAwayFromHoles = 0, sphereVoxels = 0;
    const double nearHole = 2.0 * r * std::sin(glm::radians(15.0));  // the hole's diameter
    for (int k = 0; k < grid->size.z; ++k) {
        for (int j = 0; j < grid->size.y; ++j) {
            for (int i = 0; i < grid->size.x; ++i) {
                const glm::dvec3 c = grid->centre(i, j, k);
                const double fromSurface = glm::length(c) - r;
                if (std::abs(fromSurface) < voxel) continue;  // the shape itself is only voxel-exact
                const bool truth = fromSurface < 0.0;
                sphereVoxels += truth;
                if ((inside[grid->index(i, j, k)] != 0) == truth) continue;
                ++wrong;
                bool near = false;
                for (const glm::vec3& h : holes)
                    near = near || glm::length(c - glm::dvec3(h) * static_cast<double>(r)) < nearHole;
                wrongAwayFromHoles += !near;
            }
        }
    }
    CAPTURE(wrong);
    CAPTURE(sphereVoxels);
    CHECK(wrongAwayFromHoles == 0);
    CHECK(static_cast<double>(wrong) < 0.015 * static_cast<double>(sphereVoxels));  // 218 of 28,768 when written
    CHECK(dice(inside, voxelise(closed, *grid)) > 0.99);
}

TEST_CASE("Volume overlap: a grid that cannot be made is an error, not a crash") {
    auto none = gridAround(Box{}, 0.001);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().find("nothing to voxelise") != std::string::npos);
    Box huge;
    huge.add(glm::dvec3(0.0));
    huge.add(glm::dvec3(1e6));
    auto tooBig = gridAround(huge, 0.001);
    REQUIRE_FALSE(tooBig.ok());
    CHECK(tooBig.error().find("voxels") != std::string::npos);
    Box infinite;
    infinite.add(glm::dvec3(0.0));
    infinite.add(glm::dvec3(INFINITY, 0.0, 0.0));
    CHECK_FALSE(gridAround(infinite, 0.001).ok());
    Box unit;
    unit.add(glm::dvec3(0.0));
    unit.add(glm::dvec3(1.0));
    CHECK_FALSE(gridAround(unit, 0.0).ok());
    CHECK_FALSE(gridAround(unit, -1.0).ok());
}

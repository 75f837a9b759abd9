// Closed, consistently wound parametric meshes for the bone layer: tubes swept along smooth
// curves with elliptical sections, closed loops, ellipsoids and lens-shaped plates. Every
// piece is watertight on its own, so pieces of a bone may overlap without a boolean union.
#pragma once

#include "bodygen/body_mesh.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <vector>

namespace myomap::bodygen {

// A closed triangle mesh, wound counter-clockwise seen from outside.
struct Piece {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;
};

// How a swept section turns about its curve: the first radius points along `direction`, or
// toward `point` when `towardPoint`, made perpendicular to the curve. With neither, the
// section is carried along the curve without twisting.
struct SectionAim {
    glm::vec3 direction{0.0f};
    glm::vec3 point{0.0f};
    bool towardPoint = false;
};

// A tube through `points` (a smooth curve) with elliptical sections. `radii` holds one
// (first, second) pair per point, or a single pair for all. Rounded ends stay within the
// first and last points; `roundness` scales their length (1: as long as the smaller radius,
// small: nearly flat ends).
Piece tube(const std::vector<glm::vec3>& points, const std::vector<glm::vec2>& radii, const SectionAim& aim,
           float roundness = 1.0f);

// A tube around the closed smooth curve through `points` (a torus-like ring). Without an aim,
// the first radius lies across the loop's plane.
Piece loop(const std::vector<glm::vec3>& points, const std::vector<glm::vec2>& radii, const SectionAim& aim);

// An ellipsoid with semi-axes given as vectors (perpendicular to each other).
Piece ellipsoid(const glm::vec3& centre, const glm::vec3& axisA, const glm::vec3& axisB, const glm::vec3& axisC);

// A plate spanning the closed smooth outline through `points`: `halfThickness` at its middle,
// rounded to an edge at the outline, the middle pushed by `bulge` toward `outward` (which
// also says which face is the outer one; zero: as the outline's winding gives).
Piece plate(const std::vector<glm::vec3>& points, float halfThickness, float bulge, const glm::vec3& outward);

// The section axis an aim gives at `centre` on a curve with unit tangent `t` (any
// perpendicular when the aim is missing or along the curve).
glm::vec3 aimedAxis(const SectionAim& aim, const glm::vec3& centre, const glm::vec3& t);

// `count` evenly spaced stations (centre of each of `count` equal parts) along the smooth
// curve through `points`: position and unit tangent.
std::vector<std::pair<glm::vec3, glm::vec3>> stationsAlong(const std::vector<glm::vec3>& points, int count);

// The piece reflected across the midsagittal plane (x -> -x), still wound outward.
Piece mirrored(const Piece& piece);

// Adds a piece's vertices and triangles to a mesh (normals are computed later, per mesh).
void append(BodyMesh& mesh, const Piece& piece);

}  // namespace myomap::bodygen

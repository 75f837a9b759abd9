// The point of a triangle nearest a given point, as barycentric weights: for placing points on
// meshes (trigger points on a muscle, muscle coordinates on a generated volume).
#pragma once

#include <glm/glm.hpp>

namespace myomap {

// Barycentric weights of the point of triangle (a, b, c) closest to p (Ericson, Real-Time
// Collision Detection, 5.1.5); works for 2D points embedded with z = 0 as well.
glm::vec3 closestBarycentric(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

}  // namespace myomap

// Registering a segmented atlas to the figure: the atlas's frame (millimetres, patient RAS:
// +x the patient's right, +y anterior, +z up) turned into the figure's axes (metres, +y up,
// +z anterior, +x the figure's left), and the least-squares similarity transform (rotation,
// uniform scale, translation) that best maps corresponding landmarks onto each other.
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>

#include <array>
#include <span>

namespace myomap::figurecheck {

// RAS millimetres to the figure's axes in metres: (x, y, z) -> (-x, z, y) / 1000. A proper
// rotation (no mirror): the patient's left becomes +x, anterior +z, up +y.
glm::dvec3 rasMillimetresToFigureAxes(const glm::dvec3& ras);

struct Similarity {
    glm::dmat3 rotation{1.0};
    double scale = 1.0;
    glm::dvec3 translation{0.0};
    glm::dvec3 apply(const glm::dvec3& p) const { return scale * (rotation * p) + translation; }
    double rotationDegrees() const;  // the angle of `rotation` about its axis
};

// The similarity that maps `from` onto `to` with the least sum of squared distances (Horn's
// closed form with unit quaternions, 1987; the scale as Umeyama's, 1991, so the residual is
// measured in `to`'s frame). Needs at least three corresponding points that span a plane in
// both sets; an error says what is wrong with the input.
Result<Similarity> fitSimilarity(std::span<const glm::dvec3> from, std::span<const glm::dvec3> to);

// Root mean square of |transform(from[i]) - to[i]|.
double rmsResidual(const Similarity& transform, std::span<const glm::dvec3> from, std::span<const glm::dvec3> to);

// Principal axes of a point set: unit eigenvectors of its covariance, largest spread first, and
// the variances along them.
struct PrincipalAxes {
    glm::dvec3 mean{0.0};
    std::array<glm::dvec3, 3> axes{};
    std::array<double, 3> variances{};
};
PrincipalAxes principalAxes(std::span<const glm::dvec3> points);

}  // namespace myomap::figurecheck

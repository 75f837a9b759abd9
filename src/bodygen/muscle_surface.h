// Curves that hug the skin, for laying muscles out under it: points pushed onto the skin
// along a chosen direction, and paths between skin points that follow the surface instead of
// cutting through the body.
#pragma once

#include "bodygen/body_shape.h"

#include <vector>

namespace myomap::bodygen {

class SkinSurface {
public:
    explicit SkinSurface(const BodyShape& shape) : m_shape(shape) {}

    const BodyShape& shape() const { return m_shape; }
    glm::vec3 normal(const glm::vec3& p) const { return m_shape.outward(p); }
    // The skin point met from p along the line through it with `direction`, the crossing
    // nearest p (outward when p is inside, inward when outside).
    glm::vec3 onto(const glm::vec3& p, const glm::vec3& direction) const;
    glm::vec3 onto(const glm::vec3& p) const { return onto(p, normal(p)); }

    // A path on the skin through skin points, in order: each gap is bisected and the midpoint
    // pushed onto the skin along the mean of its ends' normals, which wraps the path around
    // the body the short way. `fractions` receives the arc-length fraction of each given point.
    std::vector<glm::vec3> pathThrough(const std::vector<glm::vec3>& points, float maxSegment,
                                       std::vector<float>* fractions = nullptr) const;

private:
    void bisect(const glm::vec3& a, const glm::vec3& na, const glm::vec3& b, const glm::vec3& nb, float maxSegment,
                int depth, std::vector<glm::vec3>& out) const;

    const BodyShape& m_shape;
};

// Arc length of a polyline.
float polylineLength(const std::vector<glm::vec3>& points);
// `count` points evenly spaced by arc length along the polyline (its ends included).
std::vector<glm::vec3> resamplePolyline(const std::vector<glm::vec3>& points, int count);
// A straight-segment path through the points (for muscles placed on the bones), with the
// arc-length fraction of each given point.
std::vector<glm::vec3> straightPathThrough(const std::vector<glm::vec3>& points, float maxSegment,
                                           std::vector<float>* fractions = nullptr);

}  // namespace myomap::bodygen

// The body's outer surface as a signed distance field (metres; negative inside), built from
// the shape tables (body_trunk.csv, body_shape.csv) on the landmarks and skeleton: a lofted
// trunk plus smooth unions (and carvings) of swept ellipses and ellipsoids for head, neck and
// limbs. The skin is this field's zero level set; muscles are placed on shells beneath it.
#pragma once

#include "bodygen/skeleton.h"

#include <memory>

namespace myomap::bodygen {

struct ShapeTables;

class BodyShape {
public:
    // From the shape tables beside the landmarks (body_trunk.csv, body_shape.csv).
    static Result<BodyShape> build(const Landmarks& landmarks, const Skeleton& skeleton);
    static Result<BodyShape> build(const ShapeTables& tables, const Landmarks& landmarks, const Skeleton& skeleton);
    BodyShape(BodyShape&&) noexcept;
    BodyShape& operator=(BodyShape&&) noexcept;
    ~BodyShape();

    float distance(const glm::vec3& p) const;
    // Unit outward direction (normalised gradient of the field).
    glm::vec3 outward(const glm::vec3& p) const;
    // Moves p along the gradient until distance(p) == level (e.g. -0.01 for 1 cm under the skin).
    glm::vec3 projectToLevel(const glm::vec3& p, float level) const;
    // Axis-aligned box containing the whole surface.
    void bounds(glm::vec3& min, glm::vec3& max) const;

private:
    BodyShape();
    struct Impl;
    std::unique_ptr<Impl> m;
};

}  // namespace myomap::bodygen

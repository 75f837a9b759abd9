// Placeholder: replaced by the generator's implementation.
#include "bodygen/body_shape.h"
namespace myomap::bodygen {
struct BodyShape::Impl {};
BodyShape::BodyShape() = default;
BodyShape::BodyShape(BodyShape&&) noexcept = default;
BodyShape& BodyShape::operator=(BodyShape&&) noexcept = default;
BodyShape::~BodyShape() = default;
Result<BodyShape> BodyShape::build(const Landmarks&, const Skeleton&) { return fail("body shape: not implemented yet"); }
float BodyShape::distance(const glm::vec3&) const { return 1.0f; }
glm::vec3 BodyShape::outward(const glm::vec3&) const { return {0, 1, 0}; }
glm::vec3 BodyShape::projectToLevel(const glm::vec3& p, float) const { return p; }
void BodyShape::bounds(glm::vec3& min, glm::vec3& max) const { min = max = glm::vec3(0.0f); }
}  // namespace myomap::bodygen

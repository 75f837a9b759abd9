#include "bodygen/muscle_profile.h"

#include <algorithm>
#include <cmath>

namespace myomap::bodygen {
namespace {

constexpr float kPi = 3.14159265358979f;

// A hump over [0, 1] that peaks at `belly`; `power` below 1 flattens its top.
float bump(float u, float belly, float power) {
    const float t = glm::clamp(u, 0.0f, 1.0f);
    const float w = t < belly ? 0.5f * t / belly : 0.5f + 0.5f * (t - belly) / (1.0f - belly);
    return std::pow(std::max(0.0f, std::sin(kPi * w)), power);  // sin(pi) rounds below 0
}

}  // namespace

float musclePlanWidth(MuscleShape shape, float u, float bellyU) {
    switch (shape) {
        case MuscleShape::Fusiform: return 0.2f + 0.8f * bump(u, bellyU, 1.2f);
        case MuscleShape::Pennate: return 0.25f + 0.75f * bump(u, bellyU, 0.6f);
        case MuscleShape::Fan: return 0.15f + 0.35f * bump(u, bellyU, 1.0f);  // the attachments set a fan's width
        case MuscleShape::Sheet: return 0.6f + 0.4f * bump(u, bellyU, 0.6f);
        case MuscleShape::Strap: return 0.7f + 0.3f * bump(u, bellyU, 0.7f);
    }
    return 1.0f;
}

float muscleThickness(MuscleShape shape, float u, float bellyU) {
    switch (shape) {
        case MuscleShape::Fusiform: return 0.12f + 0.88f * bump(u, bellyU, 1.8f);
        case MuscleShape::Pennate: return 0.12f + 0.88f * bump(u, bellyU, 0.7f);
        case MuscleShape::Fan: return 0.15f + 0.85f * bump(u, bellyU, 1.5f);
        case MuscleShape::Sheet: return 0.35f + 0.65f * bump(u, bellyU, 0.5f);
        case MuscleShape::Strap: return 0.3f + 0.7f * bump(u, bellyU, 0.6f);
    }
    return 1.0f;
}

CrossSection muscleCrossSection(MuscleShape shape, float v) {
    const float x = std::abs(2.0f * glm::clamp(v, 0.0f, 1.0f) - 1.0f);
    const bool flat = shape == MuscleShape::Sheet || shape == MuscleShape::Fan;
    // The border sits a fifth of the way down, so that the edge is rounded, not a blade.
    constexpr float kBorder = 0.2f;
    const float x2 = x * x, x4 = x2 * x2;
    const float outer = kBorder * (1.0f - std::sqrt(std::max(0.0f, 1.0f - x4 * x4)));
    const float bulge = std::sqrt(std::max(0.0f, 1.0f - (flat ? x4 : x2)));
    return {outer, kBorder + (1.0f - kBorder) * bulge};
}

}  // namespace myomap::bodygen

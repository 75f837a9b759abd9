// How each muscle shape fills out along and across its fibres: the plan width (a floor under
// the width its attachments give), the thickness, and the cross-section.
#pragma once

#include "bodygen/muscle_table.h"

namespace myomap::bodygen {

// Fraction of the table's belly width the muscle is at least as wide as, at u.
float musclePlanWidth(MuscleShape shape, float u, float bellyU);
// Fraction of the table's thickness at u: thin tendons at the ends of fusiform muscles,
// nearly even for sheets.
float muscleThickness(MuscleShape shape, float u, float bellyU);
// The cross-section across the muscle at v, as fractions of the thickness below the muscle's
// outer surface: the outer face lies flat under the skin and curls in only at the borders; the
// inner face bulges (rounded for bellies, flat-bottomed for sheets and fans). The two meet at
// the borders, v = 0 and 1.
struct CrossSection {
    float outer;
    float inner;
};
CrossSection muscleCrossSection(MuscleShape shape, float v);

}  // namespace myomap::bodygen

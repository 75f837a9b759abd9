// The words the explorer, its panels, the modes and the scripts share for what is shown: the
// figure's layers, the sides, the heat, the palette and the look. Plain enums, no behaviour.
#pragma once

#include "anatomy/body_surface.h"  // anatomy::Side

namespace myomap::app {

// The side of a sided name (`.L` / `.R`); the same type as the anatomy's.
using BodySide = anatomy::Side;

enum class FigureLayer { Skin, Superficial, Intermediate, Deep, Bones };
enum class SideFilter { Left, Right, Both };
enum class HeatMode { Still, Animated };
enum class Palette { Default, Colourblind };
// How the figure is shown. Anatomy: the layers as set (muscles, bones, the translucent skin).
// Client: a whole person, the skin opaque with the referral heat on it like a pain chart, the
// selected muscle faintly through it; a click goes through the skin to the muscle under it.
enum class Look { Anatomy, Client };

}  // namespace myomap::app

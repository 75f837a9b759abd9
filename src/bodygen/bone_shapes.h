// Turns one row of the bone table into closed mesh pieces: the plain shapes directly, the
// composite ones (a vertebra, a finger or toe ray, a row of teeth) as a few simple pieces.
#pragma once

#include "bodygen/bone_table.h"

#include <vector>

namespace myomap::bodygen {

// The pieces of one row, on the left (or midline) side.
std::vector<Piece> buildBonePieces(const BonePieceSpec& spec);

}  // namespace myomap::bodygen

// Internal to the handout: fitting the blocks onto at most two A4 pages, and drawing a page.
#pragma once

#include "handout/blocks.h"

#include <cstddef>
#include <vector>

namespace myomap::handout::detail {

inline constexpr std::size_t kMaxPages = 2;

struct PlacedBlock {
    Block block;
    double y = 0;  // page coordinates, points from the top
};

struct Page {
    std::vector<PlacedBlock> blocks;
};

struct Plan {
    std::vector<Page> pages;  // 1 or 2
    double contentBottom = 0; // nothing but the footer is drawn below this
};

// Everything fits, else pictures shrink, else the last muscles are left out (with a line that
// says how many); text is ellipsized where it is longer than a block allows.
Plan planHandout(const TextEngine& text, const Handout& handout);

// Draws page `index` (0-based) in points, A4 at the cairo context's current transform.
void drawPage(cairo_t* cr, const TextEngine& text, const Handout& handout, const Plan& plan, std::size_t index);

}  // namespace myomap::handout::detail

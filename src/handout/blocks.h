// Internal to the handout: the page's geometry and style, and the blocks the handout is made
// of (header, pain areas, one per muscle, notes, footer), each built at a given width.
#pragma once

#include "handout/handout.h"
#include "handout/text.h"

#include <string>
#include <vector>

namespace myomap::handout::detail {

namespace style {
inline constexpr double kPageWidth = mm(210);
inline constexpr double kPageHeight = mm(297);
inline constexpr double kMargin = mm(18);
inline constexpr double kContentWidth = kPageWidth - 2 * kMargin;
inline constexpr double kBlockGap = mm(4.5);
inline constexpr double kRuledGap = mm(7);   // above a block with ruleAbove, the rule in its middle
inline constexpr double kFooterGap = mm(3);    // between the content and the footer's rule

inline constexpr Rgb kInk{0.12, 0.13, 0.15};
inline constexpr Rgb kMuted{0.38, 0.40, 0.43};
inline constexpr Rgb kAccent{0.05, 0.38, 0.43};
inline constexpr Rgb kRule{0.78, 0.80, 0.82};
inline constexpr Rgb kWarning{0.66, 0.19, 0.03};
inline constexpr Rgb kWarningFill{0.995, 0.93, 0.88};
inline constexpr Rgb kNoteFill{0.94, 0.97, 0.97};
}  // namespace style

// Page 1's title block: clinic, title, client and date.
Block headerBlock(const TextEngine& text, const Handout& handout);
// A one-line reminder at the top of later pages.
Block runningHeaderBlock(const TextEngine& text, const Handout& handout);
// The pain areas and their picture; height 0 when there is neither.
Block painBlock(const TextEngine& text, const Handout& handout, const SurfacePtr& picture);
// One muscle: picture on the left `pictureWidth` wide (kept aspect), text on the right.
// `first` adds the section heading above it, so the heading never ends a page on its own.
Block muscleBlock(const TextEngine& text, const HandoutMuscle& muscle, const SurfacePtr& picture,
                  double pictureWidth, bool first);
// "N more muscles: ask your therapist", naming them.
Block moreMusclesBlock(const TextEngine& text, const std::vector<std::string>& names);
// The therapist's notes; height 0 when empty.
Block notesBlock(const TextEngine& text, const std::string& notes);
// The disclaimer and "page / pages", drawn at the foot of every page.
Block footerBlock(const TextEngine& text, const std::string& disclaimer, int page, int pages);

}  // namespace myomap::handout::detail

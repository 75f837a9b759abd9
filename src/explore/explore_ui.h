// Between the explorer and its panel: fills the panel's plain state from the explore state,
// takes the person's edits back, and labels parts and trigger points for people
// ("Upper trapezius (right)").
#pragma once

#include "explore/explorer.h"
#include "ui/explore_panel.h"

#include <string>
#include <string_view>

namespace myomap::app {

// "Upper trapezius (right)" for "upper_trapezius.R"; "Upper trapezius, central upper border
// (right)" for "upper_trapezius.tp1.R"; the built-in figure's bones by their names ("T12
// vertebra", "Rib 3 (left)", "Femur (right)"); the name itself for anything else.
std::string displayName(const Explorer& explorer, const std::string& name);

void fillExploreUi(const Explorer& explorer, ui::ExploreUi& ui);
// After fillExploreUi: `label` on the selection line instead of the selection's name (the quiz
// keeps its muscle unnamed); the next fillExploreUi without it names the selection again, even
// when the selection has not changed meanwhile.
void hideSelectionName(ui::ExploreUi& ui, std::string_view label);
void applyExploreUi(const ui::ExploreUi& ui, ExploreState& state);

}  // namespace myomap::app

// The muscle search box: a text field with a list of matches that drops down as you type
// (anatomy/search.h: common, Latin and other names, case and accent insensitive, forgiving
// typos). Up/Down move in the list, Enter or a click selects. No GL, no window calls.
#pragma once

#include "anatomy/atlas.h"
#include "ui/panel_common.h"

#include <string>
#include <vector>

namespace myomap::ui {

struct SearchState {
    std::string query;
    bool focusRequested = false;  // set by the app (Ctrl+F): the field takes the keyboard next frame
    // Kept between frames by drawMuscleSearch.
    std::string searchedFor;            // the query `matches` belong to
    std::vector<std::string> matchIds;  // muscle ids, best first
    std::vector<std::string> matchLabels;
    int highlighted = 0;      // index into matchIds; Enter selects it
    bool listOpen = false;    // typing opens it; selecting or clearing closes it
    bool listHovered = false; // the mouse was over the list last frame (a click there keeps it open)
};

// Draws the field (full width of the current window) and its list; on a selection pushes
// PanelAction{SelectMuscle, id, frame = true}, clears the field and returns true.
bool drawMuscleSearch(const anatomy::Atlas& atlas, SearchState& state, std::vector<PanelAction>& actions);

// Recomputes the matches for `state.query` (drawMuscleSearch calls it when the text changes).
void updateMatches(const anatomy::Atlas& atlas, SearchState& state);

}  // namespace myomap::ui

// The muscle panel: everything the atlas says about the selected muscle, at the chosen reading
// level, in collapsing sections; buttons emit PanelActions (show a referral, select a related
// muscle) for the app to carry out. No GL, no file access, no window calls.
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/body_surface.h"  // anatomy::Side
#include "ui/panel_common.h"

#include <optional>
#include <string>
#include <vector>

namespace myomap::ui {

// What the panel says that it derives from the atlas (names, lists): made once per muscle and
// side instead of every frame, so that drawing the panel allocates nothing.
struct MusclePanelText {
    std::string muscleId;
    std::optional<anatomy::Side> side;
    std::string where;                      // "Neck · superficial layer · right side"
    std::string triggerPointsLabel;         // "Trigger points (3)###trigger_points"
    std::vector<std::string> mainAreas;     // per trigger point: "Main areas: ... ." or ""
    std::vector<std::string> alsoAreas;     // per trigger point: "Sometimes also: ... ." or ""
    std::vector<std::string> relatedNames;  // per related muscle
    std::vector<std::string> treatmentNames, selfCareNames;
};

struct MusclePanelState {
    std::string muscleId;  // atlas id (upper_trapezius); "" = nothing selected
    std::optional<anatomy::Side> side;  // which one was picked on the figure, if known
    ReadingLevel level = ReadingLevel::Client;
    bool open = true;  // the window's close button clears it
    bool expandAll = false;  // one-shot: open every section on the next frame (handouts, scripts)
    bool largeType = false;  // therapist mode: client-level text in the large face (ui/fonts.h)
    MusclePanelText text;    // filled by the panel for muscleId and side
};

// Draws the "Muscle" window (at the right edge of the viewport the first time).
void drawMusclePanel(const anatomy::Atlas& atlas, MusclePanelState& state, std::vector<PanelAction>& actions);

// The panel's content without the window, for a caller that places it in its own window.
void drawMuscleDetails(const anatomy::Atlas& atlas, MusclePanelState& state, std::vector<PanelAction>& actions);

}  // namespace myomap::ui

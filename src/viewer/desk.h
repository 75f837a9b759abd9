// The viewer's usual screen around the figure, that the modes' windows sit in: the menu bar
// and the Model window (ui/viewer_panel), the explorer's panels (search, layers, legends), the
// muscle panel, the Learn window and the keyboard shortcuts. It edits the explorer and the
// camera for what is chosen in it, and leaves window commands for the viewer.
#pragma once

#include "modes/mode.h"
#include "ui/explore_panel.h"
#include "ui/muscle_panel.h"
#include "ui/search_box.h"
#include "ui/viewer_panel.h"

#include <string>
#include <vector>

namespace myomap::app {

class ViewerDesk final : public Desk {
public:
    // `commands` collects what the viewer carries out after the frame's UI.
    ViewerDesk(ui::ViewerState& state, std::vector<ui::Command>& commands) : m_state(state), m_commands(commands) {}

    // How the muscle panel and the Learn window read (a mode's, on entering it).
    void setReading(const Reading& reading);
    void draw(ModeContext& context, Mode& mode) override;

private:
    // The muscle panel shows the selected muscle; closing it hides it until the next selection.
    void syncMusclePanel(const Explorer& explorer);
    void carryOut(ModeContext& context, const std::vector<ui::ExploreAction>& actions);
    void carryOut(ModeContext& context, const std::vector<ui::PanelAction>& actions);
    void collectShortcuts();

    ui::ViewerState& m_state;
    std::vector<ui::Command>& m_commands;
    ui::ExploreUi m_exploreUi;
    std::vector<ui::ExploreAction> m_exploreActions;
    ui::SearchState m_search;
    ui::MusclePanelState m_musclePanel;
    std::vector<ui::PanelAction> m_panelActions;
    std::string m_panelFor;  // the selection the muscle panel was last filled for
};

}  // namespace myomap::app

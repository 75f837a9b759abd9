#include "viewer/desk.h"

#include "explore/explore_ui.h"
#include "ui/learn_window.h"
#include "viewer/viewer_input.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace myomap::app {

void ViewerDesk::setReading(const Reading& reading) {
    m_musclePanel.level = reading.level;
    m_musclePanel.largeType = reading.largeType;
    m_state.learn.level = reading.level;
}

void ViewerDesk::draw(ModeContext& context, Mode& mode) {
    Explorer& explorer = context.explorer;
    fillExploreUi(explorer, m_exploreUi);
    if (const std::string_view cover = mode.selectionCover(); !cover.empty()) hideSelectionName(m_exploreUi, cover);
    syncMusclePanel(explorer);
    m_state.clientLook = explorer.state().look == Look::Client;
    ui::drawViewerUi(
        m_state, m_commands,
        [&] {
            if (!m_exploreUi.available) return;
            if (m_state.focusSearch) m_search.focusRequested = true;
            m_state.focusSearch = false;
            ui::drawMuscleSearch(context.atlas, m_search, m_panelActions);
            ui::drawExplorePanel(m_exploreUi, m_exploreActions);
        },
        [&mode] { mode.learnMenu(); });
    ui::drawLegends(m_exploreUi);
    mode.drawGuide(context);
    if (m_exploreUi.available && !m_musclePanel.muscleId.empty() && m_musclePanel.open && mode.selectionCover().empty()) {
        ui::drawMusclePanel(context.atlas, m_musclePanel, m_panelActions);
    }
    mode.drawPanel(context);
    if (m_state.learn.open) ui::drawLearnWindow(context.atlas, m_state.learn);
    applyExploreUi(m_exploreUi, explorer.state());
    carryOut(context, m_exploreActions);
    m_exploreActions.clear();
    carryOut(context, m_panelActions);
    m_panelActions.clear();
    collectShortcuts();
}

void ViewerDesk::syncMusclePanel(const Explorer& explorer) {
    const std::string& selected = explorer.state().selected;
    if (selected == m_panelFor) return;
    m_panelFor = selected;
    const FigurePart* part = explorer.index().find(selected);
    m_musclePanel.muscleId = part && part->kind == PartKind::Muscle ? part->muscleId : "";
    m_musclePanel.side = part ? part->side : std::nullopt;
    m_musclePanel.open = true;
}

void ViewerDesk::carryOut(ModeContext& context, const std::vector<ui::ExploreAction>& actions) {
    Explorer& explorer = context.explorer;
    ExploreState& state = explorer.state();
    for (const ui::ExploreAction a : actions) {
        switch (a) {
        case ui::ExploreAction::ClearSelection: state.selected.clear(); state.referrals.clear(); break;
        case ui::ExploreAction::HideSelection:
            state.hidden.insert(state.selected);
            state.selected.clear();
            state.referrals.clear();
            break;
        case ui::ExploreAction::ShowAll: state.showAll(); break;
        case ui::ExploreAction::ReplayReferral: {
            const std::vector<std::string> shown = state.referrals;
            for (const std::string& key : shown) (void)explorer.showReferral(key, context.now, true);
            break;
        }
        case ui::ExploreAction::AllReferrals:
            if (auto s = explorer.showAllReferrals(context.now); !s) context.errors.push_back(s.error());
            break;
        case ui::ExploreAction::ClearReferral: state.referrals.clear(); break;
        case ui::ExploreAction::FrameSelection: context.camera.frameSelection(explorer, context.clip, context.time); break;
        case ui::ExploreAction::AnatomyLook: state.look = Look::Anatomy; break;
        }
    }
}

void ViewerDesk::carryOut(ModeContext& context, const std::vector<ui::PanelAction>& actions) {
    Explorer& explorer = context.explorer;
    const FigurePart* current = explorer.index().find(explorer.state().selected);
    const std::string_view side = anatomy::suffix(current && current->side ? *current->side : BodySide::Right);
    for (const ui::PanelAction& a : actions) {
        if (a.type == ui::PanelActionType::SelectMuscle) {
            if (auto s = explorer.select(a.id + std::string(side)); !s) context.errors.push_back(s.error());
            explorer.state().referrals.clear();
            if (a.frame) context.camera.frameSelection(explorer, context.clip, context.time);
        } else if (auto s = explorer.showReferral(a.id + std::string(side), context.now); !s) {
            context.errors.push_back(s.error());
        }
    }
}

void ViewerDesk::collectShortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard) return;
    const ShortcutKeys keys{ImGui::IsKeyPressed(GLFW_KEY_A, false), ImGui::IsKeyPressed(GLFW_KEY_P, false),
                            ImGui::IsKeyPressed(GLFW_KEY_L, false), ImGui::IsKeyPressed(GLFW_KEY_R, false),
                            ImGui::IsKeyPressed(GLFW_KEY_F, false), ImGui::IsKeyPressed(GLFW_KEY_HOME, false),
                            ImGui::IsKeyPressed(GLFW_KEY_F12, false),
                            io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false),
                            io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)};
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false)) {
        m_search.focusRequested = true;
        return;
    }
    if (keys.open) m_state.openDialogRequested = true;
    shortcutCommands(keys, io.KeyCtrl, m_commands);
}

}  // namespace myomap::app

// The viewer's exploring side: picking and clicks, the explorer's panels (search, layers,
// muscle panel, Learn), the modes (therapist, student) and the kiosk's frame.
#include "app/viewer_impl.h"

#include "app/kiosk_tour.h"

#include "app/explore_ui.h"
#include "app/viewer_input.h"
#include "core/log.h"
#include "core/paths.h"
#include "anatomy/quiz.h"
#include "anatomy/skin_geodesics.h"
#include "session/kiosk_config.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace myomap::app {

void Viewer::setMode(Mode mode) {
    m_mode = mode;
    m_ui.mode = mode == Mode::Student ? 1 : 0;
    const ui::ReadingLevel level = mode == Mode::Student ? ui::ReadingLevel::Student : ui::ReadingLevel::Client;
    m_musclePanel.level = level;
    m_musclePanel.largeType = mode == Mode::Therapist;
    m_learn.level = level;
    // Therapists (and the kiosk, in its tour) show a whole person with the pain on the skin;
    // students the muscles.
    m_explorer.state().look = mode == Mode::Student ? Look::Anatomy : Look::Client;
    m_therapist.reset();
    if (m_options.kiosk) {
        if (!m_kiosk && m_explorer.isFigure()) {
            const session::KioskConfigLoad config = session::loadKioskConfig(m_options.kioskConfig);
            std::vector<std::string> problems = config.problems;
            m_kiosk = std::make_unique<KioskShell>(m_explorer, m_atlas, config.config, problems);
            for (const std::string& p : problems) log::warning(p);
        }
        return;
    }
    if (mode == Mode::Student && m_explorer.isFigure() && m_quiz.options.landmarkRegions.empty()) {
        m_quiz.options.seed = static_cast<std::uint32_t>(unixNow());
        m_quiz.options.level = anatomy::QuizLevel::Student;
        const anatomy::SkinGraph graph(m_explorer.surfaces()->skin);
        m_quiz.options.landmarkRegions = anatomy::landmarkRegionsOnFigure(m_atlas, *m_explorer.surfaces(), graph);
    }
    if (mode == Mode::Therapist && m_explorer.isFigure()) {
        m_therapist = std::make_unique<TherapistTools>(m_explorer, m_atlas, paths::userDataDir() / "sessions", unixNow());
        m_therapist->makeHandout = [this] { return makeHandout(); };
    }
}

void Viewer::carryOut(const std::vector<ui::ExploreAction>& actions) {
    ExploreState& state = m_explorer.state();
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
            for (const std::string& key : shown) (void)m_explorer.showReferral(key, m_clock, true);
            break;
        }
        case ui::ExploreAction::AllReferrals:
            if (auto s = m_explorer.showAllReferrals(m_clock); !s) report(s.error());
            break;
        case ui::ExploreAction::ClearReferral: state.referrals.clear(); break;
        case ui::ExploreAction::FrameSelection: frameSelection(); break;
        case ui::ExploreAction::AnatomyLook: state.look = Look::Anatomy; break;
        }
    }
}

void Viewer::syncMusclePanel() {
    const std::string& selected = m_explorer.state().selected;
    if (selected == m_panelFor) return;
    m_panelFor = selected;
    const FigurePart* part = m_explorer.index().find(selected);
    m_musclePanel.muscleId = part && part->kind == PartKind::Muscle ? part->muscleId : "";
    m_musclePanel.side = part ? part->side : std::nullopt;
    m_musclePanel.open = true;
}

void Viewer::carryOut(const std::vector<ui::PanelAction>& actions) {
    const FigurePart* current = m_explorer.index().find(m_explorer.state().selected);
    const std::string side = current && current->side == BodySide::Left ? ".L" : ".R";
    for (const ui::PanelAction& a : actions) {
        if (a.type == ui::PanelActionType::SelectMuscle) {
            if (auto s = m_explorer.select(a.id + side); !s) report(s.error());
            m_explorer.state().referrals.clear();
            if (a.frame) frameSelection();
        } else if (auto s = m_explorer.showReferral(a.id + side, m_clock); !s) {
            report(s.error());
        }
    }
}

void Viewer::handlePicking() {
    const ImGuiIO& io = ImGui::GetIO();
    ExploreState& state = m_explorer.state();
    if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        state.selected.clear();
        state.referrals.clear();
    }
    if (io.WantCaptureMouse || m_frame.width == 0) {
        state.hovered.clear();
        return;
    }
    const int x = static_cast<int>(io.MousePos.x * io.DisplayFramebufferScale.x);
    const int y = static_cast<int>(io.MousePos.y * io.DisplayFramebufferScale.y);
    const bool dragging = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Right);
    if (!dragging && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
        state.hovered = m_kiosk ? m_explorer.pick(m_frame, x, y) : m_explorer.pickThroughSkin(m_frame, x, y);
    }
    if (!state.hovered.empty() && !dragging && !quizAsking()) {
        ImGui::SetTooltip("%s", displayName(m_explorer, state.hovered).c_str());
    }
    const bool click = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16.0f;
    if (!click) return;
    if (m_therapist) {
        const auto point = surfacePoint(m_camera, m_aspect, m_frame.width, m_frame.height, x, y, m_renderer.depthAt(x, y));
        if (point && m_therapist->bodyClicked(*point)) return;
    }
    if (m_kiosk) {
        // A visitor taps a place on the body: the skin's region counts.
        if (const std::string tapped = m_explorer.pick(m_frame, x, y); !tapped.empty()) m_kiosk->bodyTapped(tapped, m_clock);
        return;
    }
    const std::string picked = m_explorer.pickThroughSkin(m_frame, x, y);
    if (m_mode == Mode::Student && m_quiz.open && m_quiz.wantsClick) {
        // The quiz waits for a muscle: a click on a bone or on nothing answers nothing and
        // selects nothing (it would show what the question hides).
        (void)ui::quizClick(m_atlas, m_quiz, picked);
        return;
    }
    if (picked.empty()) {
        state.selected.clear();
        state.referrals.clear();
    } else if (anatomy::sideOf(picked) && m_atlas.findTriggerPoint(picked.substr(0, picked.size() - 2))) {
        if (auto s = m_explorer.showReferral(picked, m_clock, io.KeyShift); !s) report(s.error());
    } else if (picked != state.selected) {
        (void)m_explorer.select(picked);
        state.referrals.clear();
        // For the client: one muscle at a time, its main referral playing at once.
        const FigurePart* part = m_explorer.index().find(picked);
        const anatomy::Muscle* muscle = part ? m_atlas.findMuscle(part->muscleId) : nullptr;
        if (m_mode == Mode::Therapist && muscle && !muscle->triggerPoints.empty() && part->side) {
            (void)m_explorer.showReferral(muscle->triggerPoints.front().id + (*part->side == BodySide::Left ? ".L" : ".R"),
                                          m_clock);
        }
    }
}

void Viewer::kioskFrame() {
    const ImGuiIO& io = ImGui::GetIO();
    bool input = io.MouseWheel != 0.0f || ImGui::IsAnyItemActive();
    for (int b = 0; b < 3; ++b) input = input || ImGui::IsMouseClicked(b);
    for (int k = GLFW_KEY_SPACE; k <= GLFW_KEY_LAST && !input; ++k) input = ImGui::IsKeyPressed(k, false);
    const bool chord = io.KeyCtrl && io.KeyAlt && io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Q, false);
    m_kiosk->update(m_clock, input, chord, m_camera, m_easing, m_explorer.view().pose(m_ui.clip, m_ui.time), m_aspect);
    m_kiosk->draw(m_clock);
    if (m_kiosk->exitAllowed()) m_quit = true;
}

void Viewer::normalUi(std::vector<ui::Command>& commands) {
    fillExploreUi(m_explorer, m_exploreUi);
    if (quizAsking()) hideSelectionName(m_exploreUi, ui::quizSelectionLabel(m_quiz));
    syncMusclePanel();
    m_ui.clientLook = m_explorer.state().look == Look::Client;
    ui::drawViewerUi(m_ui, commands, [&] {
        if (!m_exploreUi.available) return;
        if (m_ui.focusSearch) m_search.focusRequested = true;
        m_ui.focusSearch = false;
        ui::drawMuscleSearch(m_atlas, m_search, m_panelActions);
        ui::drawExplorePanel(m_exploreUi, m_exploreActions);
    });
    ui::drawLegends(m_exploreUi);
    quizUi();
    if (m_exploreUi.available && !m_musclePanel.muscleId.empty() && m_musclePanel.open && !quizAsking()) {
        ui::drawMusclePanel(m_atlas, m_musclePanel, m_panelActions);
    }
    if (m_ui.mode != (m_mode == Mode::Student ? 1 : 0)) setMode(m_ui.mode == 1 ? Mode::Student : Mode::Therapist);
    if (m_therapist) {
        m_therapist->update(m_clock, unixNow());
        m_therapist->draw(m_clock, unixNow());
        for (const std::string& message : m_therapist->messages()) report(message);
        m_therapist->messages().clear();
    }
    m_learn.open = m_ui.showLearn;
    if (m_learn.open) ui::drawLearnWindow(m_atlas, m_learn);
    m_ui.showLearn = m_learn.open;
    applyExploreUi(m_exploreUi, m_explorer.state());
    carryOut(m_exploreActions);
    m_exploreActions.clear();
    carryOut(m_panelActions);
    m_panelActions.clear();
    collectShortcuts(commands);
}
bool Viewer::quizAsking() const {
    return m_mode == Mode::Student && !ui::quizSelectionLabel(m_quiz).empty();
}

void Viewer::quizUi() {
    m_quiz.open = m_ui.showQuiz;
    if (m_mode != Mode::Student || !m_explorer.isFigure() || !m_quiz.open) return;
    ui::drawQuizPanel(m_atlas, m_quiz, m_quizActions);
    for (const ui::PanelAction& a : m_quizActions) {
        if (a.type == ui::PanelActionType::SelectMuscle) (void)m_explorer.select(a.id);
        else (void)m_explorer.showReferral(a.id, m_clock);
        if (a.frame) frameSelection();
    }
    m_quizActions.clear();
    m_ui.showQuiz = m_quiz.open;
    // The body follows the quiz: the muscle asked about glows (its trigger point marked); once
    // answered, the right muscle and its referral show.
    std::string shown = m_quiz.highlightMesh + "|" + m_quiz.highlightTp + "|" + m_quiz.revealMuscle + "|" + m_quiz.revealTp;
    if (shown == m_quizShown) return;
    m_quizShown = shown;
    ExploreState& state = m_explorer.state();
    if (!m_quiz.revealTp.empty()) {
        // The answer on the body: the referral of the right muscle, turned to and framed.
        if (m_explorer.showReferral(m_quiz.revealTp, m_clock) && !state.referrals.empty()) {
            const model::Pose pose = m_explorer.view().pose(m_ui.clip, m_ui.time);
            m_easing.start(cameraOnReferral(m_explorer, m_camera, state.referrals.front(), pose, m_aspect, 0.9f));
            m_referralFramed = state.referrals.front();  // framed here: followReferral need not
        }
    } else if (!m_quiz.revealMuscle.empty()) {
        state.referrals.clear();
        (void)m_explorer.select(m_quiz.revealMuscle);
    } else if (!m_quiz.highlightMesh.empty()) {
        state.referrals.clear();
        if (m_explorer.select(m_quiz.highlightMesh)) faceSelection();  // the muscle asked about, in view
    } else {
        state.selected.clear();
        state.referrals.clear();
    }
}

}  // namespace myomap::app

#include "modes/student/student_mode.h"

#include "anatomy/quiz.h"
#include "anatomy/skin_geodesics.h"
#include "ui/quiz_panel.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace myomap::app {
namespace {

class StudentMode final : public Mode {
public:
    Reading reading() const override { return {ui::ReadingLevel::Student, false}; }
    void enter(ModeContext& context) override;
    void drawGuide(ModeContext& context) override;
    void learnMenu() override;
    std::string_view selectionCover() const override { return ui::quizSelectionLabel(m_quiz); }
    void bodyClicked(ModeContext& context, int x, int y, bool shift) override;

private:
    // What the quiz asks the body to show: a muscle highlighted (and its trigger point), or the
    // answer revealed.
    struct Shown {
        std::string highlightMesh, highlightTp, revealMuscle, revealTp;
    };
    // The body follows the quiz when what it asks to show changes.
    void followQuiz(ModeContext& context);

    ui::QuizPanelState m_quiz;
    std::vector<ui::QuizAction> m_actions;
    Shown m_shown;          // what the body shows for the quiz now
    bool m_followed = false;  // the body has followed the quiz at least once
};

}  // namespace

void StudentMode::enter(ModeContext& context) {
    context.explorer.state().look = Look::Anatomy;  // students see the muscles
    if (!context.explorer.isFigure() || !m_quiz.options.landmarkRegions.empty()) return;
    m_quiz.options.seed = static_cast<std::uint32_t>(context.unixNow);
    m_quiz.options.level = anatomy::QuizLevel::Student;
    const anatomy::SkinGraph graph(context.explorer.surfaces()->skin);
    m_quiz.options.landmarkRegions = anatomy::landmarkRegionsOnFigure(context.atlas, *context.explorer.surfaces(), graph);
}

void StudentMode::learnMenu() { ImGui::MenuItem("Quiz", nullptr, &m_quiz.open); }

void StudentMode::drawGuide(ModeContext& context) {
    Explorer& explorer = context.explorer;
    if (!explorer.isFigure() || !m_quiz.open) return;
    ui::drawQuizPanel(context.atlas, m_quiz, m_actions);
    for (const ui::QuizAction& a : m_actions) {
        if (a.type == ui::PanelActionType::SelectMuscle) (void)explorer.select(a.id);
        else (void)explorer.showReferral(a.id, context.now);
        if (a.frame) context.camera.frameSelection(explorer, context.clip, context.time);
    }
    m_actions.clear();
    followQuiz(context);
}

void StudentMode::followQuiz(ModeContext& context) {
    const bool same = m_quiz.highlightMesh == m_shown.highlightMesh && m_quiz.highlightTp == m_shown.highlightTp &&
                      m_quiz.revealMuscle == m_shown.revealMuscle && m_quiz.revealTp == m_shown.revealTp;
    if (same && m_followed) return;
    m_followed = true;
    m_shown = {m_quiz.highlightMesh, m_quiz.highlightTp, m_quiz.revealMuscle, m_quiz.revealTp};
    Explorer& explorer = context.explorer;
    ExploreState& state = explorer.state();
    if (!m_quiz.revealTp.empty()) {
        // The answer on the body: the referral of the right muscle, turned to and framed.
        if (explorer.showReferral(m_quiz.revealTp, context.now) && !state.referrals.empty()) {
            context.camera.frameReferral(explorer, state.referrals.front(), context.clip, context.time);
        }
    } else if (!m_quiz.revealMuscle.empty()) {
        state.referrals.clear();
        (void)explorer.select(m_quiz.revealMuscle);
    } else if (!m_quiz.highlightMesh.empty()) {
        state.referrals.clear();
        if (explorer.select(m_quiz.highlightMesh)) {
            context.camera.faceSelection(explorer, context.clip, context.time);  // the muscle asked about, in view
        }
    } else {
        state.selected.clear();
        state.referrals.clear();
    }
}

void StudentMode::bodyClicked(ModeContext& context, int x, int y, bool shift) {
    const std::string picked = context.explorer.pickThroughSkin(context.frame, x, y);
    if (m_quiz.open && m_quiz.wantsClick) {
        // The quiz waits for a muscle: a click on a bone or on nothing answers nothing and
        // selects nothing (it would show what the question hides).
        (void)ui::quizClick(context.atlas, m_quiz, picked);
        return;
    }
    selectPicked(context, picked, shift, false);
}

ModeEntry studentModeEntry() {
    return {"student", "Student: full anatomy and a quiz", {},
            [](const ModeSettings&) { return std::make_unique<StudentMode>(); }};
}

}  // namespace myomap::app

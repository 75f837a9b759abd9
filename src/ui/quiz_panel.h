// The Quiz window (student mode): a question in large text, four big choice buttons or "click
// the muscle on the body", immediate feedback with the right answer and an explanation, the
// score, and at the end the misses to review. Plain state in, actions out (like the muscle
// panel); the app highlights on the body what the state names and feeds clicks in with
// quizClick. No GL, no file access, no window calls.
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/quiz.h"
#include "ui/panel_common.h"

#include <string>
#include <string_view>
#include <vector>

namespace myomap::ui {

// "Review" on a miss: SelectMuscle (NameMuscle: the muscle it was) or ShowReferral (the
// trigger point whose referral answers the question).
using QuizAction = PanelAction;

struct QuizPanelState {
    bool open = true;
    // The next quiz's settings. "New quiz" (or the first frame) generates one with
    // options.seed and then adds one to the seed; the app may set the seed first (from the
    // time, say) so that quizzes differ between runs.
    anatomy::QuizOptions options;
    anatomy::QuizSession session;
    bool started = false;
    bool showChoices = false;  // the current click question shown as multiple choice instead

    // For the app, set each frame the window is drawn (all empty when closed or finished).
    // While asking: the mesh to highlight ("upper_trapezius.R") and the trigger point to mark on
    // it (WhichRegion); wantsClick when the answer is a muscle click on the body (quizClick).
    // Once answered: the muscle (id) and trigger point whose referral shows the right answer.
    std::string highlightMesh;
    std::string highlightTp;
    bool wantsClick = false;
    std::string revealMuscle;
    std::string revealTp;
};

// Draws the "Quiz" window (on the left of the viewport the first time).
void drawQuizPanel(const anatomy::Atlas& atlas, QuizPanelState& state, std::vector<QuizAction>& actions);

// The window's content, for a caller that places it in its own window.
void drawQuizContent(const anatomy::Atlas& atlas, QuizPanelState& state, std::vector<QuizAction>& actions);

// Generates a quiz from state.options (then seed + 1) and starts it.
void startQuiz(const anatomy::Atlas& atlas, QuizPanelState& state);

// A click on the body (a mesh name, "temporalis.L") while the quiz wants one: answers the
// question and returns true; false (and nothing happens) otherwise, and for anything that is not
// one of the atlas's muscles (the skin or a bone in front of it: the first click on a muscle
// counts, as the question says).
bool quizClick(const anatomy::Atlas& atlas, QuizPanelState& state, std::string_view meshName);

// While a question waits for its answer on the body, what the explorer's selection line says
// instead of a muscle's name (which would give the answer away); "" when none is waiting (the
// quiz closed, a multiple-choice click question, or answered: then the answer is selected and
// named, and its panel may show).
std::string_view quizSelectionLabel(const QuizPanelState& state);

}  // namespace myomap::ui

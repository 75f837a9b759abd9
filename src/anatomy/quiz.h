// The student's quiz: questions generated from the atlas content (never listed by hand),
// the same for a seed on every platform, checked against the content.
//
// Kinds:
// - NameMuscle: "Name the highlighted muscle". The subject is a sided mesh
//   ("upper_trapezius.R"); four muscle names, one right; the distractors come from the same
//   Muscle::region first, then from the others, and no two choices share a name.
// - ClickMuscle: "Click the muscle whose trigger points refer pain to the back of the thigh
//   (left side)". The target is a body region on a side ("posterior_thigh.L"; a midline region
//   has none). A muscle mesh refers there when one of its trigger points, on that mesh's side,
//   has an ESSENTIAL region zone that lands on the target once ZoneSide is resolved (same,
//   opposite, both; a midline region from either side). acceptedIds holds exactly those meshes.
//   By default only targets that one muscle refers to are asked, so one muscle is right (both
//   its meshes when its pattern reaches both sides, as for a midline region). With
//   QuizOptions::severalAnswers targets several muscles refer to are asked too, worded "a
//   muscle", and any of them is right. Landmark zones never make a muscle right.
//   The same question carries four choices for multiple choice: one muscle that refers there
//   and three with no zone at all on the region (essential or spillover, either side).
// - WhichRegion: "Where does this trigger point send pain?". The subject is a trigger point;
//   four regions, one of them an essential region zone of it, and three that none of its zones
//   (essential or spillover, any side) covers. A landmark zone covers regions only through
//   QuizOptions::landmarkRegions; a trigger point with a landmark zone missing there is never
//   asked, nor is a muscle with such a zone offered as a wrong choice in ClickMuscle.
//
// Randomness: std::mt19937 (its output is fixed by the standard) and drawBelow below, not the
// standard distributions (their output differs between standard libraries).
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/skin_geodesics.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myomap::anatomy {

enum class QuestionKind { NameMuscle, ClickMuscle, WhichRegion };
std::string_view toString(QuestionKind kind);

// Which words the questions use for body regions: plain ("outer elbow") or anatomical
// ("lateral epicondyle").
enum class QuizLevel { Client, Student };

struct QuizOptions {
    int count = 10;
    std::uint32_t seed = 1;
    std::vector<QuestionKind> kinds{QuestionKind::NameMuscle, QuestionKind::ClickMuscle, QuestionKind::WhichRegion};
    QuizLevel level = QuizLevel::Client;
    // ClickMuscle asked as "click it on the body" (else as multiple choice).
    bool clickOnBody = true;
    // ClickMuscle also for regions several muscles refer to ("Click a muscle ..."); always so
    // when !clickOnBody, since the choices have one right answer either way.
    bool severalAnswers = false;
    // Landmark id -> the sideless region ids its zones' discs reach on the figure (the app can
    // fill it from the placed zones). Landmarks missing here are treated as unknown.
    std::map<std::string, std::set<std::string>, std::less<>> landmarkRegions;
};

struct Question {
    QuestionKind kind = QuestionKind::NameMuscle;
    std::string prompt;
    // The prompt when the four choices are shown instead of a click on the body ("Which of
    // these muscles ..." for ClickMuscle); the same as `prompt` for the other kinds.
    std::string choicePrompt;
    // NameMuscle: the mesh ("upper_trapezius.R"); ClickMuscle: the target region as the skin
    // names it ("posterior_thigh.L", "sternum"); WhichRegion: the trigger point id.
    std::string subject;
    std::vector<std::string> choices;    // words, four
    std::vector<std::string> choiceIds;  // muscle ids (NameMuscle, ClickMuscle) or region ids (WhichRegion)
    int answer = -1;                     // index of the right choice
    bool clickToAnswer = false;          // ClickMuscle asked as a click on the body
    // What check(question, id) accepts. NameMuscle: the subject mesh. ClickMuscle: the meshes
    // that refer to the target (see above). WhichRegion: the sided skin regions ("temple.R")
    // the trigger point's essential region zones cover from the highlighted side.
    std::set<std::string> acceptedIds;
    std::string explanation;  // plain words from the content, shown after the answer
    std::string rightAnswer;  // words: the right choice, or the accepted muscles' names
    // For the app. While asking: the mesh to highlight and the trigger point to mark on it
    // (WhichRegion), or the region asked about (ClickMuscle, not drawn by default: it would
    // give nothing away but is there if wanted). After the answer: the muscle and the trigger
    // point whose referral shows the right answer on the body.
    std::string highlightMesh;
    std::string highlightTp;
    std::string highlightRegion;
    // Both carry the side they are shown on, the side the question is about: "masseter.L",
    // "masseter.tp1.L".
    std::string revealMuscle;  // a sided muscle mesh
    std::string revealTp;      // a sided trigger point; empty for NameMuscle
};

struct AnswerResult {
    bool correct = false;
    int rightChoice = -1;
    std::string rightAnswer;
};

std::vector<Question> generateQuiz(const Atlas& atlas, const QuizOptions& options);

// A choice index; out of range is wrong.
AnswerResult check(const Question& question, int choice);
// A clicked id: a mesh ("temporalis.L") or region ("temple.L") is judged with its side; a
// sideless id ("temporalis") is right when it is right on some side.
AnswerResult check(const Question& question, std::string_view clickedId);

struct Miss {
    std::size_t question = 0;
    int choice = -1;      // the choice given, or -1 for a click
    std::string clicked;  // the id clicked, or empty
};

struct QuizSession {
    QuizSession() = default;
    explicit QuizSession(std::vector<Question> quiz) : questions(std::move(quiz)) {}

    std::vector<Question> questions;
    std::size_t current = 0;
    int score = 0;
    std::vector<Miss> misses;
    std::optional<AnswerResult> last;  // the current question's result once answered

    const Question* question() const;
    // The first answer to a question counts; later ones return that result unchanged.
    AnswerResult answer(int choice);
    AnswerResult answer(std::string_view clickedId);
    bool answered() const { return last.has_value(); }
    void next();  // on to the next question (after an answer or to skip one, which counts as missed)
    bool finished() const { return current >= questions.size(); }
};

// A uniform draw in [0, n) from the generator's raw 32-bit outputs (rejection sampling, so
// the same sequence on every platform); n > 0.
std::uint32_t drawBelow(std::mt19937& rng, std::uint32_t n);

// For QuizOptions::landmarkRegions: every landmark the atlas's zones use -> the sideless
// regions of the skin vertices inside any of its zones' discs, on either side of the figure.
std::map<std::string, std::set<std::string>, std::less<>> landmarkRegionsOnFigure(const Atlas& atlas,
                                                                                  const BodySurfaces& body,
                                                                                  const SkinGraph& graph);

// "A, B and C".
std::string listWords(const std::vector<std::string>& words);
// "Upper trapezius trigger point (TrP1: ...) sends pain mainly to the back of the neck, ...;
// sometimes also to ...." and then the content's own description of the referral at the level.
std::string referralExplanation(const Muscle& muscle, const TriggerPoint& tp, QuizLevel level);

// Words for a body region id, at a level ("lateral_epicondyle": "outer elbow" /
// "lateral epicondyle"); the id itself when unknown.
std::string_view regionWords(std::string_view regionId, QuizLevel level = QuizLevel::Client);
// "the outer elbow (left side)", "the forehead", from a skin name ("lateral_epicondyle.L").
std::string sidedRegionWords(std::string_view skinName, QuizLevel level = QuizLevel::Client);

}  // namespace myomap::anatomy

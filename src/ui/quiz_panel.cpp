#include "ui/quiz_panel.h"

#include "anatomy/body_surface.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace myomap::ui {
namespace {

bool lightStyle() {
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    return 0.3f * bg.x + 0.6f * bg.y + 0.1f * bg.z > 0.5f;
}
ImVec4 rightColour() { return lightStyle() ? ImVec4(0.05f, 0.45f, 0.15f, 1.0f) : ImVec4(0.45f, 0.90f, 0.50f, 1.0f); }
ImVec4 rightFill() { return lightStyle() ? ImVec4(0.62f, 0.86f, 0.62f, 1.0f) : ImVec4(0.15f, 0.45f, 0.20f, 1.0f); }
ImVec4 wrongFill() { return lightStyle() ? ImVec4(0.95f, 0.62f, 0.58f, 1.0f) : ImVec4(0.55f, 0.18f, 0.15f, 1.0f); }

void gap(float lines = 0.4f) { ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * lines)); }

// The choice buttons' height and text size.
constexpr float kChoiceScale = 1.2f;

// A full-width button in `fill` whose hover and press look the same: for answered questions,
// where the buttons only show the result.
bool wideButton(const std::string& label, float height, const ImVec4* fill) {
    if (fill) {
        ImGui::PushStyleColor(ImGuiCol_Button, *fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, *fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, *fill);
    }
    ImGui::SetWindowFontScale(kChoiceScale);
    const bool pressed = ImGui::Button(label.c_str(), ImVec2(-1.0f, height));
    ImGui::SetWindowFontScale(1.0f);
    if (fill) ImGui::PopStyleColor(3);
    return pressed;
}

// "Temporalis (left)" for a clicked mesh, the muscle's name for a muscle id, else the id.
std::string clickedWords(const anatomy::Atlas& atlas, const std::string& id) {
    const std::optional<anatomy::Side> side = anatomy::sideOf(id);
    const std::string base = side ? id.substr(0, id.size() - 2) : id;
    const anatomy::Muscle* m = atlas.findMuscle(base);
    std::string words = m ? m->names.common : id;
    if (side) words += *side == anatomy::Side::Left ? " (left)" : " (right)";
    return words;
}

void header(const QuizPanelState& state) {
    const anatomy::QuizSession& s = state.session;
    const std::size_t answered = s.current + (s.answered() ? 1 : 0);
    const std::string progress = "Question " + std::to_string(s.current + 1) + " of " + std::to_string(s.questions.size());
    const std::string score = answered == 0 ? "" : "Score " + std::to_string(s.score) + " / " + std::to_string(answered);
    ImGui::PushStyleColor(ImGuiCol_Text, quietColour());
    ImGui::TextUnformatted(progress.c_str());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(score.c_str()).x);
    ImGui::TextUnformatted(score.c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    gap(0.3f);
}

void choices(QuizPanelState& state, const anatomy::Question& q) {
    const float height = ImGui::GetFrameHeight() * 1.9f;
    const anatomy::QuizSession& s = state.session;
    int given = -1;
    if (s.answered() && !s.misses.empty() && s.misses.back().question == s.current) given = s.misses.back().choice;
    for (std::size_t i = 0; i < q.choices.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        const ImVec4 right = rightFill(), wrong = wrongFill();
        const ImVec4 plain = ImGui::GetStyleColorVec4(ImGuiCol_Button);
        const ImVec4* fill = nullptr;
        if (s.answered()) fill = static_cast<int>(i) == q.answer ? &right : static_cast<int>(i) == given ? &wrong : &plain;
        if (wideButton(q.choices[i], height, fill) && !s.answered()) state.session.answer(static_cast<int>(i));
        ImGui::PopID();
    }
}

void askClick(QuizPanelState& state) {
    ImGui::PushStyleColor(ImGuiCol_Text, accentColour());
    largeText("Click the muscle on the body.", 1.15f);
    ImGui::PopStyleColor();
    paragraph("Turn the figure and peel layers as you need; your first click on a muscle counts.", quietColour());
    gap(0.3f);
    if (ImGui::SmallButton("Show four choices instead")) state.showChoices = true;
}

void feedback(const anatomy::Atlas& atlas, QuizPanelState& state, const anatomy::Question& q) {
    const anatomy::QuizSession& s = state.session;
    const anatomy::AnswerResult& result = *s.last;
    gap(0.3f);
    if (result.correct) {
        ImGui::PushStyleColor(ImGuiCol_Text, rightColour());
        largeText("Right!", 1.3f);
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, warningColour());
        largeText("Not quite.", 1.3f);
        ImGui::PopStyleColor();
        if (!s.misses.back().clicked.empty()) {
            paragraph("You clicked " + clickedWords(atlas, s.misses.back().clicked) + ".");
        }
        ImGui::TextUnformatted("The answer:");
        ImGui::SameLine();
        paragraph(result.rightAnswer, rightColour());
    }
    gap(0.2f);
    paragraph(q.explanation);
}

void results(const anatomy::Atlas& atlas, QuizPanelState& state, std::vector<QuizAction>& actions) {
    const anatomy::QuizSession& s = state.session;
    ImGui::PushStyleColor(ImGuiCol_Text, accentColour());
    largeText("Your score", 1.1f);
    largeText(std::to_string(s.score) + " / " + std::to_string(s.questions.size()), 2.2f);
    ImGui::PopStyleColor();
    if (s.misses.empty()) {
        paragraph("All right. Well done!", rightColour());
        return;
    }
    gap();
    paragraph("To review (" + std::to_string(s.misses.size()) + ")", accentColour());
    ImGui::Separator();
    for (std::size_t i = 0; i < s.misses.size(); ++i) {
        const anatomy::Miss& miss = s.misses[i];
        const anatomy::Question& q = s.questions[miss.question];
        ImGui::PushID(static_cast<int>(i));
        gap(0.2f);
        paragraph(std::to_string(miss.question + 1) + ". " + q.prompt);
        std::string detail;
        if (q.kind == anatomy::QuestionKind::NameMuscle) {
            detail = anatomy::sideOf(q.subject) == anatomy::Side::Left ? "On the left side" : "On the right side";
        }
        if (q.kind == anatomy::QuestionKind::WhichRegion) {
            if (const anatomy::TriggerPoint* tp = atlas.findTriggerPoint(q.subject)) detail = "Trigger point: " + tp->name;
        }
        if (!detail.empty()) paragraph(detail, quietColour());
        std::string given = "skipped";
        if (miss.choice >= 0 && static_cast<std::size_t>(miss.choice) < q.choices.size()) {
            given = q.choices[static_cast<std::size_t>(miss.choice)];
        } else if (!miss.clicked.empty()) {
            given = clickedWords(atlas, miss.clicked);
        }
        const bool clicked = !miss.clicked.empty();
        const std::string right = clicked || q.answer < 0 ? q.rightAnswer : q.choices[static_cast<std::size_t>(q.answer)];
        ImGui::Indent();
        paragraph("Right: " + right, rightColour());
        paragraph("Yours: " + given, warningColour());
        if (ImGui::Button("Review")) {
            if (q.revealTp.empty()) actions.push_back({PanelActionType::SelectMuscle, q.revealMuscle, true});
            else actions.push_back({PanelActionType::ShowReferral, q.revealTp, true});
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(q.revealTp.empty() ? "Select this muscle" : "Show this trigger point's referral");
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
}

// What the app should show on the body this frame.
void publish(QuizPanelState& state) {
    state.highlightMesh.clear();
    state.highlightTp.clear();
    state.revealMuscle.clear();
    state.revealTp.clear();
    state.wantsClick = false;
    const anatomy::Question* q = state.open ? state.session.question() : nullptr;
    if (!q) return;
    state.highlightMesh = q->highlightMesh;
    state.highlightTp = q->highlightTp;
    if (state.session.answered()) {
        state.revealMuscle = q->revealMuscle;
        state.revealTp = q->revealTp;
    } else {
        state.wantsClick = q->clickToAnswer && !state.showChoices;
    }
}

}  // namespace

void startQuiz(const anatomy::Atlas& atlas, QuizPanelState& state) {
    state.session = anatomy::QuizSession{anatomy::generateQuiz(atlas, state.options)};
    ++state.options.seed;
    state.started = true;
    state.showChoices = false;
    publish(state);
}

bool quizClick(const anatomy::Atlas& atlas, QuizPanelState& state, std::string_view meshName) {
    if (!state.wantsClick || state.session.answered() || state.session.finished()) return false;
    const std::string_view id = anatomy::sideOf(meshName) ? meshName.substr(0, meshName.size() - 2) : meshName;
    if (!atlas.findMuscle(id)) return false;
    state.session.answer(meshName);
    publish(state);
    return true;
}

std::string_view quizSelectionLabel(const QuizPanelState& state) {
    if (!state.open || !state.revealMuscle.empty() || !state.revealTp.empty()) return {};
    if (!state.highlightMesh.empty()) return "The quiz's muscle (answer first)";
    if (state.wantsClick) return "Click a muscle on the body to answer";
    return {};
}

void drawQuizContent(const anatomy::Atlas& atlas, QuizPanelState& state, std::vector<QuizAction>& actions) {
    if (!state.started) startQuiz(atlas, state);
    anatomy::QuizSession& s = state.session;
    // The buttons stay in a footer under the scrolling question, feedback or results.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetFontSize() * kChoiceScale + style.FramePadding.y * 2.0f;
    ImGui::BeginChild("quiz_body", ImVec2(0.0f, -(row + style.ItemSpacing.y * 3.0f + 1.0f)));
    const anatomy::Question* q = s.question();
    if (s.questions.empty()) {
        paragraph("The atlas has too little content for a quiz.", warningColour());
    } else if (q) {
        header(state);
        const bool byClick = q->clickToAnswer && !state.showChoices;
        largeText(byClick ? q->prompt : q->choicePrompt, 1.35f);
        if (q->kind == anatomy::QuestionKind::WhichRegion) {
            if (const anatomy::TriggerPoint* tp = atlas.findTriggerPoint(q->subject)) {
                paragraph("Trigger point: " + tp->name, quietColour());
            }
        }
        if (q->kind == anatomy::QuestionKind::NameMuscle) {
            paragraph(anatomy::sideOf(q->subject) == anatomy::Side::Left ? "On the figure's left side."
                                                                         : "On the figure's right side.",
                      quietColour());
        }
        gap(0.5f);
        if (!byClick) choices(state, *q);
        else if (!s.answered()) askClick(state);
        if (s.answered()) feedback(atlas, state, *q);
    } else {
        results(atlas, state, actions);
    }
    ImGui::EndChild();
    ImGui::Separator();
    ImGui::SetWindowFontScale(kChoiceScale);
    bool restart = false;
    if (q && s.answered()) {
        if (ImGui::Button(s.current + 1 == s.questions.size() ? "See your score" : "Next question")) {
            s.next();
            state.showChoices = false;
        }
    } else if (q && ImGui::Button("Skip")) {
        s.next();
        state.showChoices = false;
    }
    if (q) {
        // New quiz on the right, away from Next.
        const char* label = "New quiz";
        ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(label).x - style.FramePadding.x * 2.0f);
        restart = ImGui::Button(label);
    } else {
        restart = ImGui::Button("New quiz");
    }
    ImGui::SetWindowFontScale(1.0f);
    if (restart) startQuiz(atlas, state);
    publish(state);
}

void drawQuizPanel(const anatomy::Atlas& atlas, QuizPanelState& state, std::vector<QuizAction>& actions) {
    if (!state.open) {
        publish(state);
        return;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float margin = font * 0.6f;
    const float top = ImGui::GetFrameHeight() + margin;  // below the menu bar
    // The bottom half of the left column, under the model window.
    const float half = (viewport->Size.y - top) * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + margin, viewport->Pos.y + top + half), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(font * 22.0f, half - margin), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Quiz", &state.open)) drawQuizContent(atlas, state, actions);
    ImGui::End();
    if (!state.open) publish(state);
}

}  // namespace myomap::ui

#include "ui/therapist_panel.h"

#include "ui/panel_common.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace myomap::ui {
namespace {

void painSection(TherapistUi& ui, std::vector<TherapistAction>& actions) {
    if (!ImGui::CollapsingHeader("Where does it hurt?", ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::Checkbox("Tap the body to mark pain", &ui.markOnBody);
    if (!ui.regionLabels.empty()) {
        const float w = ImGui::GetContentRegionAvail().x;
        ImGui::SetNextItemWidth(w * 0.55f);
        const char* current = ui.regionLabels[static_cast<std::size_t>(ui.regionChoice)].c_str();
        if (ImGui::BeginCombo("##region", current, ImGuiComboFlags_HeightLarge)) {
            for (std::size_t i = 0; i < ui.regionLabels.size(); ++i) {
                if (ImGui::Selectable(ui.regionLabels[i].c_str(), static_cast<int>(i) == ui.regionChoice)) {
                    ui.regionChoice = static_cast<int>(i);
                }
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w * 0.22f);
        ImGui::SliderInt("##new", &ui.newIntensity, 0, 10, "%d/10");
        ImGui::SameLine();
        if (ImGui::Button("Add")) actions.push_back({TherapistActionType::AddRegionMark});
    }
    if (ui.marks.empty()) {
        ImGui::TextDisabled("No pain marked yet.");
        return;
    }
    for (std::size_t i = 0; i < ui.marks.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        TherapistUi::Mark& m = ui.marks[i];
        ImGui::TextUnformatted(m.label.c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.55f);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() * 1.6f);
        if (ImGui::SliderInt("##intensity", &m.intensity, 0, 10, "%d/10")) {
            actions.push_back({TherapistActionType::IntensityChanged, static_cast<int>(i), m.intensity});
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) actions.push_back({TherapistActionType::RemoveMark, static_cast<int>(i)});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this area");
        ImGui::PopID();
    }
}

void candidatesSection(TherapistUi& ui, std::vector<TherapistAction>& actions) {
    if (ui.marks.empty()) return;
    if (!ImGui::CollapsingHeader("Muscles that may be sending it", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const std::string& warning : ui.warnings) paragraph(warning, warningColour());
    if (ui.candidates.empty()) {
        ImGui::TextDisabled("No trigger point in the atlas refers there.");
        return;
    }
    // The order follows the textbook's pain guides, so the best score need not come first.
    float best = 0.0f;
    for (const TherapistUi::Candidate& c : ui.candidates) best = std::max(best, c.score);
    if (best <= 0.0f) best = 1.0f;
    for (std::size_t i = 0; i < ui.candidates.size(); ++i) {
        const TherapistUi::Candidate& c = ui.candidates[i];
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const float height = ImGui::GetFrameHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(
            start, ImVec2(start.x + width * (c.score / best), start.y + height),
            ImGui::GetColorU32(c.essential ? ImVec4(0.93f, 0.55f, 0.45f, 0.45f) : ImVec4(0.95f, 0.80f, 0.50f, 0.45f)),
            3.0f);
        if (ImGui::Selectable(c.label.c_str(), c.selected, 0, ImVec2(width, height))) {
            actions.push_back({TherapistActionType::ShowCandidate, static_cast<int>(i)});
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(c.essential ? "Its usual (essential) pattern covers the marked area: play it on the body"
                                          : "Only its spillover pattern reaches the marked area: play it on the body");
        }
        ImGui::PopID();
    }
}

void timerSection(TherapistUi& ui, std::vector<TherapistAction>& actions) {
    if (!ImGui::CollapsingHeader("Compression timer", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (ui.timerPoint.empty() && !ui.timerRunning) {
        ImGui::TextDisabled("Show a trigger point's referral to time a hold on it.");
    } else if (!ui.timerRunning) {
        paragraph(ui.timerPoint);
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
        ImGui::SliderInt("Hold", &ui.holdSeconds, 30, 90, "%d s");
        ImGui::SameLine();
        if (ImGui::Button("Start")) actions.push_back({TherapistActionType::StartTimer});
    } else {
        paragraph(ui.timerPoint);
        char text[32];
        std::snprintf(text, sizeof text, "%.0f s left", static_cast<double>(ui.timerRemaining));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(0.80f, 0.25f, 0.20f, 1.0f));
        ImGui::ProgressBar(ui.timerProgress, ImVec2(-1.0f, ImGui::GetFontSize() * 2.2f), text);
        ImGui::PopStyleColor();
        ImGui::TextDisabled("Steady pressure; ease off if the client's discomfort goes above 7/10.");
        if (ImGui::Button("Stop")) actions.push_back({TherapistActionType::CancelTimer});
    }
    if (ui.timerDoneFlash > 0.0f) {
        // The sound-free cue: a green band that fades over a few seconds.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(
            p, ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y + ImGui::GetFontSize() * 1.6f),
            ImGui::GetColorU32(ImVec4(0.30f, 0.70f, 0.35f, ui.timerDoneFlash)), 4.0f);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 8.0f, p.y + ImGui::GetFontSize() * 0.3f));
        ImGui::TextUnformatted("Hold complete: release slowly");
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + ImGui::GetFontSize() * 1.8f));
    }
    if (!ui.treated.empty()) {
        ImGui::TextDisabled("Treated this session:");
        for (const std::string& t : ui.treated) bullet(t);
    }
}

void sessionSection(TherapistUi& ui, std::vector<TherapistAction>& actions) {
    if (!ImGui::CollapsingHeader("Session notes", ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::TextDisabled("%s", ui.sessionTitle.c_str());
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::InputTextWithHint("##client", "Client (optional: initials or a label)", &ui.clientLabel)) {
        actions.push_back({TherapistActionType::ClientLabelChanged});
    }
    if (ImGui::InputTextMultiline("##notes", &ui.notes, ImVec2(-1.0f, ImGui::GetFontSize() * 5.0f))) {
        actions.push_back({TherapistActionType::NotesChanged});
    }
    if (ui.saveFailed) paragraph(ui.saveStatus, warningColour());
    else ImGui::TextDisabled("%s", ui.saveStatus.c_str());
    if (ImGui::Button("Handout (PDF)")) actions.push_back({TherapistActionType::MakeHandout});
    ImGui::SameLine();
    if (ImGui::Button("Sessions...")) actions.push_back({TherapistActionType::OpenSessions});
    ImGui::SameLine();
    if (ImGui::Button("New session")) actions.push_back({TherapistActionType::NewSession});
}

}  // namespace

void drawTherapistPanel(TherapistUi& ui, std::vector<TherapistAction>& actions) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 0.6f;
    // The bottom half of the left column, under the model window.
    const float top = ImGui::GetFrameHeight() + margin;
    const float half = (viewport->Size.y - top) * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + margin, viewport->Pos.y + top + half), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 22.0f, half - margin), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Client session")) {
        painSection(ui, actions);
        candidatesSection(ui, actions);
        timerSection(ui, actions);
        sessionSection(ui, actions);
    }
    ImGui::End();
}

}  // namespace myomap::ui

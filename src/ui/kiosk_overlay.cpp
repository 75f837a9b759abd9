#include "ui/kiosk_overlay.h"

#include "ui/panel_common.h"

#include <imgui.h>

#include <cmath>

namespace myomap::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;

float touch() { return ImGui::GetFontSize() * 3.0f; }  // the height of anything a finger presses

bool bigButton(const char* label, float width = 0.0f) {
    return ImGui::Button(label, ImVec2(width > 0.0f ? width : ImGui::CalcTextSize(label).x + touch(), touch()));
}

void banner(const KioskUi& ui) {
    const ImGuiViewport* v = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(v->Pos.x + touch() * 0.4f, v->Pos.y + touch() * 0.4f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    if (ImGui::Begin("##banner", nullptr, kFixed | ImGuiWindowFlags_NoInputs)) {
        largeText(ui.clinicName, 2.0f);
        ImGui::PushTextWrapPos(v->Size.x * 0.3f);
        ImGui::TextUnformatted(ui.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

void caption(const KioskUi& ui) {
    const ImGuiViewport* v = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(v->Pos.x + v->Size.x * 0.5f, v->Pos.y + v->Size.y - touch() * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(v->Size.x * 0.7f, v->Size.y * 0.3f));
    if (ImGui::Begin("##caption", nullptr, kFixed | ImGuiWindowFlags_NoInputs)) {
        ImGui::PushTextWrapPos(v->Size.x * 0.66f);
        largeText(ui.caption, 1.35f);
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("Touch the body, or the button on the right, to explore.");
    }
    ImGui::End();
}

// The chosen region's warnings, calm and short, and the way to the whole page; under the
// muscles found, in the controls, so nothing covers the tour's caption.
void safety(const KioskUi& ui, float width, std::vector<KioskAction>& actions) {
    if (!ui.doctorPage) return;
    if (!ui.warnings.empty()) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        largeText("Please note", 1.2f);
        for (const std::string& line : ui.warnings) paragraph(line, warningColour());
        ImGui::PopTextWrapPos();
    }
    if (bigButton("When to see a doctor", width)) actions.push_back({KioskActionType::OpenDoctorPage});
}

void controls(KioskUi& ui, std::vector<KioskAction>& actions) {
    const ImGuiViewport* v = ImGui::GetMainViewport();
    const float width = ImGui::GetFontSize() * 22.0f;
    ImGui::SetNextWindowPos(ImVec2(v->Pos.x + v->Size.x - touch() * 0.4f, v->Pos.y + touch() * 0.4f), ImGuiCond_Always,
                            ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.9f);
    if (!ImGui::Begin("##controls", nullptr, kFixed)) {
        ImGui::End();
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(ui.accent.r, ui.accent.g, ui.accent.b, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (bigButton("Where does it hurt?", width)) actions.push_back({ui.regionsOpen ? KioskActionType::CloseRegions : KioskActionType::OpenRegions});
    ImGui::PopStyleColor(2);
    if (!ui.touring && bigButton("Start again", width)) actions.push_back({KioskActionType::StartAgain});
    if (ui.regionsOpen) {
        const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        for (std::size_t i = 0; i < ui.regionLabels.size(); ++i) {
            if (i % 2 == 1) ImGui::SameLine();
            if (bigButton(ui.regionLabels[i].c_str(), half)) actions.push_back({KioskActionType::ChooseRegion, static_cast<int>(i)});
        }
    }
    if (!ui.foundFor.empty()) {
        ImGui::Separator();
        ImGui::TextWrapped("Muscles that can send pain to the %s:", ui.foundFor.c_str());
        for (std::size_t i = 0; i < ui.foundLabels.size(); ++i) {
            if (bigButton(ui.foundLabels[i].c_str(), width)) actions.push_back({KioskActionType::ChooseFound, static_cast<int>(i)});
        }
    }
    safety(ui, width, actions);
    if (!ui.selectedLabel.empty() && !ui.touring) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        largeText(ui.selectedLabel, 1.3f);
        paragraph(ui.selectedText);
        ImGui::PopTextWrapPos();
        paragraph(ui.disclaimer, quietColour());
    }
    ImGui::End();
}

// The red-flags page at the visitor's reading level, over the figure, with a finger-sized Close.
void doctorPage(const KioskUi& ui, std::vector<KioskAction>& actions) {
    const ImGuiViewport* v = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(v->Pos.x + v->Size.x * 0.5f, v->Pos.y + v->Size.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(v->Size.x * 0.6f, v->Size.y * 0.8f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.97f);
    if (!ImGui::Begin("##doctor", nullptr,
                      ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                          ImGuiWindowFlags_NoNav)) {
        ImGui::End();
        return;
    }
    if (bigButton("Close", ImGui::GetFontSize() * 10.0f)) actions.push_back({KioskActionType::CloseDoctorPage});
    ImGui::BeginChild("##doctor_text", ImVec2(0, 0), false);
    largeText(ui.doctorPage->title, 1.5f);
    for (const anatomy::PageSection& section : ui.doctorPage->sections) {
        ImGui::Spacing();
        largeText(section.heading, 1.15f);
        if (!section.client.empty()) paragraph(section.client);
        if (section.table) {
            for (const auto& row : section.table->rows) {
                if (row.empty()) continue;
                std::string line = "- " + row.front();
                if (row.size() > 1) line += ": " + row.back();
                paragraph(line);
            }
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

void pinPad(KioskUi& ui, std::vector<KioskAction>& actions) {
    ImGui::OpenPopup("Staff exit");
    const ImGuiViewport* v = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(v->Pos.x + v->Size.x * 0.5f, v->Pos.y + v->Size.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal("Staff exit", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) return;
    const float key = touch() * 1.2f;
    if (ui.pinLockSeconds > 0.0f) {
        // Repeated wrong PINs: no keys to press until the wait is over.
        ImGui::TextUnformatted("Too many wrong PINs.");
        ImGui::Text("Try again in %d s.", static_cast<int>(std::ceil(ui.pinLockSeconds)));
    } else {
        ImGui::TextUnformatted("Enter the PIN to leave the kiosk");
        const std::string dots(ui.pinTyped.size(), '*');
        largeText(dots.empty() ? " " : dots, 1.6f);
        const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "OK"};
        for (int i = 0; i < 12; ++i) {
            if (i % 3 != 0) ImGui::SameLine();
            if (ImGui::Button(keys[i], ImVec2(key, touch()))) {
                const std::string k = keys[i];
                if (k == "Clear") ui.pinTyped.clear();
                else if (k == "OK") actions.push_back({KioskActionType::SubmitPin});
                else if (ui.pinTyped.size() < kMaxPinDigits) ui.pinTyped += k;
            }
        }
    }
    if (ImGui::Button("Cancel", ImVec2(key * 3.0f + ImGui::GetStyle().ItemSpacing.x * 2.0f, touch()))) {
        actions.push_back({KioskActionType::CancelPin});
    }
    ImGui::EndPopup();
}

}  // namespace

void drawKioskOverlay(KioskUi& ui, std::vector<KioskAction>& actions) {
    banner(ui);
    if (ui.touring && !ui.caption.empty()) caption(ui);
    // The red-flags page, when open, stands in for the controls.
    if (ui.doctorOpen && ui.doctorPage) doctorPage(ui, actions);
    else controls(ui, actions);
    if (ui.pinOpen) pinPad(ui, actions);
}

}  // namespace myomap::ui

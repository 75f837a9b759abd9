#include "ui/explore_panel.h"

#include <imgui.h>

namespace myomap::ui {
namespace {

ImU32 srgb(float r, float g, float b, float a = 1.0f) { return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, a)); }

void layers(ExploreUi& ui, std::vector<ExploreAction>& actions) {
    if (!ImGui::CollapsingHeader("Layers", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (ui.clientLook) {
        // The client look draws the person, not the layers: say so rather than leave the
        // switches below doing nothing visible.
        ImGui::TextWrapped("The client look shows the whole person with the pain on the skin.");
        if (ImGui::Button("Show the muscles")) actions.push_back(ExploreAction::AnatomyLook);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The anatomy look: muscles, layers and bones (also in View)");
        return;
    }
    const float sliderWidth = ImGui::GetFontSize() * 6.0f;
    for (std::size_t i = 0; i < ui.layerNames.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::Checkbox(ui.layerNames[i], &ui.layerVisible[i]);
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - sliderWidth + ImGui::GetCursorPosX() - ImGui::GetStyle().ItemSpacing.x);
        ImGui::SetNextItemWidth(sliderWidth);
        if (!ui.layerVisible[i]) ImGui::BeginDisabled();
        ImGui::SliderFloat("##opacity", &ui.layerOpacity[i], 0.05f, 1.0f, "%.2f");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Opacity");
        if (!ui.layerVisible[i]) ImGui::EndDisabled();
        ImGui::PopID();
    }
    ImGui::TextUnformatted("Side");
    ImGui::SameLine();
    ImGui::RadioButton("Left", &ui.side, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Right", &ui.side, 1);
    ImGui::SameLine();
    ImGui::RadioButton("Both", &ui.side, 2);
}

void selection(ExploreUi& ui, std::vector<ExploreAction>& actions) {
    if (!ImGui::CollapsingHeader("Selection", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (ui.selectedLabel.empty()) {
        ImGui::TextDisabled("Click a muscle, or search for one.");
    } else {
        ImGui::TextWrapped("%s", ui.selectedLabel.c_str());
        ImGui::Checkbox("Isolate", &ui.isolate);
        ImGui::SameLine();
        if (ImGui::Button("Frame")) actions.push_back(ExploreAction::FrameSelection);
        ImGui::SameLine();
        if (ImGui::Button("Hide")) actions.push_back(ExploreAction::HideSelection);
        ImGui::SameLine();
        if (ImGui::Button("Clear")) actions.push_back(ExploreAction::ClearSelection);
    }
    if (ImGui::Button("Show all")) actions.push_back(ExploreAction::ShowAll);
}

void referral(ExploreUi& ui, std::vector<ExploreAction>& actions) {
    if (!ImGui::CollapsingHeader("Referred pain", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (!ui.referralShown) {
        ImGui::TextWrapped("Select a muscle and click one of its trigger points (the rings) to see where its pain "
                           "spreads; Shift+click adds another.");
    } else {
        ImGui::TextWrapped("%s", ui.referralLabel.c_str());
        if (ImGui::Button("Replay")) actions.push_back(ExploreAction::ReplayReferral);
        ImGui::SameLine();
        if (ImGui::Button("Hide referral")) actions.push_back(ExploreAction::ClearReferral);
    }
    if (!ui.selectedLabel.empty()) {
        if (ui.referralShown) ImGui::SameLine();
        if (ImGui::Button("All of its trigger points")) actions.push_back(ExploreAction::AllReferrals);
    }
    ImGui::Checkbox("Still picture", &ui.heatStill);
    ImGui::SameLine();
    ImGui::Checkbox("Colour-blind palette", &ui.colourBlind);
}

void swatchRow(ImDrawList* list, ImVec2 at, float size, ImU32 low, ImU32 high) {
    list->AddRectFilledMultiColor(at, ImVec2(at.x + size * 5.0f, at.y + size), low, high, high, low);
}

}  // namespace

void drawExplorePanel(ExploreUi& ui, std::vector<ExploreAction>& actions) {
    if (!ui.available) return;
    layers(ui, actions);
    selection(ui, actions);
    referral(ui, actions);
}

void drawLegends(const ExploreUi& ui) {
    if (!ui.available || (ui.selectedLabel.empty() && !ui.referralShown)) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = ImGui::GetFontSize() * 0.6f;
    // Bottom left of the view, clear of the left column of panels.
    const float column = ImGui::GetFontSize() * 22.0f + 2.0f * pad;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + column, viewport->Pos.y + viewport->Size.y - pad), ImGuiCond_Always,
                            ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (!ImGui::Begin("Legend", nullptr, flags)) {
        ImGui::End();
        return;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float s = ImGui::GetFontSize();
    const auto marker = [&](bool filled, const char* text) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 c(p.x + s * 0.5f, p.y + s * 0.5f);
        if (filled) {
            list->AddCircleFilled(c, s * 0.42f, srgb(0.91f, 0.27f, 0.24f));
            list->AddCircle(c, s * 0.42f, srgb(0.1f, 0.08f, 0.07f), 0, 2.0f);
        } else {
            list->AddCircle(c, s * 0.36f, srgb(1.0f, 0.9f, 0.45f), 0, 4.0f);
            list->AddCircle(c, s * 0.42f, srgb(0.1f, 0.08f, 0.07f), 0, 1.5f);
        }
        ImGui::Dummy(ImVec2(s, s));
        ImGui::SameLine();
        ImGui::TextUnformatted(text);
    };
    marker(true, "Active trigger point: refers pain now (shown)");
    marker(false, "Latent trigger point: tender when pressed");
    if (ui.referralShown) {
        ImGui::Separator();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImU32 low = ui.colourBlind ? srgb(0.99f, 0.94f, 0.58f) : srgb(1.0f, 0.90f, 0.44f);
        const ImU32 high = ui.colourBlind ? srgb(0.25f, 0.40f, 0.70f) : srgb(0.81f, 0.15f, 0.15f);
        swatchRow(list, p, s, low, high);
        ImGui::Dummy(ImVec2(s * 5.0f, s));
        ImGui::SameLine();
        ImGui::TextUnformatted("Referred pain, mild to strong");
        const ImVec2 q = ImGui::GetCursorScreenPos();
        list->AddRectFilled(q, ImVec2(q.x + s * 5.0f, q.y + s), high);
        ImGui::Dummy(ImVec2(s * 5.0f, s));
        ImGui::SameLine();
        ImGui::TextUnformatted("Essential zone (solid): felt by nearly everyone");
        const ImVec2 r = ImGui::GetCursorScreenPos();
        list->AddRectFilled(r, ImVec2(r.x + s * 5.0f, r.y + s), srgb(1.0f, 0.93f, 0.75f));
        for (float x = 3.0f; x < s * 5.0f; x += 7.0f) {
            for (float y = 3.0f; y < s; y += 7.0f) list->AddCircleFilled(ImVec2(r.x + x, r.y + y), 2.0f, high);
        }
        ImGui::Dummy(ImVec2(s * 5.0f, s));
        ImGui::SameLine();
        ImGui::TextUnformatted("Spillover zone (dotted): felt by some");
    }
    ImGui::End();
}

}  // namespace myomap::ui

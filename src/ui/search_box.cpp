#include "ui/search_box.h"

#include "anatomy/search.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>

namespace myomap::ui {
namespace {

constexpr std::size_t kMaxMatches = 8;

// Up/Down in the field move the highlight instead of the text cursor.
int onHistoryKey(ImGuiInputTextCallbackData* data) {
    auto* state = static_cast<SearchState*>(data->UserData);
    const int count = static_cast<int>(state->matchIds.size());
    if (data->EventFlag != ImGuiInputTextFlags_CallbackHistory || count == 0) return 0;
    if (data->EventKey == ImGuiKey_UpArrow) state->highlighted = (state->highlighted + count - 1) % count;
    if (data->EventKey == ImGuiKey_DownArrow) state->highlighted = (state->highlighted + 1) % count;
    state->listOpen = true;
    return 0;
}

void choose(SearchState& state, std::size_t index, std::vector<PanelAction>& actions) {
    actions.push_back({PanelActionType::SelectMuscle, state.matchIds[index], true});
    state.query.clear();
    state.searchedFor.clear();
    state.matchIds.clear();
    state.matchLabels.clear();
    state.highlighted = 0;
    state.listOpen = false;
    state.listHovered = false;
}

}  // namespace

void updateMatches(const anatomy::Atlas& atlas, SearchState& state) {
    state.searchedFor = state.query;
    state.matchIds.clear();
    state.matchLabels.clear();
    state.highlighted = 0;
    for (const anatomy::SearchHit& hit : anatomy::search(atlas, state.query, kMaxMatches)) {
        std::string label = hit.muscle->names.common;
        if (!hit.matchedName.empty() && hit.matchedName != label && hit.matchedName != hit.muscle->id) {
            label += "  (" + hit.matchedName + ")";
        }
        state.matchIds.push_back(hit.muscle->id);
        state.matchLabels.push_back(std::move(label));
    }
}

bool drawMuscleSearch(const anatomy::Atlas& atlas, SearchState& state, std::vector<PanelAction>& actions) {
    ImGui::PushID("muscle_search");
    if (state.focusRequested) {
        ImGui::SetKeyboardFocusHere();
        state.focusRequested = false;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool entered = ImGui::InputTextWithHint(
        "##query", "Search muscles, e.g. trapezius", &state.query,
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory, onHistoryKey, &state);
    const bool active = ImGui::IsItemActive();
    const ImVec2 fieldMin = ImGui::GetItemRectMin();
    const ImVec2 fieldMax = ImGui::GetItemRectMax();
    if (state.query != state.searchedFor) {
        updateMatches(atlas, state);
        state.listOpen = !state.query.empty();
    }
    bool chosen = false;
    if (entered && !state.matchIds.empty()) {
        choose(state, static_cast<std::size_t>(std::clamp(state.highlighted, 0, static_cast<int>(state.matchIds.size()) - 1)),
               actions);
        chosen = true;
    }
    if (!chosen && state.listOpen && !state.query.empty() && (active || state.listHovered)) {
        // A borderless window under the field, in front of everything else.
        const float width = fieldMax.x - fieldMin.x;
        ImGui::SetNextWindowPos(ImVec2(fieldMin.x, fieldMax.y + 2.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, FLT_MAX));
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_AlwaysAutoResize;
        ImGui::Begin("##muscle_search_matches", nullptr, flags);
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        if (state.matchIds.empty()) ImGui::TextDisabled("No muscle matches '%s'", state.query.c_str());
        for (std::size_t i = 0; i < state.matchIds.size() && !chosen; ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(state.matchLabels[i].c_str(), static_cast<int>(i) == state.highlighted)) {
                choose(state, i, actions);
                chosen = true;
            }
            ImGui::PopID();
        }
        state.listHovered = !chosen && ImGui::IsWindowHovered();
        ImGui::End();
    } else {
        state.listHovered = false;
    }
    ImGui::PopID();
    return chosen;
}

}  // namespace myomap::ui

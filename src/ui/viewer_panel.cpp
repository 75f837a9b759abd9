#include "ui/viewer_panel.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace myomap::ui {
namespace {

void menuBar(ViewerState& state, std::vector<Command>& commands, const std::function<void()>& learnItems) {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open model...", "Ctrl+O")) state.openDialogRequested = true;
        if (ImGui::MenuItem("Save screenshot", "F12")) commands.push_back({CommandType::SaveScreenshot, {}, {}});
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) commands.push_back({CommandType::Quit, {}, {}});
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        const struct { const char* label; const char* key; View view; } views[] = {
            {"Anterior", "A", View::Anterior}, {"Posterior", "P", View::Posterior},
            {"Left side", "L", View::Left}, {"Right side", "R", View::Right}};
        for (const auto& v : views) {
            if (ImGui::MenuItem(v.label, v.key)) commands.push_back({CommandType::SetView, {}, v.view});
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Frame model", "F")) commands.push_back({CommandType::FrameAll, {}, {}});
        if (ImGui::MenuItem("Reset camera", "Home")) commands.push_back({CommandType::ResetCamera, {}, {}});
        ImGui::Separator();
        if (ImGui::MenuItem("Client look: the whole person, pain on the skin", nullptr, state.clientLook))
            commands.push_back({CommandType::ClientLook, {}, {}});
        if (ImGui::MenuItem("Anatomy look: muscles, layers and bones", nullptr, !state.clientLook))
            commands.push_back({CommandType::AnatomyLook, {}, {}});
        ImGui::Separator();
        ImGui::MenuItem("Smooth edges", nullptr, &state.smoothEdges);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip(state.softwareRenderer
                                  ? "Multisampled edges. Off by default here: without a graphics card they\n"
                                    "cost two to three times the drawing time. Screenshots always have them."
                                  : "Multisampled edges (4x).");
        }
        // The tooltip shows on the Detail label while its submenu is closed, and on its two
        // choices once it is open (an open menu's window takes over the label's hover).
        const auto detailTooltip = [&state] {
            ImGui::SetTooltip("Reduced draws each part with fewer triangles where it is small on screen (never more than\n"
                              "half a pixel off) and with shaders made for that part. It looks the same and turns the\n"
                              "body faster. %s",
                              state.softwareRenderer ? "Reduced by default here: without a graphics card every triangle costs."
                                                     : "Full by default: a graphics card draws the whole figure easily.");
        };
        if (ImGui::BeginMenu("Detail")) {
            if (ImGui::MenuItem("Full", nullptr, !state.reducedDetail)) state.reducedDetail = false;
            if (ImGui::IsItemHovered()) detailTooltip();
            if (ImGui::MenuItem("Reduced (looks the same)", nullptr, state.reducedDetail)) state.reducedDetail = true;
            if (ImGui::IsItemHovered()) detailTooltip();
            ImGui::EndMenu();
        } else if (ImGui::IsItemHovered()) {
            detailTooltip();
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Mode")) {
        for (const ModeChoice& mode : state.modes) {
            if (ImGui::MenuItem(mode.label.c_str(), nullptr, mode.current) && !mode.current) {
                commands.push_back({CommandType::SwitchMode, {}, {}, mode.name});
            }
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Learn")) {
        ImGui::MenuItem("Trigger points, treatment and safety", nullptr, &state.learn.open);
        if (learnItems) learnItems();
        if (ImGui::MenuItem("Find a muscle", "Ctrl+F")) state.focusSearch = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Problems", nullptr, &state.showProblems);
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void openDialog(ViewerState& state, std::vector<Command>& commands) {
    if (state.openDialogRequested) {
        ImGui::OpenPopup("Open model");
        state.openDialogRequested = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 36, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Open model", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("Path of a glTF (.gltf, .glb), OBJ, FBX or DAE file:");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 34);
    const bool entered = ImGui::InputText("##path", &state.openPathInput, ImGuiInputTextFlags_EnterReturnsTrue);
    if ((ImGui::Button("Open") || entered) && !state.openPathInput.empty()) {
        commands.push_back({CommandType::OpenModel, state.openPathInput, {}});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void animationPanel(ViewerState& state) {
    if (!ImGui::CollapsingHeader("Animation", ImGuiTreeNodeFlags_DefaultOpen)) return;
    if (state.clipNames.empty()) {
        ImGui::TextDisabled("This model has no animations.");
        return;
    }
    const char* current = state.clip >= 0 ? state.clipNames[static_cast<std::size_t>(state.clip)].c_str() : "(rest pose)";
    if (ImGui::BeginCombo("Clip", current)) {
        for (std::size_t i = 0; i < state.clipNames.size(); ++i) {
            const bool selected = static_cast<int>(i) == state.clip;
            if (ImGui::Selectable(state.clipNames[i].c_str(), selected)) {
                state.clip = static_cast<int>(i);
                state.time = 0.0f;
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::Button(state.playing ? "Pause" : "Play")) state.playing = !state.playing;
    ImGui::SameLine();
    ImGui::Checkbox("Loop", &state.loop);
    ImGui::SliderFloat("Time (s)", &state.time, 0.0f, std::max(state.duration, 0.001f), "%.2f");
    ImGui::SliderFloat("Speed", &state.speed, 0.1f, 3.0f, "%.1fx");
}

void problemsWindow(ViewerState& state) {
    if (!state.showProblems) return;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 14), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Problems", &state.showProblems)) {
        if (state.problems.empty()) ImGui::TextDisabled("No problems.");
        for (const std::string& p : state.problems) ImGui::TextWrapped("%s", p.c_str());
    }
    ImGui::End();
}

}  // namespace

void drawViewerUi(ViewerState& state, std::vector<Command>& commands, const std::function<void()>& panels,
                  const std::function<void()>& learnItems) {
    menuBar(state, commands, learnItems);
    openDialog(state, commands);

    // Below the menu bar (the viewport's work area only learns of the bar a frame later).
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize() * 0.6f;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + margin, viewport->Pos.y + ImGui::GetFrameHeight() + margin),
                            ImGuiCond_FirstUseEver);
    // The left column's top half; the mode's window (client session, quiz) takes the bottom half.
    const float top = ImGui::GetFrameHeight() + margin;
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 22, (viewport->Size.y - top) * 0.5f - margin),
                             ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Model")) {
        if (state.modelPath.empty()) {
            ImGui::TextWrapped("No model is open. Use File > Open model to load a glTF, OBJ, FBX or DAE file.");
            if (ImGui::Button("Open model...")) state.openDialogRequested = true;
        } else {
            const std::string_view path = state.modelPath;
            const std::string_view name = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
            ImGui::TextUnformatted(name.data(), name.data() + name.size());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", state.modelPath.c_str());
            ImGui::TextDisabled("%s", state.modelSummary.c_str());
        }
        if (!state.problems.empty()) {
            char label[64];
            std::snprintf(label, sizeof label, "%zu problem%s", state.problems.size(), state.problems.size() == 1 ? "" : "s");
            if (ImGui::SmallButton(label)) state.showProblems = true;
        }
        ImGui::Spacing();
        if (panels) panels();
        animationPanel(state);
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Myomap is an education tool, not a diagnostic device.");
        ImGui::PopStyleColor();
        ImGui::TextDisabled("%s  |  %.0f fps", state.rendererName.c_str(), static_cast<double>(state.fps));
    }
    ImGui::End();
    problemsWindow(state);
}

}  // namespace myomap::ui

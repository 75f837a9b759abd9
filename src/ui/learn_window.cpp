#include "ui/learn_window.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace myomap::ui {
namespace {

void table(const anatomy::Table& t, const std::string& id) {
    const int columns = static_cast<int>(t.columns.size());
    if (columns == 0) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame |
                                  ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable(id.c_str(), columns, flags)) return;
    for (const std::string& column : t.columns) ImGui::TableSetupColumn(column.c_str(), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const auto& row : t.rows) {
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < row.size(); ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c));
            paragraph(row[c]);
        }
    }
    ImGui::EndTable();
}

void page(const anatomy::Page& p, LearnState& state) {
    ImGui::PushStyleColor(ImGuiCol_Text, accentColour());
    largeText(p.title, 1.45f);
    ImGui::PopStyleColor();
    readingLevelToggle(state.level);
    for (std::size_t i = 0; i < p.sections.size(); ++i) {
        const anatomy::PageSection& s = p.sections[i];
        ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.5f));
        if (!s.heading.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, accentColour());
            largeText(s.heading, 1.15f);
            ImGui::PopStyleColor();
            ImGui::Separator();
        }
        const std::string& wanted = state.level == ReadingLevel::Client ? s.client : s.student;
        const std::string& text = wanted.empty() ? (state.level == ReadingLevel::Client ? s.student : s.client) : wanted;
        if (!text.empty()) paragraph(text);
        if (s.table) {
            if (!text.empty()) ImGui::Spacing();
            table(*s.table, "##table" + std::to_string(i));
        }
    }
    if (!p.sources.empty()) {
        ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.5f));
        paragraph("Sources", quietColour());
        ImGui::Separator();
        for (const anatomy::Citation& c : p.sources) {
            ImGui::PushStyleColor(ImGuiCol_Text, quietColour());
            bullet(citationText(c));
            ImGui::PopStyleColor();
        }
    }
}

}  // namespace

void drawLearnWindow(const anatomy::Atlas& atlas, LearnState& state) {
    if (!state.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const ImVec2 size(std::min(font * 62.0f, viewport->Size.x * 0.9f), std::min(font * 40.0f, viewport->Size.y * 0.85f));
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x * 0.5f, viewport->Pos.y + viewport->Size.y * 0.5f),
                            ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Learn", &state.open)) {
        ImGui::End();
        return;
    }
    const anatomy::Page* current = state.pageId.empty() ? nullptr : atlas.findPage(state.pageId);
    if (!current && !atlas.pages.empty()) current = &atlas.pages.front();

    float listWidth = font * 10.0f;
    for (const anatomy::Page& p : atlas.pages) listWidth = std::max(listWidth, ImGui::CalcTextSize(p.title.c_str()).x);
    listWidth = std::min(listWidth + ImGui::GetStyle().WindowPadding.x * 2 + font, font * 20.0f);
    ImGui::BeginChild("pages", ImVec2(listWidth, 0.0f), true);
    for (const anatomy::Page& p : atlas.pages) {
        ImGui::PushID(p.id.c_str());
        if (ImGui::Selectable(p.title.c_str(), &p == current)) state.pageId = p.id;
        ImGui::PopID();
    }
    if (atlas.pages.empty()) ImGui::TextDisabled("No pages loaded.");
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("page", ImVec2(0.0f, 0.0f), false);
    if (current) page(*current, state);
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace myomap::ui

#include "ui/panel_common.h"

#include <array>
#include <cctype>
#include <utility>

namespace myomap::ui {

const std::string& atLevel(const anatomy::Levels& text, ReadingLevel level) {
    const std::string& wanted = level == ReadingLevel::Client ? text.client : text.student;
    const std::string& other = level == ReadingLevel::Client ? text.student : text.client;
    return wanted.empty() ? other : wanted;
}

bool readingLevelToggle(ReadingLevel& level) {
    const ReadingLevel before = level;
    ImGui::PushID("reading_level");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Reading level");
    const std::pair<const char*, ReadingLevel> choices[] = {{"Client", ReadingLevel::Client},
                                                            {"Student", ReadingLevel::Student}};
    for (const auto& [label, value] : choices) {
        ImGui::SameLine();
        const bool active = level == value;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(label)) level = value;
        if (active) ImGui::PopStyleColor();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Anatomical terms for students and therapists");
    ImGui::PopID();
    return level != before;
}

void paragraph(std::string_view text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

void paragraph(std::string_view text, const ImVec4& colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    paragraph(text);
    ImGui::PopStyleColor();
}

void labelled(std::string_view label, std::string_view text) {
    paragraph(label, accentColour());
    paragraph(text);
}

void bullet(std::string_view text, const ImVec4* colour) {
    ImGui::Bullet();
    ImGui::SameLine();
    if (colour) paragraph(text, *colour);
    else paragraph(text);
}

void largeText(std::string_view text, float scale) {
    ImGui::SetWindowFontScale(scale);
    paragraph(text);
    ImGui::SetWindowFontScale(1.0f);
}

std::string displayName(std::string_view id) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kNames{{
        {"post_isometric_relaxation", "Post-isometric relaxation"},
        {"muscle_energy", "Muscle energy technique"},
        {"stripping", "Stripping massage"},
        {"activity_change", "Changes to daily activity"},
        {"ball_compression", "Ball compression"},
        {"upper_back", "Upper back"},
        {"lower_back", "Lower back"},
        {"ischemic_compression", "Ischemic compression"},
    }};
    for (const auto& [key, name] : kNames) {
        if (key == id) return std::string(name);
    }
    std::string s(id);
    for (char& c : s) {
        if (c == '_') c = ' ';
    }
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string citationText(const anatomy::Citation& citation) {
    const anatomy::Source& s = citation.source;
    std::string text;
    auto add = [&](const std::string& part, const char* after) {
        if (part.empty()) return;
        text += part;
        if (!part.ends_with('.')) text += after;
        text += ' ';
    };
    add(s.authors, ".");
    add(s.title, ".");
    if (!s.edition.empty()) add(s.edition + " ed", ".");
    if (!s.journal.empty()) add(s.journal, ".");
    std::string published = s.publisher;
    if (s.year > 0) published += (published.empty() ? "" : ", ") + std::to_string(s.year);
    add(published, ".");
    if (!citation.chapter.empty()) {
        const bool number = std::isdigit(static_cast<unsigned char>(citation.chapter[0])) != 0;
        add((number ? "Chapter " : "") + citation.chapter + (citation.pages.empty() ? "" : ", pp. " + citation.pages), ".");
    } else if (!citation.pages.empty()) {
        add("pp. " + citation.pages, ".");
    }
    if (text.empty()) text = citation.ref;
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

namespace {
// The viewer uses ImGui's light style; the colours follow whichever style is in use.
bool lightStyle() {
    const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    return 0.3f * bg.x + 0.6f * bg.y + 0.1f * bg.z > 0.5f;
}
}  // namespace

ImVec4 accentColour() { return lightStyle() ? ImVec4(0.08f, 0.30f, 0.58f, 1.0f) : ImVec4(0.55f, 0.78f, 1.0f, 1.0f); }
ImVec4 warningColour() { return lightStyle() ? ImVec4(0.72f, 0.10f, 0.06f, 1.0f) : ImVec4(1.0f, 0.45f, 0.38f, 1.0f); }
ImVec4 quietColour() { return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled); }

}  // namespace myomap::ui

// What the content panels (muscle panel, search box, Learn window) share: the reading level,
// the actions they emit for the app to carry out, and small text helpers that wrap to the
// panel's width. No GL, no file access, no window calls.
#pragma once

#include "anatomy/atlas.h"

#include <imgui.h>

#include <string>
#include <string_view>

namespace myomap::ui {

// Plain language for a client, anatomical language for a student (anatomy::Levels).
enum class ReadingLevel { Client, Student };

enum class PanelActionType {
    SelectMuscle,  // id: a muscle id (upper_trapezius); the app keeps the side it had
    ShowReferral,  // id: a trigger point id (upper_trapezius.tp1)
};

struct PanelAction {
    PanelActionType type = PanelActionType::SelectMuscle;
    std::string id;
    bool frame = false;  // also bring it into view (the search box asks for this)
};

// The text at `level`, or the other level's when that one is empty.
const std::string& atLevel(const anatomy::Levels& text, ReadingLevel level);

// "Client" / "Student" buttons side by side; returns true when the level changed.
bool readingLevelToggle(ReadingLevel& level);

// Text that wraps to the panel's width (any length; no printf formatting involved).
void paragraph(std::string_view text);
void paragraph(std::string_view text, const ImVec4& colour);
// A bold-looking label on its own line, in the accent colour, then the wrapped text.
void labelled(std::string_view label, std::string_view text);
// A bullet with wrapped text that keeps its left edge.
void bullet(std::string_view text, const ImVec4* colour = nullptr);
// Text at `scale` times the font size (for titles; one TTF size is loaded).
void largeText(std::string_view text, float scale);

// Vocabulary words for a person: "upper_back" -> "Upper back", with nicer names for the
// technique ids ("post_isometric_relaxation" -> "Post-isometric relaxation").
std::string displayName(std::string_view id);
// "Simons DG, Travell JG. Title. 2nd ed. Publisher, 1999. Chapter 6."
std::string citationText(const anatomy::Citation& citation);

// Colours shared by the panels.
ImVec4 accentColour();
ImVec4 warningColour();
ImVec4 quietColour();

}  // namespace myomap::ui

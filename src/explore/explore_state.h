// What the person exploring has chosen (selection, layers, sides, referrals shown) and how
// that styles each part of the figure. Pure logic over plain data: unit-tested without GL.
#pragma once

#include "explore/figure_index.h"
#include "explore/vocabulary.h"

#include <array>
#include <set>
#include <string>
#include <vector>

namespace myomap::app {

inline constexpr std::size_t kLayerCount = 5;  // FigureLayer: skin, three muscle layers, bones

struct LayerSetting {
    bool visible = true;
    float opacity = 1.0f;
};

struct ExploreState {
    std::array<LayerSetting, kLayerCount> layers{};
    SideFilter side = SideFilter::Both;
    std::string selected;               // a mesh name ("upper_trapezius.R"), "" for none
    std::string hovered;
    bool isolate = false;               // only the selection (and the bones, for context)
    std::set<std::string> hidden;       // mesh names hidden one by one
    std::vector<std::string> referrals; // sided trigger points shown: "upper_trapezius.tp1.R"
    HeatMode heat = HeatMode::Animated;
    Palette palette = Palette::Default;
    Look look = Look::Anatomy;          // therapist and kiosk: Client; student: Anatomy

    LayerSetting& layer(FigureLayer l) { return layers[static_cast<std::size_t>(l)]; }
    const LayerSetting& layer(FigureLayer l) const { return layers[static_cast<std::size_t>(l)]; }
    // Everything back in view: layers on, nothing hidden or isolated (opacities kept).
    void showAll();
};

struct PartStyle {
    bool visible = true;
    bool pickable = false;   // not drawn, but a click through the skin may land on it (the client look)
    float opacity = 1.0f;
    float highlight = 0.0f;  // rim glow: hover a little, selection fully
    bool xray = false;       // shown through what covers it
    bool dimmed = false;     // another muscle is selected: this one steps back
};

PartStyle styleFor(const FigurePart& part, const ExploreState& state);

// Muscles dimmed while another is selected: towards a pale, greyed tone, so the selection
// stands out without the rest disappearing.
glm::vec4 dimmedColor(const glm::vec4& color);

}  // namespace myomap::app

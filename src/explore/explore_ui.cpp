#include "explore/explore_ui.h"

#include <algorithm>
#include <cctype>

namespace myomap::app {

namespace {

// The built-in figure's bones ("bone_t12", "bone_rib3.L", "bone_femur.R" without the side) as
// a student would name them; "" for a name that is not one.
std::string boneName(std::string_view base) {
    if (!base.starts_with("bone_") || base.size() == 5) return "";
    std::string bone(base.substr(5));
    const auto digits = [&](std::size_t from) {
        return from < bone.size() && std::all_of(bone.begin() + static_cast<std::ptrdiff_t>(from), bone.end(),
                                                 [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    };
    if ((bone[0] == 'c' || bone[0] == 't' || bone[0] == 'l') && digits(1)) {
        return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(bone[0])))) + bone.substr(1) + " vertebra";
    }
    if (bone.starts_with("rib") && digits(3)) return "Rib " + bone.substr(3);
    if (bone == "hand" || bone == "foot") bone += " bones";
    if (bone == "hip") bone = "hip bone";
    for (char& c : bone) {
        if (c == '_') c = ' ';
    }
    bone[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(bone[0])));
    return bone;
}

}  // namespace

std::string displayName(const Explorer& explorer, const std::string& name) {
    const auto side = anatomy::sideOf(name);
    const std::string base = side ? name.substr(0, name.size() - 2) : name;
    const std::string sideText = !side ? "" : *side == anatomy::Side::Left ? " (left)" : " (right)";
    if (const anatomy::Atlas* atlas = explorer.atlas()) {
        if (const anatomy::Muscle* m = atlas->findMuscle(base)) return m->names.common + sideText;
        if (const anatomy::TriggerPoint* tp = atlas->findTriggerPoint(base)) {
            const anatomy::Muscle* m = atlas->findMuscle(tp->muscleId);
            return (m ? m->names.common : tp->muscleId) + ", " + tp->name + sideText;
        }
    }
    if (name == "skin") return "Skin";
    if (std::string bone = boneName(base); !bone.empty()) return bone + sideText;
    return name;
}

void hideSelectionName(ui::ExploreUi& ui, std::string_view label) {
    ui.selectedLabel = label;
    ui.selectedLabelFor = "(hidden)";  // never a mesh name, so fillExploreUi names it again
}

void fillExploreUi(const Explorer& explorer, ui::ExploreUi& ui) {
    const ExploreState& state = explorer.state();
    ui.available = explorer.isFigure();
    for (std::size_t i = 0; i < kLayerCount; ++i) {
        ui.layerVisible[i] = state.layers[i].visible;
        ui.layerOpacity[i] = state.layers[i].opacity;
    }
    ui.side = state.side == SideFilter::Left ? 0 : state.side == SideFilter::Right ? 1 : 2;
    if (ui.selectedLabelFor != state.selected) {  // named once per selection, not every frame
        ui.selectedLabelFor = state.selected;
        ui.selectedLabel = state.selected.empty() ? "" : displayName(explorer, state.selected);
    }
    ui.isolate = state.isolate;
    ui.referralShown = !state.referrals.empty();
    if (ui.referralLabelFor != state.referrals) {
        ui.referralLabelFor = state.referrals;
        ui.referralLabel.clear();
        for (const std::string& key : state.referrals) ui.referralLabel += (ui.referralLabel.empty() ? "" : "\n") + displayName(explorer, key);
    }
    ui.heatStill = state.heat == HeatMode::Still;
    ui.colourBlind = state.palette == Palette::Colourblind;
    ui.clientLook = state.look == Look::Client;
}

void applyExploreUi(const ui::ExploreUi& ui, ExploreState& state) {
    for (std::size_t i = 0; i < kLayerCount; ++i) {
        state.layers[i].visible = ui.layerVisible[i];
        state.layers[i].opacity = ui.layerOpacity[i];
    }
    state.side = ui.side == 0 ? SideFilter::Left : ui.side == 1 ? SideFilter::Right : SideFilter::Both;
    state.isolate = ui.isolate;
    state.heat = ui.heatStill ? HeatMode::Still : HeatMode::Animated;
    state.palette = ui.colourBlind ? Palette::Colourblind : Palette::Default;
}

}  // namespace myomap::app

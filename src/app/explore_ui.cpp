#include "app/explore_ui.h"

namespace myomap::app {

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

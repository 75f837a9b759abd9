// The explorer's controls: layers (each on/off with an opacity), sides, isolate / hide / show
// all, and the referred-pain display (animated or still, palette) with its legends. Plain
// state in, commands out; the app maps them onto its explore state.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace myomap::ui {

struct ExploreUi {
    bool available = false;  // the figure (not some other model) is shown
    std::array<const char*, 5> layerNames{"Skin", "Superficial muscles", "Intermediate muscles", "Deep muscles", "Bones"};
    std::array<bool, 5> layerVisible{true, true, true, true, true};
    std::array<float, 5> layerOpacity{1, 1, 1, 1, 1};
    int side = 2;  // 0 left, 1 right, 2 both
    std::string selectedLabel;  // "Upper trapezius (right)", "" for none
    std::string selectedLabelFor;  // the selection it names (filled again only when that changes)
    std::vector<std::string> referralLabelFor;  // likewise for referralLabel
    bool isolate = false;
    bool referralShown = false;
    std::string referralLabel;  // "Upper trapezius, central upper border (right)"
    bool heatStill = false;
    bool colourBlind = false;
    bool clientLook = false;  // the layers below show in the anatomy look only
};

enum class ExploreAction { ClearSelection, HideSelection, ShowAll, ReplayReferral, ClearReferral, FrameSelection, AllReferrals, AnatomyLook };

void drawExplorePanel(ExploreUi& ui, std::vector<ExploreAction>& actions);
// Small legends over the bottom-left of the view: the markers, and the heat when shown.
void drawLegends(const ExploreUi& ui);

}  // namespace myomap::ui

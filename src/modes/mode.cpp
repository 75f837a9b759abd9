#include "modes/mode.h"

namespace myomap::app {

std::string Mode::hoverAt(ModeContext& context, int x, int y) {
    return context.explorer.pickThroughSkin(context.frame, x, y);
}

void Mode::bodyClicked(ModeContext& context, int x, int y, bool shift) {
    selectPicked(context, context.explorer.pickThroughSkin(context.frame, x, y), shift, false);
}

void Mode::moveCamera(ModeContext& context) { context.camera.followReferral(context.explorer, context.clip, context.time); }

void Mode::selectPicked(ModeContext& context, const std::string& picked, bool shift, bool playMainReferral) {
    Explorer& explorer = context.explorer;
    ExploreState& state = explorer.state();
    if (picked.empty()) {
        state.selected.clear();
        state.referrals.clear();
    } else if (anatomy::sideOf(picked) && context.atlas.findTriggerPoint(picked.substr(0, picked.size() - 2))) {
        if (auto s = explorer.showReferral(picked, context.now, shift); !s) context.errors.push_back(s.error());
    } else if (picked != state.selected) {
        (void)explorer.select(picked);
        state.referrals.clear();
        if (!playMainReferral) return;
        const FigurePart* part = explorer.index().find(picked);
        const anatomy::Muscle* muscle = part ? context.atlas.findMuscle(part->muscleId) : nullptr;
        if (muscle && !muscle->triggerPoints.empty() && part->side) {
            (void)explorer.showReferral(muscle->triggerPoints.front().id + std::string(anatomy::suffix(*part->side)),
                                        context.now);
        }
    }
}

}  // namespace myomap::app

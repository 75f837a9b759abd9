#include "modes/kiosk/kiosk_tour.h"

namespace myomap::app {
namespace {

// The first sentence of a text (up to the first ". "), for a one-line caption.
std::string firstSentence(const std::string& text) {
    const auto end = text.find(". ");
    return end == std::string::npos ? text : text.substr(0, end + 1);
}

}  // namespace

std::vector<KioskStep> kioskTour(Explorer& explorer, const std::vector<std::string>& featured,
                                 std::vector<std::string>& problems) {
    std::vector<KioskStep> tour;
    const anatomy::Atlas* atlas = explorer.atlas();
    if (!atlas || !explorer.heat() || !explorer.surfaces()) {
        problems.push_back("the kiosk tour needs the built-in figure and the atlas");
        return tour;
    }
    for (const std::string& id : featured) {
        const anatomy::Muscle* muscle = atlas->findMuscle(id);
        const std::string right(anatomy::suffix(BodySide::Right));  // the tour shows the right side
        if (!muscle || muscle->triggerPoints.empty() || !explorer.index().find(id + right)) {
            problems.push_back("featured muscle '" + id + "' is not in the atlas or the figure; left out of the tour");
            continue;
        }
        const anatomy::TriggerPoint& tp = muscle->triggerPoints.front();
        KioskStep step{id + right, tp.id + right, View::Posterior, muscle->names.common + ": " + firstSentence(tp.referral.client)};
        auto field = explorer.heat()->field(step.triggerPoint);
        if (!field) {
            problems.push_back(field.error());
            continue;
        }
        step.view = viewFacing(**field, *explorer.surfaces());
        tour.push_back(std::move(step));
    }
    return tour;
}

void showTourStep(Explorer& explorer, OrbitCamera& camera, const model::Pose& pose, float aspect, const KioskStep& step,
                  double now) {
    ExploreState& state = explorer.state();
    const float skin = explorer.index().skin() ? explorer.index().skin()->materialOpacity : 1.0f;
    state = {};
    state.layer(FigureLayer::Skin).opacity = skin;
    state.look = Look::Client;  // a whole person with the pain on the skin, for the waiting room
    (void)explorer.showReferral(step.triggerPoint, now);
    camera.setView(step.view);
    auto field = explorer.heat()->field(step.triggerPoint);
    const model::Bounds around = field ? referralBounds(explorer, **field, pose) : model::Bounds{};
    camera.frame(around.empty() ? model::posedBounds(explorer.view().scene(), pose) : around, aspect);
}

}  // namespace myomap::app

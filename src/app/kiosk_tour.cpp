#include "app/kiosk_tour.h"

#include <algorithm>
#include <cmath>

namespace myomap::app {
namespace {

// The first sentence of a text (up to the first ". "), for a one-line caption.
std::string firstSentence(const std::string& text) {
    const auto end = text.find(". ");
    return end == std::string::npos ? text : text.substr(0, end + 1);
}

}  // namespace

View viewFacing(const anatomy::ReferralField& field, const anatomy::BodySurfaces& body) {
    glm::vec3 sum(0.0f);
    float count = 0.0f;
    for (std::size_t v = 0; v < field.vertexCount(); ++v) {
        if (field.isEssential(v) && field.strength(v) > 0.99f) {
            sum += body.skin.positions[v];
            count += 1.0f;
        }
    }
    if (count == 0.0f) return View::Posterior;
    const glm::vec3 c = sum / count;
    return myomap::viewFacing(c.x, c.z);
}

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
        if (!muscle || muscle->triggerPoints.empty() || !explorer.index().find(id + ".R")) {
            problems.push_back("featured muscle '" + id + "' is not in the atlas or the figure; left out of the tour");
            continue;
        }
        const anatomy::TriggerPoint& tp = muscle->triggerPoints.front();
        KioskStep step{id + ".R", tp.id + ".R", View::Posterior, muscle->names.common + ": " + firstSentence(tp.referral.client)};
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

model::Bounds referralBounds(const Explorer& explorer, const anatomy::ReferralField& field, const model::Pose& pose) {
    model::Bounds bounds = explorer.selectionBounds(pose);
    const auto& skin = explorer.surfaces()->skin.positions;
    for (std::size_t v = 0; v < field.vertexCount() && v < skin.size(); ++v) {
        if (field.strength(v) > 0.0f) bounds.add(skin[v]);
    }
    if (bounds.empty()) return bounds;
    // A margin, and at least 45 cm tall so a small zone still shows where on the body it is.
    const glm::vec3 centre = bounds.centre();
    glm::vec3 half = bounds.size() * 0.5f * 1.15f;
    half.y = std::max(half.y, 0.225f);
    return model::Bounds{centre - half, centre + half};
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

OrbitCamera cameraOnReferral(const Explorer& explorer, OrbitCamera from, const std::string& key, const model::Pose& pose,
                             float aspect, float minDistance) {
    if (!explorer.heat() || !explorer.surfaces()) return from;
    auto field = explorer.heat()->field(key);
    if (!field) return from;
    const model::Bounds around = referralBounds(explorer, **field, pose);
    from.face(around, viewFacing(**field, *explorer.surfaces()), aspect, minDistance);
    return from;
}

}  // namespace myomap::app

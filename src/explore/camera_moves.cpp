#include "explore/camera_moves.h"

#include <algorithm>

namespace myomap::app {

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

OrbitCamera cameraOnReferral(const Explorer& explorer, OrbitCamera from, const std::string& key, const model::Pose& pose,
                             float aspect, float minDistance) {
    if (!explorer.heat() || !explorer.surfaces()) return from;
    auto field = explorer.heat()->field(key);
    if (!field) return from;
    const model::Bounds around = referralBounds(explorer, **field, pose);
    from.face(around, viewFacing(**field, *explorer.surfaces()), aspect, minDistance);
    return from;
}

void CameraRig::setView(View v) {
    OrbitCamera goal = camera;
    goal.setView(v);
    easing.start(goal);
}

void CameraRig::frameAll(const Explorer& explorer, int clip, float time) {
    OrbitCamera goal = camera;
    goal.frame(model::posedBounds(explorer.view().scene(), explorer.view().pose(clip, time)), aspect);
    easing.start(goal);
}

void CameraRig::frameSelection(const Explorer& explorer, int clip, float time) {
    const model::Bounds bounds = explorer.selectionBounds(explorer.view().pose(clip, time));
    if (bounds.empty()) return frameAll(explorer, clip, time);
    OrbitCamera goal = camera;
    goal.frame(bounds, aspect);
    goal.distance = std::max(goal.distance, 0.9f);  // keep some of the body around it in view
    easing.start(goal);
}

void CameraRig::faceSelection(const Explorer& explorer, int clip, float time) {
    const model::Bounds bounds = explorer.selectionBounds(explorer.view().pose(clip, time));
    if (bounds.empty()) return;
    const anatomy::BodySurfaces* body = explorer.surfaces();
    const anatomy::MuscleSurface* muscle = body ? body->findMuscle(explorer.state().selected) : nullptr;
    const View view = muscle ? viewOnto(body->skin.positions, body->skin.indices, muscle->positions)
                             : myomap::viewFacing(bounds.centre().x, bounds.centre().z);
    OrbitCamera goal = camera;
    goal.face(bounds, view, aspect, 0.9f);
    easing.start(goal);
}

void CameraRig::frameReferral(const Explorer& explorer, const std::string& key, int clip, float time) {
    const model::Pose pose = explorer.view().pose(clip, time);
    easing.start(cameraOnReferral(explorer, camera, key, pose, aspect, 0.9f));
    if (key != m_referralFramed) m_referralFramed = key;
}

void CameraRig::followReferral(const Explorer& explorer, int clip, float time) {
    const std::vector<std::string>& referrals = explorer.state().referrals;
    const bool same = referrals.empty() ? m_referralFramed.empty() : referrals.front() == m_referralFramed;
    if (!explorer.isFigure() || same) return;  // nothing new to frame
    m_referralFramed = referrals.empty() ? std::string() : referrals.front();  // copied only on a change
    if (m_referralFramed.empty()) return;
    const model::Pose pose = explorer.view().pose(clip, time);
    easing.start(cameraOnReferral(explorer, camera, m_referralFramed, pose, aspect, 0.9f));
}

}  // namespace myomap::app

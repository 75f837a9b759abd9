// Where the camera goes for what is shown: the view that faces a referral and the bounds that
// frame it (the kiosk's tour, the quiz's answers, the handout's pictures), and CameraRig, the
// live camera with its eased moves (frame the model or the selection, face the selection,
// follow a new referral). Pure maths over the explorer; time comes in as a parameter.
#pragma once

#include "explore/camera.h"
#include "explore/explorer.h"

#include <string>

namespace myomap::app {

// The view facing a referral's essential zones: front, back, or the side they lie on.
View viewFacing(const anatomy::ReferralField& field, const anatomy::BodySurfaces& body);

// What a referral picture should frame: the referral's zones on the skin and its muscle, with
// a margin (bind-pose skin: for the tour's and the handout's standing figure).
model::Bounds referralBounds(const Explorer& explorer, const anatomy::ReferralField& field, const model::Pose& pose);

// `from` turned to the view facing the referral `key` ("upper_trapezius.tp1.R") and framing its
// referralBounds, no closer than minDistance; `from` unchanged when the referral has no field
// (no atlas, an unknown key) or nothing to frame. The kiosk's tour steps and the quiz's answers.
OrbitCamera cameraOnReferral(const Explorer& explorer, OrbitCamera from, const std::string& key, const model::Pose& pose,
                             float aspect, float minDistance = 0.0f);

// The window's camera and the moves that ease it somewhere. The pose a move frames is the
// explorer's at (clip, time): computed only when a move needs it.
class CameraRig {
public:
    OrbitCamera camera;
    CameraEasing easing;
    float aspect = 1.6f;

    // Eases to `goal` (a mode's own move, e.g. a kiosk tour step).
    void moveTo(const OrbitCamera& goal) { easing.start(goal); }
    void setView(View v);
    void frameAll(const Explorer& explorer, int clip, float time);
    // Frames the selection (eased), or the whole model when nothing is selected.
    void frameSelection(const Explorer& explorer, int clip, float time);
    // Turns to the side of the body the selection lies on and frames it: a student asked to
    // name the highlighted muscle sees it, even a deep one at the back.
    void faceSelection(const Explorer& explorer, int clip, float time);
    // Eases to face and frame the referral `key`; followReferral then leaves it be.
    void frameReferral(const Explorer& explorer, const std::string& key, int clip, float time);
    // Eases the camera to frame the referral when the first one shown changes (a muscle
    // selected, a trigger point played), so the pattern fills the view.
    void followReferral(const Explorer& explorer, int clip, float time);
    // Advances the eased move by dt seconds.
    void update(float dt) { easing.update(camera, dt); }

private:
    std::string m_referralFramed;  // the referral the camera last framed ("" for none)
};

}  // namespace myomap::app

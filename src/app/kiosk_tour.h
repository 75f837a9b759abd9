// The kiosk's tour built from the atlas and the figure (featured muscles, their first trigger
// point, the view that shows the referral best, a one-line caption from the content), and
// showing a step on the explorer: everything a visitor changed is cleared first.
#pragma once

#include "app/camera.h"
#include "app/explorer.h"
#include "app/kiosk.h"

#include <string>
#include <vector>

namespace myomap::app {

// Featured muscle ids ("upper_trapezius") the atlas or figure lacks are reported in `problems`
// and left out.
std::vector<KioskStep> kioskTour(Explorer& explorer, const std::vector<std::string>& featured,
                                 std::vector<std::string>& problems);

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

// Resets the explore state (selection, layers, sides, hidden parts, referrals) and shows the
// step: its muscle selected, its referral starting at `now`, the camera turned to its view.
void showTourStep(Explorer& explorer, OrbitCamera& camera, const model::Pose& pose, float aspect, const KioskStep& step,
                  double now);

}  // namespace myomap::app

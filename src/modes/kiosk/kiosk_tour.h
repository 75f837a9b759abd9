// The kiosk's tour built from the atlas and the figure (featured muscles, their first trigger
// point, the view that shows the referral best, a one-line caption from the content), and
// showing a step on the explorer: everything a visitor changed is cleared first.
#pragma once

#include "explore/camera_moves.h"
#include "explore/explorer.h"
#include "modes/kiosk/kiosk_controller.h"

#include <string>
#include <vector>

namespace myomap::app {

// Featured muscle ids ("upper_trapezius") the atlas or figure lacks are reported in `problems`
// and left out.
std::vector<KioskStep> kioskTour(Explorer& explorer, const std::vector<std::string>& featured,
                                 std::vector<std::string>& problems);

// Resets the explore state (selection, layers, sides, hidden parts, referrals) and shows the
// step: its muscle selected, its referral starting at `now`, the camera turned to its view.
void showTourStep(Explorer& explorer, OrbitCamera& camera, const model::Pose& pose, float aspect, const KioskStep& step,
                  double now);

}  // namespace myomap::app

// Builds the client handout from the atlas and the figure: for each muscle, a picture of its
// referral rendered offscreen, where it hurts in plain words, why it happens, self-care and
// cautions; from a session, also the marked pain areas. The therapist's Client session makes
// one; `myomap handout` (tools/handout_command.h) is its command line.
#pragma once

#include "explore/explorer.h"
#include "handout/handout.h"
#include "session/session.h"

#include <string>
#include <vector>

namespace myomap::app {

struct HandoutRequest {
    std::vector<std::string> muscles;  // mesh names ("upper_trapezius.R"); a bare id means the right side
    const session::Session* session = nullptr;  // its pain areas; its treated and explored muscles when `muscles` is empty
    std::string clinicName;
    std::string date;  // printed as given; today when empty
};

// Renders with `renderer` into its offscreen target and leaves the explore state as it found it.
Result<handout::Handout> buildHandout(Explorer& explorer, render::Renderer& renderer, const HandoutRequest& request);


}  // namespace myomap::app

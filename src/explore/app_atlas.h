// The app's atlas content (assets/atlas), loaded once for the viewer, the offscreen runs and
// the tools; its problems are summarised in the log.
#pragma once

#include "anatomy/atlas.h"

namespace myomap::app {

anatomy::Atlas loadAppAtlas();

}  // namespace myomap::app

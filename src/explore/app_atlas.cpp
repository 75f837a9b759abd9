#include "explore/app_atlas.h"

#include "core/log.h"
#include "core/paths.h"

#include <string>

namespace myomap::app {

anatomy::Atlas loadAppAtlas() {
    anatomy::LoadOptions options;
    options.logProblems = false;
    anatomy::Atlas atlas = anatomy::loadAtlas(paths::assetsDir() / "atlas", options);
    if (atlas.errorCount() > 0) {
        log::warning(std::to_string(atlas.errorCount()) + " problem(s) in the atlas content; the entries concerned "
                     "are left out (myomap query --problems lists them)");
    }
    return atlas;
}

}  // namespace myomap::app

// libFuzzer target: the kiosk settings file. loadKioskConfig takes a path, so the input is
// written to a private scratch folder first. Loading never fails; every value it keeps must be
// within the documented limits.
#include "fuzz_common.h"

#include "session/kiosk_config.h"

#include <cmath>

using namespace myomap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = fuzz::writeInput("kiosk.json", data, size);
    const session::KioskConfigLoad load = session::loadKioskConfig(path);
    const session::KioskConfig& c = load.config;
    for (const std::string& p : load.problems) fuzz::expectNamed(p, "kiosk.json");
    const bool inLimits = c.idleTimeoutSeconds >= session::kMinIdleTimeoutSeconds &&
                          c.idleTimeoutSeconds <= session::kMaxIdleTimeoutSeconds &&
                          c.attractStepSeconds >= session::kMinAttractStepSeconds &&
                          c.attractStepSeconds <= session::kMaxAttractStepSeconds &&
                          c.exitPin.size() >= session::kMinPinDigits && c.exitPin.size() <= session::kMaxPinDigits &&
                          c.featuredMuscles.size() <= session::kMaxFeaturedMuscles &&
                          std::isfinite(c.accent.x + c.accent.y + c.accent.z + c.background.x + c.background.y +
                                        c.background.z);
    if (!inLimits) std::abort();
    return 0;
}

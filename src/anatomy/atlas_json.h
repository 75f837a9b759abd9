// Atlas content back to JSON, in the shape of docs/CONTENT.md, with citations resolved:
// for `myomap query --json` and anything else that exports content.
#pragma once

#include "anatomy/atlas.h"

#include <nlohmann/json.hpp>

namespace myomap::anatomy {

nlohmann::json toJson(const Source& source);
nlohmann::json toJson(const Citation& citation);
nlohmann::json toJson(const ReferralZone& zone);
nlohmann::json toJson(const TriggerPoint& triggerPoint);
nlohmann::json toJson(const Muscle& muscle);
nlohmann::json toJson(const Page& page);
nlohmann::json toJson(const Problem& problem);

}  // namespace myomap::anatomy

// Atlas content back to JSON, in the shape of docs/CONTENT.md, with citations resolved:
// for `myomap query --json` and anything else that exports content.
#pragma once

#include "anatomy/atlas.h"

#include <nlohmann/json.hpp>

namespace myomap::anatomy {

nlohmann::ordered_json toJson(const Source& source);
nlohmann::ordered_json toJson(const Citation& citation);
nlohmann::ordered_json toJson(const ReferralZone& zone);
nlohmann::ordered_json toJson(const TriggerPoint& triggerPoint);
nlohmann::ordered_json toJson(const Muscle& muscle);
nlohmann::ordered_json toJson(const Page& page);
nlohmann::ordered_json toJson(const Problem& problem);

}  // namespace myomap::anatomy

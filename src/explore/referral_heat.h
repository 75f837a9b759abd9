// The referred-pain heat drawn on the skin: the referral fields of the trigger points shown,
// combined per skin vertex (the strongest wins) into what the renderer takes.
#pragma once

#include "anatomy/referral_field.h"
#include "core/result.h"

#include <glm/glm.hpp>

#include <memory>
#include <string>
#include <vector>

namespace myomap::app {

class ReferralHeat {
public:
    ReferralHeat(std::shared_ptr<const anatomy::BodySurfaces> body, const anatomy::Atlas& atlas);

    // Per skin vertex: x = heat 0-1 at `t` seconds since the referrals started (`still`: at
    // full strength), y = 1 where the strongest field there is essential. `keys` are sided
    // trigger points ("upper_trapezius.tp1.R"); an unknown one is an error naming it.
    Status compute(const std::vector<std::string>& keys, double t, bool still, std::vector<glm::vec2>& out);
    Result<anatomy::ReferralFieldCache::FieldPtr> field(const std::string& key) { return m_cache.get(key); }

private:
    std::shared_ptr<const anatomy::BodySurfaces> m_body;  // the cache refers to it
    anatomy::ReferralFieldCache m_cache;
    std::vector<float> m_scratch;
};

}  // namespace myomap::app

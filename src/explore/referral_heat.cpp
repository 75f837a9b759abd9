#include "explore/referral_heat.h"

#include <algorithm>

namespace myomap::app {

ReferralHeat::ReferralHeat(std::shared_ptr<const anatomy::BodySurfaces> body, const anatomy::Atlas& atlas)
    : m_body(std::move(body)), m_cache(atlas, *m_body) {}

Status ReferralHeat::compute(const std::vector<std::string>& keys, double t, bool still, std::vector<glm::vec2>& out) {
    const std::size_t n = m_body->skin.positions.size();
    out.assign(n, glm::vec2(0.0f));
    m_scratch.resize(n);
    for (const std::string& key : keys) {
        auto field = m_cache.get(key);
        if (!field) return fail(field.error());
        const anatomy::ReferralField& f = **field;
        f.heatAll(still ? f.peakTime(0) : t, m_scratch);
        for (std::size_t v = 0; v < n; ++v) {
            if (m_scratch[v] > out[v].x) out[v] = {m_scratch[v], f.isEssential(v) ? 1.0f : 0.0f};
        }
    }
    return Ok{};
}

}  // namespace myomap::app

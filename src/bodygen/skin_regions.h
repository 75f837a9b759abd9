// The body-region table (assets/body/regions.csv): anchor points on the skin for each region
// and side, and the joints whose skin each region may cover. A skin vertex takes the region of
// the nearest anchor allowed for the joint that moves it most.
#pragma once

#include "bodygen/skeleton.h"

#include <string>
#include <vector>

namespace myomap::bodygen {

class RegionTable {
public:
    static Result<RegionTable> load(const std::filesystem::path& regionsCsv, const Landmarks& landmarks,
                                    const Skeleton& skeleton);

    // "temple.L", "sternum", ...: table order, left before right.
    const std::vector<std::string>& names() const { return m_names; }
    // Index into names() for a point on the skin moved mostly by `joint`.
    int regionAt(const glm::vec3& p, int joint) const;

private:
    struct Anchor {
        glm::vec3 position;
        int region;
    };
    std::vector<std::string> m_names;
    std::vector<Side> m_sides;  // per region: Mid, Left or Right
    std::vector<Anchor> m_anchors;
    std::vector<std::vector<int>> m_jointAnchors;  // per skeleton joint: the anchors it may use
};

}  // namespace myomap::bodygen

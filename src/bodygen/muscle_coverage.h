// What lies under each patch of skin so far: muscles are laid outside-in, and each one placed
// records how deep it reaches under its footprint, so that the muscles after it go beneath.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace myomap::bodygen {

class MuscleCoverage {
public:
    // A placed muscle's footprint: a grid (rows along the fibres, `columns` across) of skin
    // points and the depth below the skin its inner face reaches there. The grid is filled in
    // between its nodes so that no gap is wider than the lookup radius.
    void add(const std::vector<glm::vec3>& skinPoints, const std::vector<float>& innerDepth, int columns);

    // The deepest inner face of the muscles recorded so far within `radius` of a skin point
    // (0 when nothing covers it).
    float depthUnder(const glm::vec3& skinPoint, float radius) const;

private:
    struct Sample {
        glm::vec3 point;
        float depth;
    };
    void insert(const glm::vec3& point, float depth);
    static std::int64_t cellKey(int x, int y, int z);

    std::vector<Sample> m_samples;
    std::unordered_map<std::int64_t, std::vector<std::uint32_t>> m_cells;
};

}  // namespace myomap::bodygen

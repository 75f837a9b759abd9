// The tendon table (assets/body/tendons.csv): where a muscle's long tendons run beyond the
// ribbon the muscle table lays out, such as the finger extensor and flexor tendons along the
// back and the front of each finger. Each tendon is a path of points with a radius; the muscle
// owns the tissue within that radius on the side the tendon faces (the fingers' tissue is
// shared between the tendons on their back and on their front).
#pragma once

#include "bodygen/muscle_table.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::bodygen {

struct TendonSpec {
    std::string muscle;  // a muscle id of the muscle table
    int line = 0;        // row in the table, for messages
    glm::vec3 facing{0.0f};  // unit, the half of the tissue round the path it takes; zero: all of it
    float radius = 0.0f;     // metres
    std::vector<MusclePoint> path;  // at least two points
};

// Reads the table and resolves it for `side`. Every tendon must name a muscle in `muscleIds`.
// Stops at the first bad entry with "file:line: problem".
Result<std::vector<TendonSpec>> loadTendonTable(const std::filesystem::path& csv, const Landmarks& landmarks,
                                                const Skeleton& skeleton, Side side,
                                                const std::vector<std::string>& muscleIds);

}  // namespace myomap::bodygen

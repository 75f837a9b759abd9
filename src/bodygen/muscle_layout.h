// A muscle laid out under the skin as a grid of fibres (rows along u, columns across v),
// with the thickness at every node, before it is closed into a mesh.
#pragma once

#include "bodygen/muscle_coverage.h"
#include "bodygen/muscle_surface.h"
#include "bodygen/muscle_table.h"

#include <utility>
#include <vector>

namespace myomap::bodygen {

struct MuscleLayout {
    int rows = 0;     // nodes along the fibres: row i has u = i / (rows - 1)
    int columns = 0;  // nodes across: column j has v = j / (columns - 1)
    // Per node, row-major: the muscle's outer and inner faces (they meet at the side
    // borders, v = 0 and 1, where the cross-section closes to an edge).
    std::vector<glm::vec3> outer;
    std::vector<glm::vec3> inner;
    glm::vec3 capCentre[2]{};       // where the fans closing the origin (0) and insertion (1) ends meet
    std::vector<glm::vec3> fibre;   // unit tangent of the fibre through the node
    std::vector<glm::vec3> skin;    // the skin point above the node
    std::vector<float> innerDepth;  // how far under `skin` the muscle's inner face reaches

    std::size_t at(int row, int column) const { return static_cast<std::size_t>(row * columns + column); }
};

// Lays a muscle out beneath the muscles already recorded in `coverage` (the table lists
// muscles outside-in). Fails when the muscle degenerates (attachments that coincide).
Result<MuscleLayout> layOutMuscle(const MuscleSpec& spec, const SkinSurface& surface, const Skeleton& skeleton,
                                  const MuscleCoverage& coverage);

}  // namespace myomap::bodygen

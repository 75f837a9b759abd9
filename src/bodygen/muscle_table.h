// The muscle table (assets/body/muscles.csv) parsed and resolved for one side of the figure:
// every attachment point placed in metres and tied to the joint it moves with.
#pragma once

#include "bodygen/body_mesh.h"
#include "bodygen/skeleton.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::bodygen {

// Cross-section and thickness profile families (see muscle_geometry.cpp for the curves).
enum class MuscleShape { Fusiform, Fan, Sheet, Strap, Pennate };

// Shell: the muscle lies on a shell under the skin (depth from its layer and the muscles
// above it). Bone: it stays where its points put it (deep muscles inside trunk cavities).
enum class MusclePlacement { Shell, Bone };

struct MusclePoint {
    glm::vec3 position{0.0f};
    int joint = -1;  // index into Skeleton::joints()
};

struct MuscleSpec {
    std::string id;
    int line = 0;  // row in the table, for messages
    Layer layer = Layer::Superficial;
    MuscleShape shape = MuscleShape::Strap;
    MusclePlacement placement = MusclePlacement::Shell;
    // The side of the body the muscle lies on (unit, in the muscle's side's frame), or zero
    // to bring attachments up the way the skin is nearest.
    glm::vec3 facing{0.0f};
    std::vector<MusclePoint> origin;     // from the v = 0 border to the v = 1 border
    std::vector<MusclePoint> insertion;  // same order
    std::vector<MusclePoint> via;        // where the middle fibre passes, origin to insertion
    float width = 0.0f;                  // metres, across the fibres at the belly
    float thickness = 0.0f;              // metres, at the belly
    float bellyU = 0.5f;                 // where along the fibres the belly is thickest
    float fill = 0.0f;                   // metres it may grow into the tissue around it, at the belly
};

// Reads the table and resolves it for `side` (Left or Right). Stops at the first bad entry
// with "file:line: problem".
Result<std::vector<MuscleSpec>> loadMuscleTable(const std::filesystem::path& csv, const Landmarks& landmarks,
                                                const Skeleton& skeleton, Side side);

// One point as the table writes it ("t4_spinous>t7_spinous:0.5(1 0 -0.5)"), resolved for
// `side`; the error names the problem but not the file (the caller adds that).
Result<MusclePoint> resolveMusclePoint(const std::string& text, const Landmarks& landmarks, const Skeleton& skeleton,
                                       Side side);
// A list of points separated by ';' ("a; b(1 0 0)"), each resolved as above.
Result<std::vector<MusclePoint>> resolveMusclePoints(const std::string& text, const Landmarks& landmarks,
                                                     const Skeleton& skeleton, Side side);
// The `faces` words (anterior, posterior, lateral, medial, superior, inferior) as a unit vector
// for `side`; empty text is zero (no side).
Result<glm::vec3> parseFacing(const std::string& text, Side side);

}  // namespace myomap::bodygen

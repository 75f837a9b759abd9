// The figure against a real segmented atlas (the SPL head and neck atlas): the atlas is
// registered to the figure by bony landmarks (atlas_landmarks.h, atlas_registration.h), then
// each muscle the two share is voxelised on both sides and compared by the distance between
// the volumes' centroids and by their Dice overlap (volume_overlap.h).
//
// The atlas covers the head and neck, and its trapezius is segmented only in a band of about
// 7 cm, from about the level of T1 to about C2. The figure's trapezius (upper + middle + lower)
// is compared only at the heights the registered atlas trapezius of the same side spans:
// between two horizontal planes of the figure's frame.
#pragma once

#include "bodygen/body.h"
#include "core/result.h"
#include "figurecheck/atlas_registration.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace myomap::figurecheck {

// A muscle both have: its figure name (without side), the atlas file ending (after "left_" or
// "right_"), and the figure meshes that make it up.
struct AtlasMuscle {
    std::string name;
    std::string atlasSuffix;
    std::vector<std::string> figureMeshes;
    bool onlyWhereAtlasReaches = false;  // compare only at the heights the atlas muscle spans
};
// trapezius, sternocleidomastoid, levator_scapulae, scalenes, masseter, temporalis.
const std::vector<AtlasMuscle>& atlasMuscles();

struct LandmarkResidual {
    std::string name;
    double millimetres = 0.0;  // |registered atlas landmark - figure landmark|
    bool fitted = true;        // false: reported only (see kUnfittedLandmarks in atlas_check.cpp)
};

struct MuscleComparison {
    std::string muscle;        // AtlasMuscle::name
    char side = 'L';           // 'L' (the figure's +x, the patient's left) or 'R'
    double centroidMm = 0.0;   // distance between the volume centroids, figure millimetres
    glm::dvec3 offsetMm{0.0};  // figure centroid - atlas centroid (figure axes: +x left, +y up, +z forward)
    double dice = 0.0;
    double centredDice = 0.0;  // Dice with the atlas muscle moved onto the figure's centroid: shape alone
    double atlasMl = 0.0;      // volumes in the comparison, millilitres (figure scale)
    double figureMl = 0.0;
    std::optional<std::pair<double, double>> comparedHeights;  // figure y, metres, for onlyWhereAtlasReaches
};

struct AtlasCheckReport {
    Similarity registration;  // atlas (figure axes, metres) -> figure
    double rmsMm = 0.0;       // RMS residual of the fitted landmarks after registration
    double voxelMm = 0.0;
    std::vector<LandmarkResidual> landmarks;
    std::vector<MuscleComparison> muscles;  // atlasMuscles() order, left then right
};

struct AtlasCheckOptions {
    double voxel = 0.0025;  // metres
};

// Runs the whole check on a generated figure. `atlasDir` is the atlas folder (with an obj/
// folder) or the obj folder itself. Errors name the file and the problem.
Result<AtlasCheckReport> checkAgainstAtlas(const bodygen::Body& body, const std::filesystem::path& atlasDir,
                                           const AtlasCheckOptions& options = {});

// The report as a table for a terminal.
std::string formatAtlasReport(const AtlasCheckReport& report);

}  // namespace myomap::figurecheck

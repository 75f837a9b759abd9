// The atlas side of the registration: reading an atlas OBJ into the figure's axes, and finding
// on the atlas bones the bony landmarks that the figure's landmarks.csv also names.
//
// The rules (all on the bone meshes, in the figure's axes before any fitting; "band" means the
// vertices within that distance of the extreme, and the landmark is their centroid):
//   jugular_notch       the top 5 mm band of the sternum (its superior border; the midline
//                       comes from the band being symmetric)
//   clavicle_medial.L/R the 5 mm band at each end of a clavicle along its principal axis; the
//   clavicle_lateral.L/R end nearer the jugular notch is the medial one
//   c7_spinous          the most posterior 3 mm band of C7 (the tip of its spinous process)
//   t1_spinous          the same on T1
#pragma once

#include "core/result.h"
#include "figurecheck/volume_overlap.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::figurecheck {

// The atlas file whose name ends in "_<suffix>.obj" (as in Model_28_sternum.obj for
// "sternum"); an error names the folder and the ending when there is none.
Result<std::filesystem::path> findAtlasFile(const std::filesystem::path& atlasDir, const std::string& suffix);

// Every triangle of an OBJ (read by the project's Assimp loader, which keeps OBJ coordinates
// as they are) moved from RAS millimetres into the figure's axes in metres. Errors name the
// file: unreadable, no triangles, or coordinates that are not finite.
Result<TriangleMesh> loadAtlasMesh(const std::filesystem::path& objFile);

struct AtlasBones {
    TriangleMesh sternum, clavicleLeft, clavicleRight, c7, t1;
};
// Loads the five bones of the atlas folder.
Result<AtlasBones> loadAtlasBones(const std::filesystem::path& atlasDir);

struct NamedPoint {
    std::string name;  // as landmarks.csv names it, with ".L"/".R" for paired landmarks
    glm::dvec3 position{0.0};
};
// The seven landmarks found by the rules above, in this order: jugular_notch,
// clavicle_medial.L, clavicle_lateral.L, clavicle_medial.R, clavicle_lateral.R, c7_spinous,
// t1_spinous.
Result<std::vector<NamedPoint>> findAtlasLandmarks(const AtlasBones& bones);

}  // namespace myomap::figurecheck

// The figure as the domain sees it: the skin with its body-region labels, every muscle's
// surface with its muscle coordinates (u, v), and the bony landmarks, all in the bind pose.
// Plain data, no GL and no model: src/explore/figure_surfaces.h fills it from a loaded scene.
//
// Conventions (DESIGN.md): metres, +Y up, the figure faces +Z, the figure's LEFT is +X; meshes
// and sided names end in `.L` (x > 0) or `.R` (x < 0).
#pragma once

#include "anatomy/atlas.h"
#include "core/result.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::anatomy {

enum class Side { Left, Right };

std::string_view suffix(Side side);  // ".L" or ".R"
Side opposite(Side side);
// "upper_trapezius.R" -> Right; nullopt without a side suffix.
std::optional<Side> sideOf(std::string_view sidedName);

inline constexpr std::uint16_t kNoRegion = 0xFFFF;

struct SkinSurface {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;     // triangles
    std::vector<std::uint16_t> region;      // per vertex, index into regionNames (kNoRegion: none)
    std::vector<std::string> regionNames;   // "temple.L", "sternum", ...

    // The index of a region name as the skin spells it ("temple.L", "sternum"), or kNoRegion.
    std::uint16_t regionIndex(std::string_view name) const;
    // The nearest vertex to `p` (Euclidean); the skin must not be empty.
    std::uint32_t nearestVertex(const glm::vec3& p) const;
};

struct MuscleSurface {
    std::string name;  // mesh name, "upper_trapezius.L"
    std::vector<glm::vec3> positions;
    std::vector<glm::vec2> uv;  // muscle coordinates as the mesh lays them out (_MUSCLE_UV)
    std::vector<std::uint32_t> indices;
};

struct BodySurfaces {
    SkinSurface skin;
    std::vector<MuscleSurface> muscles;
    // Bind-pose landmark positions (metres): sided ones as "mastoid_process.L" / ".R" (the
    // right mirrored from the left), midline ones by bare id ("inion").
    std::map<std::string, glm::vec3, std::less<>> landmarks;

    const MuscleSurface* findMuscle(std::string_view meshName) const;
    // The landmark `id` on `side` ("mastoid_process", Left -> "mastoid_process.L"); a midline
    // landmark is found by its bare id whatever the side.
    std::optional<glm::vec3> landmark(std::string_view id, Side side) const;
};

// Reads assets/body/landmarks.csv (columns id,side,x,y,z,...; side "mid", or "L" for a paired
// landmark given on the left and mirrored here to the right). Errors name the file and line.
Result<std::map<std::string, glm::vec3, std::less<>>> readLandmarkPositions(const std::filesystem::path& csv);

// A unit vector pointing the way `direction` names for a muscle on `side` (medial points to
// the midline: -X on the left, +X on the right).
glm::vec3 directionVector(Direction direction, Side side);

// How far the mesh's v = 0 border lies beyond its v = 1 border in the direction `vFrom` names,
// in metres, from the centroids of the vertices with mesh v < 0.15 and v > 0.85 compared at
// equal u (in tenths of u): positive when the mesh's v runs the content's way. An error names
// the mesh when it has no such vertices.
Result<float> vBorderSeparation(const MuscleSurface& mesh, Direction vFrom, Side side);

// Under this separation the borders lie level along the named direction (a sheet that twists
// between its attachments, like splenius capitis for medial/lateral) and the mesh's v is taken
// as laid out.
inline constexpr float kLevelBorders = 0.001f;

// Whether the content's v (0 at the muscle's vFrom border) runs against the mesh's v: true when
// vBorderSeparation is below -kLevelBorders.
Result<bool> meshVFlipped(const MuscleSurface& mesh, Direction vFrom, Side side);

// The point of `tp` on the outer (skin-facing) face of its muscle's mesh on `side`: the
// content's (u, v) mapped to the mesh's (flipping v as meshVFlipped says), located in the
// mesh's (u, v) triangles; of the faces that contain it, the one nearest the skin. Errors name
// the trigger point and the mesh.
Result<glm::vec3> triggerPointPosition(const BodySurfaces& body, const Muscle& muscle, const TriggerPoint& tp,
                                       Side side);

// Distance from `p` to the nearest point of the mesh's triangles (for checks).
double distanceToSurface(const MuscleSurface& mesh, const glm::vec3& p);

}  // namespace myomap::anatomy

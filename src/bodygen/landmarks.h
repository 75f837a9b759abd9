// The named bony landmarks of the reference figure (assets/body/landmarks.csv), mirrored to
// both sides, and the joint each one moves with (assets/body/landmark_bones.csv).
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace myomap::bodygen {

enum class Side { Mid, Left, Right };

// ".L" / ".R" / "" for a side.
const char* sideSuffix(Side side);
// Mirror across the midsagittal plane (x -> -x).
inline glm::vec3 mirror(const glm::vec3& p) { return {-p.x, p.y, p.z}; }

struct Landmark {
    glm::vec3 position{0.0f};
    std::string joint;  // joint name without side suffix
    bool paired = false;
};

class Landmarks {
public:
    static Result<Landmarks> load(const std::filesystem::path& landmarksCsv, const std::filesystem::path& bonesCsv);

    // Resolves a reference as written in the tables:
    //   "c7_spinous"            a midline landmark
    //   "acromion"              a paired landmark on `side` (Left or Right; Mid is an error)
    //   "acromion.L"            a paired landmark on an explicit side
    //   "a+b"                   the midpoint of two references
    // The error says which name is unknown.
    Result<glm::vec3> resolve(const std::string& reference, Side side) const;
    // The landmark a single reference names (no "+"), and the side it resolves to.
    Result<std::pair<const Landmark*, Side>> find(const std::string& reference, Side side) const;

    bool contains(const std::string& name) const { return m_points.count(name) != 0; }
    const std::map<std::string, Landmark>& all() const { return m_points; }  // keys without side
    // The folder landmarks.csv was read from: the other body tables lie beside it.
    const std::filesystem::path& directory() const { return m_directory; }

private:
    std::filesystem::path m_directory;
    std::map<std::string, Landmark> m_points;  // left-side positions for paired landmarks
};

}  // namespace myomap::bodygen

// The skin's shape tables (assets/body/body_trunk.csv and body_shape.csv) read into rows: the
// trunk's sections and the parts joined to it. Lengths arrive in metres; every problem stops the
// read with the file, the line and what is wrong.
#pragma once

#include "bodygen/body_shape_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::bodygen {

// One part of body_shape.csv, its ends still landmark references (resolved by the shape model).
struct ShapePartSpec {
    std::string where;  // "path/body_shape.csv:42", for messages
    std::string name;
    ShapeGroup group = ShapeGroup::Trunk;  // ArmLeft / LegLeft rows make the right limb too
    bool paired = false;                   // in a midline group: a left copy and its mirror
    std::string joint;
    std::string from;
    glm::vec3 fromOffset{0.0f};
    std::string to;
    glm::vec3 toOffset{0.0f};
    glm::vec3 r0{0.01f}, r1{0.01f};
    glm::vec3 rMid{-1.0f};  // unset (negative): halfway between r0 and r1
    float blend = 0.0f;
    bool carve = false;  // join 'carve': cut away instead of added
};

struct ShapeTables {
    std::vector<TrunkSection> trunk;   // ascending y
    std::vector<ShapePartSpec> parts;  // in table order
};

Result<ShapeTables> readShapeTables(const std::filesystem::path& trunkCsv, const std::filesystem::path& partsCsv);
// The tables beside the landmarks they were loaded with (Landmarks::directory()).
Result<ShapeTables> readShapeTables(const Landmarks& landmarks);

}  // namespace myomap::bodygen

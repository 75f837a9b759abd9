// Myomap's levels of detail in a glTF primitive (extras "lods": [{"indices": accessor, "error":
// metres}], written by myomap-bodygen), read and checked against the primitive.
#pragma once

#include "model/gltf_accessors.h"
#include "model/scene.h"

#include <string>
#include <vector>

namespace tinygltf {
struct Primitive;
}

namespace myomap::model {

// The primitive's levels, finer to coarser, for a primitive of `vertices` vertices. A level that
// does not fit (not whole triangles over those vertices, an error that is not finite or smaller
// than the finer level's, an unreadable accessor) is left out with a warning naming it in
// `warnings`; the full mesh is always there, so nothing is lost. `where` names the primitive.
std::vector<LevelOfDetail> readLevelsOfDetail(const tinygltf::Primitive& src, const AccessorReader& read, std::size_t vertices,
                                              const std::string& where, std::vector<std::string>& warnings);

}  // namespace myomap::model

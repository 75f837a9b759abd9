// Internal to the Assimp loader: turning an aiScene, already read and post-processed by
// Assimp, into Myomap's scene model. Only assimp_loader.cpp includes this.
#pragma once

#include "core/result.h"
#include "model/scene.h"

#include <assimp/matrix4x4.h>

#include <glm/glm.hpp>

#include <filesystem>
#include <string_view>
#include <vector>

struct aiScene;

namespace myomap::model::assimp {

// aiMatrix4x4 is row-major, glm column-major.
inline glm::mat4 toGlm(const aiMatrix4x4& m) {
    glm::mat4 out;
    for (int row = 0; row < 4; ++row) {
        for (int col = 0; col < 4; ++col) out[col][row] = m[static_cast<unsigned>(row)][col];
    }
    return out;
}

// Refuses COLLADA text that would make Assimp 5.2 read out of bounds or allocate without end
// (arrays without counts, accessors past their arrays, stray characters or absurd indices in
// index lists). The message says what is wrong and where, without the file name.
Status checkColladaText(std::string_view xml);

// Refuses FBX (ASCII or binary) that crashes Assimp 5.2: models connected in a cycle ("OO"
// connections from a model to one of its own descendants), which it follows until the stack
// overflows, and two clusters of one skin bound to the same model (a double free).
Status checkFbxHierarchy(std::string_view bytes);

// Refuses a PLY header that Assimp 5.2 would read forever: one without an `end_header` line
// (a truncated file, or a NUL byte inside the keyword). `head` is the start of the file.
Status checkPlyHeader(std::string_view head);

// Materials and their base colour textures, appended to out. Textures come from inside the
// model (embedded) or from files inside `modelFolder`; one that cannot be read is a warning,
// not an error. `uvChannel` receives, per material, the UV set its base colour texture reads.
void convertMaterials(const aiScene& in, const std::filesystem::path& modelFolder, Scene& out,
                      std::vector<unsigned>& uvChannel);

// Animation clips for the nodes already in `out`, matched by name.
void convertAnimations(const aiScene& in, Scene& out);

// Nodes, meshes, skins and animation clips, appended to `out` after convertMaterials.
// Problems that leave something usable become warnings in out.warnings; only a scene that
// cannot be represented at all is an error.
Status convertScene(const aiScene& in, const std::vector<unsigned>& uvChannel, Scene& out);

}  // namespace myomap::model::assimp

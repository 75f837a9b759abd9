// A generated part of the figure (a muscle on one side, a bone, the skin) before it becomes
// glTF: triangles plus per-vertex skinning and anatomical attributes.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace myomap::bodygen {

enum class Layer { Skin, Superficial, Intermediate, Deep, Bone };
const char* layerName(Layer layer);

struct BodyMesh {
    std::string name;  // "upper_trapezius.L", "skin", "bone_humerus.R"
    Layer layer = Layer::Skin;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;
    std::vector<std::uint32_t> indices;  // counter-clockwise seen from outside
    // Skinning: indices into Skeleton::joints(), weights summing to 1.
    std::vector<glm::u16vec4> joints;
    std::vector<glm::vec4> weights;
    // Muscles only: u along the fibres (0 origin, 1 insertion), v across (0..1); unit fibre direction.
    std::vector<glm::vec2> muscleUv;
    std::vector<glm::vec3> fibre;
    // Skin only: index of the body region under each vertex (Body::regions).
    std::vector<std::uint16_t> region;
};

// Area-weighted smooth vertex normals from the triangles.
void computeNormals(BodyMesh& mesh);

// Every edge is shared by exactly two triangles, in opposite directions: the mesh is closed
// and consistently wound. Returns the number of edges that break this (0 for a good mesh).
std::size_t countOpenOrInconsistentEdges(const BodyMesh& mesh);

// Signed volume (positive when triangles wind counter-clockwise seen from outside).
double signedVolume(const BodyMesh& mesh);

// Simplifies a closed mesh in place (meshoptimizer) wherever that moves the surface by at most
// `maxError` metres, and orders triangles and vertices for the GPU's vertex cache. Positions and
// triangles only: call it before per-vertex attributes are given.
void simplifyMesh(BodyMesh& mesh, float maxError);

// meshoptimizer's simplification of `indices` to within `error` metres (`scale`: its
// meshopt_simplifyScale of `positions`), keeping the vertices in `locked` where they are: each
// triangle corner at a locked vertex gets a copy of its own, which makes it a border the
// simplifier leaves alone, and the copies are joined again afterwards.
std::vector<std::uint32_t> simplifyKeeping(const std::vector<glm::vec3>& positions, const std::vector<std::uint32_t>& indices,
                                           const std::set<std::uint32_t>& locked, float error, float scale);

// Single-joint skinning for every vertex (bones move rigidly with their joint).
void bindRigid(BodyMesh& mesh, int joint);

}  // namespace myomap::bodygen

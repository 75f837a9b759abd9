#include "bodygen/bones.h"

#include "bodygen/bone_shapes.h"

#include <map>
#include <utility>

namespace myomap::bodygen {
namespace {

// How far simplification may move a bone's surface: below what shows at any distance the
// viewer allows, and most bones lie under muscle.
constexpr float kMaxError = 0.0005f;

}  // namespace

Result<std::vector<BodyMesh>> generateBones(const Landmarks& landmarks, const Skeleton& skeleton,
                                            const std::filesystem::path& bonesCsv) {
    auto table = readBoneTable(bonesCsv, landmarks, skeleton);
    if (!table) return fail(table.error());

    std::vector<BodyMesh> meshes;
    std::vector<int> jointOfMesh;
    std::map<std::string, std::size_t> byName;
    // Every piece of a bone must move with the same joint, or the bone would tear when posed.
    auto meshFor = [&](const BonePieceSpec& spec, Side side, int joint) -> Result<BodyMesh*> {
        const std::string name = "bone_" + spec.bone + sideSuffix(side);
        auto [it, added] = byName.try_emplace(name, meshes.size());
        if (added) {
            BodyMesh mesh;
            mesh.name = name;
            mesh.layer = Layer::Bone;
            meshes.push_back(std::move(mesh));
            jointOfMesh.push_back(joint);
        } else if (jointOfMesh[it->second] != joint) {
            return fail(spec.where + ": bone '" + spec.bone + "' moves with joint '" +
                        skeleton.joints()[static_cast<std::size_t>(jointOfMesh[it->second])].base +
                        "' on an earlier line; all pieces of a bone must name the same joint");
        }
        return &meshes[it->second];
    };

    for (const BonePieceSpec& spec : *table) {
        const std::vector<Piece> pieces = buildBonePieces(spec);
        auto left = meshFor(spec, spec.paired ? Side::Left : Side::Mid, spec.joint);
        if (!left) return fail(left.error());
        for (const Piece& piece : pieces) append(**left, piece);
        if (spec.bothSides) {
            for (const Piece& piece : pieces) append(**left, mirrored(piece));
        }
        if (!spec.paired) continue;
        // The right side is the left reflected, so the two sides match exactly.
        auto right = meshFor(spec, Side::Right, spec.rightJoint);
        if (!right) return fail(right.error());
        for (const Piece& piece : pieces) append(**right, mirrored(piece));
    }
    // Simplified on the left and the midline; the right is the simplified left reflected, so
    // the two sides still match exactly.
    for (BodyMesh& mesh : meshes) {
        if (!mesh.name.ends_with(sideSuffix(Side::Right))) simplifyMesh(mesh, kMaxError);
    }
    for (BodyMesh& mesh : meshes) {
        if (!mesh.name.ends_with(sideSuffix(Side::Right))) continue;
        const std::string base = mesh.name.substr(0, mesh.name.size() - std::string(sideSuffix(Side::Right)).size());
        const BodyMesh& left = meshes[byName.at(base + sideSuffix(Side::Left))];
        mesh.positions = left.positions;
        for (glm::vec3& p : mesh.positions) p.x = -p.x;
        mesh.indices = left.indices;
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
    }
    for (std::size_t i = 0; i < meshes.size(); ++i) {
        computeNormals(meshes[i]);
        bindRigid(meshes[i], jointOfMesh[i]);
    }
    return meshes;
}

}  // namespace myomap::bodygen

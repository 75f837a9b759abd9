// aiScene -> Scene: the node tree, one Mesh per node's mesh list (one Primitive per aiMesh),
// and a Skin per skinned node. Animation clips: assimp_animation.cpp.
//
// Skinning: Assimp's bone offset matrix maps the mesh's own coordinates to the bone's space at
// bind time, so global(bone) * offset * v is the skinned vertex in model space and the mesh
// node's transform cancels out (Assimp's viewer draws it so). That is glTF's rule exactly:
// inverseBind = offset, and the skinned node's transform is ignored.
#include "model/assimp_convert.h"

#include "model/pose.h"

#include <assimp/scene.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace myomap::model::assimp {
namespace {

bool finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            if (!std::isfinite(m[c][r])) return false;
        }
    }
    return true;
}

bool nearlyEqual(const glm::mat4& a, const glm::mat4& b) {
    float largest = 1.0f;
    float diff = 0.0f;
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            largest = std::max({largest, std::abs(a[c][r]), std::abs(b[c][r])});
            diff = std::max(diff, std::abs(a[c][r] - b[c][r]));
        }
    }
    return diff <= 1e-5f * largest;
}

// Up to four strongest influences per vertex, merged by joint.
struct Influences {
    std::vector<glm::u16vec4> joints;
    std::vector<glm::vec4> weights;

    explicit Influences(std::size_t n) : joints(n, glm::u16vec4(0)), weights(n, glm::vec4(0.0f)) {}

    void add(std::size_t vertex, std::uint16_t joint, float weight) {
        glm::vec4& w = weights[vertex];
        glm::u16vec4& j = joints[vertex];
        int weakest = 0;
        for (int k = 0; k < 4; ++k) {
            if (w[k] > 0.0f && j[k] == joint) {
                w[k] += weight;
                return;
            }
            if (w[k] < w[weakest]) weakest = k;
        }
        if (weight > w[weakest]) {
            w[weakest] = weight;
            j[weakest] = joint;
        }
    }
};

class SceneConverter {
public:
    SceneConverter(const aiScene& in, const std::vector<unsigned>& uvChannel, Scene& out)
        : m_in(in), m_uvChannel(uvChannel), m_out(out) {}

    Status run() {
        if (!m_in.mRootNode) return fail("the file has no node hierarchy");
        convertNodes();
        m_rest = evaluatePose(m_out, nullptr, 0.0f);
        if (auto s = convertMeshes(); !s) return s;
        convertAnimations(m_in, m_out);
        if (m_out.meshes.empty()) warn("the file has no triangle meshes; there is nothing to draw");
        return Ok{};
    }

private:
    void warn(std::string text) { m_out.warnings.push_back(std::move(text)); }

    std::string nodeLabel(std::size_t i) const {
        const std::string& name = m_out.nodes[i].name;
        return name.empty() ? "node " + std::to_string(i) : "node '" + name + "'";
    }

    int nodeByName(const aiString& name) const {
        const auto it = m_nodeByName.find(name.C_Str());
        return it == m_nodeByName.end() ? kNone : it->second;
    }

    // Depth-first, parents before children, iteratively so a deep hierarchy cannot overflow
    // the stack. A node reached twice (a malformed graph) is kept only the first time.
    void convertNodes() {
        std::vector<std::pair<const aiNode*, int>> stack{{m_in.mRootNode, kNone}};
        std::unordered_set<const aiNode*> seen;
        while (!stack.empty()) {
            const auto [src, parent] = stack.back();
            stack.pop_back();
            if (!src || !seen.insert(src).second) {
                if (src)
                    warn("node '" + std::string(src->mName.C_Str()) + "' appears twice in the hierarchy; kept once");
                continue;
            }
            const int index = static_cast<int>(m_out.nodes.size());
            Node node;
            node.name = src->mName.C_Str();
            node.parent = parent;
            setTransform(node, src->mTransformation);
            m_out.nodes.push_back(std::move(node));
            m_aiNodes.push_back(src);
            m_nodeByName.emplace(m_out.nodes.back().name, index);  // the first of equal names wins
            if (parent == kNone)
                m_out.roots.push_back(index);
            else
                m_out.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
            if (!src->mChildren) continue;
            for (unsigned c = src->mNumChildren; c-- > 0;) stack.emplace_back(src->mChildren[c], index);
        }
    }

    void setTransform(Node& node, const aiMatrix4x4& m) {
        const glm::mat4 original = toGlm(m);
        if (!finite(original)) {
            warn("node '" + node.name + "': transform is not finite; identity used");
            return;
        }
        aiVector3D scale, translation;
        aiQuaternion rotation;
        m.Decompose(scale, rotation, translation);
        NodeTransform trs{{translation.x, translation.y, translation.z},
                          glm::normalize(glm::quat(rotation.w, rotation.x, rotation.y, rotation.z)),
                          {scale.x, scale.y, scale.z},
                          {}};
        const glm::vec4 q(trs.rotation.x, trs.rotation.y, trs.rotation.z, trs.rotation.w);
        if (!std::isfinite(q.x + q.y + q.z + q.w)) trs.rotation = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
        if (!nearlyEqual(trs.matrix(), original)) {
            warn("node '" + node.name +
                 "': transform has shear or projection, which translation/rotation/scale cannot hold; approximated");
        }
        node.translation = trs.translation;
        node.rotation = trs.rotation;
        node.scale = trs.scale;
    }

    const aiMesh* meshAt(unsigned index) const {
        return m_in.mMeshes && index < m_in.mNumMeshes ? m_in.mMeshes[index] : nullptr;
    }

    Status convertMeshes() {
        std::map<std::vector<unsigned>, int> unskinnedMesh;  // instanced mesh lists share a Mesh
        for (std::size_t n = 0; n < m_aiNodes.size(); ++n) {
            const aiNode* src = m_aiNodes[n];
            if (src->mNumMeshes == 0 || !src->mMeshes) continue;
            std::vector<unsigned> list(src->mMeshes, src->mMeshes + src->mNumMeshes);
            bool skinned = false;
            for (const unsigned m : list) {
                const aiMesh* mesh = meshAt(m);
                if (!mesh)
                    warn(nodeLabel(n) + ": refers to mesh " + std::to_string(m) + ", which does not exist");
                else
                    skinned = skinned || (mesh->mNumBones > 0 && mesh->mBones);
            }
            if (!skinned) {
                if (const auto it = unskinnedMesh.find(list); it != unskinnedMesh.end()) {
                    m_out.nodes[n].mesh = it->second;
                    continue;
                }
            }
            Mesh mesh;
            mesh.name = m_out.nodes[n].name;
            if (mesh.name.empty() && meshAt(list[0])) mesh.name = meshAt(list[0])->mName.C_Str();
            if (mesh.name.empty()) mesh.name = "mesh_" + std::to_string(m_out.meshes.size());
            Skin skin;
            skin.name = mesh.name + "_skin";
            for (const unsigned m : list) {
                const aiMesh* srcMesh = meshAt(m);
                if (!srcMesh) continue;
                auto primitive = convertPrimitive(*srcMesh, mesh.name);
                if (!primitive) continue;
                if (skinned && srcMesh->mNumBones > 0 && srcMesh->mBones) {
                    if (auto s = bindToSkin(*srcMesh, static_cast<int>(n), skin, *primitive, mesh.name); !s) return s;
                }
                if (mesh.primitives.empty()) mesh.weights = morphWeights(*srcMesh);
                mesh.primitives.push_back(std::move(*primitive));
            }
            if (mesh.primitives.empty()) continue;
            // glTF's rule, which the renderer and the pose rely on: every primitive of a mesh has
            // the same number of targets. Parts of one node that differ lose their targets.
            const std::size_t targets = mesh.primitives.front().targets.size();
            if (std::any_of(mesh.primitives.begin(), mesh.primitives.end(),
                            [&](const Primitive& p) { return p.targets.size() != targets; })) {
                warn("mesh '" + mesh.name + "': its parts have different numbers of morph targets; none are used");
                for (Primitive& p : mesh.primitives) p.targets.clear();
                mesh.weights.clear();
            }
            m_out.nodes[n].mesh = static_cast<int>(m_out.meshes.size());
            if (!skinned) unskinnedMesh.emplace(list, m_out.nodes[n].mesh);
            m_out.meshes.push_back(std::move(mesh));
            if (!skin.joints.empty()) {
                m_out.nodes[n].skin = static_cast<int>(m_out.skins.size());
                m_out.skins.push_back(std::move(skin));
            }
        }
        return Ok{};
    }

    std::optional<Primitive> convertPrimitive(const aiMesh& src, const std::string& meshName) {
        const std::string where = "mesh '" + meshName + "' part '" + src.mName.C_Str() + "'";
        if ((src.mPrimitiveTypes & (aiPrimitiveType_TRIANGLE | aiPrimitiveType_POLYGON)) == 0 &&
            src.mPrimitiveTypes != 0) {
            warn(where + ": points and lines are not drawn");
            return std::nullopt;
        }
        if (!src.mVertices || src.mNumVertices == 0 || !src.mFaces || src.mNumFaces == 0) {
            warn(where + ": has no vertices or faces; skipped");
            return std::nullopt;
        }
        const std::size_t n = src.mNumVertices;
        Primitive prim;
        prim.positions.resize(n);
        std::vector<unsigned char> valid(n, 1);
        glm::vec3 anyFinite(0.0f);
        bool foundFinite = false;
        for (std::size_t i = 0; i < n; ++i) {
            const aiVector3D& p = src.mVertices[i];
            prim.positions[i] = {p.x, p.y, p.z};
            valid[i] = std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z);
            if (valid[i] && !foundFinite) {
                anyFinite = prim.positions[i];
                foundFinite = true;
            }
        }
        std::size_t skippedFaces = 0;
        for (unsigned f = 0; f < src.mNumFaces; ++f) {
            const aiFace& face = src.mFaces[f];
            bool usable = face.mNumIndices == 3 && face.mIndices;
            for (unsigned k = 0; usable && k < 3; ++k) usable = face.mIndices[k] < n && valid[face.mIndices[k]];
            if (!usable) {
                ++skippedFaces;
                continue;
            }
            prim.indices.insert(prim.indices.end(), {face.mIndices[0], face.mIndices[1], face.mIndices[2]});
        }
        if (skippedFaces > 0) {
            warn(where + ": " + std::to_string(skippedFaces) +
                 " faces were skipped (not triangles, or with invalid vertices)");
        }
        if (prim.indices.empty()) {
            warn(where + ": has no drawable triangles; skipped");
            return std::nullopt;
        }
        // Unused non-finite vertices still count in bounds and picking: park them on a real one.
        for (std::size_t i = 0; i < n; ++i) {
            if (!valid[i]) prim.positions[i] = anyFinite;
        }
        convertNormals(src.mNormals, prim);
        const unsigned material = src.mMaterialIndex;
        unsigned uv = material < m_uvChannel.size() ? m_uvChannel[material] : 0;
        if (uv >= AI_MAX_NUMBER_OF_TEXTURECOORDS || !src.mTextureCoords[uv]) uv = 0;
        if (const aiVector3D* coords = src.mTextureCoords[uv]) {
            prim.uv0.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                const glm::vec2 t(coords[i].x, coords[i].y);
                prim.uv0[i] = std::isfinite(t.x) && std::isfinite(t.y) ? t : glm::vec2(0.0f);
            }
        }
        if (const aiColor4D* colors = src.mColors[0]) {
            prim.colors.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                const glm::vec4 c(colors[i].r, colors[i].g, colors[i].b, colors[i].a);
                prim.colors[i] = std::isfinite(c.r + c.g + c.b + c.a) ? c : glm::vec4(1.0f);
            }
        }
        prim.material = material < m_out.materials.size() ? static_cast<int>(material) : kNone;
        convertMorphTargets(src, where, prim);
        return prim;
    }

    // The anim meshes' weights, one per morph target (0 where not finite).
    static std::vector<float> morphWeights(const aiMesh& src) {
        std::vector<float> weights;
        for (unsigned k = 0; src.mAnimMeshes && k < src.mNumAnimMeshes; ++k) {
            const aiAnimMesh* anim = src.mAnimMeshes[k];
            weights.push_back(anim && std::isfinite(anim->mWeight) ? anim->mWeight : 0.0f);
        }
        return weights;
    }

    // Assimp's anim meshes are whole replacement positions and normals (its glTF importer adds
    // the target's displacements to the base); Myomap keeps displacements, as glTF does. An
    // anim mesh of another length is left out with a warning; non-finite values become 0.
    void convertMorphTargets(const aiMesh& src, const std::string& where, Primitive& prim) {
        if (!src.mAnimMeshes || src.mNumAnimMeshes == 0) return;
        const std::size_t n = prim.positions.size();
        std::size_t repaired = 0;
        const auto delta = [&](const aiVector3D& to, const aiVector3D& from) {
            const glm::vec3 d(to.x - from.x, to.y - from.y, to.z - from.z);
            if (std::isfinite(d.x + d.y + d.z)) return d;
            ++repaired;
            return glm::vec3(0.0f);
        };
        for (unsigned k = 0; k < src.mNumAnimMeshes; ++k) {
            const aiAnimMesh* anim = src.mAnimMeshes[k];
            MorphTarget target;
            if (anim && anim->mNumVertices == n && anim->mVertices) {
                target.positions.resize(n);
                for (std::size_t i = 0; i < n; ++i) target.positions[i] = delta(anim->mVertices[i], src.mVertices[i]);
                if (anim->mNormals && src.mNormals) {
                    target.normals.resize(n);
                    for (std::size_t i = 0; i < n; ++i) target.normals[i] = delta(anim->mNormals[i], src.mNormals[i]);
                }
            } else {
                warn(where + ": morph target " + std::to_string(k) + " does not match the mesh's vertices; it has no effect");
            }
            prim.targets.push_back(std::move(target));
        }
        if (repaired > 0) {
            warn(where + ": " + std::to_string(repaired) + " non-finite morph target displacements were set to 0");
        }
    }

    // Normals as the file has them, normalised; missing, zero or non-finite ones are rebuilt
    // from the triangles around the vertex.
    static void convertNormals(const aiVector3D* normals, Primitive& prim) {
        const std::size_t n = prim.positions.size();
        prim.normals.resize(n);
        std::vector<unsigned char> broken(n, 0);
        bool anyBroken = false;
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec3 v = normals ? glm::vec3(normals[i].x, normals[i].y, normals[i].z) : glm::vec3(0.0f);
            const float length = glm::length(v);
            broken[i] = !(std::isfinite(length) && length > 1e-12f);
            anyBroken = anyBroken || broken[i];
            prim.normals[i] = broken[i] ? glm::vec3(0.0f) : v / length;
        }
        if (!anyBroken) return;
        for (std::size_t t = 0; t + 2 < prim.indices.size(); t += 3) {
            const std::uint32_t a = prim.indices[t], b = prim.indices[t + 1], c = prim.indices[t + 2];
            const glm::vec3 face =
                glm::cross(prim.positions[b] - prim.positions[a], prim.positions[c] - prim.positions[a]);
            for (const std::uint32_t v : {a, b, c}) {
                if (broken[v]) prim.normals[v] += face;
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!broken[i]) continue;
            const float length = glm::length(prim.normals[i]);
            prim.normals[i] =
                std::isfinite(length) && length > 1e-20f ? prim.normals[i] / length : glm::vec3(0.0f, 1.0f, 0.0f);
        }
    }

    // Adds the aiMesh's bones to the node's skin (a joint is a node with its inverse bind
    // matrix, so meshes of one node share joints unless their bind poses differ) and fills the
    // primitive's joints and weights.
    Status bindToSkin(const aiMesh& src, int meshNode, Skin& skin, Primitive& prim, const std::string& meshName) {
        const std::string where = "mesh '" + meshName + "' part '" + src.mName.C_Str() + "'";
        const glm::mat4& meshGlobal = m_rest.global[static_cast<std::size_t>(meshNode)];
        auto jointFor = [&](int node, const glm::mat4& inverseBind) -> Result<std::uint16_t> {
            for (std::size_t j = 0; j < skin.joints.size(); ++j) {
                if (skin.joints[j] == node && nearlyEqual(skin.inverseBind[j], inverseBind))
                    return static_cast<std::uint16_t>(j);
            }
            if (skin.joints.size() > std::numeric_limits<std::uint16_t>::max()) {
                return fail(where + ": more than 65535 bones in one skin");
            }
            skin.joints.push_back(node);
            skin.inverseBind.push_back(inverseBind);
            return static_cast<std::uint16_t>(skin.joints.size() - 1);
        };
        // Vertices without a bone, or bound to a bone that names no node, follow the mesh node
        // itself: with it as joint and an identity inverse bind matrix they land where the
        // unskinned mesh would.
        auto fallback = [&] { return jointFor(meshNode, glm::mat4(1.0f)); };

        const std::size_t n = prim.positions.size();
        Influences influences(n);
        std::size_t badWeights = 0;
        for (unsigned b = 0; b < src.mNumBones; ++b) {
            const aiBone* bone = src.mBones[b];
            if (!bone) continue;
            const std::string boneName = bone->mName.C_Str();
            const int node = nodeByName(bone->mName);
            Result<std::uint16_t> joint = std::uint16_t{0};
            if (node == kNone) {
                warn(where + ": bone '" + boneName + "' names no node; its vertices follow the mesh");
                joint = fallback();
            } else {
                glm::mat4 inverseBind = toGlm(bone->mOffsetMatrix);
                if (!finite(inverseBind)) {
                    // Assume the file's rest pose is its bind pose.
                    warn(where + ": bone '" + boneName +
                         "' has an invalid offset matrix; its rest pose is used as bind pose");
                    inverseBind = glm::inverse(m_rest.global[static_cast<std::size_t>(node)]) * meshGlobal;
                    if (!finite(inverseBind)) inverseBind = glm::mat4(1.0f);
                }
                joint = jointFor(node, inverseBind);
            }
            if (!joint) return fail(joint.error());
            if (!bone->mWeights) continue;
            for (unsigned w = 0; w < bone->mNumWeights; ++w) {
                const aiVertexWeight& vw = bone->mWeights[w];
                if (vw.mVertexId >= n || !std::isfinite(vw.mWeight) || vw.mWeight < 0.0f) {
                    ++badWeights;
                    continue;
                }
                if (vw.mWeight > 0.0f) influences.add(vw.mVertexId, *joint, vw.mWeight);
            }
        }
        if (badWeights > 0) warn(where + ": " + std::to_string(badWeights) + " invalid bone weights were ignored");
        std::size_t unweighted = 0;
        for (std::size_t i = 0; i < n; ++i) {
            glm::vec4& w = influences.weights[i];
            const float sum = w.x + w.y + w.z + w.w;
            if (sum > 1e-6f && std::isfinite(sum)) {
                w /= sum;
                continue;
            }
            auto joint = fallback();
            if (!joint) return fail(joint.error());
            influences.joints[i] = glm::u16vec4(*joint, 0, 0, 0);
            w = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
            ++unweighted;
        }
        if (unweighted > 0)
            warn(where + ": " + std::to_string(unweighted) +
                 " vertices have no bone weights; they follow the mesh node");
        prim.joints = std::move(influences.joints);
        prim.weights = std::move(influences.weights);
        return Ok{};
    }

    const aiScene& m_in;
    const std::vector<unsigned>& m_uvChannel;
    Scene& m_out;
    std::vector<const aiNode*> m_aiNodes;  // parallel to m_out.nodes
    std::unordered_map<std::string, int> m_nodeByName;
    Pose m_rest;
};

}  // namespace

Status convertScene(const aiScene& in, const std::vector<unsigned>& uvChannel, Scene& out) {
    return SceneConverter(in, uvChannel, out).run();
}

}  // namespace myomap::model::assimp

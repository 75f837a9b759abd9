#include "model/loader.h"

#include <cmath>
#include <string>

namespace myomap::model {
namespace {

template <typename T>
bool inRange(int index, const std::vector<T>& v) {
    return index >= 0 && static_cast<std::size_t>(index) < v.size();
}

std::string nodeLabel(const Scene& scene, std::size_t i) {
    const std::string& name = scene.nodes[i].name;
    return "node " + std::to_string(i) + (name.empty() ? "" : " ('" + name + "')");
}

Status validatePrimitive(const Scene& scene, const Mesh& mesh, std::size_t p) {
    const Primitive& prim = mesh.primitives[p];
    const std::string where = "mesh '" + mesh.name + "' primitive " + std::to_string(p);
    const std::size_t n = prim.positions.size();
    auto sameLength = [&](std::size_t size, const char* what) -> Status {
        if (size != 0 && size != n) {
            return fail(where + ": " + what + " has " + std::to_string(size) + " entries for " +
                        std::to_string(n) + " positions");
        }
        return Ok{};
    };
    for (auto [size, what] : {std::pair{prim.normals.size(), "NORMAL"}, {prim.uv0.size(), "TEXCOORD_0"},
                              {prim.joints.size(), "JOINTS_0"}, {prim.weights.size(), "WEIGHTS_0"},
                              {prim.colors.size(), "COLOR_0"}}) {
        if (auto s = sameLength(size, what); !s) return s;
    }
    for (std::size_t t = 0; t < prim.targets.size(); ++t) {
        const MorphTarget& target = prim.targets[t];
        const std::string name = "morph target " + std::to_string(t);
        for (auto [size, what] : {std::pair{target.positions.size(), " POSITION"}, {target.normals.size(), " NORMAL"},
                                  {target.tangents.size(), " TANGENT"}}) {
            if (auto s = sameLength(size, (name + what).c_str()); !s) return s;
        }
    }
    if (prim.targets.size() != mesh.targetCount()) {
        return fail(where + ": has " + std::to_string(prim.targets.size()) + " morph targets, the mesh's first primitive " +
                    std::to_string(mesh.targetCount()));
    }
    for (const CustomAttribute& a : prim.custom) {
        if (a.components < 1 || a.components > 16 || a.values.size() != n * static_cast<std::size_t>(a.components)) {
            return fail(where + ": custom attribute " + a.name + " does not have " + std::to_string(a.components) +
                        " values per vertex");
        }
    }
    if (prim.indices.size() % 3 != 0) return fail(where + ": index count is not a multiple of 3");
    for (const std::uint32_t index : prim.indices) {
        if (index >= n) {
            return fail(where + ": index " + std::to_string(index) + " is past the vertex count " + std::to_string(n));
        }
    }
    if (prim.material != kNone && !inRange(prim.material, scene.materials)) {
        return fail(where + ": material " + std::to_string(prim.material) + " does not exist");
    }
    return Ok{};
}

// Replaces each byte that does not start or continue a valid UTF-8 sequence (overlong forms,
// surrogates and code points past U+10FFFF included) with U+FFFD. Returns whether it changed.
bool repairUtf8(std::string& text) {
    std::string out;
    bool changed = false;
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    while (i < text.size()) {
        const unsigned char c = byte(i);
        // Sequence length from the lead byte, and the smallest code point that needs it.
        const std::size_t length = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        const unsigned min = length == 2 ? 0x80u : length == 3 ? 0x800u : length == 4 ? 0x10000u : 0u;
        bool valid = length > 0 && i + length <= text.size();
        unsigned code = length == 1 ? c : c & (0x7fu >> length);
        for (std::size_t k = 1; valid && k < length; ++k) {
            valid = (byte(i + k) & 0xc0) == 0x80;
            code = (code << 6) | (byte(i + k) & 0x3fu);
        }
        valid = valid && code >= min && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
        if (valid) {
            out.append(text, i, length);
            i += length;
        } else {
            out += "\xEF\xBF\xBD";
            changed = true;
            ++i;
        }
    }
    if (changed) text = std::move(out);
    return changed;
}

}  // namespace

void repairNames(Scene& scene) {
    std::size_t repaired = 0;
    auto repair = [&](std::string& name) { repaired += repairUtf8(name); };
    for (Node& n : scene.nodes) repair(n.name);
    for (Mesh& m : scene.meshes) {
        repair(m.name);
        for (std::string& label : m.labels) repair(label);
        for (Primitive& p : m.primitives) {
            for (CustomAttribute& a : p.custom) repair(a.name);
        }
    }
    for (Material& m : scene.materials) repair(m.name);
    for (Image& i : scene.images) repair(i.name);
    for (Skin& s : scene.skins) repair(s.name);
    for (AnimationClip& c : scene.clips) repair(c.name);
    for (std::string& w : scene.warnings) repair(w);
    if (repaired > 0) {
        scene.warnings.push_back(std::to_string(repaired) +
                                 " names are not valid UTF-8; the invalid bytes were replaced by U+FFFD");
    }
}

Status validateScene(const Scene& scene) {
    for (std::size_t i = 0; i < scene.meshes.size(); ++i) {
        for (std::size_t p = 0; p < scene.meshes[i].primitives.size(); ++p) {
            if (auto s = validatePrimitive(scene, scene.meshes[i], p); !s) return s;
        }
    }
    for (const Material& m : scene.materials) {
        if (m.baseColorImage != kNone && !inRange(m.baseColorImage, scene.images)) {
            return fail("material '" + m.name + "': image " + std::to_string(m.baseColorImage) + " does not exist");
        }
    }
    for (const Image& image : scene.images) {
        const auto expected = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4;
        if (image.width < 0 || image.height < 0 || image.rgba.size() != expected) {
            return fail("image '" + image.name + "': pixel data does not match its size");
        }
    }
    std::vector<int> parentOf(scene.nodes.size(), kNone);
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const Node& node = scene.nodes[i];
        if (node.mesh != kNone && !inRange(node.mesh, scene.meshes)) return fail(nodeLabel(scene, i) + ": mesh does not exist");
        if (node.skin != kNone && !inRange(node.skin, scene.skins)) return fail(nodeLabel(scene, i) + ": skin does not exist");
        for (const int child : node.children) {
            if (!inRange(child, scene.nodes)) return fail(nodeLabel(scene, i) + ": child " + std::to_string(child) + " does not exist");
            if (parentOf[static_cast<std::size_t>(child)] != kNone) {
                return fail(nodeLabel(scene, static_cast<std::size_t>(child)) + " has more than one parent");
            }
            parentOf[static_cast<std::size_t>(child)] = static_cast<int>(i);
        }
    }
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        if (scene.nodes[i].parent != parentOf[i]) return fail(nodeLabel(scene, i) + ": parent link disagrees with the children lists");
    }
    // Walk up from each node until a root or a node already known to reach one; meeting a node
    // of the current walk again is a cycle. Each node is walked once, so a chain of 100,000
    // joints takes 100,000 steps, not 100,000 squared.
    enum : unsigned char { kUnknown, kOnWalk, kReachesRoot };
    std::vector<unsigned char> state(scene.nodes.size(), kUnknown);
    std::vector<std::size_t> walk;
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        walk.clear();
        for (int p = static_cast<int>(i); p != kNone && state[static_cast<std::size_t>(p)] != kReachesRoot;
             p = scene.nodes[static_cast<std::size_t>(p)].parent) {
            if (state[static_cast<std::size_t>(p)] == kOnWalk) return fail(nodeLabel(scene, i) + " is part of a cycle in the node hierarchy");
            state[static_cast<std::size_t>(p)] = kOnWalk;
            walk.push_back(static_cast<std::size_t>(p));
        }
        for (const std::size_t w : walk) state[w] = kReachesRoot;
    }
    for (const int root : scene.roots) {
        if (!inRange(root, scene.nodes)) return fail("scene root " + std::to_string(root) + " does not exist");
    }
    for (const Skin& skin : scene.skins) {
        if (skin.inverseBind.size() != skin.joints.size()) return fail("skin '" + skin.name + "': inverse bind matrix count differs from joint count");
        for (const int joint : skin.joints) {
            if (!inRange(joint, scene.nodes)) return fail("skin '" + skin.name + "': joint node " + std::to_string(joint) + " does not exist");
        }
    }
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const Node& node = scene.nodes[i];
        if (node.mesh == kNone || node.skin == kNone) continue;
        const std::size_t jointCount = scene.skins[static_cast<std::size_t>(node.skin)].joints.size();
        for (const Primitive& prim : scene.meshes[static_cast<std::size_t>(node.mesh)].primitives) {
            for (const glm::u16vec4& j : prim.joints) {
                for (int k = 0; k < 4; ++k) {
                    if (j[k] >= jointCount) {
                        return fail(nodeLabel(scene, i) + ": vertex joint index " + std::to_string(j[k]) +
                                    " is past the skin's " + std::to_string(jointCount) + " joints");
                    }
                }
            }
        }
    }
    for (const AnimationClip& clip : scene.clips) {
        for (const AnimationChannel& ch : clip.channels) {
            if (!inRange(ch.node, scene.nodes) || !inRange(ch.sampler, clip.samplers)) {
                return fail("animation '" + clip.name + "': a channel targets a missing node or sampler");
            }
        }
        for (const AnimationSampler& s : clip.samplers) {
            const std::size_t perKey = static_cast<std::size_t>(s.components) * (s.interpolation == Interpolation::CubicSpline ? 3 : 1);
            if (s.values.size() != s.times.size() * perKey) {
                return fail("animation '" + clip.name + "': a sampler has " + std::to_string(s.values.size()) +
                            " output values for " + std::to_string(s.times.size()) + " keys");
            }
            for (std::size_t k = 1; k < s.times.size(); ++k) {
                if (!(s.times[k] > s.times[k - 1])) return fail("animation '" + clip.name + "': key times are not strictly increasing");
            }
        }
    }
    return Ok{};
}

}  // namespace myomap::model

#include "model/gltf_writer.h"

#include "core/files.h"

#include <tiny_gltf.h>

#include <cstring>
#include <algorithm>
#include <map>
#include <sstream>

namespace myomap::model {
namespace {

class Builder {
public:
    explicit Builder(tinygltf::Model& model) : m_model(model) { m_model.buffers.emplace_back(); }

    // Appends raw bytes as a new buffer view (4-byte aligned) and returns its index.
    int view(const void* data, std::size_t bytes, int target) {
        auto& buffer = m_model.buffers[0].data;
        while (buffer.size() % 4 != 0) buffer.push_back(0);
        tinygltf::BufferView v;
        v.buffer = 0;
        v.byteOffset = buffer.size();
        v.byteLength = bytes;
        v.target = target;
        const auto* p = static_cast<const unsigned char*>(data);
        buffer.insert(buffer.end(), p, p + bytes);
        m_model.bufferViews.push_back(v);
        return static_cast<int>(m_model.bufferViews.size() - 1);
    }

    // A float accessor of `components` per element (type given by name: SCALAR, VEC2...).
    int floats(const std::vector<float>& values, int components, int type, int target, bool bounds) {
        tinygltf::Accessor a;
        a.bufferView = view(values.data(), values.size() * sizeof(float), target);
        a.componentType = TINYGLTF_COMPONENT_TYPE_FLOAT;
        a.count = components > 0 ? values.size() / static_cast<std::size_t>(components) : 0;
        a.type = type;
        if (bounds && a.count > 0) {
            a.minValues.assign(static_cast<std::size_t>(components), 1e300);
            a.maxValues.assign(static_cast<std::size_t>(components), -1e300);
            for (std::size_t i = 0; i < values.size(); ++i) {
                const std::size_t c = i % static_cast<std::size_t>(components);
                a.minValues[c] = std::min(a.minValues[c], static_cast<double>(values[i]));
                a.maxValues[c] = std::max(a.maxValues[c], static_cast<double>(values[i]));
            }
        }
        m_model.accessors.push_back(a);
        return static_cast<int>(m_model.accessors.size() - 1);
    }

    template <typename Vec, int N>
    int vectors(const std::vector<Vec>& values, int type, bool bounds = false) {
        std::vector<float> flat;
        flat.reserve(values.size() * N);
        for (const Vec& v : values) {
            for (int k = 0; k < N; ++k) flat.push_back(v[k]);
        }
        return floats(flat, N, type, TINYGLTF_TARGET_ARRAY_BUFFER, bounds);
    }

    int joints(const std::vector<glm::u16vec4>& values) {
        return integers(values.data(), values.size() * sizeof(glm::u16vec4), TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT,
                        values.size(), TINYGLTF_TYPE_VEC4, TINYGLTF_TARGET_ARRAY_BUFFER);
    }

    int indices(const std::vector<std::uint32_t>& values) {
        return integers(values.data(), values.size() * sizeof(std::uint32_t), TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT,
                        values.size(), TINYGLTF_TYPE_SCALAR, TINYGLTF_TARGET_ELEMENT_ARRAY_BUFFER);
    }

    int matrices(const std::vector<glm::mat4>& values) {
        std::vector<float> flat;
        flat.reserve(values.size() * 16);
        for (const glm::mat4& m : values) {
            for (int c = 0; c < 4; ++c) {
                for (int r = 0; r < 4; ++r) flat.push_back(m[c][r]);
            }
        }
        return floats(flat, 16, TINYGLTF_TYPE_MAT4, -1, false);
    }

private:
    int integers(const void* data, std::size_t bytes, int componentType, std::size_t count, int type, int target) {
        tinygltf::Accessor a;
        a.bufferView = view(data, bytes, target);
        a.componentType = componentType;
        a.count = count;
        a.type = type;
        m_model.accessors.push_back(a);
        return static_cast<int>(m_model.accessors.size() - 1);
    }

    tinygltf::Model& m_model;
};

int typeFor(int components) {
    switch (components) {
    case 1: return TINYGLTF_TYPE_SCALAR;
    case 2: return TINYGLTF_TYPE_VEC2;
    case 3: return TINYGLTF_TYPE_VEC3;
    case 4: return TINYGLTF_TYPE_VEC4;
    case 16: return TINYGLTF_TYPE_MAT4;
    default: return -1;
    }
}

const char* interpolationName(Interpolation i) {
    switch (i) {
    case Interpolation::Step: return "STEP";
    case Interpolation::CubicSpline: return "CUBICSPLINE";
    case Interpolation::Linear: return "LINEAR";
    }
    return "LINEAR";
}

const char* pathName(AnimatedPath p) {
    switch (p) {
    case AnimatedPath::Translation: return "translation";
    case AnimatedPath::Rotation: return "rotation";
    case AnimatedPath::Scale: return "scale";
    case AnimatedPath::Weights: return "weights";
    }
    return "translation";
}

void writeMeshes(const Scene& scene, Builder& b, tinygltf::Model& out) {
    for (const Mesh& mesh : scene.meshes) {
        tinygltf::Mesh m;
        m.name = mesh.name;
        for (const Primitive& p : mesh.primitives) {
            tinygltf::Primitive prim;
            prim.mode = TINYGLTF_MODE_TRIANGLES;
            prim.attributes["POSITION"] = b.vectors<glm::vec3, 3>(p.positions, TINYGLTF_TYPE_VEC3, true);
            if (!p.normals.empty()) prim.attributes["NORMAL"] = b.vectors<glm::vec3, 3>(p.normals, TINYGLTF_TYPE_VEC3);
            if (!p.uv0.empty()) prim.attributes["TEXCOORD_0"] = b.vectors<glm::vec2, 2>(p.uv0, TINYGLTF_TYPE_VEC2);
            if (!p.colors.empty()) prim.attributes["COLOR_0"] = b.vectors<glm::vec4, 4>(p.colors, TINYGLTF_TYPE_VEC4);
            if (!p.joints.empty()) prim.attributes["JOINTS_0"] = b.joints(p.joints);
            if (!p.weights.empty()) prim.attributes["WEIGHTS_0"] = b.vectors<glm::vec4, 4>(p.weights, TINYGLTF_TYPE_VEC4);
            for (const CustomAttribute& a : p.custom) {
                prim.attributes[a.name] = b.floats(a.values, a.components, typeFor(a.components), TINYGLTF_TARGET_ARRAY_BUFFER, false);
            }
            for (const MorphTarget& t : p.targets) {
                std::map<std::string, int> target;
                if (!t.positions.empty()) target["POSITION"] = b.vectors<glm::vec3, 3>(t.positions, TINYGLTF_TYPE_VEC3, true);
                if (!t.normals.empty()) target["NORMAL"] = b.vectors<glm::vec3, 3>(t.normals, TINYGLTF_TYPE_VEC3);
                if (!t.tangents.empty()) target["TANGENT"] = b.vectors<glm::vec3, 3>(t.tangents, TINYGLTF_TYPE_VEC3);
                prim.targets.push_back(std::move(target));
            }
            prim.indices = b.indices(p.indices);
            prim.material = p.material;
            if (!p.lods.empty()) {
                tinygltf::Value::Array lods;
                for (const LevelOfDetail& lod : p.lods) {
                    tinygltf::Value::Object level;
                    level["indices"] = tinygltf::Value(b.indices(lod.indices));
                    level["error"] = tinygltf::Value(static_cast<double>(lod.error));
                    lods.emplace_back(std::move(level));
                }
                tinygltf::Value::Object extras;
                extras["lods"] = tinygltf::Value(std::move(lods));
                prim.extras = tinygltf::Value(std::move(extras));
            }
            m.primitives.push_back(std::move(prim));
        }
        if (std::any_of(mesh.weights.begin(), mesh.weights.end(), [](float w) { return w != 0.0f; }))
            m.weights.assign(mesh.weights.begin(), mesh.weights.end());
        if (!mesh.labels.empty()) {
            tinygltf::Value::Array labels;
            for (const std::string& l : mesh.labels) labels.emplace_back(l);
            tinygltf::Value::Object extras;
            extras["labels"] = tinygltf::Value(std::move(labels));
            m.extras = tinygltf::Value(std::move(extras));
        }
        out.meshes.push_back(std::move(m));
    }
}

void writeAnimations(const Scene& scene, Builder& b, tinygltf::Model& out) {
    for (const AnimationClip& clip : scene.clips) {
        tinygltf::Animation a;
        a.name = clip.name;
        std::vector<bool> weights(clip.samplers.size(), false);
        for (const AnimationChannel& c : clip.channels)
            if (c.path == AnimatedPath::Weights && c.sampler >= 0 && static_cast<std::size_t>(c.sampler) < weights.size())
                weights[static_cast<std::size_t>(c.sampler)] = true;
        for (std::size_t k = 0; k < clip.samplers.size(); ++k) {
            const AnimationSampler& s = clip.samplers[k];
            tinygltf::AnimationSampler sampler;
            sampler.input = b.floats(s.times, 1, TINYGLTF_TYPE_SCALAR, -1, true);
            // Morph weights are scalars, one per target per key.
            sampler.output = weights[k] ? b.floats(s.values, 1, TINYGLTF_TYPE_SCALAR, -1, false)
                                        : b.floats(s.values, s.components, typeFor(s.components), -1, false);
            sampler.interpolation = interpolationName(s.interpolation);
            a.samplers.push_back(sampler);
        }
        for (const AnimationChannel& c : clip.channels) {
            tinygltf::AnimationChannel channel;
            channel.sampler = c.sampler;
            channel.target_node = c.node;
            channel.target_path = pathName(c.path);
            a.channels.push_back(channel);
        }
        out.animations.push_back(std::move(a));
    }
}

}  // namespace

Status writeGlb(const Scene& scene, const std::filesystem::path& path) {
    tinygltf::Model out;
    out.asset.version = "2.0";
    out.asset.generator = "Myomap";
    Builder b(out);
    for (const Material& m : scene.materials) {
        tinygltf::Material mat;
        mat.name = m.name;
        mat.pbrMetallicRoughness.baseColorFactor = {m.baseColor.r, m.baseColor.g, m.baseColor.b, m.baseColor.a};
        mat.pbrMetallicRoughness.metallicFactor = 0.0;
        mat.pbrMetallicRoughness.roughnessFactor = 0.8;
        mat.doubleSided = m.doubleSided;
        mat.alphaMode = m.blend ? "BLEND" : "OPAQUE";
        out.materials.push_back(std::move(mat));
    }
    writeMeshes(scene, b, out);
    for (const Node& n : scene.nodes) {
        tinygltf::Node node;
        node.name = n.name;
        node.children = n.children;
        node.mesh = n.mesh;
        node.skin = n.skin;
        if (n.translation != glm::vec3(0.0f)) node.translation = {n.translation.x, n.translation.y, n.translation.z};
        if (n.rotation != glm::quat(1.0f, 0.0f, 0.0f, 0.0f)) node.rotation = {n.rotation.x, n.rotation.y, n.rotation.z, n.rotation.w};
        if (n.scale != glm::vec3(1.0f)) node.scale = {n.scale.x, n.scale.y, n.scale.z};
        node.weights.assign(n.weights.begin(), n.weights.end());
        out.nodes.push_back(std::move(node));
    }
    for (const Skin& s : scene.skins) {
        tinygltf::Skin skin;
        skin.name = s.name;
        skin.joints = s.joints;
        skin.inverseBindMatrices = b.matrices(s.inverseBind);
        if (!s.joints.empty()) skin.skeleton = s.joints.front();
        out.skins.push_back(std::move(skin));
    }
    writeAnimations(scene, b, out);
    tinygltf::Scene root;
    root.nodes = scene.roots;
    out.scenes.push_back(root);
    out.defaultScene = 0;
    out.buffers[0].data.resize((out.buffers[0].data.size() + 3) / 4 * 4, 0);

    std::ostringstream stream;
    tinygltf::TinyGLTF gltf;
    if (!gltf.WriteGltfSceneToStream(&out, stream, false, true)) {
        return fail("'" + path.string() + "': the glTF writer failed");
    }
    const std::string bytes = stream.str();
    return files::writeAtomically(path, bytes.data(), bytes.size());
}

}  // namespace myomap::model

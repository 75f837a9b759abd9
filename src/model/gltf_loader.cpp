// glTF 2.0 through tinygltf. tinygltf parses; this file checks every index, count and offset
// against the buffers before reading, confines external files to the model's folder, and
// converts to Myomap's scene model.
#include "model/gltf_accessors.h"
#include "model/gltf_lods.h"
#include "model/loader.h"
#include "model/assimp_loader.h"

#include "core/files.h"
#include "core/json_depth.h"

#include <tiny_gltf.h>

#include <stb/stb_image.h>

#include <glm/gtc/type_ptr.hpp>
#include <glm/gtx/matrix_decompose.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <span>

namespace myomap::model {
namespace fs = std::filesystem;

namespace {

// tinygltf reaches the file system only through these callbacks: nothing outside the model's
// folder is read, and no shell-style path expansion happens.
struct FolderGuard {
    fs::path folder;
    std::string refused;  // the last path refused, for the error message
};

// tinygltf hands over the model's folder joined with the URI from the file.
bool allowed(FolderGuard& guard, const std::string& path) {
    if (files::isInside(guard.folder, path)) return true;
    const auto uri = fs::path(path).lexically_relative(guard.folder).string();
    guard.refused = "'" + (uri.empty() ? path : uri) + "' points outside the model's folder '" + guard.folder.string() +
                    "'; it was not read";
    return false;
}

bool guardedExists(const std::string& path, void* user) {
    auto* guard = static_cast<FolderGuard*>(user);
    std::error_code ec;
    return allowed(*guard, path) && fs::is_regular_file(path, ec);
}

std::string guardedExpand(const std::string& path, void*) { return path; }

bool guardedRead(std::vector<unsigned char>* out, std::string* err, const std::string& path, void* user) {
    auto* guard = static_cast<FolderGuard*>(user);
    if (!allowed(*guard, path)) {
        if (err) *err += guard->refused + "\n";
        return false;
    }
    auto bytes = files::readBytes(path);
    if (!bytes) {
        if (err) *err += bytes.error() + "\n";
        return false;
    }
    *out = std::move(bytes.value());
    return true;
}

bool refuseWrite(std::string* err, const std::string&, const std::vector<unsigned char>&, void*) {
    if (err) *err += "writing is not allowed while loading\n";
    return false;
}

// tinygltf turns "extras" and "extensions" into its own values recursively, so a file nested
// thousands of levels deep would overflow the stack before any of our checks ran. Real glTF
// nests about ten levels; the pre-scan refuses anything deeper than kMaxJsonDepth.
constexpr int kMaxJsonDepth = 128;

// The JSON of a .glb: its first chunk, when the header and chunk length are intact (tinygltf
// reports the broken ones).
std::span<const std::uint8_t> glbJson(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 20) return {};
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + 12, 4);
    return bytes.subspan(20, std::min<std::size_t>(length, bytes.size() - 20));
}

bool finite(const glm::vec3& v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

bool finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            if (!std::isfinite(m[c][r])) return false;
        }
    }
    return true;
}

// tinygltf decodes embedded and external images with stb_image, which allocates whatever the
// image's header claims: a 100-byte PNG can claim 60,000 x 60,000 pixels. The header is read
// first and images over the limit (the Assimp loader's too) are refused before decoding.
constexpr long long kMaxImagePixels = 8192ll * 8192ll;

bool guardedImageLoad(tinygltf::Image* image, const int index, std::string* err, std::string* warn, int width,
                      int height, const unsigned char* bytes, int size, void* user) {
    int w = 0, h = 0, channels = 0;
    if (size > 0 && stbi_info_from_memory(bytes, size, &w, &h, &channels) &&
        static_cast<long long>(w) * static_cast<long long>(h) > kMaxImagePixels) {
        if (err) {
            *err += "image " + std::to_string(index) + " is " + std::to_string(w) + "x" + std::to_string(h) +
                    " pixels, more than the 8192x8192 limit\n";
        }
        return false;
    }
    return tinygltf::LoadImageData(image, index, err, warn, width, height, bytes, size, user);
}

Interpolation interpolationFrom(const std::string& name) {
    if (name == "STEP") return Interpolation::Step;
    if (name == "CUBICSPLINE") return Interpolation::CubicSpline;
    return Interpolation::Linear;
}

class Converter {
public:
    Converter(const tinygltf::Model& model, Scene& scene) : m_model(model), m_scene(scene), m_read(model) {}

    Status run() {
        if (auto s = convertImages(); !s) return s;
        convertMaterials();
        if (auto s = convertMeshes(); !s) return s;
        if (auto s = convertNodes(); !s) return s;
        if (auto s = convertSkins(); !s) return s;
        if (auto s = convertAnimations(); !s) return s;
        return Ok{};
    }

private:
    void warn(std::string text) { m_scene.warnings.push_back(std::move(text)); }

    Status convertImages() {
        for (std::size_t i = 0; i < m_model.images.size(); ++i) {
            const tinygltf::Image& src = m_model.images[i];
            Image image;
            image.name = src.name.empty() ? src.uri : src.name;
            const bool decoded = src.width > 0 && src.height > 0 && src.component == 4 && !src.image.empty();
            const auto pixels = static_cast<std::size_t>(std::max(src.width, 0)) * static_cast<std::size_t>(std::max(src.height, 0));
            const int bytesPerChannel = src.bits == 16 ? 2 : 1;
            if (!decoded || src.image.size() != pixels * 4 * static_cast<std::size_t>(bytesPerChannel)) {
                warn("image " + std::to_string(i) + " ('" + image.name + "') could not be loaded; drawn untextured");
                m_scene.images.push_back(std::move(image));  // keeps indices stable; material ignores it
                continue;
            }
            image.width = src.width;
            image.height = src.height;
            image.rgba.resize(pixels * 4);
            for (std::size_t k = 0; k < image.rgba.size(); ++k) {
                image.rgba[k] = bytesPerChannel == 2 ? src.image[k * 2 + 1] : src.image[k];  // little-endian: high byte
            }
            m_scene.images.push_back(std::move(image));
        }
        return Ok{};
    }

    void convertMaterials() {
        for (const tinygltf::Material& src : m_model.materials) {
            Material m;
            m.name = src.name;
            const auto& factor = src.pbrMetallicRoughness.baseColorFactor;
            if (factor.size() == 4) m.baseColor = glm::vec4(factor[0], factor[1], factor[2], factor[3]);
            const int texture = src.pbrMetallicRoughness.baseColorTexture.index;
            if (texture >= 0 && static_cast<std::size_t>(texture) < m_model.textures.size()) {
                const int source = m_model.textures[static_cast<std::size_t>(texture)].source;
                if (source >= 0 && static_cast<std::size_t>(source) < m_scene.images.size() &&
                    !m_scene.images[static_cast<std::size_t>(source)].rgba.empty()) {
                    m.baseColorImage = source;
                }
            }
            m.doubleSided = src.doubleSided;
            m.blend = src.alphaMode == "BLEND";
            m_scene.materials.push_back(std::move(m));
        }
    }

    Status convertMeshes() {
        for (std::size_t i = 0; i < m_model.meshes.size(); ++i) {
            const tinygltf::Mesh& src = m_model.meshes[i];
            Mesh mesh;
            mesh.name = src.name.empty() ? "mesh_" + std::to_string(i) : src.name;
            if (src.extras.IsObject() && src.extras.Has("labels") && src.extras.Get("labels").IsArray()) {
                const tinygltf::Value& labels = src.extras.Get("labels");
                for (std::size_t k = 0; k < labels.ArrayLen(); ++k) {
                    const tinygltf::Value& label = labels.Get(static_cast<int>(k));
                    mesh.labels.push_back(label.IsString() ? label.Get<std::string>() : std::string());
                }
            }
            for (std::size_t p = 0; p < src.primitives.size(); ++p) {
                const std::string where = "mesh '" + mesh.name + "' primitive " + std::to_string(p);
                auto prim = convertPrimitive(src.primitives[p], where);
                if (!prim) return fail(prim.error());
                if (!prim->positions.empty()) mesh.primitives.push_back(std::move(prim.value()));
            }
            const std::size_t targets = mesh.targetCount();
            for (const Primitive& p : mesh.primitives) {
                if (p.targets.size() != targets) {
                    return fail("mesh '" + mesh.name + "': its primitives have different numbers of morph targets (" +
                                std::to_string(targets) + " and " + std::to_string(p.targets.size()) + ")");
                }
            }
            mesh.weights = weightsFor(src.weights, targets, "mesh '" + mesh.name + "'");
            m_scene.meshes.push_back(std::move(mesh));
        }
        return Ok{};
    }

    // Morph weights as given (mesh or node), one per target: a list of another length or with
    // non-finite values is repaired with a warning (zeros where missing or broken).
    std::vector<float> weightsFor(const std::vector<double>& given, std::size_t targets, const std::string& where) {
        std::vector<float> weights(targets, 0.0f);
        if (given.empty()) return weights;
        if (given.size() != targets) {
            warn(where + ": " + std::to_string(given.size()) + " morph weights for " + std::to_string(targets) +
                 " targets; the missing ones are 0 and the extra ones are ignored");
        }
        std::size_t broken = 0;
        for (std::size_t t = 0; t < targets && t < given.size(); ++t) {
            if (std::isfinite(given[t])) weights[t] = static_cast<float>(given[t]);
            else ++broken;
        }
        if (broken > 0) warn(where + ": " + std::to_string(broken) + " non-finite morph weights were set to 0");
        return weights;
    }

    Result<Primitive> convertPrimitive(const tinygltf::Primitive& src, const std::string& where) {
        Primitive prim;
        const int mode = src.mode < 0 ? TINYGLTF_MODE_TRIANGLES : src.mode;
        if (mode != TINYGLTF_MODE_TRIANGLES && mode != TINYGLTF_MODE_TRIANGLE_STRIP && mode != TINYGLTF_MODE_TRIANGLE_FAN) {
            warn(where + ": points and lines are not drawn");
            return prim;
        }
        auto attribute = [&](const char* name) {
            const auto it = src.attributes.find(name);
            return it == src.attributes.end() ? -1 : it->second;
        };
        const int position = attribute("POSITION");
        if (position < 0) {
            warn(where + ": has no POSITION attribute; skipped");
            return prim;
        }
        auto vec3s = m_read.vec3s(position, where + " POSITION");
        if (!vec3s) return fail(vec3s.error());
        prim.positions = std::move(vec3s.value());
        const std::size_t n = prim.positions.size();
        auto optional = [&](const char* name, auto reader, auto& target) -> Status {
            const int accessor = attribute(name);
            if (accessor < 0) return Ok{};
            auto values = (m_read.*reader)(accessor, where + " " + name);
            if (!values) return fail(values.error());
            if (values->size() != n) {
                return fail(where + ": " + name + " has " + std::to_string(values->size()) + " entries for " +
                            std::to_string(n) + " positions");
            }
            target = std::move(values.value());
            return Ok{};
        };
        if (auto s = optional("NORMAL", &AccessorReader::vec3s, prim.normals); !s) return fail(s.error());
        if (auto s = optional("TEXCOORD_0", &AccessorReader::vec2s, prim.uv0); !s) return fail(s.error());
        if (auto s = optional("COLOR_0", &AccessorReader::colors, prim.colors); !s) return fail(s.error());
        if (auto s = optional("JOINTS_0", &AccessorReader::joints, prim.joints); !s) return fail(s.error());
        if (auto s = optional("WEIGHTS_0", &AccessorReader::vec4s, prim.weights); !s) return fail(s.error());
        for (const auto& [name, accessor] : src.attributes) {
            if (name.empty() || name[0] != '_') continue;
            auto width = m_read.componentCount(accessor);
            if (!width) return fail(where + " " + name + ": " + width.error());
            auto values = m_read.floats(accessor, *width, where + " " + name);
            if (!values) return fail(values.error());
            if (values->size() != n * static_cast<std::size_t>(*width)) {
                return fail(where + ": " + name + " has " + std::to_string(values->size() / static_cast<std::size_t>(*width)) +
                            " entries for " + std::to_string(n) + " positions");
            }
            prim.custom.push_back({name, *width, std::move(values.value())});
        }
        if (auto s = readTargets(src, n, where, prim); !s) return fail(s.error());
        if (attribute("JOINTS_1") >= 0) warn(where + ": more than 4 joint influences; only the first 4 are used");
        if (prim.joints.empty() != prim.weights.empty()) {
            warn(where + ": JOINTS_0 without WEIGHTS_0 (or the reverse); drawn unskinned");
            prim.joints.clear();
            prim.weights.clear();
        }
        normaliseWeights(prim, where);

        std::vector<std::uint32_t> indices;
        if (src.indices >= 0) {
            auto read = m_read.indices(src.indices, where + " indices");
            if (!read) return fail(read.error());
            indices = std::move(read.value());
        } else {
            indices.resize(n);
            for (std::size_t k = 0; k < n; ++k) indices[k] = static_cast<std::uint32_t>(k);
        }
        for (const std::uint32_t index : indices) {
            if (index >= n) {
                return fail(where + ": index " + std::to_string(index) + " is past the vertex count " + std::to_string(n));
            }
        }
        prim.indices = triangleList(indices, mode);
        if (mode == TINYGLTF_MODE_TRIANGLES) prim.lods = readLevelsOfDetail(src, m_read, n, where, m_scene.warnings);
        dropNonFinite(prim, where);
        prim.material = src.material >= 0 && static_cast<std::size_t>(src.material) < m_scene.materials.size() ? src.material : kNone;
        if (prim.normals.empty()) {
            // Flat normals split the vertices per triangle, which the levels' indices do not follow.
            if (!prim.lods.empty()) warn(where + ": levels of detail left out: without normals its vertices are split per triangle");
            makeFlatNormals(prim);
        }
        return prim;
    }

    // Morph targets: POSITION, NORMAL and TANGENT displacements, each as long as the base
    // attribute. Non-finite displacements are set to 0 (with a warning), as other attributes are.
    Status readTargets(const tinygltf::Primitive& src, std::size_t n, const std::string& where, Primitive& prim) {
        // 2^23 displacements (96 MiB of positions) per primitive: far beyond any real blend
        // shape set, and what a 16384-row float texture holds on the GPU.
        constexpr std::size_t kMaxDisplacements = std::size_t{1} << 23;
        if (src.targets.size() * n > kMaxDisplacements) {
            warn(where + ": " + std::to_string(src.targets.size()) + " morph targets of " + std::to_string(n) +
                 " vertices are more than Myomap blends (" + std::to_string(kMaxDisplacements) +
                 " displacements); they are not used");
            return Ok{};
        }
        std::size_t repaired = 0;
        for (std::size_t t = 0; t < src.targets.size(); ++t) {
            MorphTarget target;
            for (const auto& [name, accessor] : src.targets[t]) {
                std::vector<glm::vec3>* into = name == "POSITION" ? &target.positions
                                             : name == "NORMAL"   ? &target.normals
                                             : name == "TANGENT"  ? &target.tangents
                                                                  : nullptr;
                if (!into) {
                    warn(where + ": morph target " + std::to_string(t) + " attribute '" + name + "' is not used");
                    continue;
                }
                const std::string label = where + " morph target " + std::to_string(t) + " " + name;
                // TANGENT displacements are VEC3 (no handedness).
                auto values = m_read.vec3s(accessor, label);
                if (!values) return fail(values.error());
                if (values->size() != n) {
                    return fail(label + " has " + std::to_string(values->size()) + " entries for " + std::to_string(n) +
                                " positions");
                }
                for (glm::vec3& v : *values) {
                    if (!finite(v)) {
                        v = glm::vec3(0.0f);
                        ++repaired;
                    }
                }
                *into = std::move(values.value());
            }
            prim.targets.push_back(std::move(target));
        }
        if (repaired > 0) {
            warn(where + ": " + std::to_string(repaired) + " non-finite morph target displacements (NaN or infinity) were set to 0");
        }
        return Ok{};
    }

    // Non-finite values would reach the renderer and the camera's framing: triangles with a
    // non-finite corner are dropped and such vertices parked on a finite one; non-finite
    // normals, texture coordinates, colours and custom values are replaced by defaults.
    void dropNonFinite(Primitive& prim, const std::string& where) {
        std::vector<unsigned char> valid(prim.positions.size());
        std::optional<glm::vec3> anyFinite;
        for (std::size_t i = 0; i < prim.positions.size(); ++i) {
            valid[i] = finite(prim.positions[i]);
            if (valid[i] && !anyFinite) anyFinite = prim.positions[i];
        }
        const auto invalid = static_cast<std::size_t>(std::count(valid.begin(), valid.end(), 0));
        if (invalid > 0) {
            std::vector<std::uint32_t> kept;
            kept.reserve(prim.indices.size());
            for (std::size_t t = 0; t + 2 < prim.indices.size(); t += 3) {
                const std::uint32_t a = prim.indices[t], b = prim.indices[t + 1], c = prim.indices[t + 2];
                if (valid[a] && valid[b] && valid[c]) kept.insert(kept.end(), {a, b, c});
            }
            const std::size_t dropped = (prim.indices.size() - kept.size()) / 3;
            prim.indices = std::move(kept);
            prim.lods.clear();  // they would draw the triangles just dropped
            for (std::size_t i = 0; i < prim.positions.size(); ++i) {
                if (!valid[i]) prim.positions[i] = anyFinite.value_or(glm::vec3(0.0f));
            }
            warn(where + ": " + std::to_string(invalid) + " vertices have non-finite positions (NaN or infinity); " +
                 std::to_string(dropped) + " triangles using them were dropped");
        }
        std::size_t repaired = 0;
        auto repair = [&](auto& values, auto fallback) {
            for (auto& v : values) {
                for (int k = 0; k < v.length(); ++k) {
                    if (!std::isfinite(v[k])) {
                        v = fallback;
                        ++repaired;
                        break;
                    }
                }
            }
        };
        repair(prim.normals, glm::vec3(0.0f, 1.0f, 0.0f));
        repair(prim.uv0, glm::vec2(0.0f));
        repair(prim.colors, glm::vec4(1.0f));
        for (CustomAttribute& a : prim.custom) {
            for (float& v : a.values) {
                if (!std::isfinite(v)) {
                    v = 0.0f;
                    ++repaired;
                }
            }
        }
        if (repaired > 0) {
            warn(where + ": " + std::to_string(repaired) +
                 " non-finite normals, texture coordinates, colours or custom values were replaced by defaults");
        }
    }

    void normaliseWeights(Primitive& prim, const std::string& where) {
        bool repaired = false;
        std::size_t invalid = 0;
        for (glm::vec4& w : prim.weights) {
            for (int k = 0; k < 4; ++k) {
                if (!std::isfinite(w[k]) || w[k] < 0.0f) {
                    invalid += w[k] != 0.0f;  // -0 is a valid zero
                    w[k] = 0.0f;
                }
            }
            const float sum = w.x + w.y + w.z + w.w;
            if (sum > 1e-6f) {
                w /= sum;
            } else {
                w = {1.0f, 0.0f, 0.0f, 0.0f};
                repaired = true;
            }
        }
        if (invalid > 0) warn(where + ": " + std::to_string(invalid) + " negative or non-finite skin weights were set to 0");
        if (repaired) warn(where + ": vertices with zero skin weights were bound to the first joint");
    }

    static std::vector<std::uint32_t> triangleList(const std::vector<std::uint32_t>& in, int mode) {
        if (mode == TINYGLTF_MODE_TRIANGLES) {
            std::vector<std::uint32_t> out(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(in.size() - in.size() % 3));
            return out;
        }
        std::vector<std::uint32_t> out;
        for (std::size_t k = 2; k < in.size(); ++k) {
            if (mode == TINYGLTF_MODE_TRIANGLE_FAN) out.insert(out.end(), {in[0], in[k - 1], in[k]});
            else if (k % 2 == 0) out.insert(out.end(), {in[k - 2], in[k - 1], in[k]});
            else out.insert(out.end(), {in[k - 1], in[k - 2], in[k]});
        }
        return out;
    }

    // glTF asks for flat normals when a primitive has none: give each triangle its own vertices.
    static void makeFlatNormals(Primitive& prim) {
        Primitive flat;
        flat.material = prim.material;
        const std::size_t count = prim.indices.size();
        flat.positions.reserve(count);
        flat.normals.reserve(count);
        for (const CustomAttribute& a : prim.custom) flat.custom.push_back({a.name, a.components, {}});
        flat.targets.resize(prim.targets.size());
        for (std::size_t t = 0; t + 2 < count; t += 3) {
            const glm::vec3 a = prim.positions[prim.indices[t]];
            const glm::vec3 b = prim.positions[prim.indices[t + 1]];
            const glm::vec3 c = prim.positions[prim.indices[t + 2]];
            // In double precision: the cross product of edges near 1e38 m overflows a float.
            const glm::dvec3 cross = glm::cross(glm::dvec3(b - a), glm::dvec3(c - a));
            const double len = glm::length(cross);
            const glm::vec3 normal = len > 0.0 && std::isfinite(len) ? glm::vec3(cross / len) : glm::vec3(0.0f, 1.0f, 0.0f);
            for (std::size_t k = 0; k < 3; ++k) {
                const std::uint32_t i = prim.indices[t + k];
                flat.positions.push_back(prim.positions[i]);
                flat.normals.push_back(normal);
                if (!prim.uv0.empty()) flat.uv0.push_back(prim.uv0[i]);
                if (!prim.joints.empty()) flat.joints.push_back(prim.joints[i]);
                if (!prim.weights.empty()) flat.weights.push_back(prim.weights[i]);
                if (!prim.colors.empty()) flat.colors.push_back(prim.colors[i]);
                for (std::size_t attr = 0; attr < prim.custom.size(); ++attr) {
                    const auto width = static_cast<std::size_t>(prim.custom[attr].components);
                    const auto first = prim.custom[attr].values.begin() + static_cast<std::ptrdiff_t>(i * width);
                    flat.custom[attr].values.insert(flat.custom[attr].values.end(), first, first + static_cast<std::ptrdiff_t>(width));
                }
                for (std::size_t m = 0; m < prim.targets.size(); ++m) {
                    const MorphTarget& from = prim.targets[m];
                    MorphTarget& to = flat.targets[m];
                    if (!from.positions.empty()) to.positions.push_back(from.positions[i]);
                    // The flat normal does not move with the target's (smooth) normal displacements.
                    if (!from.tangents.empty()) to.tangents.push_back(from.tangents[i]);
                }
                flat.indices.push_back(static_cast<std::uint32_t>(flat.indices.size()));
            }
        }
        prim = std::move(flat);
    }

    Status convertNodes() {
        const std::size_t count = m_model.nodes.size();
        m_scene.nodes.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            const tinygltf::Node& src = m_model.nodes[i];
            Node& node = m_scene.nodes[i];
            node.name = src.name;
            if (src.matrix.size() == 16) {
                glm::dmat4 m;
                std::copy(src.matrix.begin(), src.matrix.end(), glm::value_ptr(m));
                glm::dvec3 scale, translation, skew;
                glm::dquat rotation;
                glm::dvec4 perspective;
                if (!glm::decompose(m, scale, rotation, translation, skew, perspective)) {
                    warn("node " + std::to_string(i) + ": matrix cannot be decomposed; identity used");
                } else {
                    node.translation = glm::vec3(translation);
                    node.rotation = glm::quat(rotation);
                    node.scale = glm::vec3(scale);
                }
            } else {
                if (src.translation.size() == 3) node.translation = glm::vec3(src.translation[0], src.translation[1], src.translation[2]);
                if (src.rotation.size() == 4) {
                    node.rotation = glm::normalize(glm::quat(static_cast<float>(src.rotation[3]), static_cast<float>(src.rotation[0]),
                                                             static_cast<float>(src.rotation[1]), static_cast<float>(src.rotation[2])));
                }
                if (src.scale.size() == 3) node.scale = glm::vec3(src.scale[0], src.scale[1], src.scale[2]);
            }
            const glm::vec4 q(node.rotation.x, node.rotation.y, node.rotation.z, node.rotation.w);
            if (!finite(node.translation) || !finite(node.scale) || !std::isfinite(q.x + q.y + q.z + q.w)) {
                warn("node " + std::to_string(i) + " ('" + node.name + "'): transform is not finite; identity used");
                node.translation = glm::vec3(0.0f);
                node.rotation = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
                node.scale = glm::vec3(1.0f);
            }
            node.mesh = src.mesh >= 0 && static_cast<std::size_t>(src.mesh) < m_scene.meshes.size() ? src.mesh : kNone;
            node.skin = src.skin >= 0 && static_cast<std::size_t>(src.skin) < m_model.skins.size() ? src.skin : kNone;
            if (!src.weights.empty()) {
                const std::size_t targets = node.mesh >= 0 ? m_scene.meshes[static_cast<std::size_t>(node.mesh)].targetCount() : 0;
                node.weights = weightsFor(src.weights, targets, "node " + std::to_string(i) + " ('" + node.name + "')");
            }
            for (const int child : src.children) {
                if (child < 0 || static_cast<std::size_t>(child) >= count) {
                    return fail("node " + std::to_string(i) + ": child " + std::to_string(child) + " does not exist");
                }
                Node& c = m_scene.nodes[static_cast<std::size_t>(child)];
                if (c.parent != kNone || child == static_cast<int>(i)) {
                    return fail("node " + std::to_string(child) + " has more than one parent or is its own child; the node graph must be a tree");
                }
                c.parent = static_cast<int>(i);
                node.children.push_back(child);
            }
        }
        const int sceneIndex = m_model.defaultScene >= 0 ? m_model.defaultScene : 0;
        if (static_cast<std::size_t>(sceneIndex) < m_model.scenes.size()) {
            for (const int root : m_model.scenes[static_cast<std::size_t>(sceneIndex)].nodes) {
                if (root < 0 || static_cast<std::size_t>(root) >= count) return fail("scene lists node " + std::to_string(root) + ", which does not exist");
                m_scene.roots.push_back(root);
            }
        } else {
            for (std::size_t i = 0; i < count; ++i) {
                if (m_scene.nodes[i].parent == kNone) m_scene.roots.push_back(static_cast<int>(i));
            }
        }
        return Ok{};
    }

    Status convertSkins() {
        for (std::size_t i = 0; i < m_model.skins.size(); ++i) {
            const tinygltf::Skin& src = m_model.skins[i];
            Skin skin;
            skin.name = src.name.empty() ? "skin_" + std::to_string(i) : src.name;
            for (const int joint : src.joints) {
                if (joint < 0 || static_cast<std::size_t>(joint) >= m_scene.nodes.size()) {
                    return fail("skin '" + skin.name + "': joint " + std::to_string(joint) + " is not a node");
                }
                skin.joints.push_back(joint);
            }
            if (src.inverseBindMatrices >= 0) {
                auto matrices = m_read.mat4s(src.inverseBindMatrices, "skin '" + skin.name + "' inverseBindMatrices");
                if (!matrices) return fail(matrices.error());
                if (matrices->size() < skin.joints.size()) {
                    return fail("skin '" + skin.name + "': " + std::to_string(matrices->size()) + " inverse bind matrices for " +
                                std::to_string(skin.joints.size()) + " joints");
                }
                matrices->resize(skin.joints.size());
                std::size_t broken = 0;
                for (glm::mat4& m : *matrices) {
                    if (!finite(m)) {
                        m = glm::mat4(1.0f);
                        ++broken;
                    }
                }
                if (broken > 0) {
                    warn("skin '" + skin.name + "': " + std::to_string(broken) +
                         " inverse bind matrices are not finite; identity used");
                }
                skin.inverseBind = std::move(matrices.value());
            } else {
                skin.inverseBind.assign(skin.joints.size(), glm::mat4(1.0f));
            }
            m_scene.skins.push_back(std::move(skin));
        }
        return Ok{};
    }

    Status convertAnimations() {
        for (std::size_t i = 0; i < m_model.animations.size(); ++i) {
            const tinygltf::Animation& src = m_model.animations[i];
            AnimationClip clip;
            clip.name = src.name.empty() ? "animation_" + std::to_string(i) : src.name;
            const std::string where = "animation '" + clip.name + "'";
            for (const tinygltf::AnimationSampler& s : src.samplers) {
                AnimationSampler sampler;
                sampler.interpolation = interpolationFrom(s.interpolation);
                auto times = m_read.floats(s.input, 1, where + " sampler input");
                if (!times) return fail(times.error());
                sampler.times = std::move(times.value());
                for (std::size_t k = 0; k < sampler.times.size(); ++k) {
                    if (!std::isfinite(sampler.times[k]) || (k > 0 && !(sampler.times[k] > sampler.times[k - 1]))) {
                        return fail(where + ": key times must be finite and strictly increasing");
                    }
                }
                auto width = m_read.componentCount(s.output);
                if (!width) return fail(where + " sampler output: " + width.error());
                sampler.components = *width;
                auto values = m_read.floats(s.output, sampler.components, where + " sampler output");
                if (!values) return fail(values.error());
                sampler.values = std::move(values.value());
                const auto broken = std::count_if(sampler.values.begin(), sampler.values.end(), [](float v) { return !std::isfinite(v); });
                if (broken > 0) {
                    for (float& v : sampler.values) v = std::isfinite(v) ? v : 0.0f;
                    warn(where + ": " + std::to_string(broken) + " non-finite output values were set to 0");
                }
                if (!sampler.times.empty()) clip.duration = std::max(clip.duration, sampler.times.back());
                clip.samplers.push_back(std::move(sampler));
            }
            // A weights channel's sampler holds one scalar per morph target per key: its
            // components are the node's mesh's target count, known only from the channel.
            std::vector<std::size_t> weightTargets(clip.samplers.size(), 0);
            for (const tinygltf::AnimationChannel& c : src.channels) {
                AnimationChannel channel;
                channel.node = c.target_node;
                channel.sampler = c.sampler;
                if (c.target_path == "translation") channel.path = AnimatedPath::Translation;
                else if (c.target_path == "rotation") channel.path = AnimatedPath::Rotation;
                else if (c.target_path == "scale") channel.path = AnimatedPath::Scale;
                else if (c.target_path == "weights") channel.path = AnimatedPath::Weights;
                else {
                    warn(where + ": '" + c.target_path + "' channels are not played");
                    continue;
                }
                if (channel.node < 0 || static_cast<std::size_t>(channel.node) >= m_scene.nodes.size() || channel.sampler < 0 ||
                    static_cast<std::size_t>(channel.sampler) >= clip.samplers.size()) {
                    warn(where + ": a channel with a missing node or sampler was skipped");
                    continue;
                }
                const auto index = static_cast<std::size_t>(channel.sampler);
                AnimationSampler& sampler = clip.samplers[index];
                if (channel.path == AnimatedPath::Weights) {
                    const Node& node = m_scene.nodes[static_cast<std::size_t>(channel.node)];
                    const std::size_t targets =
                        node.mesh >= 0 ? m_scene.meshes[static_cast<std::size_t>(node.mesh)].targetCount() : 0;
                    if (targets == 0) {
                        warn(where + ": a weights channel on node " + std::to_string(channel.node) +
                             ", whose mesh has no morph targets, was skipped");
                        continue;
                    }
                    const std::size_t perKey = targets * (sampler.interpolation == Interpolation::CubicSpline ? 3 : 1);
                    if (sampler.components != 1 && static_cast<std::size_t>(sampler.components) != targets) {
                        return fail(where + ": weights sampler " + std::to_string(index) + " has " +
                                    std::to_string(sampler.components) + "-component outputs; weights are scalars");
                    }
                    if (sampler.values.size() != sampler.times.size() * perKey) {
                        return fail(where + ": weights sampler " + std::to_string(index) + " has " +
                                    std::to_string(sampler.values.size()) + " outputs for " +
                                    std::to_string(sampler.times.size()) + " keys and " + std::to_string(targets) +
                                    " morph targets (expected keys x targets" +
                                    (sampler.interpolation == Interpolation::CubicSpline ? " x 3 for CUBICSPLINE" : "") +
                                    " = " + std::to_string(sampler.times.size() * perKey) + ")");
                    }
                    if (weightTargets[index] != 0 && weightTargets[index] != targets) {
                        warn(where + ": a sampler shared by weights channels of meshes with different target counts; "
                                     "the channel on node " + std::to_string(channel.node) + " was skipped");
                        continue;
                    }
                    weightTargets[index] = targets;
                    sampler.components = static_cast<int>(targets);
                } else {
                    const int expected = channel.path == AnimatedPath::Rotation ? 4 : 3;
                    if (weightTargets[index] != 0 || sampler.components != expected) {
                        warn(where + ": a channel with a mismatched sampler was skipped");
                        continue;
                    }
                }
                clip.channels.push_back(channel);
            }
            // Every other sampler: one output (three for CUBICSPLINE) per key.
            for (std::size_t k = 0; k < clip.samplers.size(); ++k) {
                if (weightTargets[k] != 0) continue;
                const AnimationSampler& sampler = clip.samplers[k];
                const std::size_t perKey = static_cast<std::size_t>(sampler.components) *
                                           (sampler.interpolation == Interpolation::CubicSpline ? 3 : 1);
                if (sampler.values.size() != sampler.times.size() * perKey) {
                    return fail(where + ": sampler has " + std::to_string(sampler.values.size() / static_cast<std::size_t>(sampler.components)) +
                                " outputs for " + std::to_string(sampler.times.size()) + " keys");
                }
            }
            m_scene.clips.push_back(std::move(clip));
        }
        return Ok{};
    }

    const tinygltf::Model& m_model;
    Scene& m_scene;
    AccessorReader m_read;
};

}  // namespace

Result<Scene> loadGltf(const fs::path& path) {
    auto bytes = files::readBytes(path);
    if (!bytes) return fail(bytes.error());
    return loadGltfFromMemory(*bytes, path);
}

Result<Scene> loadGltfFromMemory(std::span<const std::uint8_t> bytes, const fs::path& path) {
    const std::string label = "'" + path.string() + "'";
    if (bytes.empty()) return fail(label + ": file is empty");
    if (bytes.size() > files::kDefaultReadLimit) {
        return fail(files::tooLarge(path, bytes.size(), files::kDefaultReadLimit));
    }

    std::error_code ec;
    FolderGuard guard{fs::weakly_canonical(fs::absolute(path), ec).parent_path(), {}};
    if (ec) return fail(label + ": cannot resolve the path (" + ec.message() + ")");
    tinygltf::TinyGLTF gltf;
    gltf.SetFsCallbacks({&guardedExists, &guardedExpand, &guardedRead, &refuseWrite, &guard});
    gltf.SetImageLoader(&guardedImageLoad, nullptr);
    tinygltf::Model model;
    std::string err;
    std::string warnings;
    const bool binary = bytes.size() >= 4 && std::equal(bytes.begin(), bytes.begin() + 4, "glTF");
    const std::span<const std::uint8_t> jsonText = binary ? glbJson(bytes) : bytes;
    if (const auto at = json::tooDeepAt({reinterpret_cast<const char*>(jsonText.data()), jsonText.size()}, kMaxJsonDepth)) {
        return fail(label + ": the JSON is nested more than " + std::to_string(kMaxJsonDepth) + " levels deep (at byte " +
                    std::to_string(*at + (binary ? 20 : 0)) + "); glTF needs about ten");
    }
    const std::string baseDir = guard.folder.string();
    bool loaded = false;
    if (binary) {
        loaded = gltf.LoadBinaryFromMemory(&model, &err, &warnings, bytes.data(), static_cast<unsigned>(bytes.size()), baseDir);
    } else {
        const auto first = std::find_if(bytes.begin(), bytes.end(), [](std::uint8_t c) { return !std::isspace(c); });
        if (first == bytes.end() || *first != '{') {
            return fail(label + ": not a glTF file (neither JSON nor a binary .glb)");
        }
        loaded = gltf.LoadASCIIFromString(&model, &err, &warnings, reinterpret_cast<const char*>(bytes.data()),
                                          static_cast<unsigned>(bytes.size()), baseDir);
    }
    // tinygltf's messages quote what they refuse, a data URI of any size included: each line is
    // cut to a readable length.
    auto trim = [](const std::string& text) {
        std::string out;
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            constexpr std::size_t kLongest = 300;
            if (!out.empty()) out += '\n';
            out += end - start > kLongest ? text.substr(start, kLongest) + "..." : text.substr(start, end - start);
            start = end + 1;
        }
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        return out;
    };
    if (!loaded) {
        std::string why = trim(err);
        if (!guard.refused.empty()) why = guard.refused;
        return fail(label + ": " + (why.empty() ? "tinygltf could not parse it" : why));
    }
    Scene scene;
    scene.sourcePath = path.string();
    if (!trim(warnings).empty()) scene.warnings.push_back(trim(warnings));
    if (!guard.refused.empty()) scene.warnings.push_back(guard.refused);
    if (auto s = Converter(model, scene).run(); !s) return fail(label + ": " + s.error());
    repairNames(scene);
    if (auto s = validateScene(scene); !s) return fail(label + ": " + s.error());
    return scene;
}

Result<Scene> loadModel(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".gltf" || ext == ".glb") return loadGltf(path);
    return loadWithAssimp(path);
}

}  // namespace myomap::model

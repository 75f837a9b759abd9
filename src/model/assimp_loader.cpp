// OBJ, FBX, DAE and the other formats Assimp reads. Assimp parses and post-processes (triangles,
// shared vertices, normals, at most four bone weights, glTF's top-left UV origin); this file
// confines Assimp's file access to the model's folder, converts to Myomap's scene model
// (assimp_convert.cpp, assimp_materials.cpp) and brings the result to metres and +Y up.
//
// Units and axes: Assimp already applies COLLADA's <unit> and <up_axis> to the root node.
// FBX comes in file units and axes, described by its GlobalSettings (UnitScaleFactor in
// centimetres, UpAxis, FrontAxis, CoordAxis): a new root node converts it. OBJ has no units;
// it is taken as metres, +Y up.
#include "model/assimp_loader.h"

#include "core/files.h"
#include "model/assimp_convert.h"
#include "model/loader.h"

#include <assimp/DefaultIOSystem.h>
#include <assimp/config.h>
#include <assimp/metadata.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fstream>
#include <new>
#include <optional>
#include <stdexcept>

// Debian builds Assimp with its internal assertions on, and a failed one aborts the process;
// malformed files trip some of them (a COLLADA index past its source, an FBX cluster naming a
// missing vertex). This definition takes the place of Assimp's own (ELF symbol interposition:
// the library calls it through its PLT) and throws instead, which Importer::ReadFile reports
// as the file's error. Without assertions in the library it is never called.
namespace Assimp {
void aiAssertViolation(const char* expression, const char* file, int line);
void aiAssertViolation(const char* expression, const char* file, int line) {
    throw std::runtime_error(std::string("the file is malformed (Assimp's check '") + (expression ? expression : "?") +
                             "' failed at " + (file ? std::filesystem::path(file).filename().string() : "?") + ":" +
                             std::to_string(line) + ")");
}
}  // namespace Assimp

namespace myomap::model {
namespace fs = std::filesystem;

namespace {

// Assimp reaches the file system only through this: reads inside the model's folder, within
// the size limit; no writes.
class FolderIOSystem : public Assimp::DefaultIOSystem {
public:
    explicit FolderIOSystem(fs::path folder) : m_folder(std::move(folder)) {}

    bool Exists(const char* file) const override { return allowed(file).has_value(); }

    Assimp::IOStream* Open(const char* file, const char* mode) override {
        if (!mode || std::strpbrk(mode, "wa+")) return nullptr;
        const auto path = allowed(file);
        return path ? DefaultIOSystem::Open(path->c_str(), mode) : nullptr;
    }

    const std::string& refused() const { return m_refused; }

private:
    std::optional<fs::path> allowed(const char* file) const {
        if (!file || !*file) return std::nullopt;
        fs::path path(file);
        if (path.is_relative()) path = m_folder / path;
        const fs::path relative = path.lexically_normal().lexically_relative(m_folder);
        auto inside = files::resolveInside(m_folder, relative.empty() ? std::string(file) : relative.string());
        if (!inside) {
            m_refused = inside.error();
            return std::nullopt;
        }
        std::error_code ec;
        if (!fs::is_regular_file(*inside, ec)) return std::nullopt;
        const std::uintmax_t size = fs::file_size(*inside, ec);
        if (ec || size > files::kDefaultReadLimit) {
            m_refused = files::tooLarge(*inside, size, files::kDefaultReadLimit) + "; it was not read";
            return std::nullopt;
        }
        return *inside;
    }

    fs::path m_folder;
    mutable std::string m_refused;
};

std::optional<double> metadataNumber(const aiMetadata* meta, const char* key) {
    if (!meta || !meta->mKeys || !meta->mValues) return std::nullopt;
    for (unsigned i = 0; i < meta->mNumProperties; ++i) {
        if (std::strcmp(meta->mKeys[i].C_Str(), key) != 0) continue;
        const aiMetadataEntry& e = meta->mValues[i];
        if (!e.mData) return std::nullopt;
        switch (e.mType) {
            case AI_INT32: return static_cast<double>(*static_cast<const std::int32_t*>(e.mData));
            case AI_UINT64: return static_cast<double>(*static_cast<const std::uint64_t*>(e.mData));
            case AI_FLOAT: return static_cast<double>(*static_cast<const float*>(e.mData));
            case AI_DOUBLE: return *static_cast<const double*>(e.mData);
            default: return std::nullopt;
        }
    }
    return std::nullopt;
}

// FBX's axis system and unit as a matrix from file coordinates to metres, +Y up, +Z front;
// identity for formats that Assimp has already converted or that carry no units.
glm::mat3 fbxConversion(const aiScene& in, const fs::path& path, std::vector<std::string>& warnings) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const aiMetadata* meta = in.mMetaData;
    const auto unit = metadataNumber(meta, "UnitScaleFactor");
    if (ext != ".fbx" && !unit) return glm::mat3(1.0f);

    double centimetres = unit.value_or(1.0);  // FBX's default unit is the centimetre
    if (!std::isfinite(centimetres) || centimetres <= 0.0) {
        warnings.push_back("UnitScaleFactor " + std::to_string(centimetres) + " is not a size; centimetres assumed");
        centimetres = 1.0;
    }
    auto axis = [&](const char* name, int fallback) {
        const double v = metadataNumber(meta, name).value_or(fallback);
        return v == 0.0 || v == 1.0 || v == 2.0 ? static_cast<int>(v) : -1;
    };
    auto sign = [&](const char* name) { return metadataNumber(meta, name).value_or(1.0) < 0.0 ? -1.0f : 1.0f; };
    int up = axis("UpAxis", 1), front = axis("FrontAxis", 2), coord = axis("CoordAxis", 0);
    if (up < 0 || front < 0 || coord < 0 || up == front || up == coord || front == coord) {
        warnings.push_back("the file's axis system (UpAxis, FrontAxis, CoordAxis) is inconsistent; +Y up assumed");
        up = 1;
        front = 2;
        coord = 0;
    }
    glm::mat3 m(0.0f);  // m[column][row]: row 0 takes the file's right axis, 1 its up, 2 its front
    m[coord][0] = sign("CoordAxisSign");
    m[up][1] = sign("UpAxisSign");
    m[front][2] = sign("FrontAxisSign");
    return m * static_cast<float>(centimetres / 100.0);
}

// Puts the conversion on a new root node above the file's roots, so skinned and unskinned
// meshes, and animated roots, all get it.
void applyConversion(const glm::mat3& conversion, Scene& scene) {
    if (conversion == glm::mat3(1.0f)) return;
    const float det = glm::determinant(conversion);
    const float scale = std::cbrt(std::abs(det));
    const bool mirrored = det < 0.0f;
    Node root;
    root.name = "to_metres_y_up";
    root.scale = glm::vec3(mirrored ? -scale : scale);
    root.rotation = glm::normalize(glm::quat_cast(conversion / root.scale.x));
    root.children = scene.roots;
    const int index = static_cast<int>(scene.nodes.size());
    for (const int r : scene.roots) scene.nodes[static_cast<std::size_t>(r)].parent = index;
    scene.nodes.push_back(std::move(root));
    scene.roots = {index};
    if (mirrored) {
        // A mirror turns every triangle inside out; reversing the winding keeps the faces out.
        scene.warnings.push_back(
            "the file uses a left-handed axis system; it was mirrored into Myomap's right-handed one");
        for (Mesh& mesh : scene.meshes) {
            for (Primitive& prim : mesh.primitives) {
                for (std::size_t t = 0; t + 2 < prim.indices.size(); t += 3)
                    std::swap(prim.indices[t + 1], prim.indices[t + 2]);
            }
        }
    }
}

// See checkColladaText: Assimp's COLLADA reader trusts counts and indices. Assimp knows COLLADA
// by its extension or by "<COLLADA" near the start, so both are looked for here.
Status checkCollada(const fs::path& path, const std::string& label) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".dae") {
        std::string head(4096, '\0');
        std::ifstream in(path, std::ios::binary);
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
        std::transform(head.begin(), head.end(), head.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (head.find("<collada") == std::string::npos) return Ok{};
    }
    auto text = files::readText(path);
    if (!text) return fail(text.error());
    if (auto s = assimp::checkColladaText(*text); !s) return fail(label + ": " + s.error());
    return Ok{};
}

// See checkPlyHeader. Assimp takes a file for PLY by its extension, or by "ply" at its start.
Status checkPly(const fs::path& path, const std::string& label) {
    constexpr std::size_t kHeaderBytes = 1u << 20;  // real headers are a few hundred bytes
    std::string head(kHeaderBytes, '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto first = head.find_first_not_of(" \t\r\n");
    const bool looksLikePly = first != std::string::npos && head.size() >= first + 3 &&
                              std::tolower(static_cast<unsigned char>(head[first])) == 'p' &&
                              std::tolower(static_cast<unsigned char>(head[first + 1])) == 'l' &&
                              std::tolower(static_cast<unsigned char>(head[first + 2])) == 'y';
    if (ext != ".ply" && !looksLikePly) return Ok{};
    if (auto s = assimp::checkPlyHeader(head); !s) return fail(label + ": " + s.error());
    return Ok{};
}

// See checkFbxHierarchy. Assimp takes a file for FBX by its extension or its header.
Status checkFbx(const fs::path& path, const std::string& label) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".fbx") {
        std::string head(64, '\0');
        std::ifstream in(path, std::ios::binary);
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
        if (head.find("Kaydara FBX") == std::string::npos && head.find("FBXHeaderExtension") == std::string::npos) return Ok{};
    }
    auto bytes = files::readBytes(path);
    if (!bytes) return fail(bytes.error());
    const std::string_view view(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    if (auto s = assimp::checkFbxHierarchy(view); !s) return fail(label + ": " + s.error());
    return Ok{};
}

// Assimp 5.2's validation accepts a face with no indices (a PLY face list of length 0), and
// its SortByPType step then reads far outside memory. Such files, and faces indexing past
// their mesh, are refused before post-processing.
Status checkFaces(const aiScene& in) {
    for (unsigned m = 0; in.mMeshes && m < in.mNumMeshes; ++m) {
        const aiMesh* mesh = in.mMeshes[m];
        if (!mesh || mesh->mNumFaces == 0) continue;
        const std::string where = "mesh " + std::to_string(m) + " ('" + mesh->mName.C_Str() + "')";
        if (!mesh->mFaces) return fail("damaged file: " + where + " has faces but no face data");
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            const aiFace& face = mesh->mFaces[f];
            if (face.mNumIndices == 0 || !face.mIndices) {
                return fail("damaged file: " + where + " face " + std::to_string(f) + " has no vertices");
            }
            for (unsigned k = 0; k < face.mNumIndices; ++k) {
                if (face.mIndices[k] >= mesh->mNumVertices) {
                    return fail("damaged file: " + where + " face " + std::to_string(f) + " uses vertex " +
                                std::to_string(face.mIndices[k]) + " of " + std::to_string(mesh->mNumVertices));
                }
            }
        }
    }
    return Ok{};
}

constexpr unsigned kPostProcess = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_GenSmoothNormals |
                                  aiProcess_LimitBoneWeights | aiProcess_SortByPType | aiProcess_ValidateDataStructure |
                                  // Assimp's UV origin is bottom-left, glTF's (and our images') top-left.
                                  aiProcess_FlipUVs;

Result<Scene> read(const fs::path& path, const std::string& label) {
    std::error_code ec;
    const fs::path file = fs::weakly_canonical(fs::absolute(path), ec);
    if (ec) return fail(label + ": cannot resolve the path (" + ec.message() + ")");
    const fs::path folder = file.parent_path();

    Assimp::Importer importer;
    auto* io = new FolderIOSystem(folder);
    importer.SetIOHandler(io);                                              // the importer owns and deletes it
    importer.SetPropertyInteger(AI_CONFIG_IMPORT_NO_SKELETON_MESHES, 1);    // no made-up bone geometry
    importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);  // no $AssimpFbx$ helper nodes
    importer.SetPropertyInteger(AI_CONFIG_PP_LBW_MAX_WEIGHTS, 4);
    auto failure = [&] {
        std::string why = importer.GetErrorString();
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ' || why.back() == '.')) why.pop_back();
        if (why.empty()) why = "Assimp could not read it";
        if (why.find("bad_alloc") != std::string::npos)
            why = "reading it needs more memory than there is (the file is damaged or too large)";
        return fail(label + ": " + why);
    };
    // Read and validate first (ReadFile with all the flags does the same two steps), check the
    // faces that Assimp's own validation lets through, then post-process.
    const aiScene* raw = importer.ReadFile(file.string(), aiProcess_ValidateDataStructure);
    if (!raw) return failure();
    if (auto s = checkFaces(*raw); !s) return fail(label + ": " + s.error());
    const aiScene* in = importer.ApplyPostProcessing(kPostProcess & ~aiProcess_ValidateDataStructure);
    if (!in) return failure();
    Scene scene;
    scene.sourcePath = path.string();
    if (!io->refused().empty()) scene.warnings.push_back(io->refused());
    std::vector<unsigned> uvChannel;
    assimp::convertMaterials(*in, folder, scene, uvChannel);
    if (auto s = assimp::convertScene(*in, uvChannel, scene); !s) return fail(label + ": " + s.error());
    applyConversion(fbxConversion(*in, path, scene.warnings), scene);
    return scene;
}

}  // namespace

Result<Scene> loadWithAssimp(const fs::path& path) {
    const std::string label = "'" + path.string() + "'";
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return fail(label + ": file not found");
    if (!fs::is_regular_file(status)) return fail(label + ": is not a regular file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return fail(label + ": cannot read its size (" + ec.message() + ")");
    if (size == 0) return fail(label + ": file is empty");
    if (size > files::kDefaultReadLimit) {
        return fail(files::tooLarge(path, size, files::kDefaultReadLimit));
    }
    Result<Scene> scene = fail(label + ": not read");
    try {
        if (auto s = checkCollada(path, label); !s) return fail(s.error());
        if (auto s = checkPly(path, label); !s) return fail(s.error());
        if (auto s = checkFbx(path, label); !s) return fail(s.error());
        scene = read(path, label);
    } catch (const std::bad_alloc&) {
        return fail(label + ": out of memory while reading the model");
    } catch (const std::exception& e) {
        return fail(label + ": " + e.what());
    }
    if (!scene) return scene;
    repairNames(*scene);
    if (auto s = validateScene(*scene); !s) return fail(label + ": " + s.error());
    return scene;
}

}  // namespace myomap::model

// Builds the fuzz targets' seed corpora in a build folder from the project's own files: the
// atlas content and kiosk example in assets/, the hand-written seeds in tests/fuzz/seeds/, and
// a small skinned, animated figure written by Myomap's own glTF writer (as .glb and as .gltf
// with an embedded buffer). Nothing generated here is committed.
//
//   myomap_fuzz_seeds SOURCE_DIR CORPUS_DIR     (CORPUS_DIR/<target>/ for each target)
#include "model/gltf_writer.h"
#include "session/session.h"

#include <glm/gtc/matrix_transform.hpp>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeAll(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

std::string base64(const std::string& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    auto at = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (at(i) << 16) | (at(i + 1) << 8) | at(i + 2);
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = at(i) << 16;
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (at(i) << 16) | (at(i + 1) << 8);
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
    }
    return out;
}

// Two joints, a skinned strip of four triangles with a custom attribute, a clip bending it.
model::Scene skinnedFigure() {
    model::Scene scene;
    model::Node root, tip, body;
    root.name = "root";
    root.children = {1};
    tip.name = "tip";
    tip.parent = 0;
    tip.translation = {0.0f, 1.0f, 0.0f};
    body.name = "strip.R";
    body.mesh = 0;
    body.skin = 0;
    scene.nodes = {root, tip, body};
    scene.roots = {0, 2};
    model::Primitive prim;
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 2; ++col) {
            prim.positions.emplace_back(static_cast<float>(col) * 0.2f, static_cast<float>(row), 0.0f);
            prim.normals.emplace_back(0.0f, 0.0f, 1.0f);
            const float w = static_cast<float>(row) / 2.0f;
            prim.joints.emplace_back(0, 1, 0, 0);
            prim.weights.emplace_back(1.0f - w, w, 0.0f, 0.0f);
        }
    }
    prim.indices = {0, 1, 2, 2, 1, 3, 2, 3, 4, 4, 3, 5};
    prim.custom.push_back({"_MUSCLE_UV", 2, {0, 0, 1, 0, 0, 0.5f, 1, 0.5f, 0, 1, 1, 1}});
    model::Mesh mesh;
    mesh.name = "strip.R";
    mesh.primitives.push_back(prim);
    scene.meshes.push_back(mesh);
    model::Material material;
    material.name = "muscle";
    material.baseColor = {0.8f, 0.2f, 0.2f, 1.0f};
    scene.materials.push_back(material);
    scene.meshes[0].primitives[0].material = 0;
    model::Skin skin;
    skin.name = "strip_skin";
    skin.joints = {0, 1};
    skin.inverseBind = {glm::mat4(1.0f), glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, -1.0f, 0.0f))};
    scene.skins.push_back(skin);
    model::AnimationClip clip;
    clip.name = "bend";
    model::AnimationSampler sampler;
    sampler.components = 4;
    sampler.times = {0.0f, 1.0f};
    sampler.values = {0, 0, 0, 1, 0, 0, 0.3826834f, 0.9238795f};
    clip.samplers.push_back(sampler);
    clip.channels.push_back({1, model::AnimatedPath::Rotation, 0});
    clip.duration = 1.0f;
    scene.clips.push_back(clip);
    return scene;
}

// The .glb's JSON chunk with its binary chunk moved into a data URI: the same figure as .gltf.
std::string glbToGltf(const std::string& glb) {
    auto u32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        std::memcpy(&v, glb.data() + at, 4);
        return v;
    };
    const std::uint32_t jsonLength = u32(12);
    std::string json = glb.substr(20, jsonLength);
    const std::size_t binAt = 20 + jsonLength;
    const std::string bin = binAt + 8 <= glb.size() ? glb.substr(binAt + 8, u32(binAt)) : std::string();
    const std::string key = "\"byteLength\"";
    const std::size_t buffers = json.find("\"buffers\"");
    if (buffers == std::string::npos) return json;
    const std::size_t at = json.find(key, buffers);
    if (at == std::string::npos) return json;
    json.insert(at, "\"uri\":\"data:application/octet-stream;base64," + base64(bin) + "\",");
    return json;
}

void copyFolder(const fs::path& from, const fs::path& to, const std::string& prefix = {}) {
    std::error_code ec;
    if (!fs::is_directory(from, ec)) return;
    for (const auto& entry : fs::recursive_directory_iterator(from)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = fs::relative(entry.path(), from).string();
        std::string flat = name;
        for (char& c : flat) c = c == '/' ? '_' : c;
        writeAll(to / flat, prefix + readAll(entry.path()));
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: myomap_fuzz_seeds SOURCE_DIR CORPUS_DIR\n");
        return 2;
    }
    const fs::path source = argv[1], corpus = argv[2];
    const fs::path seeds = source / "tests/fuzz/seeds";
    for (const char* target : {"gltf", "assimp", "atlas", "kiosk", "session", "script"}) {
        fs::create_directories(corpus / target);
    }

    copyFolder(seeds / "gltf", corpus / "gltf");
    const fs::path glb = corpus / "gltf" / "skinned_figure.glb";
    if (auto s = model::writeGlb(skinnedFigure(), glb); !s) {
        std::fprintf(stderr, "myomap_fuzz_seeds: %s\n", s.error().c_str());
        return 1;
    }
    writeAll(corpus / "gltf" / "skinned_figure.gltf", glbToGltf(readAll(glb)));

    // fuzz_assimp reads the extension from the first byte: its index in this list.
    const std::array<std::string, 5> extensions = {".obj", ".ply", ".stl", ".fbx", ".dae"};
    for (const auto& entry : fs::directory_iterator(seeds / "assimp")) {
        for (std::size_t i = 0; i < extensions.size(); ++i) {
            if (entry.path().extension() != extensions[i]) continue;
            writeAll(corpus / "assimp" / entry.path().filename(), std::string(1, static_cast<char>(i)) + readAll(entry.path()));
        }
    }

    copyFolder(source / "assets/atlas", corpus / "atlas");
    copyFolder(seeds / "atlas", corpus / "atlas");

    writeAll(corpus / "kiosk" / "kiosk.example.json", readAll(source / "assets/kiosk.example.json"));
    copyFolder(seeds / "kiosk", corpus / "kiosk");

    copyFolder(seeds / "session", corpus / "session");
    session::Session sample;
    sample.id = session::sessionIdForTime(1'796'000'000);
    sample.created = session::isoUtc(1'796'000'000);
    sample.modified = session::isoUtc(1'796'000'600);
    sample.pain = {{"temple.R", glm::vec3(0.061f, 1.62f, 0.043f), 7}, {"heel.L", std::nullopt, 2}};
    sample.musclesExplored = {"upper_trapezius.R"};
    sample.treated = {{"upper_trapezius.tp1.R", 90, session::isoUtc(1'796'000'300)}};
    sample.notes = "Tension after desk work.";
    writeAll(corpus / "session" / "written.json", session::toJson(sample));

    copyFolder(seeds / "script", corpus / "script");
    std::printf("myomap_fuzz_seeds: corpora in %s\n", corpus.string().c_str());
    return 0;
}

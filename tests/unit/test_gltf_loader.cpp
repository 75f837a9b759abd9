// Every Khronos model in the fixtures loads, with the structure their READMEs describe.
#include "model/loader.h"
#include "model/pose.h"
#include "support/fixtures.h"
#include "support/gltf_builder.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

std::vector<fs::path> gltfFilesUnder(const fs::path& root) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension();
        if (ext == ".gltf" || ext == ".glb") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The number of animations a .gltf or .glb declares, read from its JSON with nlohmann (not
// through the loader under test).
std::size_t animationCount(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (file.extension() == ".glb") {
        std::uint32_t length = 0;
        std::memcpy(&length, bytes.data() + 12, 4);  // the JSON chunk's length, after the 12-byte header
        bytes = bytes.substr(20, length);
    }
    const auto json = nlohmann::json::parse(bytes);
    return json.contains("animations") ? json["animations"].size() : 0;
}

bool finite(const model::Bounds& b) {
    return !b.empty() && std::isfinite(b.min.x) && std::isfinite(b.max.x) && std::isfinite(b.min.y) &&
           std::isfinite(b.max.y) && std::isfinite(b.min.z) && std::isfinite(b.max.z);
}

}  // namespace

TEST_CASE("every Asset-Generator skin model loads and poses to finite bounds") {
    for (const char* folder : {"Animation_Skin", "Animation_SkinType"}) {
        const fs::path dir = test::fixture(std::string("gltf/asset-generator/Output/") + folder);
        if (dir.empty()) return;
        const auto files = gltfFilesUnder(dir);
        CHECK(files.size() >= 4);
        for (const fs::path& file : files) {
            CAPTURE(file.string());
            auto scene = model::loadGltf(file);
            REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
            CHECK_FALSE(scene->skins.empty());
            const model::AnimationClip* clip = scene->clips.empty() ? nullptr : &scene->clips[0];
            for (float t : {0.0f, 0.5f, 1.0f}) CHECK(finite(model::posedBounds(*scene, model::evaluatePose(*scene, clip, t))));
        }
    }
}

TEST_CASE("every sample model loads in each of its variants, with every animation it has") {
    const fs::path dir = test::fixture("gltf/sample-assets/Models");
    if (dir.empty()) return;
    const auto files = gltfFilesUnder(dir);
    CHECK(files.size() >= 10);
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        auto scene = model::loadModel(file);
        REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
        CHECK(finite(model::posedBounds(*scene, model::evaluatePose(*scene, nullptr, 0.0f))));
        // As many clips as the file has animations (morph weights ones too), each with channels.
        CHECK(scene->clips.size() == animationCount(file));
        for (const model::AnimationClip& clip : scene->clips) CHECK_FALSE(clip.channels.empty());
    }
}

TEST_CASE("CesiumMan: 19 joints, one textured material, one clip, the same in .gltf, .glb and embedded") {
    const fs::path dir = test::fixture("gltf/sample-assets/Models/CesiumMan");
    if (dir.empty()) return;
    std::vector<model::Bounds> bounds;
    for (const char* variant : {"glTF/CesiumMan.gltf", "glTF-Binary/CesiumMan.glb", "glTF-Embedded/CesiumMan.gltf"}) {
        CAPTURE(variant);
        auto scene = model::loadGltf(dir / variant);
        REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
        REQUIRE(scene->skins.size() == 1);
        CHECK(scene->skins[0].joints.size() == 19);
        REQUIRE(scene->clips.size() == 1);
        CHECK(scene->clips[0].duration == doctest::Approx(2.0).epsilon(0.05));
        REQUIRE(scene->materials.size() == 1);
        CHECK(scene->materials[0].baseColorImage >= 0);
        const model::Image& image = scene->images[static_cast<std::size_t>(scene->materials[0].baseColorImage)];
        CHECK(image.width > 0);
        CHECK(image.rgba.size() == static_cast<std::size_t>(image.width * image.height * 4));
        bounds.push_back(model::posedBounds(*scene, model::evaluatePose(*scene, &scene->clips[0], 0.5f)));
    }
    for (const auto& b : bounds) {
        CHECK(b.min.x == doctest::Approx(bounds[0].min.x));
        CHECK(b.max.y == doctest::Approx(bounds[0].max.y));
    }
    // The walking figure is about 1.5 m tall, standing on y = 0 and +Y up once posed.
    CHECK(bounds[0].size().y == doctest::Approx(1.5).epsilon(0.1));
}

TEST_CASE("RiggedSimple and RiggedFigure have the joint counts their READMEs give") {
    for (auto [path, joints] : {std::pair{"gltf/sample-assets/Models/RiggedSimple/glTF-Binary/RiggedSimple.glb", 2},
                                {"gltf/sample-assets/Models/RiggedFigure/glTF-Binary/RiggedFigure.glb", 19}}) {
        const fs::path file = test::fixture(path);
        if (file.empty()) return;
        auto scene = model::loadGltf(file);
        REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
        REQUIRE(scene->skins.size() == 1);
        CHECK(scene->skins[0].joints.size() == static_cast<std::size_t>(joints));
    }
}

TEST_CASE("a small embedded triangle loads exactly") {
    const fs::path dir = test::scratchDir("triangle");
    const auto file = test::writeFile(dir / "triangle.gltf", test::TriangleGltf{}.json());
    auto scene = model::loadGltf(file);
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
    REQUIRE(scene->meshes.size() == 1);
    const model::Primitive& p = scene->meshes[0].primitives[0];
    CHECK(p.positions.size() == 3);
    CHECK(p.positions[1] == glm::vec3(1, 0, 0));
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2});
    // No normals in the file: flat normals are made, facing +Z for this counter-clockwise triangle.
    REQUIRE(p.normals.size() == 3);
    CHECK(p.normals[0] == glm::vec3(0, 0, 1));
}

TEST_CASE("a buffer in a sub-folder of the model's folder is allowed") {
    const fs::path dir = test::scratchDir("subfolder");
    const auto bytes = test::triangleBuffer();
    test::writeFile(dir / "data" / "tri.bin", std::string(bytes.begin(), bytes.end()));
    test::TriangleGltf gltf;
    gltf.bufferUri = "data/tri.bin";
    auto scene = model::loadGltf(test::writeFile(dir / "m.gltf", gltf.json()));
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
    CHECK(scene->meshes[0].primitives[0].positions.size() == 3);
}

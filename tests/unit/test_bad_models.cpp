// Hostile and broken model files give clear errors or warnings and never crash. The CI runs
// this file under AddressSanitizer and UndefinedBehaviorSanitizer too.
#include "core/log.h"
#include "core/paths.h"
#include "model/loader.h"
#include "support/gltf_builder.h"

#include <doctest/doctest.h>

#include <random>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

// The load must fail with a message that names the file and contains `expected`.
void expectError(const fs::path& file, const std::string& expected) {
    CAPTURE(file.string());
    auto scene = model::loadModel(file);
    REQUIRE_FALSE(scene.ok());
    CAPTURE(scene.error());
    CHECK(scene.error().find(file.filename().string()) != std::string::npos);
    CHECK(scene.error().find(expected) != std::string::npos);
}

}  // namespace

TEST_CASE("a truncated .glb is reported, at every length") {
    // The project's own figure (built before the tests): a skinned, animated .glb in every clone.
    const fs::path source = paths::builtInFigure();
    REQUIRE_MESSAGE(fs::exists(source), source.string());
    std::ifstream in(source, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const fs::path dir = test::scratchDir("truncated");
    for (std::size_t length : {std::size_t(4), std::size_t(12), std::size_t(20), std::size_t(100), std::size_t(2000),
                               bytes.size() / 2, bytes.size() - 1}) {
        CAPTURE(length);
        const auto file = test::writeFile(dir / ("cut" + std::to_string(length) + ".glb"), bytes.substr(0, length));
        CHECK_FALSE(model::loadModel(file).ok());
    }
}

TEST_CASE("random bytes are not a model") {
    const fs::path dir = test::scratchDir("random");
    std::mt19937 rng(1234);
    for (int i = 0; i < 20; ++i) {
        std::string noise(static_cast<std::size_t>(1 + rng() % 4096), '\0');
        for (char& c : noise) c = static_cast<char>(rng());
        if (i % 2 == 0) noise.replace(0, std::min<std::size_t>(4, noise.size()), "glTF");  // a plausible magic number
        const auto file = test::writeFile(dir / ("noise" + std::to_string(i) + (i % 3 == 0 ? ".gltf" : ".glb")), noise);
        CHECK_FALSE(model::loadModel(file).ok());
    }
    expectError(test::writeFile(dir / "empty.glb", ""), "empty");
}

TEST_CASE("JSON that is not glTF") {
    const fs::path dir = test::scratchDir("notgltf");
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "hello.gltf", R"({"hello": 1})")).ok());
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "array.gltf", "[1,2,3]")).ok());
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "broken.gltf", R"({"asset":{"version":"2.0"},)")).ok());
    expectError(test::writeFile(dir / "text.gltf", "hello world"), "not a glTF file");
}

TEST_CASE("a buffer URI pointing outside the model's folder is refused and nothing is read") {
    const fs::path dir = test::scratchDir("escape");
    test::TriangleGltf gltf;
    gltf.bufferUri = "../../../../../../../../etc/passwd";
    expectError(test::writeFile(dir / "escape.gltf", gltf.json()), "outside the model's folder");
    gltf.bufferUri = "/etc/passwd";
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "absolute.gltf", gltf.json())).ok());
}

TEST_CASE("accessor counts past the end of the buffer") {
    const fs::path dir = test::scratchDir("overrun");
    test::TriangleGltf gltf;
    gltf.positionCount = 1000;
    expectError(test::writeFile(dir / "positions.gltf", gltf.json()), "need");
    gltf.positionCount = 3;
    gltf.indexCount = 2000000000;
    expectError(test::writeFile(dir / "indices.gltf", gltf.json()), "absurdly large");
}

TEST_CASE("indices past the vertex count") {
    // Two vertices referenced by three indices: index 2 has no vertex.
    test::TriangleGltf gltf;
    gltf.positionCount = 2;
    const fs::path dir = test::scratchDir("index");
    expectError(test::writeFile(dir / "index.gltf", gltf.json()), "past the vertex count");
}

TEST_CASE("a node graph with a cycle or a shared child") {
    const fs::path dir = test::scratchDir("cycle");
    test::TriangleGltf gltf;
    gltf.nodes = R"([{"mesh":0,"children":[1]},{"children":[0]}])";
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "cycle.gltf", gltf.json())).ok());
    gltf.nodes = R"([{"mesh":0,"children":[0]}])";
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "self.gltf", gltf.json())).ok());
    gltf.nodes = R"([{"mesh":0,"children":[2]},{"children":[2]},{}])";
    CHECK_FALSE(model::loadModel(test::writeFile(dir / "shared.gltf", gltf.json())).ok());
}

TEST_CASE("a missing texture is a warning: the model still loads, untextured") {
    const fs::path dir = test::scratchDir("texture");
    test::TriangleGltf gltf;
    gltf.extraImageUri = "missing.png";
    auto scene = model::loadModel(test::writeFile(dir / "textured.gltf", gltf.json()));
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
    REQUIRE_FALSE(scene->warnings.empty());
    std::string all;
    for (const auto& w : scene->warnings) all += w + "\n";
    CAPTURE(all);
    CHECK(all.find("missing.png") != std::string::npos);
    CHECK(scene->materials[0].baseColorImage == model::kNone);
}

TEST_CASE("a missing file and a folder") {
    const fs::path dir = test::scratchDir("missing");
    expectError(dir / "nowhere.glb", "not found");
    fs::create_directories(dir / "folder.gltf");
    expectError(dir / "folder.gltf", "folder");
}

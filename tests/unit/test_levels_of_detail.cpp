// Levels of detail: carried through body.glb (primitive extras "lods"), checked on loading,
// and chosen per draw by how many pixels their error covers (render/culling.h, no OpenGL).
#include "model/gltf_writer.h"
#include "model/loader.h"
#include "render/culling.h"
#include "support/gltf_builder.h"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace myomap;

namespace {

// A square of two triangles over four vertices, one node, and the given levels.
model::Scene square(std::vector<model::LevelOfDetail> lods) {
    model::Scene scene;
    model::Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
    p.normals.assign(4, {0, 0, 1});  // without normals the loader splits the vertices (and drops the levels)
    p.indices = {0, 1, 2, 0, 2, 3};
    p.lods = std::move(lods);
    model::Mesh mesh;
    mesh.name = "square";
    mesh.primitives.push_back(std::move(p));
    scene.meshes.push_back(std::move(mesh));
    model::Node node;
    node.mesh = 0;
    scene.nodes.push_back(node);
    scene.roots.push_back(0);
    return scene;
}

model::Scene roundTrip(const model::Scene& scene, const std::string& name) {
    const auto path = test::scratchDir("lods") / (name + ".glb");
    REQUIRE(model::writeGlb(scene, path));
    auto loaded = model::loadModel(path);
    REQUIRE(loaded);
    return std::move(loaded.value());
}

bool warned(const model::Scene& scene, const std::string& what) {
    return std::any_of(scene.warnings.begin(), scene.warnings.end(),
                       [&](const std::string& w) { return w.find(what) != std::string::npos; });
}

}  // namespace

TEST_CASE("levels of detail: written into the .glb and read back exactly") {
    const model::Scene loaded = roundTrip(square({{{0, 1, 2}, 0.002f}, {{0, 2, 3}, 0.008f}}), "good");
    const model::Primitive& p = loaded.meshes.at(0).primitives.at(0);
    REQUIRE(p.lods.size() == 2);
    CHECK(p.lods[0].indices == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(p.lods[0].error == doctest::Approx(0.002f));
    CHECK(p.lods[1].indices == std::vector<std::uint32_t>{0, 2, 3});
    CHECK(p.lods[1].error == doctest::Approx(0.008f));
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2, 0, 2, 3});  // the full mesh is untouched
    CHECK(loaded.warnings.empty());
}

TEST_CASE("levels of detail: a level that does not fit is left out with a warning, the rest kept") {
    SUBCASE("an index past the vertices") {
        const model::Scene loaded = roundTrip(square({{{0, 1, 9}, 0.002f}, {{0, 2, 3}, 0.004f}}), "past");
        const model::Primitive& p = loaded.meshes.at(0).primitives.at(0);
        REQUIRE(p.lods.size() == 1);
        CHECK(p.lods[0].indices == std::vector<std::uint32_t>{0, 2, 3});
        CHECK(warned(loaded, "level of detail 1 is not whole triangles over the primitive's 4 vertices; left out"));
    }
    SUBCASE("part of a triangle") {
        const model::Scene loaded = roundTrip(square({{{0, 1, 2, 3}, 0.002f}}), "partial");
        CHECK(loaded.meshes.at(0).primitives.at(0).lods.empty());
        CHECK(warned(loaded, "level of detail 1 is not whole triangles"));
    }
    SUBCASE("an error smaller than the finer level's") {
        const model::Scene loaded = roundTrip(square({{{0, 1, 2}, 0.004f}, {{0, 2, 3}, 0.001f}}), "order");
        const model::Primitive& p = loaded.meshes.at(0).primitives.at(0);
        REQUIRE(p.lods.size() == 1);
        CHECK(p.lods[0].error == doctest::Approx(0.004f));
        CHECK(warned(loaded, "level of detail 2 has error"));
    }
}

TEST_CASE("levels of detail: the coarsest level whose error stays within the pixel budget") {
    const glm::mat4 projection = glm::perspective(glm::radians(35.0f), 1.0f, 0.1f, 100.0f);
    const std::vector<float> errors = {0.0f, 0.001f, 0.004f, 0.016f};
    // 1000 pixels tall: at 1 m a metre covers 500 / tan(17.5 degrees) = 1586 pixels.
    const float perMetre = 500.0f / std::tan(glm::radians(17.5f));
    CHECK(render::chooseLevel(errors, 1.0f, 1.0f, projection, 1000, 0.0f) == 0);  // full detail asked
    CHECK(render::chooseLevel(errors, 1.0f, 1.0f, projection, 1000, 0.5f) == 0);  // 1 mm is 1.6 pixels here
    CHECK(render::chooseLevel(errors, 1.01f * 0.001f * perMetre / 0.5f, 1.0f, projection, 1000, 0.5f) == 1);  // 1 mm is just under half a pixel
    CHECK(render::chooseLevel(errors, 100.0f, 1.0f, projection, 1000, 0.5f) == 3);
    CHECK(render::chooseLevel(errors, 100.0f, 10.0f, projection, 1000, 0.5f) == 1);  // scaled up ten times: 4 mm is 0.63 pixels
    CHECK(render::chooseLevel(errors, 0.0f, 1.0f, projection, 1000, 0.5f) == 0);    // the eye inside its bounds
    CHECK(render::chooseLevel(std::vector<float>{0.0f}, 100.0f, 1.0f, projection, 1000, 0.5f) == 0);  // no levels
    // Orthographic: the same at any distance.
    const glm::mat4 ortho = glm::ortho(-1.0f, 1.0f, -1.0f, 1.0f, 0.1f, 100.0f);  // 2 m over 1000 pixels
    CHECK(render::chooseLevel(errors, 1.0f, 1.0f, ortho, 1000, 0.5f) == 1);
    CHECK(render::chooseLevel(errors, 50.0f, 1.0f, ortho, 1000, 0.5f) == 1);
}

TEST_CASE("levels of detail: the distance to a draw's bounds, placed as the draw places them") {
    render::MeshSource source;
    const std::vector<glm::vec3> positions = {{-1, -1, -1}, {1, 1, 1}};
    source.positions = positions;
    const render::MeshBounds bounds = render::meshBounds(source);
    CHECK(render::nearestDistance(bounds, glm::mat4(1.0f), nullptr, {0, 0, 5}) == doctest::Approx(4.0f));
    CHECK(render::nearestDistance(bounds, glm::mat4(1.0f), nullptr, {0, 0, 0.5f}) == 0.0f);  // inside
    const glm::mat4 moved = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, 3));
    CHECK(render::nearestDistance(bounds, moved, nullptr, {0, 0, 5}) == doctest::Approx(1.0f));
    // Skinned: each joint's box through its matrix; a joint past the palette gives 0 (unknown).
    const std::vector<glm::u16vec4> joints = {{0, 0, 0, 0}, {1, 0, 0, 0}};
    const std::vector<glm::vec4> weights = {{1, 0, 0, 0}, {1, 0, 0, 0}};
    source.joints = joints;
    source.weights = weights;
    const render::MeshBounds skinned = render::meshBounds(source);
    const std::vector<glm::mat4> palette = {glm::mat4(1.0f), glm::translate(glm::mat4(1.0f), glm::vec3(0, 0, 2))};
    CHECK(render::nearestDistance(skinned, glm::mat4(1.0f), &palette, {0, 0, 10}) == doctest::Approx(std::sqrt(51.0f)));  // (1, 1, 3)
    const std::vector<glm::mat4> short_ = {glm::mat4(1.0f)};
    CHECK(render::nearestDistance(skinned, glm::mat4(1.0f), &short_, {0, 0, 10}) == 0.0f);
}

// Morph targets (glTF mesh.primitives[].targets, mesh and node weights, `weights` animation
// channels): the loader, the weights a clip gives at a time, the morphed CPU positions that
// picking and bounds use, and broken files. The GPU side is in tests/render/test_morph_cli.cpp.
#include "model/assimp_loader.h"
#include "model/loader.h"
#include "model/pose.h"
#include "support/fixtures.h"
#include "support/gltf_builder.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A triangle with two morph targets (the first lifts vertex 2 by 1 in z, the second moves
// vertex 1 by 1 in x) and a clip "morph" whose weights go from (0, 0) at 0 s to (1, 0.5) at
// 1 s. Fields break one thing at a time.
struct MorphTriangle {
    std::string interpolation = "LINEAR";
    int weightOutputs = 4;           // keys x targets = 2 x 2
    int secondTargetCount = 3;       // the second target's accessor count
    bool nanDelta = false;           // a NaN in the first target
    std::string meshWeights = "[0.25, 0]";
    std::string nodeWeights;         // e.g. ",\"weights\":[0, 1]"

    std::string json() const {
        std::vector<float> floats = {0, 0, 0, 1, 0, 0, 0, 1, 0};  // base positions
        const std::vector<float> lift = {0, 0, 0, 0, 0, 0, 0, 0, nanDelta ? std::numeric_limits<float>::quiet_NaN() : 1.0f};
        const std::vector<float> slide = {0, 0, 0, 1, 0, 0, 0, 0, 0};
        floats.insert(floats.end(), lift.begin(), lift.end());
        floats.insert(floats.end(), slide.begin(), slide.end());
        floats.insert(floats.end(), {0.0f, 1.0f});                              // key times
        const std::vector<float> outputs = {0.0f, 0.0f, 1.0f, 0.5f, 0.0f, 0.0f};  // two keys, two targets (+2 spare)
        floats.insert(floats.end(), outputs.begin(), outputs.end());
        std::vector<std::uint8_t> bytes(floats.size() * 4 + 8);
        std::memcpy(bytes.data(), floats.data(), floats.size() * 4);
        const std::uint16_t indices[4] = {0, 1, 2, 0};
        std::memcpy(bytes.data() + floats.size() * 4, indices, sizeof indices);
        const std::size_t indexOffset = floats.size() * 4;
        const std::string uri = "data:application/octet-stream;base64," + test::base64(bytes);
        const auto view = [](std::size_t offset, std::size_t length) {
            return R"({"buffer":0,"byteOffset":)" + std::to_string(offset) + R"(,"byteLength":)" + std::to_string(length) + "}";
        };
        return std::string(R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],)") +
               R"("nodes":[{"mesh":0)" + nodeWeights + "}]," +
               R"("meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1,"targets":[{"POSITION":2},{"POSITION":3}]}],"weights":)" +
               meshWeights + "}]," +
               R"("animations":[{"name":"morph","samplers":[{"input":4,"output":5,"interpolation":")" + interpolation +
               R"("}],"channels":[{"sampler":0,"target":{"node":0,"path":"weights"}}]}],)" +
               R"("buffers":[{"uri":")" + uri + R"(","byteLength":)" + std::to_string(bytes.size()) + "}]," +
               R"("bufferViews":[)" + view(0, 36) + "," + view(indexOffset, 6) + "," + view(36, 36) + "," + view(72, 36) + "," +
               view(108, 8) + "," + view(116, 24) + "]," +
               R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},)" +
               R"({"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"},)" +
               R"({"bufferView":2,"componentType":5126,"count":3,"type":"VEC3"},)" +
               R"({"bufferView":3,"componentType":5126,"count":)" + std::to_string(secondTargetCount) + R"(,"type":"VEC3"},)" +
               R"({"bufferView":4,"componentType":5126,"count":2,"type":"SCALAR","min":[0],"max":[1]},)" +
               R"({"bufferView":5,"componentType":5126,"count":)" + std::to_string(weightOutputs) + R"(,"type":"SCALAR"}]})";
    }
};

Result<model::Scene> load(const MorphTriangle& gltf, const std::string& name) {
    const fs::path dir = test::scratchDir("morph");
    return model::loadModel(test::writeFile(dir / (name + ".gltf"), gltf.json()));
}

}  // namespace

TEST_CASE("morph: targets, default weights and a weights clip load and pose, morph before skin") {
    auto scene = load(MorphTriangle{}, "good");
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
    REQUIRE(scene->meshes.size() == 1);
    const model::Mesh& mesh = scene->meshes[0];
    CHECK(mesh.targetCount() == 2);
    CHECK(mesh.weights == std::vector<float>{0.25f, 0.0f});
    REQUIRE(scene->clips.size() == 1);
    REQUIRE(scene->clips[0].channels.size() == 1);
    CHECK(scene->clips[0].channels[0].path == model::AnimatedPath::Weights);
    CHECK(scene->clips[0].samplers[0].components == 2);

    // Rest: the mesh's weights.
    const model::Pose rest = model::evaluatePose(*scene, nullptr, 0.0f);
    CHECK(rest.weights[0] == std::vector<float>{0.25f, 0.0f});
    auto posed = model::posedPositions(*scene, rest, 0, mesh.primitives[0]);
    CHECK(posed[2].z == doctest::Approx(0.25f));
    // The clip at 0.5 s: halfway, (0.5, 0.25): vertex 2 lifted 0.5, vertex 1 slid 0.25.
    const model::Pose half = model::evaluatePose(*scene, &scene->clips[0], 0.5f);
    REQUIRE(half.weights[0].size() == 2);
    CHECK(half.weights[0][0] == doctest::Approx(0.5f));
    CHECK(half.weights[0][1] == doctest::Approx(0.25f));
    posed = model::posedPositions(*scene, half, 0, mesh.primitives[0]);
    CHECK(posed[2].z == doctest::Approx(0.5f));
    CHECK(posed[1].x == doctest::Approx(1.25f));
    // Bounds follow the morph.
    CHECK(model::posedBounds(*scene, half).max.z == doctest::Approx(0.5f));

    // STEP holds the first key's weights until the second key.
    MorphTriangle step;
    step.interpolation = "STEP";
    auto stepped = load(step, "step");
    REQUIRE(stepped);
    CHECK(model::evaluatePose(*stepped, &stepped->clips[0], 0.9f).weights[0] == std::vector<float>{0.0f, 0.0f});
    CHECK(model::evaluatePose(*stepped, &stepped->clips[0], 1.0f).weights[0] == std::vector<float>{1.0f, 0.5f});

    // A node's own weights override its mesh's.
    MorphTriangle own;
    own.nodeWeights = R"(,"weights":[0, 1])";
    auto overridden = load(own, "node-weights");
    REQUIRE(overridden);
    CHECK(model::evaluatePose(*overridden, nullptr, 0.0f).weights[0] == std::vector<float>{0.0f, 1.0f});
}

TEST_CASE("morph: CUBICSPLINE weights take in-tangent, value and out-tangent per key per target") {
    MorphTriangle cubic;
    cubic.interpolation = "CUBICSPLINE";
    cubic.weightOutputs = 12;  // 2 keys x 2 targets x 3 - more floats than the buffer view holds
    auto refused = load(cubic, "cubic-short");
    REQUIRE_FALSE(refused);  // the accessor runs past its buffer view: refused, named
    CHECK(contains(refused.error(), "cubic-short.gltf"));

    // In memory, a well-formed cubic sampler: keys (0 s: value 0, 1 s: value 1), tangents 0, so
    // the Hermite curve at 0.5 s is 0.5 and at 0.25 s is 3s^2 - 2s^3 = 0.15625.
    model::AnimationSampler s;
    s.interpolation = model::Interpolation::CubicSpline;
    s.times = {0.0f, 1.0f};
    s.components = 5;  // five targets: more than a quaternion's four
    s.values.assign(2 * 3 * 5, 0.0f);
    for (int t = 0; t < 5; ++t) s.values[static_cast<std::size_t>(15 + 5 + t)] = static_cast<float>(t + 1);  // key 1 values
    float out[5];
    model::sampleAnimation(s, 0.25f, out, model::AnimatedPath::Weights);
    for (int t = 0; t < 5; ++t) CHECK(out[t] == doctest::Approx(0.15625f * static_cast<float>(t + 1)));
    // Four weights are not a quaternion: never normalised.
    s.components = 4;
    s.values.assign(2 * 3 * 4, 0.0f);
    for (int t = 0; t < 4; ++t) s.values[static_cast<std::size_t>(12 + 4 + t)] = 2.0f;
    model::sampleAnimation(s, 1.0f, out, model::AnimatedPath::Weights);
    for (int t = 0; t < 4; ++t) CHECK(out[t] == doctest::Approx(2.0f));
}

TEST_CASE("morph: a weights sampler whose outputs are not keys x targets is refused with a message") {
    MorphTriangle bad;
    bad.weightOutputs = 3;
    auto scene = load(bad, "bad-outputs");
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), "bad-outputs.gltf"));
    CHECK(contains(scene.error(), "animation 'morph'"));
    CHECK(contains(scene.error(), "3 outputs for 2 keys and 2 morph targets"));
    CHECK(contains(scene.error(), "= 4"));
}

TEST_CASE("morph: a target whose count differs from the base attribute is refused with a message") {
    MorphTriangle bad;
    bad.secondTargetCount = 2;
    auto scene = load(bad, "bad-target");
    REQUIRE_FALSE(scene);
    CHECK(contains(scene.error(), "bad-target.gltf"));
    CHECK(contains(scene.error(), "morph target 1 POSITION has 2 entries for 3 positions"));
}

TEST_CASE("morph: NaN displacements and weights are set to 0 with a warning, never reach the pose") {
    MorphTriangle bad;
    bad.nanDelta = true;
    bad.meshWeights = "[1, 0, 7]";  // one too many
    auto scene = load(bad, "nan");
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
    bool nanWarned = false, countWarned = false;
    for (const std::string& w : scene->warnings) {
        nanWarned = nanWarned || contains(w, "non-finite morph target displacements");
        countWarned = countWarned || contains(w, "3 morph weights for 2 targets");
    }
    CHECK(nanWarned);
    CHECK(countWarned);
    CHECK(scene->meshes[0].weights == std::vector<float>{1.0f, 0.0f});
    const auto posed = model::posedPositions(*scene, model::evaluatePose(*scene, nullptr, 0.0f), 0, scene->meshes[0].primitives[0]);
    for (const glm::vec3& p : posed) CHECK(std::isfinite(p.x + p.y + p.z));
}

TEST_CASE("morph: AnimatedMorphCube's weights at several times, as computed by hand from its keys") {
    const fs::path file = test::fixture("gltf/sample-assets/Models/AnimatedMorphCube/glTF-Binary/AnimatedMorphCube.glb");
    if (file.empty()) return;
    auto scene = model::loadModel(file);
    REQUIRE_MESSAGE(scene, (scene ? "" : scene.error()));
    REQUIRE(scene->clips.size() == 1);
    CHECK(scene->clips[0].name == "Square");
    CHECK(scene->meshes[0].targetCount() == 2);
    // Its keys (LINEAR, every 1/30 s; read once from the file's accessor 11): 0.8 s (key 24)
    // thin 0.5; 1.6 s (key 48) thin 1; 2.4 s (key 72) both 0.5; keys 24 and 25 are (0.5, 0) at
    // 0.8 s and (0.531232, 0) at 0.833334 s, so 0.816667 s, halfway, is (0.515616, 0).
    struct Expected {
        float t, thin, angle;
    };
    for (const Expected e : {Expected{0.0f, 0.0f, 0.0f}, Expected{0.8f, 0.5f, 0.0f}, Expected{0.8166669f, 0.5156162f, 0.0f},
                             Expected{1.6f, 1.0f, 0.0f}, Expected{2.4f, 0.5f, 0.5f}}) {
        CAPTURE(e.t);
        const auto weights = model::evaluatePose(*scene, &scene->clips[0], e.t).weights[0];
        REQUIRE(weights.size() == 2);
        CHECK(weights[0] == doctest::Approx(e.thin).epsilon(1e-3));
        CHECK(weights[1] == doctest::Approx(e.angle).epsilon(1e-3));
    }
}

TEST_CASE("morph: AnimatedMorphCube through Assimp gives the same targets, weights and shapes as through glTF") {
    const fs::path file = test::fixture("gltf/sample-assets/Models/AnimatedMorphCube/glTF-Binary/AnimatedMorphCube.glb");
    if (file.empty()) return;
    auto viaGltf = model::loadModel(file);
    auto viaAssimp = model::loadWithAssimp(file);
    REQUIRE_MESSAGE(viaGltf, (viaGltf ? "" : viaGltf.error()));
    REQUIRE_MESSAGE(viaAssimp, (viaAssimp ? "" : viaAssimp.error()));
    for (const std::string& w : viaAssimp->warnings) MESSAGE("Assimp: " << w);
    REQUIRE(viaAssimp->clips.size() == 1);
    REQUIRE(viaAssimp->meshes.size() == 1);
    CHECK(viaAssimp->meshes[0].targetCount() == 2);
    const auto meshNode = [](const model::Scene& s) {
        for (std::size_t i = 0; i < s.nodes.size(); ++i)
            if (s.nodes[i].mesh >= 0) return static_cast<int>(i);
        return -1;
    };
    const int a = meshNode(*viaAssimp), g = meshNode(*viaGltf);
    REQUIRE(a >= 0);
    for (const float t : {0.0f, 0.8f, 1.6f, 2.4f, 3.4f}) {
        CAPTURE(t);
        const model::Pose pa = model::evaluatePose(*viaAssimp, &viaAssimp->clips[0], t);
        const model::Pose pg = model::evaluatePose(*viaGltf, &viaGltf->clips[0], t);
        REQUIRE(pa.weights[static_cast<std::size_t>(a)].size() == 2);
        for (std::size_t k = 0; k < 2; ++k)
            CHECK(pa.weights[static_cast<std::size_t>(a)][k] == doctest::Approx(pg.weights[static_cast<std::size_t>(g)][k]).epsilon(1e-3));
        const model::Bounds ba = model::posedBounds(*viaAssimp, pa), bg = model::posedBounds(*viaGltf, pg);
        CHECK(glm::length(ba.min - bg.min) < 1e-3f);
        CHECK(glm::length(ba.max - bg.max) < 1e-3f);
    }
}

// Hostile input that test_bad_models.cpp, test_assimp_loader.cpp and the atlas, session and
// kiosk tests do not already cover (docs/RELIABILITY.md, "Bad input"): files over the size
// limit, buffers and accessors that claim absurd sizes, NaN and infinity, huge skins and deep
// hierarchies, degenerate triangles, paths out of the model's folder, names that are not
// UTF-8, deep JSON and cyclic node graphs. Every file is built here, in a folder under the
// build's test output. Each must end in a message naming the file and the problem, or load
// with a warning, and never crash, hang or read outside the model's folder.
#include "core/files.h"
#include "model/assimp_loader.h"
#include "model/loader.h"
#include "model/pose.h"
#include "support/gltf_builder.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace myomap;
using namespace myomap::model;

namespace {

fs::path outputDir(const std::string& name) {
    const fs::path dir = fs::path(MYOMAP_TEST_OUTPUT_DIR) / "hostile" / name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    return dir;
}

std::string allWarnings(const Scene& scene) {
    std::string all;
    for (const std::string& w : scene.warnings) all += w + "\n";
    return all;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The load fails with a message that names the file and contains `expected`.
void expectRefused(const fs::path& file, const std::string& expected) {
    CAPTURE(file.string());
    auto scene = loadModel(file);
    REQUIRE_FALSE(scene.ok());
    CAPTURE(scene.error());
    CHECK(contains(scene.error(), file.filename().string()));
    CHECK(contains(scene.error(), expected));
}

Scene expectLoaded(const fs::path& file) {
    CAPTURE(file.string());
    auto scene = loadModel(file);
    REQUIRE_MESSAGE(scene.ok(), (scene.ok() ? "" : scene.error()));
    return std::move(scene.value());
}

void expectFiniteBounds(const Scene& scene) {
    for (const AnimationClip* clip : {static_cast<const AnimationClip*>(nullptr), scene.clips.empty() ? nullptr : &scene.clips[0]}) {
        const Bounds b = posedBounds(scene, evaluatePose(scene, clip, 0.5f));
        REQUIRE_FALSE(b.empty());
        const glm::vec3 c = b.centre(), s = b.size();
        CHECK(std::isfinite(c.x + c.y + c.z + s.x + s.y + s.z));
    }
}

template <typename T>
void append(std::vector<std::uint8_t>& bytes, const std::vector<T>& values) {
    const auto at = bytes.size();
    bytes.resize(at + values.size() * sizeof(T));
    std::memcpy(bytes.data() + at, values.data(), values.size() * sizeof(T));
    while (bytes.size() % 4 != 0) bytes.push_back(0);
}

// A glTF document around one buffer (embedded unless bufferUri is set); the JSON arrays are
// spliced in as given.
struct Doc {
    std::vector<std::uint8_t> buffer;
    std::string bufferUri;  // empty: embedded
    std::string byteLength; // empty: the buffer's real size
    std::string views, accessors, meshes, nodes = R"([{"mesh":0}])", scenes = R"([{"nodes":[0]}])", skins, animations;

    std::string json() const {
        const std::string uri = bufferUri.empty() ? "data:application/octet-stream;base64," + test::base64(buffer) : bufferUri;
        std::string out = R"({"asset":{"version":"2.0"},"scene":0,"scenes":)" + scenes + R"(,"nodes":)" + nodes +
                          R"(,"meshes":)" + meshes + R"(,"buffers":[{"uri":")" + uri + R"(","byteLength":)" +
                          (byteLength.empty() ? std::to_string(buffer.size()) : byteLength) + "}]," +
                          R"("bufferViews":)" + views + R"(,"accessors":)" + accessors;
        if (!skins.empty()) out += R"(,"skins":)" + skins;
        if (!animations.empty()) out += R"(,"animations":)" + animations;
        return out + "}";
    }
};

// A triangle of three positions at `positions` (nine floats) with u16 indices.
Doc triangle(const std::vector<float>& positions, const std::vector<std::uint16_t>& indices = {0, 1, 2}) {
    Doc doc;
    append(doc.buffer, positions);
    const std::size_t indexAt = doc.buffer.size();
    append(doc.buffer, indices);
    doc.views = R"([{"buffer":0,"byteOffset":0,"byteLength":)" + std::to_string(positions.size() * 4) +
                R"(},{"buffer":0,"byteOffset":)" + std::to_string(indexAt) + R"(,"byteLength":)" +
                std::to_string(indices.size() * 2) + "}]";
    doc.accessors = R"([{"bufferView":0,"componentType":5126,"count":)" + std::to_string(positions.size() / 3) +
                    R"(,"type":"VEC3"},{"bufferView":1,"componentType":5123,"count":)" + std::to_string(indices.size()) +
                    R"(,"type":"SCALAR"}])";
    doc.meshes = R"([{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}])";
    return doc;
}

// A .glb from a JSON chunk and a binary chunk, both padded as the format asks.
std::string glb(std::string json, std::string bin) {
    while (json.size() % 4 != 0) json += ' ';
    while (bin.size() % 4 != 0) bin += '\0';
    std::string out = "glTF";
    auto u32 = [&](std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); };
    const std::size_t total = 12 + 8 + json.size() + (bin.empty() ? 0 : 8 + bin.size());
    u32(2);
    u32(static_cast<std::uint32_t>(total));
    u32(static_cast<std::uint32_t>(json.size()));
    u32(0x4E4F534A);  // JSON
    out += json;
    if (!bin.empty()) {
        u32(static_cast<std::uint32_t>(bin.size()));
        u32(0x004E4942);  // BIN
        out += bin;
    }
    return out;
}

const std::vector<float> kTriangle = {0, 0, 0, 1, 0, 0, 0, 1, 0};

}  // namespace

TEST_CASE("hostile: a model over the size limit is refused by its size before a byte is read") {
    const fs::path dir = outputDir("oversized");
    // Sparse files: 600 MiB on paper, nothing on disk. Reading one would take seconds; the
    // size check answers at once.
    for (const char* name : {"huge.glb", "huge.gltf", "huge.obj", "huge.fbx"}) {
        const fs::path file = dir / name;
        std::ofstream(file, std::ios::binary).put('g');
        fs::resize_file(file, 600ull << 20);
        const auto start = std::chrono::steady_clock::now();
        expectRefused(file, "600 MiB, larger than the 512 MiB limit");
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
        fs::remove(file);
    }
}

TEST_CASE("hostile: a glTF buffer whose byteLength claims 100 GB is refused without allocating it") {
    const fs::path dir = outputDir("byte-length");
    Doc doc = triangle(kTriangle);
    doc.byteLength = "100000000000";
    expectRefused(test::writeFile(dir / "embedded.gltf", doc.json()), "Failed to decode 'uri'");

    // The same claim for a buffer file beside the model and for a .glb's binary chunk.
    test::writeFile(dir / "triangle.bin", std::string(doc.buffer.begin(), doc.buffer.end()));
    doc.bufferUri = "triangle.bin";
    expectRefused(test::writeFile(dir / "external.gltf", doc.json()), "requestedBytes 100000000000, but got 44");
    Doc binary = triangle(kTriangle);
    binary.byteLength = "100000000000";
    std::string json = binary.json();
    json.replace(json.find(R"("uri":")"), json.find(R"(","byteLength")") - json.find(R"("uri":")") + 2, "");
    expectRefused(test::writeFile(dir / "chunk.glb", glb(json, std::string(binary.buffer.begin(), binary.buffer.end()))),
                  "`byteLength' = 100000000000, binary size = 44");

    // tinygltf quotes the whole data URI in its message; a long one is cut short.
    Doc big = triangle(std::vector<float>(30'000, 1.0f));
    big.byteLength = "100000000000";
    const fs::path file = test::writeFile(dir / "big-uri.gltf", big.json());
    auto scene = loadModel(file);
    REQUIRE_FALSE(scene.ok());
    CHECK(contains(scene.error(), "Failed to decode 'uri'"));
    CHECK(scene.error().size() < 1000);
}

TEST_CASE("hostile: absurd accessor counts, offsets and byte strides are refused before reading") {
    const fs::path dir = outputDir("accessors");
    Doc doc = triangle(kTriangle);
    const std::string accessors = doc.accessors;
    auto withAccessors = [&](const std::string& from, const std::string& to) {
        doc.accessors = accessors;
        doc.accessors.replace(doc.accessors.find(from), from.size(), to);
        return doc.json();
    };
    expectRefused(test::writeFile(dir / "count.gltf", withAccessors(R"("count":3,"type":"VEC3")", R"("count":4294967295,"type":"VEC3")")),
                  "accessor count 4294967295 is absurdly large");
    expectRefused(test::writeFile(dir / "offset.gltf",
                                  withAccessors(R"("bufferView":0,)", R"("bufferView":0,"byteOffset":9223372036854775808,)")),
                  "POSITION");
    expectRefused(test::writeFile(dir / "index-count.gltf",
                                  withAccessors(R"("count":3,"type":"SCALAR")", R"("count":67108863,"type":"SCALAR")")),
                  "bytes but the buffer view holds 6");
    doc.accessors = accessors;
    const std::string views = doc.views;
    doc.views.replace(doc.views.find(R"("byteLength":36)"), 15, R"("byteLength":36,"byteStride":2147483648)");
    expectRefused(test::writeFile(dir / "stride.gltf", doc.json()), "byteStride");
    doc.views = views;
    doc.views.replace(doc.views.find(R"("byteLength":36)"), 15, R"("byteLength":36,"byteStride":252)");
    expectRefused(test::writeFile(dir / "stride-past-end.gltf", doc.json()), "516 bytes but the buffer view holds 36");
}

TEST_CASE("hostile: NaN and infinite positions, weights, transforms and keys are dropped or replaced, bounds stay finite") {
    const fs::path dir = outputDir("non-finite");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();
    // Two triangles: the second has a NaN and an infinite corner. A third vertex far away
    // (3e38) keeps its triangle but must not make the bounds infinite.
    Doc doc = triangle({0, 0, 0, 1, 0, 0, 0, 1, 0, nan, 0, 0, 0, inf, 0, 3e38f, 3e38f, -3e38f},
                       {0, 1, 2, 3, 4, 2, 0, 1, 5});
    // Skinned on two joints; the weights hold NaN, infinity and a negative value.
    const std::size_t jointsAt = doc.buffer.size();
    append(doc.buffer, std::vector<std::uint8_t>(6 * 4, 0));
    const std::size_t weightsAt = doc.buffer.size();
    append(doc.buffer, std::vector<float>{nan, 0, 0, 0, inf, 0, 0, 0, -1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0});
    const std::size_t bindAt = doc.buffer.size();
    std::vector<float> binds(32, 0.0f);
    for (int k = 0; k < 4; ++k) binds[static_cast<std::size_t>(k * 5)] = 1.0f;
    binds[16] = nan;  // the second joint's inverse bind matrix
    append(doc.buffer, binds);
    const std::size_t timesAt = doc.buffer.size();
    append(doc.buffer, std::vector<float>{0, 1});
    const std::size_t keysAt = doc.buffer.size();
    append(doc.buffer, std::vector<float>{0, 0, 0, inf, nan, 0});
    doc.views.pop_back();
    doc.views += R"(,{"buffer":0,"byteOffset":)" + std::to_string(jointsAt) + R"(,"byteLength":24})" +
                 R"(,{"buffer":0,"byteOffset":)" + std::to_string(weightsAt) + R"(,"byteLength":96})" +
                 R"(,{"buffer":0,"byteOffset":)" + std::to_string(bindAt) + R"(,"byteLength":128})" +
                 R"(,{"buffer":0,"byteOffset":)" + std::to_string(timesAt) + R"(,"byteLength":8})" +
                 R"(,{"buffer":0,"byteOffset":)" + std::to_string(keysAt) + R"(,"byteLength":24}])";
    doc.accessors.pop_back();
    doc.accessors += R"(,{"bufferView":2,"componentType":5121,"count":6,"type":"VEC4"})"
                     R"(,{"bufferView":3,"componentType":5126,"count":6,"type":"VEC4"})"
                     R"(,{"bufferView":4,"componentType":5126,"count":2,"type":"MAT4"})"
                     R"(,{"bufferView":5,"componentType":5126,"count":2,"type":"SCALAR"})"
                     R"(,{"bufferView":6,"componentType":5126,"count":2,"type":"VEC3"}])";
    doc.meshes = R"([{"name":"damaged","primitives":[{"attributes":{"POSITION":0,"JOINTS_0":2,"WEIGHTS_0":3},"indices":1}]}])";
    // 1e39 does not fit a float: the node's translation would be infinite.
    doc.nodes = R"([{"mesh":0,"skin":0,"children":[1,2]},{"translation":[1e39,0,0]},{"scale":[1,1e300,1]}])";
    doc.skins = R"([{"joints":[1,2],"inverseBindMatrices":4}])";
    doc.animations = R"([{"name":"bad keys","samplers":[{"input":5,"output":6}],"channels":[{"sampler":0,"target":{"node":1,"path":"translation"}}]}])";
    const Scene scene = expectLoaded(test::writeFile(dir / "non-finite.gltf", doc.json()));
    const std::string warnings = allWarnings(scene);
    CAPTURE(warnings);
    CHECK(contains(warnings, "2 vertices have non-finite positions (NaN or infinity); 1 triangles using them were dropped"));
    CHECK(contains(warnings, "3 negative or non-finite skin weights were set to 0"));
    CHECK(contains(warnings, "vertices with zero skin weights were bound to the first joint"));
    CHECK(contains(warnings, "node 1 (''): transform is not finite; identity used"));
    CHECK(contains(warnings, "node 2 (''): transform is not finite; identity used"));
    CHECK(contains(warnings, "1 inverse bind matrices are not finite; identity used"));
    CHECK(contains(warnings, "animation 'bad keys': 2 non-finite output values were set to 0"));
    const Primitive& prim = scene.meshes.at(0).primitives.at(0);
    for (const glm::vec3& p : prim.positions) CHECK((std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z)));
    for (const glm::vec3& n : prim.normals) CHECK(std::isfinite(n.x + n.y + n.z));
    for (const glm::vec4& w : prim.weights) {
        CHECK(std::isfinite(w.x + w.y + w.z + w.w));
        CHECK(w.x + w.y + w.z + w.w == doctest::Approx(1.0f));
    }
    for (const glm::mat4& m : scene.skins.at(0).inverseBind) CHECK(std::isfinite(m[0][0] + m[3][3]));
    expectFiniteBounds(scene);
    // The 3e38 vertex is left out of the bounds rather than stretching them to infinity.
    const Bounds b = posedBounds(scene, evaluatePose(scene, nullptr, 0.0f));
    CHECK(b.max.x <= 1.0f);
}

TEST_CASE("hostile: a skin of 10,000 joints in a chain 10,000 deep loads, poses and bounds in reasonable time") {
    const fs::path dir = outputDir("joints");
    constexpr int kJoints = 10'000;
    Doc doc = triangle(kTriangle);
    const std::size_t jointsAt = doc.buffer.size();
    append(doc.buffer, std::vector<std::uint16_t>{0, 0, 0, 0, kJoints / 2, 0, 0, 0, kJoints - 1, 0, 0, 0});
    const std::size_t weightsAt = doc.buffer.size();
    append(doc.buffer, std::vector<float>{1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0});
    doc.views.pop_back();
    doc.views += R"(,{"buffer":0,"byteOffset":)" + std::to_string(jointsAt) + R"(,"byteLength":24})" +
                 R"(,{"buffer":0,"byteOffset":)" + std::to_string(weightsAt) + R"(,"byteLength":48}])";
    doc.accessors.pop_back();
    doc.accessors += R"(,{"bufferView":2,"componentType":5123,"count":3,"type":"VEC4"})"
                     R"(,{"bufferView":3,"componentType":5126,"count":3,"type":"VEC4"}])";
    doc.meshes = R"([{"primitives":[{"attributes":{"POSITION":0,"JOINTS_0":2,"WEIGHTS_0":3},"indices":1}]}])";
    // Node 0 holds the mesh; nodes 1..10,000 are a chain, each 1 mm above its parent.
    std::string nodes = R"([{"mesh":0,"skin":0})";
    std::string joints = "[";
    for (int j = 1; j <= kJoints; ++j) {
        nodes += R"(,{"translation":[0,0.001,0])" + (j < kJoints ? R"(,"children":[)" + std::to_string(j + 1) + "]" : "") + "}";
        joints += (j > 1 ? "," : "") + std::to_string(j);
    }
    doc.nodes = nodes + "]";
    doc.skins = R"([{"joints":)" + joints + "]}]";
    doc.scenes = R"([{"nodes":[0,1]}])";
    const auto start = std::chrono::steady_clock::now();
    const Scene scene = expectLoaded(test::writeFile(dir / "joints.gltf", doc.json()));
    const Pose pose = evaluatePose(scene, nullptr, 0.0f);
    const Bounds b = posedBounds(scene, pose);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    REQUIRE(scene.skins.size() == 1);
    CHECK(scene.skins[0].joints.size() == kJoints);
    CHECK(jointMatrices(scene, scene.skins[0], pose).size() == kJoints);
    // The last vertex rides on the deepest joint, 10 m up.
    CHECK(b.max.y == doctest::Approx(kJoints * 0.001f + 1.0f).epsilon(0.001));
    CHECK(elapsed < std::chrono::seconds(10));
}

TEST_CASE("hostile: a node chain 200,000 deep is checked in linear time") {
    // validateScene once walked up from every node to the root: 200,000 squared steps, minutes.
    const fs::path dir = outputDir("deep-chain");
    Doc doc = triangle(kTriangle);
    constexpr int kNodes = 200'000;
    std::string nodes = "[";
    for (int n = 0; n < kNodes; ++n) {
        nodes += n > 0 ? "," : "";
        nodes += n + 1 < kNodes ? R"({"children":[)" + std::to_string(n + 1) + "]}" : R"({"mesh":0})";
    }
    doc.nodes = nodes + "]";
    const auto start = std::chrono::steady_clock::now();
    const Scene scene = expectLoaded(test::writeFile(dir / "chain.gltf", doc.json()));
    CHECK(scene.nodes.size() == kNodes);
    expectFiniteBounds(scene);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

TEST_CASE("hostile: zero-area and degenerate triangles load with finite unit normals") {
    const fs::path dir = outputDir("degenerate");
    // A repeated index, three equal points, and three collinear points.
    const Doc doc = triangle({0, 0, 0, 1, 0, 0, 1, 0, 0, 2, 0, 0, 5, 5, 5, 5, 5, 5, 5, 5, 5},
                             {0, 0, 1, 4, 5, 6, 0, 1, 3, 0, 1, 2});
    const Scene scene = expectLoaded(test::writeFile(dir / "degenerate.gltf", doc.json()));
    const Primitive& prim = scene.meshes.at(0).primitives.at(0);
    CHECK(prim.indices.size() == 12);
    for (const glm::vec3& n : prim.normals) CHECK(glm::length(n) == doctest::Approx(1.0f));
    expectFiniteBounds(scene);

    test::writeFile(dir / "degenerate.obj", "v 0 0 0\nv 1 0 0\nv 2 0 0\nv 5 5 5\nf 1 1 2\nf 4 4 4\nf 1 2 3\n");
    auto viaAssimp = loadWithAssimp(dir / "degenerate.obj");
    if (viaAssimp.ok()) {
        for (const Mesh& mesh : viaAssimp->meshes) {
            for (const Primitive& p : mesh.primitives) {
                for (const glm::vec3& n : p.normals) CHECK(glm::length(n) == doctest::Approx(1.0f));
            }
        }
    } else {
        CHECK(contains(viaAssimp.error(), "degenerate.obj"));
    }
}

TEST_CASE("hostile: buffers and images outside the model's folder are never read") {
    const fs::path root = outputDir("escape");
    const fs::path dir = root / "model";
    fs::create_directories(dir);
    const auto bytes = test::triangleBuffer();
    test::writeFile(root / "secret.bin", std::string(bytes.begin(), bytes.end()));
    test::writeFile(root / "secret.png", "not really a png");
    const fs::path absolute = fs::absolute(root / "secret.bin");
    for (const std::string& uri : {std::string("../secret.bin"), absolute.string(), "file://" + absolute.string(),
                                   std::string("sub/../../secret.bin"), std::string("%2E%2E/secret.bin")}) {
        CAPTURE(uri);
        test::TriangleGltf gltf;
        gltf.bufferUri = uri;
        auto scene = loadModel(test::writeFile(dir / "buffer.gltf", gltf.json()));
        // Refused: the triangle's buffer is the file outside, which must not be read.
        REQUIRE_FALSE(scene.ok());
        CHECK(contains(scene.error(), "buffer.gltf"));
    }
    // A link inside the folder that points outside counts as outside.
    std::error_code ec;
    fs::create_symlink(root / "secret.bin", dir / "link.bin", ec);
    if (!ec) {
        test::TriangleGltf gltf;
        gltf.bufferUri = "link.bin";
        expectRefused(test::writeFile(dir / "link.gltf", gltf.json()), "outside the model's folder");
    }
    // Images: the model loads, untextured, with a warning naming the refused path.
    for (const std::string& uri : {std::string("../secret.png"), fs::absolute(root / "secret.png").string()}) {
        CAPTURE(uri);
        test::TriangleGltf gltf;
        gltf.extraImageUri = uri;
        const Scene scene = expectLoaded(test::writeFile(dir / "image.gltf", gltf.json()));
        CHECK(contains(allWarnings(scene), "outside the model's folder"));
        CHECK(scene.materials.at(0).baseColorImage == kNone);
    }
}

TEST_CASE("hostile: an image whose header claims 16,000 x 16,000 pixels is refused before decoding") {
    const fs::path dir = outputDir("image-bomb");
    // A PNG header (IHDR) and nothing else: stb_image would allocate a gigabyte for it (it
    // refuses more than 2^30 bytes itself).
    const std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                           0, 0, 0x3e, 0x80, 0, 0, 0x3e, 0x80, 8, 6, 0, 0, 0, 0, 0, 0, 0,
                                           0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};
    test::TriangleGltf gltf;
    gltf.extraImageUri = "data:image/png;base64," + test::base64(png);
    expectRefused(test::writeFile(dir / "bomb.gltf", gltf.json()), "image 0 is 16000x16000 pixels, more than the 8192x8192 limit");
}

TEST_CASE("hostile: names that are not UTF-8 are refused in glTF and repaired through Assimp") {
    const fs::path dir = outputDir("utf8");
    // glTF must be UTF-8: tinygltf's JSON parser refuses the file.
    test::TriangleGltf gltf;
    gltf.nodes = "[{\"mesh\":0,\"name\":\"bad\xff\xfe name\"}]";
    auto refused = loadModel(test::writeFile(dir / "latin1.gltf", gltf.json()));
    REQUIRE_FALSE(refused.ok());
    CHECK(contains(refused.error(), "latin1.gltf"));
    // Escaped lone surrogates are not UTF-8 either.
    gltf.nodes = R"([{"mesh":0,"name":"\ud800"}])";
    auto surrogate = loadModel(test::writeFile(dir / "surrogate.gltf", gltf.json()));
    REQUIRE_FALSE(surrogate.ok());
    CHECK(contains(surrogate.error(), "surrogate.gltf"));

    // OBJ has no encoding: bad bytes in object, group and material names become U+FFFD.
    test::writeFile(dir / "names.mtl", "newmtl mat\xc0\xaf\nKd 1 0 0\n");
    test::writeFile(dir / "names.obj",
                    "mtllib names.mtl\no obj\xff\xfe\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl mat\xc0\xaf\nf 1 2 3\n"
                    "o over\xed\xa0\x80long\nv 0 0 1\nv 1 0 1\nv 0 1 1\nf 4 5 6\n");
    const Scene scene = expectLoaded(dir / "names.obj");
    CHECK(contains(allWarnings(scene), "names are not valid UTF-8; the invalid bytes were replaced by U+FFFD"));
    auto validUtf8 = [](const std::string& s) {
        std::string copy = s;
        Scene probe;
        probe.nodes.push_back({});
        probe.nodes[0].name = copy;
        repairNames(probe);
        return probe.warnings.empty();
    };
    bool sawReplacement = false;
    for (const Node& n : scene.nodes) {
        CHECK(validUtf8(n.name));
        sawReplacement = sawReplacement || contains(n.name, "\xEF\xBF\xBD");
    }
    for (const Mesh& m : scene.meshes) CHECK(validUtf8(m.name));
    for (const Material& m : scene.materials) CHECK(validUtf8(m.name));
    CHECK(sawReplacement);
}

TEST_CASE("hostile: glTF JSON nested 10,000 deep is refused before tinygltf recurses into it") {
    const fs::path dir = outputDir("deep-json");
    test::TriangleGltf gltf;
    const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
    gltf.nodes = R"([{"mesh":0,"extras":)" + deep + "}]";
    expectRefused(test::writeFile(dir / "deep.gltf", gltf.json()), "nested more than 128 levels deep");
    expectRefused(test::writeFile(dir / "deep.glb", glb(gltf.json(), "")), "nested more than 128 levels deep");
    // Brackets inside strings are not nesting.
    gltf.nodes = R"([{"mesh":0,"name":")" + std::string(10'000, '[') + R"("}])";
    const Scene scene = expectLoaded(test::writeFile(dir / "string.gltf", gltf.json()));
    CHECK(scene.nodes.at(0).name.size() == 10'000);
}

namespace {

// A binary FBX (version 7400) writer for the few records the cycle test needs.
class BinaryFbxWriter {
public:
    BinaryFbxWriter() {
        m_out = std::string("Kaydara FBX Binary  \0\x1a\0", 23);
        u32(7400);
    }
    template <typename Children>
    void node(const std::string& name, const std::string& props, std::uint32_t propCount, Children children) {
        const std::size_t start = m_out.size();
        u32(0);
        u32(propCount);
        u32(static_cast<std::uint32_t>(props.size()));
        m_out += static_cast<char>(name.size());
        m_out += name + props;
        if (children(*this)) m_out.append(13, '\0');  // records with children end with a null record
        const auto end = static_cast<std::uint32_t>(m_out.size());
        std::memcpy(m_out.data() + start, &end, 4);
    }
    void leaf(const std::string& name, const std::string& props, std::uint32_t propCount) {
        node(name, props, propCount, [](BinaryFbxWriter&) { return false; });
    }
    std::string finish() {
        m_out.append(13, '\0');
        return m_out;
    }
    static std::string L(std::int64_t v) { return "L" + std::string(reinterpret_cast<const char*>(&v), 8); }
    static std::string I(std::int32_t v) { return "I" + std::string(reinterpret_cast<const char*>(&v), 4); }
    static std::string S(const std::string& text) {
        const auto n = static_cast<std::uint32_t>(text.size());
        return "S" + std::string(reinterpret_cast<const char*>(&n), 4) + text;
    }
    template <typename T>
    static std::string array(char type, const std::vector<T>& values) {
        std::uint32_t head[3] = {static_cast<std::uint32_t>(values.size()), 0, static_cast<std::uint32_t>(values.size() * sizeof(T))};
        return std::string(1, type) + std::string(reinterpret_cast<const char*>(head), 12) +
               std::string(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    }

private:
    void u32(std::uint32_t v) { m_out.append(reinterpret_cast<const char*>(&v), 4); }
    std::string m_out;
};

}  // namespace

TEST_CASE("hostile: an FBX model connected below itself is refused, not followed forever") {
    // Assimp 5.2 follows "OO" connections from a model to its children recursively: a cycle
    // overflows the stack.
    const fs::path dir = outputDir("fbx-cycle");
    const std::string ascii = "; FBX 7.4.0 project file\nFBXHeaderExtension:  {\n\tFBXHeaderVersion: 1003\n\tFBXVersion: 7400\n}\n"
                              "Objects:  {\n\tGeometry: 100, \"Geometry::Tri\", \"Mesh\" {\n"
                              "\t\tVertices: *9 { a: 0,0,0,1,0,0,0,1,0 }\n\t\tPolygonVertexIndex: *3 { a: 0,1,-3 }\n\t}\n"
                              "\tModel: 200, \"Model::A\", \"Mesh\" {\n\t}\n\tModel: 201, \"Model::B\", \"Null\" {\n\t}\n}\n"
                              "Connections:  {\n\tC: \"OO\",200,0\n\tC: \"OO\",201,200\n\tC: \"OO\",100,200\n";
    expectLoaded(test::writeFile(dir / "tree.fbx", ascii + "}\n"));
    expectRefused(test::writeFile(dir / "cycle.fbx", ascii + "\tC: \"OO\",200,201\n}\n"),
                  "is connected below itself (a cycle in the node hierarchy)");
    // The same in a binary FBX, named .bin: Assimp would know it by its header.
    using W = BinaryFbxWriter;
    auto binary = [](bool cycle) {
        W w;
        w.node("FBXHeaderExtension", "", 0, [](W& h) {
            h.leaf("FBXHeaderVersion", W::I(1003), 1);
            h.leaf("FBXVersion", W::I(7400), 1);
            return true;
        });
        w.node("Objects", "", 0, [](W& o) {
            o.node("Geometry", W::L(100) + W::S(std::string("Tri\0\x01Geometry", 13)) + W::S("Mesh"), 3, [](W& g) {
                g.leaf("Vertices", W::array<double>('d', {0, 0, 0, 1, 0, 0, 0, 1, 0}), 1);
                g.leaf("PolygonVertexIndex", W::array<std::int32_t>('i', {0, 1, -3}), 1);
                return true;
            });
            o.leaf("Model", W::L(200) + W::S(std::string("A\0\x01Model", 8)) + W::S("Mesh"), 3);
            o.leaf("Model", W::L(201) + W::S(std::string("B\0\x01Model", 8)) + W::S("Null"), 3);
            return true;
        });
        w.node("Connections", "", 0, [cycle](W& c) {
            c.leaf("C", W::S("OO") + W::L(200) + W::L(0), 3);
            c.leaf("C", W::S("OO") + W::L(201) + W::L(200), 3);
            c.leaf("C", W::S("OO") + W::L(100) + W::L(200), 3);
            if (cycle) c.leaf("C", W::S("OO") + W::L(200) + W::L(201), 3);
            return true;
        });
        return w.finish();
    };
    expectRefused(test::writeFile(dir / "cycle.fbx.bin", binary(true)), "malformed FBX: model 20");
    // Without the cycle the check lets it through (this minimal file has no drawable mesh).
    auto tree = loadModel(test::writeFile(dir / "tree-binary.fbx", binary(false)));
    CHECK((tree.ok() || !contains(tree.error(), "malformed FBX")));
}

TEST_CASE("hostile: a COLLADA node that instances its own ancestor is refused, not followed forever") {
    const fs::path dir = outputDir("cycle");
    const std::string head =
        "<?xml version=\"1.0\"?>\n<COLLADA xmlns=\"http://www.collada.org/2005/11/COLLADASchema\" version=\"1.4.1\">\n"
        "<asset><up_axis>Y_UP</up_axis></asset>\n"
        "<library_geometries><geometry id=\"tri\"><mesh>"
        "<source id=\"p\"><float_array id=\"pa\" count=\"9\">0 0 0 1 0 0 0 1 0</float_array>"
        "<technique_common><accessor source=\"#pa\" count=\"3\" stride=\"3\"><param name=\"X\" type=\"float\"/>"
        "<param name=\"Y\" type=\"float\"/><param name=\"Z\" type=\"float\"/></accessor></technique_common></source>"
        "<vertices id=\"v\"><input semantic=\"POSITION\" source=\"#p\"/></vertices>"
        "<triangles count=\"1\"><input semantic=\"VERTEX\" source=\"#v\" offset=\"0\"/><p>0 1 2</p></triangles>"
        "</mesh></geometry></library_geometries>\n";
    const std::string tail = "<scene><instance_visual_scene url=\"#scene\"/></scene>\n</COLLADA>\n";
    // Through the node library: a instances b, b instances a.
    test::writeFile(dir / "library.dae",
                    head +
                        "<library_nodes><node id=\"a\" name=\"a\"><instance_node url=\"#b\"/></node>"
                        "<node id=\"b\" name=\"b\"><instance_geometry url=\"#tri\"/><instance_node url=\"#a\"/></node>"
                        "</library_nodes>\n<library_visual_scenes><visual_scene id=\"scene\"><node id=\"root\">"
                        "<instance_node url=\"#a\"/></node></visual_scene></library_visual_scenes>\n" +
                        tail);
    expectRefused(dir / "library.dae", "instances itself");
    // In the scene itself: a child instances the node it is inside.
    test::writeFile(dir / "self.dae",
                    head +
                        "<library_visual_scenes><visual_scene id=\"scene\"><node id=\"top\" name=\"top\">"
                        "<node id=\"child\"><instance_geometry url=\"#tri\"/><instance_node url=\"#top\"/></node>"
                        "</node></visual_scene></library_visual_scenes>\n" +
                        tail);
    expectRefused(dir / "self.dae", "instances itself");
    // Instancing one node twice is fine (a tree, not a cycle).
    test::writeFile(dir / "twice.dae",
                    head +
                        "<library_nodes><node id=\"leaf\" name=\"leaf\"><instance_geometry url=\"#tri\"/></node></library_nodes>\n"
                        "<library_visual_scenes><visual_scene id=\"scene\"><node id=\"l\"><instance_node url=\"#leaf\"/></node>"
                        "<node id=\"r\"><instance_node url=\"#leaf\"/></node></visual_scene></library_visual_scenes>\n" +
                        tail);
    const Scene scene = expectLoaded(dir / "twice.dae");
    CHECK(scene.meshes.size() >= 1);
}

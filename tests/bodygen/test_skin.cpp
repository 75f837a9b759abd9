// The body shape and the skin: a closed, symmetric surface of the right size, skinned to the
// skeleton, with every body region where a therapist expects it.
#include "body_fixture.h"
#include "bodygen/skin.h"

#include <array>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

using namespace myomap;
using bodygen::Side;

namespace {

struct GeneratedSkin {
    test::BodyTables tables;
    bodygen::BodyShape shape;
    bodygen::BodyMesh mesh;
    std::vector<bodygen::BodyRegion> regions;
};

bodygen::BodyShape buildShape(const test::BodyTables& tables) {
    auto shape = bodygen::BodyShape::build(tables.landmarks, tables.skeleton);
    REQUIRE_MESSAGE(shape, (shape ? "" : shape.error()));
    return std::move(shape.value());
}

// Generating takes a moment, so the tests share one skin.
const GeneratedSkin& skin() {
    static const GeneratedSkin generated = [] {
        test::BodyTables tables = test::loadBodyTables();
        bodygen::BodyShape shape = buildShape(tables);
        std::vector<bodygen::BodyRegion> regions;
        auto mesh = bodygen::generateSkin(shape, tables.landmarks, tables.skeleton, test::bodyTables() / "regions.csv",
                                          regions);
        REQUIRE_MESSAGE(mesh, (mesh ? "" : mesh.error()));
        return GeneratedSkin{std::move(tables), std::move(shape), std::move(mesh.value()), std::move(regions)};
    }();
    return generated;
}

glm::vec3 landmark(const char* reference, Side side = Side::Left) {
    auto p = skin().tables.landmarks.resolve(reference, side);
    REQUIRE_MESSAGE(p, (p ? "" : p.error()));
    return *p;
}

std::size_t nearestVertex(const glm::vec3& p) {
    const auto& positions = skin().mesh.positions;
    std::size_t best = 0;
    for (std::size_t v = 1; v < positions.size(); ++v) {
        if (glm::length(positions[v] - p) < glm::length(positions[best] - p)) best = v;
    }
    return best;
}

std::string regionNear(const glm::vec3& p) { return skin().regions[skin().mesh.region[nearestVertex(p)]].name; }

const char* const kRegionIds[] = {"vertex",
                                  "forehead",
                                  "temple",
                                  "eyebrow",
                                  "orbit",
                                  "cheek",
                                  "upper_teeth",
                                  "lower_teeth",
                                  "jaw_angle",
                                  "tmj",
                                  "ear",
                                  "mastoid",
                                  "occiput",
                                  "throat",
                                  "posterior_neck",
                                  "lateral_neck",
                                  "acromion",
                                  "anterior_shoulder",
                                  "lateral_shoulder",
                                  "posterior_shoulder",
                                  "suprascapular",
                                  "interscapular",
                                  "medial_scapular_border",
                                  "inferior_angle_scapula",
                                  "anterior_arm",
                                  "posterior_arm",
                                  "lateral_arm",
                                  "medial_arm",
                                  "lateral_epicondyle",
                                  "medial_epicondyle",
                                  "dorsal_forearm",
                                  "volar_forearm",
                                  "radial_forearm",
                                  "wrist",
                                  "dorsal_hand",
                                  "palm",
                                  "thumb",
                                  "index_finger",
                                  "ulnar_fingers",
                                  "sternum",
                                  "anterior_chest",
                                  "lateral_chest",
                                  "upper_abdomen",
                                  "lower_abdomen",
                                  "thoracolumbar",
                                  "lumbar",
                                  "iliac_crest",
                                  "sacroiliac",
                                  "sacrum",
                                  "coccyx",
                                  "groin",
                                  "buttock",
                                  "greater_trochanter",
                                  "lateral_thigh",
                                  "anterior_thigh",
                                  "medial_thigh",
                                  "posterior_thigh",
                                  "patella",
                                  "medial_knee",
                                  "lateral_knee",
                                  "posterior_knee",
                                  "calf",
                                  "anterior_shin",
                                  "lateral_leg",
                                  "achilles",
                                  "heel",
                                  "anterior_ankle",
                                  "lateral_ankle",
                                  "medial_ankle",
                                  "dorsum_foot",
                                  "big_toe",
                                  "lesser_toes",
                                  "plantar_foot",
                                  "ball_of_foot",
                                  "arch",
                                  "perineum"};
const std::set<std::string> kMidline = {"vertex",        "forehead",      "throat", "sternum", "interscapular",
                                        "upper_abdomen", "lower_abdomen", "sacrum", "coccyx", "perineum"};

}  // namespace

TEST_CASE("body shape: inside at every joint, outside far away, and a distance near the surface") {
    const auto tables = test::loadBodyTables();
    const auto shape = buildShape(tables);
    for (const auto& joint : tables.skeleton.joints()) {
        CHECK_MESSAGE(shape.distance(joint.head) < 0.0f, joint.name);
    }
    CHECK(shape.distance({2.0f, 1.0f, 0.0f}) > 1.0f);
    CHECK(shape.distance({0.0f, 3.0f, 0.0f}) > 1.0f);
    CHECK(shape.distance({0.0f, 1.2f, -2.0f}) > 1.0f);
    CHECK(shape.distance({0.0f, -0.5f, 0.0f}) > 0.3f);
    CHECK(shape.distance({0.4f, 0.8f, 0.0f}) > 0.0f);  // beside the hand

    // In front of the chest the field points forward; projecting lands on the requested shell.
    const glm::vec3 chest(0.06f, 1.30f, 0.30f);
    CHECK(shape.outward(chest).z > 0.9f);
    for (const float level : {0.0f, -0.01f, -0.02f}) {
        const glm::vec3 p = shape.projectToLevel(chest, level);
        CHECK(std::abs(shape.distance(p) - level) < 1e-4f);
        CHECK(p.z > 0.05f);  // still in front of the chest, not somewhere else
    }
    // The same point evaluates the same, and mirror images match.
    const glm::vec3 q(0.21f, 1.1f, -0.02f);
    CHECK(shape.distance(q) == shape.distance(q));
    CHECK(shape.distance(bodygen::mirror(q)) == doctest::Approx(shape.distance(q)).epsilon(1e-5));
}

TEST_CASE("skin: closed, consistently wound, 1.75 m tall and inside the shape's bounds") {
    const auto& mesh = skin().mesh;
    CHECK(mesh.name == "skin");
    CHECK(mesh.layer == bodygen::Layer::Skin);
    REQUIRE(mesh.positions.size() > 20000);
    CHECK(mesh.normals.size() == mesh.positions.size());
    CHECK(bodygen::countOpenOrInconsistentEdges(mesh) == 0);
    CHECK(bodygen::signedVolume(mesh) > 0.05);  // an adult of about 70 kg displaces ~0.07 m^3
    CHECK(bodygen::signedVolume(mesh) < 0.10);
    glm::vec3 lo(1e9f), hi(-1e9f), boundsMin, boundsMax;
    for (const auto& p : mesh.positions) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    skin().shape.bounds(boundsMin, boundsMax);
    CHECK(glm::all(glm::greaterThanEqual(lo, boundsMin)));
    CHECK(glm::all(glm::lessThanEqual(hi, boundsMax)));
    CHECK(std::abs(lo.y) < 0.005f);
    CHECK(std::abs(hi.y - lo.y - 1.75f) < 0.01f);
    // Every vertex lies on the surface, with an outward unit normal.
    for (std::size_t v = 0; v < mesh.positions.size(); v += 97) {
        CHECK(std::abs(skin().shape.distance(mesh.positions[v])) < 5e-4f);
        CHECK(glm::length(mesh.normals[v]) == doctest::Approx(1.0).epsilon(1e-3));
    }
}

TEST_CASE("skin: mirror-symmetric within a millimetre") {
    const auto& mesh = skin().mesh;
    // Bucket the vertices in 5 mm cells to find each mirror image's nearest vertex.
    constexpr float cell = 0.005f;
    auto key = [](const glm::vec3& p) {
        return std::make_tuple(static_cast<int>(std::floor(p.x / cell)), static_cast<int>(std::floor(p.y / cell)),
                               static_cast<int>(std::floor(p.z / cell)));
    };
    std::map<std::tuple<int, int, int>, std::vector<std::size_t>> buckets;
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) buckets[key(mesh.positions[v])].push_back(v);
    float worst = 0.0f;
    for (const auto& p : mesh.positions) {
        const glm::vec3 m = bodygen::mirror(p);
        const auto [x, y, z] = key(m);
        float best = 1.0f;
        for (int dx = -1; dx <= 1; ++dx) {
            for (int dy = -1; dy <= 1; ++dy) {
                for (int dz = -1; dz <= 1; ++dz) {
                    const auto it = buckets.find({x + dx, y + dy, z + dz});
                    if (it == buckets.end()) continue;
                    for (const std::size_t v : it->second) best = std::min(best, glm::length(mesh.positions[v] - m));
                }
            }
        }
        worst = std::max(worst, best);
    }
    CHECK(worst < 1e-3f);
}

TEST_CASE("skin: up to four joints per vertex with weights summing to 1, from sensible joints") {
    const auto& s = skin();
    const auto& joints = s.tables.skeleton.joints();
    REQUIRE(s.mesh.joints.size() == s.mesh.positions.size());
    REQUIRE(s.mesh.weights.size() == s.mesh.positions.size());
    for (std::size_t v = 0; v < s.mesh.positions.size(); ++v) {
        const glm::vec4 w = s.mesh.weights[v];
        REQUIRE(w.x + w.y + w.z + w.w == doctest::Approx(1.0).epsilon(1e-5));
        REQUIRE(glm::all(glm::greaterThanEqual(w, glm::vec4(0.0f))));
        for (int k = 0; k < 4; ++k) REQUIRE(s.mesh.joints[v][k] < joints.size());
    }
    // A hand never moves with the thigh it hangs beside, nor an elbow with the waist.
    const int thigh = s.tables.skeleton.find("thigh.L");
    const int lumbar = s.tables.skeleton.find("lumbar_upper");
    for (std::size_t v = 0; v < s.mesh.positions.size(); ++v) {
        const std::string& region = s.regions[s.mesh.region[v]].name;
        if (region != "palm.L" && region != "dorsal_hand.L" && region != "medial_epicondyle.L") continue;
        for (int k = 0; k < 4; ++k) {
            if (s.mesh.weights[v][k] == 0.0f) continue;
            CHECK(s.mesh.joints[v][k] != thigh);
            CHECK(s.mesh.joints[v][k] != lumbar);
        }
    }
}

TEST_CASE("skin: every body region appears, on each side where it has one") {
    const auto& s = skin();
    std::map<std::string, int> counts;
    for (const auto r : s.mesh.region) {
        REQUIRE(r < s.regions.size());
        ++counts[s.regions[r].name];
    }
    for (const char* id : kRegionIds) {
        const std::vector<std::string> names =
            kMidline.count(id) ? std::vector<std::string>{id}
                               : std::vector<std::string>{std::string(id) + ".L", std::string(id) + ".R"};
        for (const std::string& name : names) CHECK_MESSAGE(counts[name] >= 5, name);
    }
    CHECK(s.regions.size() == 142);  // 66 regions with two sides, 10 on the midline
}

TEST_CASE("skin: regions are where a therapist expects them") {
    CHECK(regionNear(landmark("temporal_fossa_centre")) == "temple.L");
    CHECK(regionNear(landmark("temporal_fossa_centre", Side::Right)) == "temple.R");
    const std::string c7 = regionNear(landmark("c7_spinous"));
    CHECK_MESSAGE((c7 == "posterior_neck.L" || c7 == "posterior_neck.R" || c7 == "interscapular"), c7);
    const glm::vec3 midThigh = landmark("hip_joint_centre+knee_joint_centre");
    CHECK(regionNear(midThigh + glm::vec3(0.1f, 0.0f, 0.0f)) == "lateral_thigh.L");
    CHECK(regionNear(midThigh + glm::vec3(0.0f, 0.0f, 0.1f)) == "anterior_thigh.L");
    CHECK(regionNear(landmark("calcaneus") + glm::vec3(0.0f, 0.01f, -0.03f)) == "heel.L");
    CHECK(regionNear(landmark("mcp3_joint") + glm::vec3(0.0f, 0.04f, 0.03f)) == "palm.L");
    CHECK(regionNear(landmark("mcp3_joint") + glm::vec3(0.0f, 0.04f, -0.03f)) == "dorsal_hand.L");
    CHECK(regionNear(landmark("supraspinous_fossa_centre") + glm::vec3(0.0f, 0.03f, -0.03f)) == "suprascapular.L");
    CHECK(regionNear(landmark("ischial_tuberosity") + glm::vec3(0.03f, 0.04f, -0.12f)) == "buttock.L");
    CHECK(regionNear(landmark("patella_centre") + glm::vec3(0.0f, 0.0f, 0.05f)) == "patella.L");
    CHECK(regionNear(landmark("head_top") + glm::vec3(0.0f, 0.05f, 0.0f)) == "vertex");
    CHECK(regionNear(landmark("xiphoid_process") + glm::vec3(0.0f, 0.06f, 0.1f)) == "sternum");
}

TEST_CASE("skin: generating twice gives identical meshes") {
    const auto& first = skin();
    const auto tables = test::loadBodyTables();
    const auto shape = buildShape(tables);
    std::vector<bodygen::BodyRegion> regions;
    auto second =
        bodygen::generateSkin(shape, tables.landmarks, tables.skeleton, test::bodyTables() / "regions.csv", regions);
    REQUIRE(second);
    CHECK(second->positions == first.mesh.positions);
    CHECK(second->normals == first.mesh.normals);
    CHECK(second->indices == first.mesh.indices);
    CHECK(second->joints == first.mesh.joints);
    CHECK(second->weights == first.mesh.weights);
    CHECK(second->region == first.mesh.region);
    REQUIRE(regions.size() == first.regions.size());
    for (std::size_t r = 0; r < regions.size(); ++r) CHECK(regions[r].name == first.regions[r].name);
}

TEST_CASE("skin: a broken regions table names the file and line") {
    const auto tables = test::loadBodyTables();
    const auto shape = buildShape(tables);
    const auto path = std::filesystem::temp_directory_path() / "myomap_bad_regions.csv";
    {
        std::ofstream out(path);
        out << "region,side,joints,anchors\n";
        out << "temple,LR,head,temporal_fossa_centre:0.01:0\n";
    }
    std::vector<bodygen::BodyRegion> regions;
    auto result = bodygen::generateSkin(shape, tables.landmarks, tables.skeleton, path, regions);
    std::filesystem::remove(path);
    REQUIRE_FALSE(result);
    CHECK(result.error().find("myomap_bad_regions.csv:2") != std::string::npos);
}

// The generated muscles: all present on both sides, closed, mirrored, skinned, laid out from
// origin to insertion under the skin in their layers, and the table's errors located.
#include "body_fixture.h"
#include "bodygen/bones.h"
#include "bodygen/muscle_table.h"
#include "bodygen/muscles.h"
#include "bodygen/skin.h"
#include "bodygen/tendon_table.h"
#include "support/gltf_builder.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

using namespace myomap;
using bodygen::BodyMesh;
using bodygen::Side;

namespace {

// clang-format off
const char* const kMuscleIds[] = {
    "temporalis", "masseter", "sternocleidomastoid", "upper_trapezius", "middle_trapezius", "lower_trapezius",
    "levator_scapulae", "splenius_capitis", "semispinalis_capitis", "suboccipitals", "scalenes", "rhomboid_major",
    "rhomboid_minor", "supraspinatus", "infraspinatus", "teres_minor", "teres_major", "subscapularis",
    "latissimus_dorsi", "deltoid", "serratus_anterior", "pectoralis_major", "pectoralis_minor", "biceps_brachii",
    "triceps_brachii", "brachialis", "brachioradialis", "extensor_carpi_radialis_longus", "extensor_digitorum",
    "supinator", "quadratus_lumborum", "erector_spinae", "multifidus", "rectus_abdominis", "external_oblique",
    "iliopsoas", "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis", "tensor_fasciae_latae",
    "adductor_longus", "rectus_femoris", "vastus_lateralis", "vastus_medialis", "biceps_femoris", "semitendinosus",
    "semimembranosus", "gastrocnemius", "soleus", "tibialis_anterior", "fibularis_longus",
    "extensor_hallucis_longus", "pronator_teres", "flexor_carpi_radialis", "flexor_carpi_ulnaris",
    "flexor_digitorum_superficialis", "adductor_pollicis", "first_dorsal_interosseous_hand", "abductor_hallucis",
    "quadratus_plantae", "sartorius", "gracilis", "pectineus", "adductor_magnus", "vastus_intermedius",
    "tibialis_posterior", "extensor_digitorum_longus", "flexor_digitorum_longus", "flexor_hallucis_longus",
    "popliteus", "obturator_internus", "levator_ani", "coccygeus",
    "medial_pterygoid", "lateral_pterygoid", "digastric", "occipitofrontalis",
    "splenius_cervicis", "semispinalis_cervicis", "coracobrachialis", "subclavius", "sternalis",
    "serratus_posterior_superior",
    "extensor_carpi_radialis_brevis", "extensor_carpi_ulnaris", "anconeus", "extensor_indicis",
    "internal_oblique", "transversus_abdominis", "serratus_posterior_inferior", "intercostals", "diaphragm"};
// clang-format on

std::filesystem::path musclesCsv() { return test::bodyTables() / "muscles.csv"; }

// Generating takes about a second: every test case shares one run.
struct Generated {
    test::BodyTables tables;
    bodygen::BodyShape shape;
    BodyMesh skin;
    std::vector<BodyMesh> bones;
    std::vector<BodyMesh> meshes;
    std::map<std::string, const BodyMesh*> byName;
    const BodyMesh& mesh(const std::string& name) const {
        const auto it = byName.find(name);
        REQUIRE_MESSAGE(it != byName.end(), name);
        return *it->second;
    }
};

bodygen::BodyShape buildShape(const test::BodyTables& tables) {
    auto shape = bodygen::BodyShape::build(tables.landmarks, tables.skeleton);
    REQUIRE_MESSAGE(shape, (shape ? "" : shape.error()));
    return std::move(shape.value());
}

const Generated& generated() {
    static const std::unique_ptr<Generated> result = [] {
        auto tables = test::loadBodyTables();
        auto shape = buildShape(tables);
        std::vector<bodygen::BodyRegion> regions;
        auto skin = bodygen::generateSkin(shape, tables.landmarks, tables.skeleton, test::bodyTables() / "regions.csv", regions);
        REQUIRE_MESSAGE(skin, (skin ? "" : skin.error()));
        auto bones = bodygen::generateBones(tables.landmarks, tables.skeleton, test::bodyTables() / "bones.csv");
        REQUIRE_MESSAGE(bones, (bones ? "" : bones.error()));
        auto meshes = bodygen::generateMuscles(tables.landmarks, tables.skeleton, shape, *skin, *bones, musclesCsv(),
                                               test::bodyTables() / "tendons.csv");
        REQUIRE_MESSAGE(meshes, (meshes ? "" : meshes.error()));
        auto g = std::make_unique<Generated>(Generated{std::move(tables), std::move(shape), std::move(skin.value()),
                                                       std::move(bones.value()), std::move(meshes.value()), {}});
        for (const BodyMesh& m : g->meshes) g->byName[m.name] = &m;
        return g;
    }();
    return *result;
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The string value that follows `"key":` after `from` in a JSON text (enough for the atlas
// files' flat fields; the content loader does the real parsing).
std::string jsonString(const std::string& json, const std::string& key, std::size_t from = 0) {
    const auto at = json.find("\"" + key + "\"", from);
    if (at == std::string::npos) return {};
    const auto open = json.find('"', json.find(':', at) + 1) + 1;
    return json.substr(open, json.find('"', open) - open);
}

glm::vec3 anatomicalDirection(const std::string& name) {
    if (name == "anterior") return {0, 0, 1};
    if (name == "posterior") return {0, 0, -1};
    if (name == "superior") return {0, 1, 0};
    if (name == "inferior") return {0, -1, 0};
    if (name == "lateral") return {1, 0, 0};  // the left side's lateral
    return {-1, 0, 0};
}

float distanceToPolyline(const glm::vec3& p, const std::vector<bodygen::MusclePoint>& points) {
    if (points.size() == 1) return glm::length(p - points.front().position);
    float best = 1e9f;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const glm::vec3 a = points[i - 1].position, ab = points[i].position - a;
        const float t = glm::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
        best = std::min(best, glm::length(p - (a + t * ab)));
    }
    return best;
}

// Distances along a ray to where it crosses a mesh ahead (Moller-Trumbore), nearest first.
std::vector<float> rayHits(const BodyMesh& mesh, const glm::vec3& origin, const glm::vec3& dir) {
    std::vector<float> hits;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                        c = mesh.positions[mesh.indices[t + 2]];
        const glm::vec3 e1 = b - a, e2 = c - a, p = glm::cross(dir, e2);
        const float det = glm::dot(e1, p);
        if (std::abs(det) < 1e-12f) continue;
        const glm::vec3 s = origin - a;
        const float u = glm::dot(s, p) / det;
        const glm::vec3 q = glm::cross(s, e1);
        const float v = glm::dot(dir, q) / det;
        const float d = glm::dot(e2, q) / det;
        if (u >= 0.0f && v >= 0.0f && u + v <= 1.0f && d > 0.0f) hits.push_back(d);
    }
    std::sort(hits.begin(), hits.end());
    return hits;
}

}  // namespace

TEST_CASE("every muscle of the atlas exists on both sides, in its atlas layer") {
    const Generated& g = generated();
    CHECK(g.meshes.size() == 2 * std::size(kMuscleIds));
    for (const std::string id : kMuscleIds) {
        CAPTURE(id);
        const std::string json =
            readText(std::filesystem::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas" / "muscles" / (id + ".json"));
        for (const std::string side : {".L", ".R"}) {
            const BodyMesh& m = g.mesh(id + side);
            CHECK(std::string(bodygen::layerName(m.layer)) == jsonString(json, "layer"));
        }
    }
}

TEST_CASE("each muscle mesh is closed, consistently wound, with every per-vertex attribute") {
    for (const BodyMesh& m : generated().meshes) {
        CAPTURE(m.name);
        CHECK(countOpenOrInconsistentEdges(m) == 0);
        CHECK(signedVolume(m) > 1e-6);  // more than a cubic centimetre, wound outward
        const std::size_t n = m.positions.size();
        CHECK(m.normals.size() == n);
        CHECK(m.muscleUv.size() == n);
        CHECK(m.fibre.size() == n);
        CHECK(m.joints.size() == n);
        CHECK(m.weights.size() == n);
        int badFibres = 0, badUv = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (std::abs(glm::length(m.fibre[i]) - 1.0f) > 1e-3f) ++badFibres;
            const glm::vec2 uv = m.muscleUv[i];
            if (uv.x < 0.0f || uv.x > 1.0f || uv.y < 0.0f || uv.y > 1.0f) ++badUv;
        }
        CHECK(badFibres == 0);
        CHECK(badUv == 0);
    }
}

TEST_CASE("left and right muscles mirror each other within a millimetre") {
    const Generated& g = generated();
    for (const std::string id : kMuscleIds) {
        CAPTURE(id);
        const BodyMesh& left = g.mesh(id + ".L");
        const BodyMesh& right = g.mesh(id + ".R");
        REQUIRE(left.positions.size() == right.positions.size());
        float worst = 0.0f, mostMedial = 1.0f;
        for (std::size_t i = 0; i < left.positions.size(); ++i) {
            worst = std::max(worst, glm::length(bodygen::mirror(left.positions[i]) - right.positions[i]));
            mostMedial = std::min(mostMedial, left.positions[i].x);
        }
        CHECK(worst < 0.001f);
        CHECK(mostMedial > -0.001f);  // each side keeps to its own half of the body
        CHECK(right.indices.size() == left.indices.size());
    }
}

TEST_CASE("skin weights sum to one and follow the body part the muscle lies in") {
    const Generated& g = generated();
    const auto& joints = g.tables.skeleton.joints();
    for (const BodyMesh& m : g.meshes) {
        CAPTURE(m.name);
        int badSums = 0, badEntries = 0;
        for (std::size_t i = 0; i < m.weights.size(); ++i) {
            const glm::vec4 w = m.weights[i];
            if (std::abs(w.x + w.y + w.z + w.w - 1.0f) > 1e-4f) ++badSums;
            for (int k = 0; k < 4; ++k) {
                if (w[k] < 0.0f || m.joints[i][k] >= joints.size()) ++badEntries;
            }
        }
        CHECK(badSums == 0);
        CHECK(badEntries == 0);
    }
    // Muscles take the skin's weights where they lie: the biceps follows the arm near the
    // shoulder and the forearm at the elbow, with a blend in between; it never follows a leg.
    const BodyMesh& biceps = g.mesh("biceps_brachii.L");
    const int scapula = g.tables.skeleton.find("scapula.L"), forearm = g.tables.skeleton.find("forearm.L");
    const auto weightOn = [&](std::size_t i, int joint) {
        float sum = 0.0f;
        for (int k = 0; k < 4; ++k) {
            if (biceps.joints[i][k] == joint) sum += biceps.weights[i][k];
        }
        return sum;
    };
    float originOnForearm = 0.0f, insertionOnForearm = 1.0f, middleOnForearm = 0.0f;
    for (std::size_t i = 0; i < biceps.positions.size(); ++i) {
        const float u = biceps.muscleUv[i].x;
        if (u < 0.02f) originOnForearm = std::max(originOnForearm, weightOn(i, forearm));
        if (u > 0.98f) insertionOnForearm = std::min(insertionOnForearm, weightOn(i, forearm));
        if (std::abs(u - 0.5f) < 0.05f) middleOnForearm = std::max(middleOnForearm, weightOn(i, forearm));
    }
    const int upperArm = g.tables.skeleton.find("upper_arm.L");
    float originOnArm = 0.0f;
    int onLeg = 0;
    for (std::size_t i = 0; i < biceps.positions.size(); ++i) {
        if (biceps.muscleUv[i].x < 0.02f) originOnArm = std::max(originOnArm, weightOn(i, upperArm) + weightOn(i, scapula));
        for (const char* leg : {"thigh.L", "thigh.R", "shin.L", "pelvis"}) onLeg += weightOn(i, g.tables.skeleton.find(leg)) > 0.0f;
    }
    CHECK(originOnForearm < 0.01f);
    CHECK(originOnArm > 0.99f);  // the heads' ends, at the shoulder
    CHECK(insertionOnForearm > 0.5f);
    CHECK(middleOnForearm < 0.2f);  // mid-arm moves with the humerus
    CHECK(onLeg == 0);
}

TEST_CASE("u runs from the origin to the insertion, and v from the atlas's v_axis.from border") {
    const Generated& g = generated();
    auto specs = bodygen::loadMuscleTable(musclesCsv(), g.tables.landmarks, g.tables.skeleton, Side::Left);
    REQUIRE_MESSAGE(specs, (specs ? "" : specs.error()));
    for (const bodygen::MuscleSpec& spec : *specs) {
        CAPTURE(spec.id);
        const BodyMesh& m = g.mesh(spec.id + ".L");
        double nearOrigin = 0, nearOriginToInsertion = 0, nearInsertion = 0, nearInsertionToOrigin = 0;
        int originCount = 0, insertionCount = 0;
        // The v borders compared at equal u (tenths), as the app orients the content's v.
        glm::vec3 border[2][10]{};
        int borderCount[2][10]{};
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            const glm::vec3 p = m.positions[i];
            const glm::vec2 uv = m.muscleUv[i];
            if (uv.x < 0.1f) {
                nearOrigin += distanceToPolyline(p, spec.origin);
                nearOriginToInsertion += distanceToPolyline(p, spec.insertion);
                ++originCount;
            } else if (uv.x > 0.9f) {
                nearInsertion += distanceToPolyline(p, spec.insertion);
                nearInsertionToOrigin += distanceToPolyline(p, spec.origin);
                ++insertionCount;
            }
            const int bin = std::clamp(static_cast<int>(uv.x * 10.0f), 0, 9);
            if (uv.y < 0.15f || uv.y > 0.85f) {
                border[uv.y < 0.15f ? 0 : 1][bin] += p;
                ++borderCount[uv.y < 0.15f ? 0 : 1][bin];
            }
        }
        glm::vec3 v0ToV1(0.0f);
        for (int b = 0; b < 10; ++b) {
            if (borderCount[0][b] && borderCount[1][b])
                v0ToV1 += border[0][b] / float(borderCount[0][b]) - border[1][b] / float(borderCount[1][b]);
        }
        REQUIRE(originCount > 0);
        REQUIRE(insertionCount > 0);
        // Attachments are on bone and the muscle lies under the skin above them: within a few
        // centimetres (the ischial tuberosity lies deepest, under the buttock).
        CHECK(nearOrigin / originCount < 0.08);
        CHECK(nearInsertion / insertionCount < 0.08);
        CHECK(nearOrigin < nearOriginToInsertion);
        CHECK(nearInsertion < nearInsertionToOrigin);
        // v = 0 lies on the side the atlas names first, so trigger points (u, v) land where
        // the books draw them.
        const std::string json =
            readText(std::filesystem::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas" / "muscles" / (spec.id + ".json"));
        const std::string from = jsonString(json, "from", json.find("\"v_axis\""));
        CAPTURE(from);
        CHECK(glm::dot(v0ToV1, anatomicalDirection(from)) > 0.0f);
    }
}

TEST_CASE("every muscle lies inside the skin") {
    const Generated& g = generated();
    for (const BodyMesh& m : g.meshes) {
        CAPTURE(m.name);
        float worst = -1.0f;
        for (const glm::vec3& p : m.positions) worst = std::max(worst, g.shape.distance(p));
        CHECK(worst < 0.0f);
    }
}

TEST_CASE("deep muscles lie under the superficial ones where they overlap") {
    const Generated& g = generated();
    const std::pair<const char*, const char*> pairs[] = {{"supraspinatus", "upper_trapezius"},
                                                         {"soleus", "gastrocnemius"},
                                                         {"brachialis", "biceps_brachii"},
                                                         {"gluteus_medius", "gluteus_maximus"},
                                                         {"pectoralis_minor", "pectoralis_major"},
                                                         {"rhomboid_major", "middle_trapezius"},
                                                         {"rhomboid_minor", "middle_trapezius"},
                                                         {"semispinalis_capitis", "splenius_capitis"},
                                                         {"gluteus_minimus", "gluteus_medius"},
                                                         {"flexor_digitorum_superficialis", "flexor_carpi_radialis"},
                                                         {"vastus_intermedius", "rectus_femoris"},
                                                         {"tibialis_posterior", "soleus"},
                                                         {"flexor_hallucis_longus", "soleus"},
                                                         {"adductor_magnus", "adductor_longus"},
                                                         {"medial_pterygoid", "masseter"},
                                                         {"lateral_pterygoid", "masseter"},
                                                         {"digastric", "sternocleidomastoid"},
                                                         {"splenius_cervicis", "levator_scapulae"},
                                                         {"semispinalis_cervicis", "semispinalis_capitis"},
                                                         {"coracobrachialis", "biceps_brachii"},
                                                         {"subclavius", "pectoralis_major"},
                                                         {"serratus_posterior_superior", "rhomboid_minor"},
                                                         {"extensor_indicis", "extensor_digitorum"},
                                                         {"internal_oblique", "external_oblique"},
                                                         {"transversus_abdominis", "internal_oblique"},
                                                         {"intercostals", "serratus_anterior"}};
    for (const auto& [deepId, overId] : pairs) {
        // Neighbouring muscles share a boundary, each meshed from its own share of the tissue
        // on a 4 mm grid and simplified to within 0.9 mm, so the two faces of one boundary may
        // cross each other by up to about 2 mm.
        constexpr float kTolerance = 0.002f;
        for (const std::string side : {".L", ".R"}) {
            const std::string deepName = deepId + side, overName = overId + side;
            CAPTURE(deepName);
            CAPTURE(overName);
            const BodyMesh& deep = g.mesh(deepName);
            const BodyMesh& over = g.mesh(overName);
            // Along the outward direction from points inside the deeper muscle, wherever the
            // ray meets the superficial one, it leaves the deeper one first.
            int covered = 0, pokingThrough = 0;
            for (std::size_t i = 0; i < deep.positions.size(); ++i) {
                const glm::vec3 start = deep.positions[i] - deep.normals[i] * 0.002f;
                const glm::vec3 out = g.shape.outward(start);
                const auto overHits = rayHits(over, start, out);
                if (overHits.empty()) continue;
                ++covered;
                const auto deepHits = rayHits(deep, start, out);
                if (!deepHits.empty() && deepHits.back() > overHits.front() + kTolerance) ++pokingThrough;
            }
            MESSAGE(covered << " rays meet the muscle over it, " << pokingThrough << " leave the deeper one beyond");
            CHECK(covered > 0);
            // A ray grazing the superficial muscle's thin border may meet the deeper one again
            // where it reaches up beside that border (as gluteus medius does above gluteus
            // maximus, and soleus beside the gastrocnemius, in the body too): measured at most
            // 6 rays of 33 there, under 5 % elsewhere.
            CHECK(pokingThrough * 5 <= covered);
        }
    }
}

TEST_CASE("generating twice gives the same bytes") {
    const Generated& g = generated();
    auto again = bodygen::generateMuscles(g.tables.landmarks, g.tables.skeleton, g.shape, g.skin, g.bones, musclesCsv(),
                                             test::bodyTables() / "tendons.csv");
    REQUIRE(again);
    REQUIRE(again->size() == g.meshes.size());
    for (std::size_t k = 0; k < g.meshes.size(); ++k) {
        const BodyMesh& a = g.meshes[k];
        const BodyMesh& b = (*again)[k];
        CAPTURE(a.name);
        REQUIRE(a.positions.size() == b.positions.size());
        REQUIRE(a.indices.size() == b.indices.size());
        CHECK(std::memcmp(a.positions.data(), b.positions.data(), a.positions.size() * sizeof(glm::vec3)) == 0);
        CHECK(std::memcmp(a.normals.data(), b.normals.data(), a.normals.size() * sizeof(glm::vec3)) == 0);
        CHECK(std::memcmp(a.indices.data(), b.indices.data(), a.indices.size() * sizeof(std::uint32_t)) == 0);
        CHECK(std::memcmp(a.weights.data(), b.weights.data(), a.weights.size() * sizeof(glm::vec4)) == 0);
        CHECK(std::memcmp(a.muscleUv.data(), b.muscleUv.data(), a.muscleUv.size() * sizeof(glm::vec2)) == 0);
    }
}

TEST_CASE("bad muscle table entries stop the generator with the file, the line and the problem") {
    const Generated& g = generated();
    const auto dir = test::scratchDir("bad-muscle-tables");
    const std::string header =
        "# a comment line\n"
        "muscle,layer,shape,placement,origin,insertion,via,width_cm,thickness_cm,belly_u,faces,fill_cm,source\n";
    const std::string good =
        "masseter,superficial,strap,shell,zygomatic_bone;zygomatic_arch,mandible_angle,,3,1,0.5,,3,gray42\n";
    struct Case {
        const char* row;
        const char* expected;
    };
    const Case cases[] = {
        {"deltoid,superficial,fan,shell,acromion;nosuch_point,deltoid_tuberosity,,5,2,0.5,,3,gray42",
         "muscles.csv:4: deltoid: origin: unknown landmark 'nosuch_point'"},
        {"deltoid,superficial,fan,shell,acromion;clavicle_lateral,,,5,2,0.5,,3,gray42",
         "muscles.csv:4: deltoid: no insertion points"},
        {"deltoid,superficial,fan,shell,acromion;clavicle_lateral,deltoid_tuberosity,,wide,2,0.5,,3,gray42",
         "muscles.csv:4: width_cm 'wide' is not a number"},
        {"deltoid,superficial,triangle,shell,acromion;clavicle_lateral,deltoid_tuberosity,,5,2,0.5,,3,gray42",
         "muscles.csv:4: deltoid: unknown shape 'triangle'"},
        {"deltoid,outer,fan,shell,acromion;clavicle_lateral,deltoid_tuberosity,,5,2,0.5,,3,gray42",
         "muscles.csv:4: deltoid: unknown layer 'outer'"},
        {"deltoid,superficial,fan,shell,acromion(1 2),deltoid_tuberosity,,5,2,0.5,,3,gray42",
         "muscles.csv:4: deltoid: origin: point 'acromion(1 2)': the offset needs three numbers in cm"},
        {"deltoid,superficial,fan,shell,acromion>clavicle_lateral:x;acromion,deltoid_tuberosity,,5,2,0.5,,3,gray42",
         "fraction 'x' is not a number"},
        {"deltoid,superficial,fan,shell,acromion,deltoid_tuberosity,,5,2,0.5,,3,gray42",
         "muscles.csv:4: deltoid: give at least two points"},
        {"deltoid,superficial,fan,shell,acromion;clavicle_lateral,deltoid_tuberosity,,5,2,0.5,sideways,3,gray42",
         "muscles.csv:4: deltoid: unknown faces 'sideways'"},
        {"masseter,superficial,strap,shell,zygomatic_bone;zygomatic_arch,mandible_angle,,3,1,0.5,,3,gray42",
         "muscles.csv:4: muscle 'masseter' is listed twice"},
        {"deltoid,superficial,fan,shell,acromion;clavicle_lateral,deltoid_tuberosity,,5,2,0.5,,3,",
         "muscles.csv:4: deltoid: source is empty"},
        {"deltoid,superficial,fan,shell,acromion;clavicle_lateral,deltoid_tuberosity,,5,2,0.5,,-1,gray42",
         "muscles.csv:4: deltoid: fill_cm must lie in [0, 10]"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.row);
        const auto path = test::writeFile(dir / "muscles.csv", header + good + c.row + "\n");
        auto result = bodygen::generateMuscles(g.tables.landmarks, g.tables.skeleton, g.shape, g.skin, g.bones, path, {});
        REQUIRE_FALSE(result);
        CHECK_MESSAGE(result.error().find(c.expected) != std::string::npos, result.error());
    }
    // A good table of one muscle is fine, and the missing file is named.
    const auto path = test::writeFile(dir / "muscles.csv", header + good);
    CHECK(bodygen::generateMuscles(g.tables.landmarks, g.tables.skeleton, g.shape, g.skin, g.bones, path, {}));
    auto missing = bodygen::generateMuscles(g.tables.landmarks, g.tables.skeleton, g.shape, g.skin, g.bones, dir / "absent.csv", {});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("absent.csv") != std::string::npos);
}

TEST_CASE("each long tendon of the tendon table reaches its far end on its side, for both sides") {
    const Generated& g = generated();
    for (const Side side : {Side::Left, Side::Right}) {
        std::vector<std::string> ids;
        for (const char* id : kMuscleIds) ids.emplace_back(id);
        auto tendons = bodygen::loadTendonTable(test::bodyTables() / "tendons.csv", g.tables.landmarks, g.tables.skeleton,
                                                side, ids);
        REQUIRE_MESSAGE(tendons, (tendons ? "" : tendons.error()));
        REQUIRE(tendons->size() >= 8);  // four fingers, back and front
        for (const bodygen::TendonSpec& tendon : *tendons) {
            const BodyMesh& mesh = g.mesh(tendon.muscle + (side == Side::Left ? ".L" : ".R"));
            CAPTURE(mesh.name);
            CAPTURE(tendon.line);
            // A centimetre and a half short of the path's end (towards the fingertip): the muscle
            // has surface there, on the side the tendon faces and not round the other.
            const glm::vec3 end = tendon.path.back().position;
            const glm::vec3 before = tendon.path[tendon.path.size() - 2].position;
            const glm::vec3 near = end + 0.015f * glm::normalize(before - end);
            int close = 0;
            float towards = -1.0f, away = 1.0f;  // the furthest surface on the facing side and on the other
            float coveredU = 0.0f;
            for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
                const glm::vec3 p = mesh.positions[i];
                if (glm::length(p - near) > tendon.radius + 0.004f) continue;
                ++close;
                const float along = glm::dot(p - near, tendon.facing);
                towards = std::max(towards, along);
                away = std::min(away, along);
                coveredU = std::max(coveredU, mesh.muscleUv[i].x);
            }
            REQUIRE(close > 0);
            // A finger is about 14 mm thick under its skin, on a 4 mm grid: the tendon's half
            // reaches 3 mm or more out on its side and at most 3.5 mm past the middle.
            CHECK(towards > 0.003f);
            CHECK(away > -0.0035f);
            CHECK(coveredU > 0.95f);  // drawn as tendon (u at the insertion's end)
        }
    }
}

TEST_CASE("bad tendon table entries stop the generator with the file, the line and the problem") {
    const Generated& g = generated();
    const auto dir = test::scratchDir("bad-tendon-tables");
    const std::string header = "# a comment line\nmuscle,faces,radius_cm,path,source\n";
    const std::string good = "extensor_digitorum,posterior,1,mcp3_joint;fingertip_middle,gray42\n";
    struct Case {
        const char* row;
        const char* expected;
    };
    const Case cases[] = {
        {"extensor_digitorium,posterior,1,mcp3_joint;fingertip_middle,gray42",
         "tendons.csv:4: 'extensor_digitorium' is not a muscle of the muscle table"},
        {"extensor_digitorum,backwards,1,mcp3_joint;fingertip_middle,gray42",
         "tendons.csv:4: extensor_digitorum: unknown faces 'backwards'"},
        {"extensor_digitorum,posterior,0,mcp3_joint;fingertip_middle,gray42",
         "tendons.csv:4: extensor_digitorum: radius_cm must lie in (0, 3]"},
        {"extensor_digitorum,posterior,thick,mcp3_joint;fingertip_middle,gray42", "tendons.csv:4: radius_cm 'thick'"},
        {"extensor_digitorum,posterior,1,mcp3_joint,gray42", "tendons.csv:4: extensor_digitorum: path: give at least two points"},
        {"extensor_digitorum,posterior,1,mcp3_joint;fingertip_nosuch,gray42",
         "tendons.csv:4: extensor_digitorum: path: unknown landmark 'fingertip_nosuch'"},
        {"extensor_digitorum,posterior,1,mcp3_joint;fingertip_middle,", "tendons.csv:4: extensor_digitorum: source is empty"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.row);
        const auto path = test::writeFile(dir / "tendons.csv", header + good + c.row + "\n");
        auto result = bodygen::generateMuscles(g.tables.landmarks, g.tables.skeleton, g.shape, g.skin, g.bones, musclesCsv(), path);
        REQUIRE_FALSE(result);
        CHECK_MESSAGE(result.error().find(c.expected) != std::string::npos, result.error());
    }
    auto missing = bodygen::generateMuscles(g.tables.landmarks, g.tables.skeleton, g.shape, g.skin, g.bones, musclesCsv(),
                                            dir / "absent.csv");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("absent.csv") != std::string::npos);
}

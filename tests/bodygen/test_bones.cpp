// The skeleton layer: every bone is there on both sides, closed, mirrored, bound rigidly to
// its joint and placed on its landmarks; the table fails with file:line messages.
#include "body_fixture.h"
#include "bodygen/bones.h"
#include "bodygen/primitives.h"
#include "support/gltf_builder.h"

#include <map>

using namespace myomap;
using bodygen::BodyMesh;
using bodygen::Side;

namespace {

std::filesystem::path bonesTable() { return test::bodyTables() / "bones.csv"; }

std::vector<BodyMesh> generate(const test::BodyTables& body, const std::filesystem::path& table = bonesTable()) {
    auto bones = bodygen::generateBones(body.landmarks, body.skeleton, table);
    REQUIRE_MESSAGE(bones, (bones ? "" : bones.error()));
    return std::move(bones.value());
}

std::map<std::string, const BodyMesh*> byName(const std::vector<BodyMesh>& meshes) {
    std::map<std::string, const BodyMesh*> out;
    for (const BodyMesh& m : meshes) out[m.name] = &m;
    return out;
}

struct Box {
    glm::vec3 min{1e9f}, max{-1e9f};
};

Box boundsOf(const BodyMesh& mesh) {
    Box b;
    for (const glm::vec3& p : mesh.positions) {
        b.min = glm::min(b.min, p);
        b.max = glm::max(b.max, p);
    }
    return b;
}

glm::vec3 landmark(const test::BodyTables& body, const std::string& name) {
    auto p = body.landmarks.resolve(name, Side::Left);
    REQUIRE_MESSAGE(p, (p ? "" : p.error()));
    return *p;
}

const std::vector<std::string> kPaired = {"clavicle", "scapula", "humerus", "radius", "ulna", "hand", "hip",
                                          "femur",    "patella", "tibia",   "fibula", "foot", "toes"};

std::vector<std::string> midlineBones() {
    std::vector<std::string> out = {"skull", "mandible", "hyoid", "sternum", "sacrum", "coccyx"};
    for (int i = 1; i <= 7; ++i) out.push_back("c" + std::to_string(i));
    for (int i = 1; i <= 12; ++i) out.push_back("t" + std::to_string(i));
    for (int i = 1; i <= 5; ++i) out.push_back("l" + std::to_string(i));
    return out;
}

std::vector<std::string> pairedBones() {
    std::vector<std::string> out = kPaired;
    for (int i = 1; i <= 12; ++i) out.push_back("rib" + std::to_string(i));
    return out;
}

}  // namespace

TEST_CASE("every bone of the skeleton is generated, paired bones on both sides") {
    const auto body = test::loadBodyTables();
    const auto meshes = generate(body);
    const auto named = byName(meshes);
    for (const auto& bone : midlineBones()) {
        CAPTURE(bone);
        CHECK(named.count("bone_" + bone) == 1);
    }
    for (const auto& bone : pairedBones()) {
        CAPTURE(bone);
        CHECK(named.count("bone_" + bone + ".L") == 1);
        CHECK(named.count("bone_" + bone + ".R") == 1);
    }
    CHECK(meshes.size() == midlineBones().size() + 2 * pairedBones().size());
    std::size_t triangles = 0;
    for (const BodyMesh& m : meshes) {
        CHECK(m.layer == bodygen::Layer::Bone);
        triangles += m.indices.size() / 3;
    }
    // The bones are drawn with the muscles and the skin on llvmpipe: keep them light.
    CHECK(triangles < 150000);
}

TEST_CASE("each bone is closed, wound outward and has unit normals") {
    const auto body = test::loadBodyTables();
    for (const BodyMesh& m : generate(body)) {
        CAPTURE(m.name);
        REQUIRE(!m.positions.empty());
        CHECK(bodygen::countOpenOrInconsistentEdges(m) == 0);
        CHECK(bodygen::signedVolume(m) > 0.0);
        REQUIRE(m.normals.size() == m.positions.size());
        for (const glm::vec3& n : m.normals) REQUIRE(glm::length(n) == doctest::Approx(1.0f).epsilon(1e-3));
    }
}

TEST_CASE("right bones mirror the left ones") {
    const auto body = test::loadBodyTables();
    const auto meshes = generate(body);
    const auto named = byName(meshes);
    for (const auto& bone : pairedBones()) {
        CAPTURE(bone);
        const BodyMesh& left = *named.at("bone_" + bone + ".L");
        const BodyMesh& right = *named.at("bone_" + bone + ".R");
        REQUIRE(left.positions.size() == right.positions.size());
        float worst = 0.0f;
        for (std::size_t i = 0; i < left.positions.size(); ++i) {
            worst = std::max(worst, glm::length(right.positions[i] - bodygen::mirror(left.positions[i])));
        }
        CHECK(worst < 0.001f);
        CHECK(boundsOf(left).min.x > -0.01f);  // the left bone stays on the figure's left (+X)
    }
}

TEST_CASE("every vertex moves with exactly one joint, the one its bone belongs to") {
    const auto body = test::loadBodyTables();
    const auto meshes = generate(body);
    const auto named = byName(meshes);
    const auto& joints = body.skeleton.joints();
    for (const BodyMesh& m : meshes) {
        CAPTURE(m.name);
        REQUIRE(m.joints.size() == m.positions.size());
        REQUIRE(m.weights.size() == m.positions.size());
        for (std::size_t i = 0; i < m.joints.size(); ++i) {
            REQUIRE(m.joints[i][0] == m.joints[0][0]);
            REQUIRE(m.weights[i] == glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
        }
        REQUIRE(m.joints[0][0] < joints.size());
    }
    const std::map<std::string, std::string> expected = {
        {"bone_skull", "head"},
        {"bone_mandible", "jaw"},
        {"bone_c2", "neck_upper"},
        {"bone_c6", "neck_lower"},
        {"bone_t3", "thoracic_upper"},
        {"bone_t10", "thoracic_lower"},
        {"bone_l1", "lumbar_upper"},
        {"bone_l5", "lumbar_lower"},
        {"bone_sacrum", "pelvis"},
        {"bone_sternum", "thoracic_upper"},
        {"bone_rib4.R", "thoracic_upper"},
        {"bone_rib9.L", "thoracic_lower"},
        {"bone_clavicle.L", "clavicle.L"},
        {"bone_scapula.R", "scapula.R"},
        {"bone_humerus.L", "upper_arm.L"},
        {"bone_humerus.R", "upper_arm.R"},
        {"bone_radius.L", "forearm.L"},
        {"bone_ulna.R", "forearm.R"},
        {"bone_hand.L", "hand.L"},
        {"bone_hip.R", "pelvis"},
        {"bone_femur.L", "thigh.L"},
        {"bone_patella.R", "thigh.R"},
        {"bone_tibia.L", "shin.L"},
        {"bone_fibula.R", "shin.R"},
        {"bone_foot.L", "foot.L"},
        {"bone_toes.R", "toes.R"},
    };
    for (const auto& [mesh, joint] : expected) {
        CAPTURE(mesh);
        CHECK(joints[named.at(mesh)->joints[0][0]].name == joint);
    }
}

TEST_CASE("long bones span their landmarks") {
    const auto body = test::loadBodyTables();
    const auto meshes = generate(body);
    const auto named = byName(meshes);
    struct Span {
        std::string bone;
        const char* top;
        const char* bottom;
    };
    // Each bone reaches from (at least) the upper landmark's height down to the lower one's,
    // within 5 mm: joint centres lie inside the rounded ends. The radial head sits under the
    // capitulum, so it reaches up to the elbow centre less the capitulum's radius.
    const Span spans[] = {
        {"humerus", "shoulder_joint_centre", "elbow_joint_centre"},
        {"radius", "radial_tuberosity", "radial_styloid"},
        {"ulna", "olecranon", "ulnar_styloid"},
        {"femur", "hip_joint_centre", "knee_joint_centre"},
        {"tibia", "medial_tibial_condyle", "medial_malleolus"},
        {"fibula", "fibular_head", "lateral_malleolus"},
        {"hand", "wrist_joint_centre", "fingertip_middle"},
        {"scapula", "scapula_superior_angle", "scapula_inferior_angle"},
    };
    for (const Span& s : spans) {
        CAPTURE(s.bone);
        const Box box = boundsOf(*named.at("bone_" + s.bone + ".L"));
        CHECK(box.max.y >= landmark(body, s.top).y - 0.005f);
        CHECK(box.min.y <= landmark(body, s.bottom).y + 0.005f);
    }
    // Across: the humerus from its head to the lateral epicondyle, the clavicle from the
    // sternum to the acromion end, the hip bone from the symphysis to the iliac crest.
    CHECK(boundsOf(*named.at("bone_radius.L")).max.y >= landmark(body, "elbow_joint_centre").y - 0.012f);
    const Box humerus = boundsOf(*named.at("bone_humerus.L"));
    CHECK(humerus.min.x <= landmark(body, "medial_epicondyle").x + 0.005f);
    CHECK(humerus.max.x >= landmark(body, "lateral_epicondyle").x - 0.005f);
    CHECK(humerus.max.x >= landmark(body, "greater_tubercle").x - 0.005f);
    const Box clavicle = boundsOf(*named.at("bone_clavicle.L"));
    CHECK(clavicle.min.x <= landmark(body, "sternoclavicular_joint").x + 0.005f);
    CHECK(clavicle.max.x >= landmark(body, "clavicle_lateral").x);
    const Box hip = boundsOf(*named.at("bone_hip.L"));
    CHECK(hip.max.y >= landmark(body, "iliac_crest_top").y);
    CHECK(hip.min.y <= landmark(body, "ischial_tuberosity").y);
    CHECK(hip.min.x <= 0.012f);  // reaches the pubic symphysis
    const Box skull = boundsOf(*named.at("bone_skull"));
    CHECK(skull.max.y == doctest::Approx(landmark(body, "head_top").y).epsilon(0.005));
    CHECK(skull.max.z >= landmark(body, "nasion").z);
    CHECK(skull.min.z <= landmark(body, "inion").z);
}

TEST_CASE("the whole skeleton stays inside the figure's 1.75 m box") {
    const auto body = test::loadBodyTables();
    for (const BodyMesh& m : generate(body)) {
        CAPTURE(m.name);
        const Box b = boundsOf(m);
        CHECK(b.min.y >= 0.0f);
        CHECK(b.max.y <= 1.75f);
        CHECK(std::max(-b.min.x, b.max.x) <= 0.875f);
        CHECK(std::max(-b.min.z, b.max.z) <= 0.875f);
    }
}

TEST_CASE("bone generation is deterministic") {
    const auto body = test::loadBodyTables();
    const auto a = generate(body);
    const auto b = generate(body);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CAPTURE(a[i].name);
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].positions == b[i].positions);
        CHECK(a[i].normals == b[i].normals);
        CHECK(a[i].indices == b[i].indices);
        CHECK(a[i].joints == b[i].joints);
    }
}

TEST_CASE("each primitive is a closed outward-wound piece") {
    using namespace bodygen;
    SectionAim none;
    SectionAim up;
    up.direction = {0, 1, 0};
    const std::vector<Piece> pieces = {
        tube({{0, 0, 0}, {0.1f, 0.02f, 0}, {0.2f, 0, 0.03f}}, {{0.01f, 0.02f}, {0.005f, 0.005f}, {0.015f, 0.01f}}, up),
        tube({{0, 0, 0}, {0, 0.003f, 0}}, {{0.02f, 0.02f}}, none, 0.3f),
        loop({{0.03f, 0, 0}, {0, 0, 0.03f}, {-0.03f, 0, 0}, {0, 0.01f, -0.03f}}, {{0.004f, 0.006f}}, none),
        ellipsoid({0, 0, 0}, {0.02f, 0, 0}, {0, 0.05f, 0}, {0, 0, 0.01f}),
        plate({{0, 0, 0}, {0.1f, 0.01f, 0}, {0.05f, 0.12f, 0.03f}, {-0.02f, 0.06f, 0.01f}}, 0.003f, 0.005f, {0, 0, 1}),
    };
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        CAPTURE(i);
        BodyMesh mesh;
        append(mesh, pieces[i]);
        append(mesh, mirrored(pieces[i]));
        CHECK(countOpenOrInconsistentEdges(mesh) == 0);
        CHECK(signedVolume(mesh) > 0.0);
    }
    // A tube's rounded ends stay within its end points.
    const Piece rod = tube({{0, 0, 0}, {0, 0.3f, 0}}, {{0.01f, 0.01f}}, none);
    float low = 1.0f, high = -1.0f;
    for (const glm::vec3& p : rod.positions) {
        low = std::min(low, p.y);
        high = std::max(high, p.y);
    }
    CHECK(low == doctest::Approx(0.0f).epsilon(1e-4));
    CHECK(high == doctest::Approx(0.3f).epsilon(1e-4));
}

TEST_CASE("a bad bone table stops with the file, the line and the problem") {
    const auto body = test::loadBodyTables();
    const auto dir = test::scratchDir("bad-bone-tables");
    const std::string header = "bone,side,joint,shape,points,size_cm,across,count\n";
    const std::string good = "humerus,L,upper_arm,tube,shoulder_joint_centre;elbow_joint_centre,1.2,,\n";
    struct Case {
        std::string text;
        const char* expected;
    };
    const Case cases[] = {
        {good + "ulna,L,forearm,tube,olecranon;nosuch,1,,\n", "bones.csv:3: points: unknown landmark 'nosuch'"},
        {good + "ulna,L,elbowjoint,tube,olecranon;ulnar_styloid,1,,\n", "bones.csv:3: unknown joint 'elbowjoint'"},
        {good + "ulna,L,forearm,tube,olecranon;ulnar_styloid,1.x,,\n", "bones.csv:3: size_cm: '1.x' is not a number"},
        {good + "ulna,L,forearm,cone,olecranon;ulnar_styloid,1,,\n", "bones.csv:3: unknown shape 'cone'"},
        {good + "ulna,L,forearm,tube,olecranon,1,,\n", "bones.csv:3: shape tube takes 2 or more points, not 1"},
        {good + "ulna,X,forearm,tube,olecranon;ulnar_styloid,1,,\n", "bones.csv:3: side 'X' must be mid, L or both"},
        {good + "t1,mid,thoracic_upper,vertebra,bodies@t1;spinous@t1,1 1 1 1 1 1 1,,\n",
         "bones.csv:3: points: unknown curve 'bodies'"},
        {good + "humerus,mid,upper_arm,tube,c7_spinous;t1_spinous,1,,\n",
         "bones.csv:3: bone 'humerus' is listed above with the other side"},
        {good + "humerus,L,forearm,tube,olecranon;ulnar_styloid,1,,\n",
         "bones.csv:3: bone 'humerus' moves with joint 'upper_arm'"},
        {good + "ulna,L,forearm,tube,olecranon;ulnar_styloid,1;2;3,,\n",
         "bones.csv:3: size_cm: give one size for all points or one per point (2), not 3"},
        {good + "ulna,L,forearm,tube,olecranon;ulnar_styloid,-1,,\n", "bones.csv:3: size_cm: sizes must be above zero"},
        {good + "ulna,L,forearm,tube,olecranon(1 2);ulnar_styloid,1,,\n",
         "bones.csv:3: points: offset in 'olecranon(1 2)' needs three numbers"},
        {good + "ulna,L,forearm,tube,olecranon;ulnar_styloid,1,sideways,\n",
         "bones.csv:3: across: unknown landmark 'sideways'"},
        {good + "ulna,L,forearm,tube,olecranon;ulnar_styloid,1,,2\n",
         "bones.csv:3: count is only for ray, phalanges and beads"},
        {good + "spine,mid,,curve,c4_body@t1;t8_body@c2,,,\n",
         "bones.csv:3: points: curve point 't8_body@c2': levels must go down"},
        {good + "skull,mid,head,tube,nasion;acromion,1,,\n", "bones.csv:3: points: landmark 'acromion' is paired"},
        {good + "ulna,L,forearm,tube,olecranon;olecranon(0 0 0),1,,\n",
         "bones.csv:3: points: points 1 and 2 are in the same place"},
        {good + "hand,L,hand,ray,wrist_joint_centre;mcp3_joint,1 1,,3\n", "bones.csv:3: a ray takes base; head; tip"},
        {good + "skull,mid,head,tube,nasion;inion,1,,\n\n# a comment\nskull,mid,head,ring,nasion;inion,1,,\n",
         "bones.csv:6: shape ring takes 3 or more points, not 2"},
        {"bone,side,joint,shape,points\n", "no column named 'size_cm'"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const auto file = test::writeFile(dir / "bones.csv",
                                          header.substr(0, c.text.rfind("bone,", 0) == 0 ? 0 : header.size()) + c.text);
        auto result = bodygen::generateBones(body.landmarks, body.skeleton, file);
        REQUIRE_FALSE(result);
        CHECK_MESSAGE(result.error().find(c.expected) != std::string::npos, result.error());
    }
    const auto fine = test::writeFile(dir / "bones.csv", header + good);
    CHECK(bodygen::generateBones(body.landmarks, body.skeleton, fine));
}

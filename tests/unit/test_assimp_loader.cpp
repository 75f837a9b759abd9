// The Assimp loader: COLLADA sample rigs against their glTF twins, units and axes (COLLADA,
// FBX, OBJ), textures confined to the model's folder, and bad input.
#include "core/image.h"
#include "model/assimp_loader.h"
#include "model/loader.h"
#include "model/pose.h"
#include "support/fixtures.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MYOMAP_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(MYOMAP_ASAN)
#include <sanitizer/lsan_interface.h>
#define MYOMAP_LEAK_CHECK_OFF __lsan::ScopedDisabler leakCheckOff
#else
#define MYOMAP_LEAK_CHECK_OFF
#endif

namespace {

namespace fs = std::filesystem;
using namespace myomap::model;
using myomap::test::fixture;

const std::string kSources = "gltf/sample-models-2018/sourceModels/";
const std::string kGlb = "gltf/sample-assets/Models/";

// A fresh folder under the system's temporary folder, removed again when the test ends.
using myomap::test::TempFolder;

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string readFile(const fs::path& path) {
    std::string text(static_cast<std::size_t>(fs::file_size(path)), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    return text;
}

// A small skinned COLLADA file written here: a quad of two triangles bound to two joints. The
// damaged-file tests edit its text, so they need no third-party model.
std::string skinnedQuadDae() {
    return R"(<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="meter" meter="1"/><up_axis>Y_UP</up_axis></asset>
  <library_geometries>
    <geometry id="Quad-mesh" name="Quad">
      <mesh>
        <source id="Quad-mesh-positions">
          <float_array id="Quad-mesh-positions-array" count="12">0 0 0 1 0 0 0 1 0 1 1 0</float_array>
          <technique_common>
            <accessor source="#Quad-mesh-positions-array" count="4" stride="3">
              <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/>
            </accessor>
          </technique_common>
        </source>
        <source id="Quad-mesh-normals">
          <float_array id="Quad-mesh-normals-array" count="6">0 0 1 0 0 1</float_array>
          <technique_common>
            <accessor source="#Quad-mesh-normals-array" count="2" stride="3">
              <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/>
            </accessor>
          </technique_common>
        </source>
        <vertices id="Quad-mesh-vertices"><input semantic="POSITION" source="#Quad-mesh-positions"/></vertices>
        <polylist count="2">
          <input semantic="VERTEX" source="#Quad-mesh-vertices" offset="0"/>
          <input semantic="NORMAL" source="#Quad-mesh-normals" offset="1"/>
          <vcount>3 3</vcount>
          <p>1 0 3 1 2 0 0 1 1 0 2 1</p>
        </polylist>
      </mesh>
    </geometry>
  </library_geometries>
  <library_controllers>
    <controller id="Armature_Quad-skin" name="Armature">
      <skin source="#Quad-mesh">
        <bind_shape_matrix>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</bind_shape_matrix>
        <source id="Armature_Quad-skin-joints">
          <Name_array id="Armature_Quad-skin-joints-array" count="2">Root Tip</Name_array>
          <technique_common>
            <accessor source="#Armature_Quad-skin-joints-array" count="2" stride="1"><param name="JOINT" type="name"/></accessor>
          </technique_common>
        </source>
        <source id="Armature_Quad-skin-bind_poses">
          <float_array id="Armature_Quad-skin-bind_poses-array" count="32">1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1 1 0 0 0 0 1 0 -1 0 0 1 0 0 0 0 1</float_array>
          <technique_common>
            <accessor source="#Armature_Quad-skin-bind_poses-array" count="2" stride="16"><param name="TRANSFORM" type="float4x4"/></accessor>
          </technique_common>
        </source>
        <source id="Armature_Quad-skin-weights">
          <float_array id="Armature_Quad-skin-weights-array" count="3">0.5 0.5 1</float_array>
          <technique_common>
            <accessor source="#Armature_Quad-skin-weights-array" count="3" stride="1"><param name="WEIGHT" type="float"/></accessor>
          </technique_common>
        </source>
        <joints>
          <input semantic="JOINT" source="#Armature_Quad-skin-joints"/>
          <input semantic="INV_BIND_MATRIX" source="#Armature_Quad-skin-bind_poses"/>
        </joints>
        <vertex_weights count="4">
          <input semantic="JOINT" source="#Armature_Quad-skin-joints" offset="0"/>
          <input semantic="WEIGHT" source="#Armature_Quad-skin-weights" offset="1"/>
          <vcount>2 1 1 2</vcount>
          <v>1 0 0 1 0 2 1 2 0 0 1 1</v>
        </vertex_weights>
      </skin>
    </controller>
  </library_controllers>
  <library_visual_scenes>
    <visual_scene id="Scene" name="Scene">
      <node id="Armature" name="Armature" type="NODE">
        <node id="Armature_Root" name="Root" sid="Root" type="JOINT">
          <matrix sid="transform">1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</matrix>
          <node id="Armature_Tip" name="Tip" sid="Tip" type="JOINT">
            <matrix sid="transform">1 0 0 0 0 1 0 1 0 0 1 0 0 0 0 1</matrix>
          </node>
        </node>
      </node>
      <node id="Quad" name="Quad" type="NODE">
        <instance_controller url="#Armature_Quad-skin"><skeleton>#Armature_Root</skeleton></instance_controller>
      </node>
    </visual_scene>
  </library_visual_scenes>
  <scene><instance_visual_scene url="#Scene"/></scene>
</COLLADA>
)";
}

Bounds boundsAt(const Scene& scene, float t) {
    return posedBounds(scene, evaluatePose(scene, scene.clips.empty() ? nullptr : &scene.clips[0], t));
}

float worstDifference(const Bounds& a, const Bounds& b) {
    const glm::vec3 dMin = glm::abs(a.min - b.min);
    const glm::vec3 dMax = glm::abs(a.max - b.max);
    return std::max({dMin.x, dMin.y, dMin.z, dMax.x, dMax.y, dMax.z});
}

std::string describe(const Bounds& b) {
    char text[160];
    std::snprintf(text, sizeof text, "(%.4f %.4f %.4f)..(%.4f %.4f %.4f)", b.min.x, b.min.y, b.min.z, b.max.x, b.max.y,
                  b.max.z);
    return text;
}

// Turns the whole scene about +Y, as a parent of its roots would.
void turnAboutY(Scene& scene, float degrees) {
    const glm::quat q = glm::angleAxis(glm::radians(degrees), glm::vec3(0.0f, 1.0f, 0.0f));
    for (const int r : scene.roots) {
        Node& root = scene.nodes[static_cast<std::size_t>(r)];
        root.translation = q * root.translation;
        root.rotation = q * root.rotation;
    }
}

// Loads a rig through Assimp (.dae) and through tinygltf (.glb) and compares the posed bounds
// of their first clips. `yaw` turns the COLLADA figure first: the published glTF of CesiumMan
// and RiggedSimple has an Armature node turned -90 degrees about the vertical that the 2018
// COLLADA source does not have (the source's Armature has rotationZ 0).
void compareWithGltf(const std::string& name, float yaw, const std::vector<float>& times) {
    const fs::path dae = fixture(kSources + name + "/" + name + ".dae");
    const fs::path glb = fixture(kGlb + name + "/glTF-Binary/" + name + ".glb");
    if (dae.empty() || glb.empty()) return;
    auto viaAssimp = loadWithAssimp(dae);
    auto viaGltf = loadGltf(glb);
    REQUIRE_MESSAGE(viaAssimp.ok(), viaAssimp.error());
    REQUIRE_MESSAGE(viaGltf.ok(), viaGltf.error());
    // COLLADA colours are taken as linear, as the Khronos converter did for the glTF versions.
    REQUIRE(viaAssimp->materials.size() == viaGltf->materials.size());
    for (std::size_t m = 0; m < viaGltf->materials.size(); ++m) {
        CHECK(glm::length(viaAssimp->materials[m].baseColor - viaGltf->materials[m].baseColor) < 1e-3f);
    }
    turnAboutY(*viaAssimp, yaw);
    for (const float t : times) {
        CAPTURE(name);
        CAPTURE(t);
        const Bounds a = boundsAt(*viaAssimp, t);
        const Bounds g = boundsAt(*viaGltf, t);
        const float height = g.size().y;
        // +Y up in both: height is the tallest extent.
        CHECK(a.size().y >= std::max(a.size().x, a.size().z));
        CHECK(height >= std::max(g.size().x, g.size().z));
        CHECK(std::abs(a.size().y - height) <= 0.01f * height);
        const float difference = worstDifference(a, g);
        MESSAGE(name << " t=" << t << " assimp " << describe(a) << " gltf " << describe(g) << " worst difference "
                     << 100.0f * difference / height << "% of height " << height);
        CHECK(difference <= 0.01f * height);
    }
}

}  // namespace

TEST_CASE("Assimp loader: the COLLADA sample models load with their joints, meshes and clips") {
    struct Expected {
        const char* name;
        std::size_t meshes, joints, clips;
        float duration;
    };
    for (const Expected& e : {Expected{"CesiumMan", 1, 19, 1, 2.0f}, Expected{"RiggedSimple", 1, 2, 1, 2.0833f},
                              Expected{"RiggedFigure", 1, 19, 1, 1.25f}, Expected{"BoxAnimated", 2, 0, 1, 3.7083f}}) {
        CAPTURE(e.name);
        const fs::path path = fixture(kSources + e.name + "/" + e.name + ".dae");
        if (path.empty()) return;
        auto scene = loadWithAssimp(path);
        REQUIRE_MESSAGE(scene.ok(), scene.error());
        CHECK(scene->warnings.empty());
        CHECK(scene->meshes.size() == e.meshes);
        CHECK(scene->skins.size() == (e.joints > 0 ? 1u : 0u));
        if (!scene->skins.empty()) CHECK(scene->skins[0].joints.size() == e.joints);
        REQUIRE(scene->clips.size() == e.clips);
        CHECK(scene->clips[0].duration == doctest::Approx(e.duration).epsilon(1e-3));
        for (const Mesh& mesh : scene->meshes) {
            for (const Primitive& prim : mesh.primitives) {
                CHECK(!prim.positions.empty());
                CHECK(prim.normals.size() == prim.positions.size());
                CHECK(prim.joints.size() == (e.joints > 0 ? prim.positions.size() : 0u));
                for (const glm::vec4& w : prim.weights) CHECK(w.x + w.y + w.z + w.w == doctest::Approx(1.0f));
            }
        }
        if (std::string(e.name) == "CesiumMan") {  // its diffuse texture sits beside it
            REQUIRE(scene->images.size() == 1);
            CHECK(scene->images[0].width == 1024);
            CHECK(scene->materials.at(0).baseColorImage == 0);
        }
    }
}

TEST_CASE("Assimp loader: CesiumMan through Assimp and through glTF gives the same skinned pose") {
    // t=0 differs by up to 0.8% of the height: the glb's keys start at 1/24 s, where the
    // COLLADA source has a key at 0, so at t=0 the two play different frames.
    compareWithGltf("CesiumMan", -90.0f, {0.0f, 1.0f / 24.0f, 0.5f, 1.0f, 1.5f});
}

TEST_CASE("Assimp loader: RiggedFigure, RiggedSimple and BoxAnimated match their glTF versions") {
    compareWithGltf("RiggedFigure", 0.0f, {0.0f, 0.5f, 1.0f});
    compareWithGltf("RiggedSimple", -90.0f, {0.0f, 0.5f, 1.0f, 1.5f});
    compareWithGltf("BoxAnimated", 0.0f, {0.0f, 0.5f, 1.0f, 2.5f});
}

TEST_CASE("Assimp loader: CesiumMan's rest-pose vertices and UVs equal the glTF version's") {
    // Vertex for vertex: checks the inverse bind matrices (Assimp's bone offsets) with a
    // rotated root above the mesh node, and that UVs come out with glTF's top-left origin.
    const fs::path dae = fixture(kSources + "CesiumMan/CesiumMan.dae");
    const fs::path glb = fixture(kGlb + "CesiumMan/glTF-Binary/CesiumMan.glb");
    if (dae.empty() || glb.empty()) return;
    auto a = loadWithAssimp(dae);
    auto g = loadGltf(glb);
    REQUIRE(a.ok());
    REQUIRE(g.ok());
    turnAboutY(*a, -90.0f);
    const int nodeA = meshNodes(*a).at(0), nodeG = meshNodes(*g).at(0);
    const Primitive& primA =
        a->meshes.at(static_cast<std::size_t>(a->nodes[static_cast<std::size_t>(nodeA)].mesh)).primitives.at(0);
    const Primitive& primG =
        g->meshes.at(static_cast<std::size_t>(g->nodes[static_cast<std::size_t>(nodeG)].mesh)).primitives.at(0);
    const auto posA = posedPositions(*a, evaluatePose(*a, nullptr, 0.0f), nodeA, primA);
    const auto posG = posedPositions(*g, evaluatePose(*g, nullptr, 0.0f), nodeG, primG);
    float worstPosition = 0.0f, worstUv = 0.0f;
    for (std::size_t i = 0; i < posA.size(); ++i) {
        float nearest = 1e30f;
        for (const glm::vec3& p : posG) nearest = std::min(nearest, glm::length(p - posA[i]));
        float uv = 1e30f;  // seams: several glTF vertices share the position
        for (std::size_t j = 0; j < posG.size(); ++j) {
            if (glm::length(posG[j] - posA[i]) <= nearest + 1e-5f)
                uv = std::min(uv, glm::length(primG.uv0[j] - primA.uv0[i]));
        }
        worstPosition = std::max(worstPosition, nearest);
        worstUv = std::max(worstUv, uv);
    }
    MESSAGE("CesiumMan rest pose: worst vertex distance " << worstPosition << " m, worst UV difference " << worstUv);
    CHECK(worstPosition < 1e-4f);
    CHECK(worstUv < 1e-4f);
}

TEST_CASE("Assimp loader: CesiumMan.glb through Assimp equals it through tinygltf, embedded texture included") {
    // Assimp's glTF importer turns inverse bind matrices into bone offsets; this loader turns
    // them back. A third route to the same pose.
    const fs::path glb = fixture(kGlb + "CesiumMan/glTF-Binary/CesiumMan.glb");
    if (glb.empty()) return;
    auto viaAssimp = loadWithAssimp(glb);
    auto viaGltf = loadGltf(glb);
    REQUIRE_MESSAGE(viaAssimp.ok(), viaAssimp.error());
    REQUIRE(viaGltf.ok());
    for (const float t : {0.0f, 0.5f, 1.25f}) {
        CAPTURE(t);
        CHECK(worstDifference(boundsAt(*viaAssimp, t), boundsAt(*viaGltf, t)) < 1e-4f);
    }
    REQUIRE(viaAssimp->images.size() == 1);
    REQUIRE(viaGltf->images.size() == 1);
    CHECK(viaAssimp->images[0].width == viaGltf->images[0].width);
    CHECK(viaAssimp->images[0].rgba == viaGltf->images[0].rgba);
    CHECK(viaAssimp->materials.at(0).baseColorImage == 0);
}

TEST_CASE("Assimp loader: COLLADA <unit> and <up_axis> bring the figure to metres, +Y up") {
    const fs::path source = fixture(kSources + "RiggedFigure/RiggedFigure.dae");
    if (source.empty()) return;
    std::string text = readFile(source);
    const auto unit = text.find("meter=\"1\"");
    REQUIRE(unit != std::string::npos);
    text.replace(unit, 9, "meter=\"0.01\"");
    const TempFolder folder("assimp-units");
    writeFile(folder / "centimetres.dae", text);
    auto metres = loadWithAssimp(source);
    auto centimetres = loadWithAssimp(folder / "centimetres.dae");
    REQUIRE(metres.ok());
    REQUIRE_MESSAGE(centimetres.ok(), centimetres.error());
    const Bounds m = boundsAt(*metres, 0.0f), c = boundsAt(*centimetres, 0.0f);
    CHECK(m.size().y == doctest::Approx(1.476).epsilon(0.01));  // Z_UP in the file, +Y here
    CHECK(c.size().y == doctest::Approx(m.size().y * 0.01f).epsilon(1e-3));

    // Skinned at rest, the figure sits exactly where its mesh node puts the unskinned mesh.
    Scene unskinned = *metres;
    for (Node& node : unskinned.nodes) node.skin = kNone;
    CHECK(worstDifference(posedBounds(*metres, evaluatePose(*metres, nullptr, 0.0f)),
                          posedBounds(unskinned, evaluatePose(unskinned, nullptr, 0.0f))) < 1e-4f);
}

namespace {

// A two-bone skinned column (2 m tall in the file's up axis) on a mesh node moved 10 units
// along X, and an unskinned marker triangle 50 units along the file's -Y; the tip bone
// slides 50 units along X over one second. Cluster "Transform" is stored in bone space, as
// FBX files written by the FBX SDK and Blender have it. Without `rootCluster` the two bottom
// vertices have no weights.
std::string columnFbx(int upAxis, int frontAxis, int frontSign, int coordSign, double unitCentimetres,
                      bool rootCluster = true) {
    const bool zUp = upAxis == 2;
    const std::string top = zUp ? "0,0,200" : "0,200,0";
    const std::string tipAt = zUp ? "0,0,100" : "0,100,0";
    const std::string tipInverse = zUp ? "10,0,-100" : "10,-100,0";
    return R"(; FBX 7.4.0 project file
FBXHeaderExtension:  {
	FBXHeaderVersion: 1003
	FBXVersion: 7400
}
GlobalSettings:  {
	Version: 1000
	Properties70:  {
		P: "UpAxis", "int", "Integer", "",)" +
           std::to_string(upAxis) + R"(
		P: "UpAxisSign", "int", "Integer", "",1
		P: "FrontAxis", "int", "Integer", "",)" +
           std::to_string(frontAxis) + R"(
		P: "FrontAxisSign", "int", "Integer", "",)" +
           std::to_string(frontSign) + R"(
		P: "CoordAxis", "int", "Integer", "",0
		P: "CoordAxisSign", "int", "Integer", "",)" +
           std::to_string(coordSign) + R"(
		P: "UnitScaleFactor", "double", "Number", "",)" +
           std::to_string(unitCentimetres) + R"(
	}
}
Objects:  {
	Geometry: 100, "Geometry::Column", "Mesh" {
		Vertices: *12 { a: -5,0,0,5,0,0,-5,)" +
           top.substr(2) + ",5," + top.substr(2) + R"( }
		PolygonVertexIndex: *6 { a: 0,1,-4,0,3,-3 }
	}
	Model: 200, "Model::Column", "Mesh" {
		Properties70:  { P: "Lcl Translation", "Lcl Translation", "", "A",10,0,0 }
	}
	Geometry: 101, "Geometry::Marker", "Mesh" {
		Vertices: *9 { a: 0,0,0,1,0,0,0,0,1 }
		PolygonVertexIndex: *3 { a: 0,1,-3 }
	}
	Model: 201, "Model::Marker", "Mesh" {
		Properties70:  { P: "Lcl Translation", "Lcl Translation", "", "A",0,-50,0 }
	}
	Model: 300, "Model::Root", "LimbNode" {
	}
	Model: 301, "Model::Tip", "LimbNode" {
		Properties70:  { P: "Lcl Translation", "Lcl Translation", "", "A",)" +
           tipAt + R"( }
	}
	Deformer: 400, "Deformer::", "Skin" {
	}
)" +
           std::string(rootCluster ? R"(	Deformer: 401, "SubDeformer::", "Cluster" {
		Indexes: *2 { a: 0,1 }
		Weights: *2 { a: 1,1 }
		Transform: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,10,0,0,1 }
		TransformLink: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1 }
	}
)"
                                   : "") +
           R"(	Deformer: 402, "SubDeformer::", "Cluster" {
		Indexes: *2 { a: 2,3 }
		Weights: *2 { a: 1,1 }
		Transform: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,)" +
           tipInverse + R"(,1 }
		TransformLink: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,)" +
           tipAt + R"(,1 }
	}
	AnimationStack: 500, "AnimStack::slide", "" {
	}
	AnimationLayer: 501, "AnimLayer::BaseLayer", "" {
	}
	AnimationCurveNode: 502, "AnimCurveNode::T", "" {
		Properties70:  {
			P: "d|X", "Number", "", "A",0
			P: "d|Y", "Number", "", "A",)" +
           (zUp ? "0" : "100") + R"(
			P: "d|Z", "Number", "", "A",)" +
           (zUp ? "100" : "0") + R"(
		}
	}
	AnimationCurve: 503, "AnimCurve::", "" {
		Default: 0
		KeyVer: 4009
		KeyTime: *2 { a: 0,46186158000 }
		KeyValueFloat: *2 { a: 0,50 }
	}
}
Connections:  {
	C: "OO",200,0
	C: "OO",201,0
	C: "OO",300,0
	C: "OO",301,300
	C: "OO",100,200
	C: "OO",101,201
	C: "OO",400,100
)" + std::string(rootCluster ? "\tC: \"OO\",401,400\n\tC: \"OO\",300,401\n" : "") +
           R"(	C: "OO",402,400
	C: "OO",301,402
	C: "OO",501,500
	C: "OO",502,501
	C: "OP",502,301, "Lcl Translation"
	C: "OP",503,502, "d|X"
}
)";
}

}  // namespace

TEST_CASE("Assimp loader: FBX UnitScaleFactor and axes bring skinned and unskinned meshes to metres, +Y up") {
    const TempFolder folder("assimp-fbx");
    SUBCASE("Z up, centimetres (3ds Max style)") {
        writeFile(folder / "zup_cm.fbx", columnFbx(2, 1, -1, 1, 1.0));
        auto scene = loadWithAssimp(folder / "zup_cm.fbx");
        REQUIRE_MESSAGE(scene.ok(), scene.error());
        REQUIRE(scene->skins.size() == 1);
        REQUIRE(scene->clips.size() == 1);
        const Bounds rest = boundsAt(*scene, 0.0f);
        CHECK(rest.min.x == doctest::Approx(0.0f));                     // the marker
        CHECK(rest.max.x == doctest::Approx(0.15f));                    // column: 10 cm node offset + 5 cm
        CHECK(rest.max.y == doctest::Approx(2.0f));                     // 200 cm up the file's Z
        CHECK(rest.max.z == doctest::Approx(0.5f));                     // the marker, 50 cm to the front (-Y)
        CHECK(boundsAt(*scene, 1.0f).max.x == doctest::Approx(0.65f));  // the tip slid 50 cm
        CHECK(boundsAt(*scene, 0.5f).max.x == doctest::Approx(0.40f));
    }
    SUBCASE("Y up, metres") {
        writeFile(folder / "yup_m.fbx", columnFbx(1, 2, 1, 1, 100.0));
        auto scene = loadWithAssimp(folder / "yup_m.fbx");
        REQUIRE_MESSAGE(scene.ok(), scene.error());
        const Bounds rest = boundsAt(*scene, 0.0f);
        CHECK(rest.max.x == doctest::Approx(15.0f));
        CHECK(rest.max.y == doctest::Approx(200.0f));
        CHECK(rest.min.y == doctest::Approx(-50.0f));  // the marker on the file's -Y
        CHECK(boundsAt(*scene, 1.0f).max.x == doctest::Approx(65.0f));
    }
    SUBCASE("vertices without bone weights follow their mesh node") {
        writeFile(folder / "unweighted.fbx", columnFbx(2, 1, -1, 1, 1.0, false));
        auto scene = loadWithAssimp(folder / "unweighted.fbx");
        REQUIRE_MESSAGE(scene.ok(), scene.error());
        CHECK(boundsAt(*scene, 0.0f).max.x == doctest::Approx(0.15f));
        CHECK(boundsAt(*scene, 0.0f).max.y == doctest::Approx(2.0f));
        // The top slides; the unweighted bottom stays on the mesh node, 5..15 cm along X.
        const Node& column = scene->nodes.at(static_cast<std::size_t>(scene->findNode("Column")));
        const Primitive& prim = scene->meshes.at(static_cast<std::size_t>(column.mesh)).primitives.at(0);
        const Pose pose = evaluatePose(*scene, &scene->clips.at(0), 1.0f);
        const auto posed = posedPositions(*scene, pose, scene->findNode("Column"), prim);
        Bounds bottom, top;
        for (const glm::vec3& p : posed) (p.y < 1.0f ? bottom : top).add(p);
        CHECK(bottom.min.x == doctest::Approx(0.05f));
        CHECK(bottom.max.x == doctest::Approx(0.15f));
        CHECK(top.max.x == doctest::Approx(0.65f));
        bool warned = false;
        for (const std::string& w : scene->warnings) warned = warned || w.find("no bone weights") != std::string::npos;
        CHECK(warned);
    }
    SUBCASE("a left-handed axis system is mirrored, with a warning") {
        writeFile(folder / "mirrored.fbx", columnFbx(2, 1, -1, -1, 1.0));
        auto scene = loadWithAssimp(folder / "mirrored.fbx");
        REQUIRE_MESSAGE(scene.ok(), scene.error());
        const Bounds rest = boundsAt(*scene, 0.0f);
        CHECK(rest.min.x == doctest::Approx(-0.15f));
        CHECK(rest.max.y == doctest::Approx(2.0f));
        bool warned = false;
        for (const std::string& w : scene->warnings) warned = warned || w.find("left-handed") != std::string::npos;
        CHECK(warned);
    }
}

TEST_CASE("Assimp loader: a bone that names no node leaves its vertices on the mesh node") {
    std::string text = skinnedQuadDae();
    const std::string joints = "count=\"2\">Root Tip<";
    const auto at = text.find(joints);
    REQUIRE(at != std::string::npos);
    text.replace(at, joints.size(), "count=\"2\">Root Missing_bone<");
    const TempFolder folder("assimp-missing-bone");
    writeFile(folder / "missing-bone.dae", text);
    auto scene = loadWithAssimp(folder / "missing-bone.dae");
    REQUIRE_MESSAGE(scene.ok(), scene.error());
    REQUIRE(scene->warnings.size() == 1);
    CHECK(scene->warnings[0].find("Missing_bone") != std::string::npos);
    // Where it was: the quad's vertices stay on the mesh node, a metre tall and wide.
    const Bounds b = boundsAt(*scene, 0.0f);
    CHECK(b.size().x == doctest::Approx(1.0f).epsilon(0.01));
    CHECK(b.size().y == doctest::Approx(1.0f).epsilon(0.01));
}

TEST_CASE("Assimp loader: damaged files that crash Assimp 5.2 are refused with a message") {
    // Each edit once made Assimp read out of bounds, abort on an internal check, or allocate
    // until memory ran out (found by mutating the sample files).
    const TempFolder folder("assimp-crashers");
    auto expectRefused = [&](const std::string& name, const std::string& content, const std::string& why) {
        CAPTURE(name);
        writeFile(folder / name, content);
        auto scene = loadWithAssimp(folder / name);
        REQUIRE_FALSE(scene.ok());
        INFO(scene.error());
        CHECK(scene.error().find((folder / name).string()) != std::string::npos);
        CHECK(scene.error().find(why) != std::string::npos);
    };
    {
        // An FBX cluster naming a vertex the mesh does not have trips an internal check in
        // Assimp. Assimp leaks the half-built scene when that check throws: a few KiB per
        // damaged file, far better than the abort it replaces, but not ours to fix.
        MYOMAP_LEAK_CHECK_OFF;
        std::string fbx = columnFbx(2, 1, -1, 1, 1.0);
        fbx.replace(fbx.find("Indexes: *2 { a: 2,3 }"), 22, "Indexes: *2 { a: 92,3 }");
        expectRefused("cluster-index.fbx", fbx, "malformed");
    }

    const std::string original = skinnedQuadDae();
    writeFile(folder / "quad.dae", original);
    auto intact = loadWithAssimp(folder / "quad.dae");  // whole, it loads: the edits are what is refused
    REQUIRE_MESSAGE(intact.ok(), intact.error());
    CHECK(intact->skins.size() == 1);
    auto edited = [&](const std::string& from, const std::string& to) {
        std::string text = original;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    expectRefused("stray-character.dae", edited("<p>1 0 3 1", "<p>1 0 {3 1"), "other than plain integers");
    expectRefused("form-feed.dae", edited("<p>1 0 3 1", "<p>1 0\f3 1"), "other than plain integers");
    expectRefused("array-count.dae", edited("positions-array\" count=", "positions-array\" cuont="), "no valid count");
    expectRefused("weights-count.dae", edited("<vertex_weights count=", "<vertex_weights cuont="), "no valid count");
    expectRefused("joint-index.dae", edited("<v>1 0 0 1", "<v>7 0 0 1"), "joint or weight 7");
    expectRefused("signed-weight.dae", edited("<v>1 0 0 1", "<v>1 0 -0 1"), "other than plain integers");
    expectRefused("huge-vcount.dae", edited("<vcount>3 3", "<vcount>4294967295 3"), "more than any data array");
    expectRefused("accessor-stride.dae", edited("count=\"4\" stride=\"3\"", "count=\"4\" stride=\"9999999993\""),
                  "reads past the end");
}

TEST_CASE("Assimp loader: an OBJ from the SPL atlas loads as-is (millimetres)") {
    const fs::path path = fixture("anatomy/spl-head-neck-atlas/obj/Model_53_left_trapezius_muscle.obj");
    if (path.empty()) return;
    auto scene = loadWithAssimp(path);
    REQUIRE_MESSAGE(scene.ok(), scene.error());
    REQUIRE(scene->meshes.size() == 1);
    CHECK(scene->meshes[0].name == "Model_53_left_trapezius_muscle");
    const Primitive& prim = scene->meshes[0].primitives.at(0);
    CHECK(prim.positions.size() > 1000);
    CHECK(prim.normals.size() == prim.positions.size());
    const Bounds b = boundsAt(*scene, 0.0f);
    CHECK(std::isfinite(b.min.x + b.min.y + b.min.z + b.max.x + b.max.y + b.max.z));
    CHECK(b.size().x > 50.0f);  // a trapezius is several centimetres wide: the file is in millimetres
}

TEST_CASE("Assimp loader: textures are read only from inside the model's folder") {
    const TempFolder root("assimp-textures");
    fs::create_directories(root / "model");
    // A small texture written here, inside the model's folder and once more outside it.
    const myomap::ImageRgba texture{16, 8, std::vector<std::uint8_t>(16 * 8 * 4, 200)};
    REQUIRE(myomap::writePng(root / "model" / "skin.png", texture));
    REQUIRE(myomap::writePng(root / "outside.png", texture));
    writeFile(root / "model" / "model.mtl",
              "newmtl inside\nKd 0.5 0.5 0.5\nmap_Kd skin.png\n"
              "newmtl escape\nKd 1 0 0\nmap_Kd ../outside.png\n"
              "newmtl missing\nKd 0 1 0\nmap_Kd nowhere.png\n");
    writeFile(root / "model" / "model.obj",
              "mtllib model.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\n"
              "usemtl inside\nf 1/1 2/2 3/3\nusemtl escape\nf 1/1 3/3 2/2\nusemtl missing\nf 2/2 3/3 1/1\n");
    auto scene = loadWithAssimp(root / "model" / "model.obj");
    REQUIRE_MESSAGE(scene.ok(), scene.error());
    REQUIRE(scene->images.size() == 1);  // only skin.png
    CHECK(scene->images[0].width == 16);
    int textured = 0;
    for (const Material& m : scene->materials) textured += m.baseColorImage != kNone;
    CHECK(textured == 1);
    std::string warnings;
    for (const std::string& w : scene->warnings) warnings += w + "\n";
    CHECK(warnings.find("outside the model's folder") != std::string::npos);
    CHECK(warnings.find("nowhere.png") != std::string::npos);

    // A material library outside the folder is not read either.
    writeFile(root / "escape.obj", "mtllib ../../etc/passwd\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    auto escape = loadWithAssimp(root / "escape.obj");
    REQUIRE_MESSAGE(escape.ok(), escape.error());
    CHECK(escape->meshes.size() == 1);
}

TEST_CASE("Assimp loader: bad input is an error that names the file, never a crash") {
    const TempFolder folder("assimp-bad");
    std::mt19937 random(20240611u);
    std::string noise(8192, '\0');
    for (char& c : noise) c = static_cast<char>(random() & 0xff);
    std::string truncated =
        "<?xml version=\"1.0\"?>\n<COLLADA xmlns=\"http://www.collada.org/2005/11/COLLADASchema\" "
        "version=\"1.4.1\">\n<asset><unit meter=\"1\"/><up_axis>Z_UP</up_axis></asset>\n"
        "<library_geometries><geometry id=\"g\"><mesh><source id=\"p\"><float_array id=\"pa\" count=\"9\">0 0 0 1";
    const std::string quad = skinnedQuadDae();
    const std::string quadCut = quad.substr(0, quad.find("<vertex_weights") + 40);  // ends inside the skin
    const std::vector<std::pair<std::string, std::string>> files = {
        {"empty.dae", ""},
        {"noise.dae", noise},
        {"noise.fbx", noise},
        {"noise.obj", noise},
        {"binary-header.fbx", std::string("Kaydara FBX Binary  \0\x1a\0", 23) + noise},
        {"truncated.dae", truncated},
        {"truncated-skin.dae", quadCut},
        {"no-scene.dae", "<?xml version=\"1.0\"?><COLLADA version=\"1.4.1\"><asset/></COLLADA>"}};
    for (const auto& [name, content] : files) {
        CAPTURE(name);
        writeFile(folder / name, content);
        auto scene = loadWithAssimp(folder / name);
        REQUIRE_FALSE(scene.ok());
        INFO(scene.error());
        CHECK(scene.error().find((folder / name).string()) != std::string::npos);
    }
    CHECK_FALSE(loadWithAssimp(folder / "does-not-exist.obj").ok());
    CHECK_FALSE(loadWithAssimp(folder.path()).ok());  // a folder

    // Damaged but usable: a NaN vertex, a zero normal, points and lines. The triangle touching
    // the NaN is dropped, the rest loads with warnings and finite bounds.
    writeFile(folder / "damaged.obj",
              "v 1 2 3\nv nan 0 0\nv 0 1 0\nv 1 1 1\nvn 0 0 0\n"
              "f 1//1 2//1 3//1\nf 1//1 3//1 4//1\nl 1 2\np 3\n");
    auto damaged = loadWithAssimp(folder / "damaged.obj");
    REQUIRE_MESSAGE(damaged.ok(), damaged.error());
    CHECK(!damaged->warnings.empty());
    const Primitive& prim = damaged->meshes.at(0).primitives.at(0);
    CHECK(prim.indices.size() == 3);
    for (const glm::vec3& n : prim.normals) CHECK(glm::length(n) == doctest::Approx(1.0f));
    const Bounds b = boundsAt(*damaged, 0.0f);
    CHECK(b.min.y == doctest::Approx(1.0f));
    CHECK(b.max.z == doctest::Approx(3.0f));
}

// Inputs the libFuzzer targets in tests/fuzz found to crash, hang or trip a sanitizer, each
// embedded byte for byte, with the fix it checks (docs/RELIABILITY.md, "Fuzzing"). A hang is
// caught by running the load on a worker thread with a deadline, so a regression fails the
// test instead of stopping the suite.
#include "model/assimp_loader.h"
#include "model/loader.h"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

fs::path writeInput(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::path(MYOMAP_TEST_OUTPUT_DIR) / "fuzz-regressions";
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary | std::ios::trunc) << bytes;
    return dir / name;
}

// Loads `file` on a worker thread; nullopt when it has not finished after `limit`. The worker
// is detached then (a hung Assimp cannot be stopped): the test fails and the suite goes on.
std::optional<Result<model::Scene>> loadWithin(const fs::path& file, std::chrono::seconds limit,
                                               Result<model::Scene> (*load)(const fs::path&)) {
    struct Shared {
        std::mutex mutex;
        std::condition_variable done;
        std::optional<Result<model::Scene>> result;
    };
    auto shared = std::make_shared<Shared>();
    std::thread([shared, file, load] {
        auto r = load(file);
        const std::lock_guard lock(shared->mutex);
        shared->result.emplace(std::move(r));
        shared->done.notify_all();
    }).detach();
    std::unique_lock lock(shared->mutex);
    shared->done.wait_for(lock, limit, [&] { return shared->result.has_value(); });
    return std::move(shared->result);
}

}  // namespace

TEST_CASE("fuzz regression: a PLY header without end_header is refused, not read forever") {
    // Found by myomap_fuzz_assimp after 12 s (timeout-95afc52c...): a NUL byte inside
    // `end_header`. Assimp 5.2's PLY reader then asks for header lines past the end of the
    // file forever. Fixed by checkPlyHeader (assimp_precheck.cpp), which also covers a header
    // cut short and an end_header that is not the line's first token.
    static const char kInput[] =
        "ply\n"
        "format ascii 1.0\n"
        "element vertex 4\n"
        "property float x\n"
        "property float y\n"
        "property float z\n"
        "property float nx\n"
        "property float ny\n"
        "property float nz\n"
        "property uchar red\n"
        "property uchar green\n"
        "property uchar blue\n"
        "element face 4\n"
        "property list uchar int vertex_indices\n"
        "end_\0header\n"
        "0 0 0 0 0 1 255 0 0\n"
        "1 0 0 0 0 1 0 255 0\n"
        "1 1 0 0 0 1 0 0 255\n"
        "0 1 0 0 0 1 255 255 255\n"
        "3 0 1 2\n"
        "4 0 2 3 1\n";
    const std::string found(kInput, sizeof kInput - 1);
    const std::string header = "ply\nformat ascii 1.0\nelement vertex 1\nproperty float x\nproperty float y\nproperty float z\n";
    for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"found.ply", found},
                                      {"cut-short.ply", header},
                                      {"in-a-comment.ply", header + "comment end_header\n0 0 0\n"},
                                      {"suffixed.ply", header + "end_headers\n0 0 0\n"},
                                      {"no-extension", header}}) {
        CAPTURE(name);
        const fs::path file = writeInput(name, bytes);
        auto result = loadWithin(file, std::chrono::seconds(20), &model::loadWithAssimp);
        REQUIRE_MESSAGE(result.has_value(), "the load did not finish within 20 s: Assimp hangs on this file");
        REQUIRE_FALSE(result->ok());
        CAPTURE(result->error());
        CHECK(result->error().find(file.string()) != std::string::npos);
        CHECK(result->error().find("malformed PLY: the header has no end_header line") != std::string::npos);
    }
    // A whole file still loads.
    const fs::path good = writeInput("good.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\n"
                                                 "property float y\nproperty float z\nelement face 1\n"
                                                 "property list uchar int vertex_indices\n  end_header\r\n"
                                                 "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    auto loaded = loadWithin(good, std::chrono::seconds(20), &model::loadWithAssimp);
    REQUIRE(loaded.has_value());
    REQUIRE_MESSAGE(loaded->ok(), (loaded->ok() ? "" : loaded->error()));
    CHECK(loaded->value().meshes.size() == 1);
}

TEST_CASE("fuzz regression: two clusters of one FBX skin on the same bone are refused, not freed twice") {
    // Found by myomap_fuzz_assimp after about 36 s in all (crash-01fb2284...): the seed skinned.fbx
    // with the second cluster bound to the root bone too (`C: "OO",300,402`). Assimp 5.2 adds
    // the bone's aiBone to the mesh once per cluster, and the mesh frees it twice (glibc aborts;
    // AddressSanitizer reports a double free). Fixed by checkFbxHierarchy (assimp_precheck.cpp).
    static const char kInput[] = R"fbx(; FBX 7.4.0 project file
FBXHeaderExtension:  {
	FBXHeaderVersion: 1003
	FBXVersion: 7400
}
GlobalSettings:  {
	Version: 1000
	Properties70:  {
		P: "UpAxis", "int", "Integer", "",2
		P: "UpAxisSign", "int", "Integer", "",1
		P: "FrontAxis", "int", "Integer", "",1
		P: "FrontAxisSign", "int", "Integer", "",-1
		P: "CoordAxis", "int", "Integer", "",0
		P: "CoordAxisSign", "int", "Integer", "",1
		P: "UnitScaleFactor", "double", "Number", "",1
	}
}
Objects:  {
	Geometry: 100, "Geometry::Column", "Mesh" {
		Vertices: *12 { a: -5,0,0,5,0,0,-5,0,100,5,0,100 }
		PolygonVertexIndex: *6 { a: 0,1,-4,0,3,-3 }
	}
	Model: 200, "Model::Column", "Mesh" {
		Properties70:  { P: "Lcl Translation", "Lcl Translation", "", "A",10,0,0 }
	}
	Model: 300, "Model::Root", "LimbNode" {
	}
	Model: 301, "Model::Tip", "LimbNode" {
		Properties70:  { P: "Lcl Translation", "Lcl Translation", "", "A",0,0,100 }
	}
	Deformer: 400, "Deformer::", "Skin" {
	}
	Deformer: 401, "SubDeformer::", "Cluster" {
		Indexes: *2 { a: 0,1 }
		Weights: *2 { a: 1,1 }
		Transform: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,10,0,0,1 }
		TransformLink: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1 }
	}
	Deformer: 402, "SubDeformer::", "Cluster" {
		Indexes: *2 { a: 2,3 }
		Weights: *2 { a: 1,1 }
		Transform: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,10,0,-100,1 }
		TransformLink: *16 { a: 1,0,0,0,0,1,0,0,0,0,1,0,0,0,100,1 }
	}
	AnimationStack: 500, "AnimStack::slide", "" {
	}
	AnimationLayer: 501, "AnimLayer::BaseLayer", "" {
	}
	AnimationCurveNode: 502, "AnimCurveNode::T", "" {
		Properties70:  {
			P: "d|X", "Number", "", "A",0
			P: "d|Y", "Number", "", "A",0
			P: "d|Z", "Number", "", "A",100
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
	C: "OO",300,0
	C: "OO",301,300
	C: "OO",100,200
	C: "OO",400,100
	C: "OO",401,400
	C: "OO",300,401
	C: "OO",402,400
	C: "OO",300,402
	C: "OO",501,500
	C: "OO",502,501
	C: "OP",502,301, "Lcl Translation"
	C: "OP",503,502, "d|X"
}
)fbx";
    const fs::path file = writeInput("double-bone.fbx", kInput);
    auto result = loadWithin(file, std::chrono::seconds(20), &model::loadWithAssimp);
    REQUIRE(result.has_value());
    REQUIRE_FALSE(result->ok());
    CAPTURE(result->error());
    CHECK(result->error().find(file.string()) != std::string::npos);
    CHECK(result->error().find("malformed FBX: skin 400 binds model 300 through two clusters") != std::string::npos);

    // Bound to different bones, as in the seed, it loads.
    std::string fixed = kInput;
    fixed.replace(fixed.find("C: \"OO\",300,402"), 16, "C: \"OO\",301,402");
    auto loaded = loadWithin(writeInput("two-bones.fbx", fixed), std::chrono::seconds(20), &model::loadWithAssimp);
    REQUIRE(loaded.has_value());
    REQUIRE_MESSAGE(loaded->ok(), (loaded->ok() ? "" : loaded->error()));
    CHECK(loaded->value().skins.size() == 1);
}

TEST_CASE("fuzz regression: a PLY face with no vertices is refused before Assimp post-processes it") {
    // Found by myomap_fuzz_assimp after about 1.5 min in all (crash-9c4e9315...): mutated vertex and
    // face lines leave the first face a list of length 0. Assimp 5.2's own validation accepts
    // it and its SortByPType step then reads far outside memory (SIGBUS). Fixed by checkFaces
    // (assimp_loader.cpp), run between Assimp's reading and its post-processing.
    static const char kInput[] =
        "ply\n"
        "format ascii 1.0\n"
        "element vertex 4\n"
        "property float x\n"
        "proper\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1\xa1 uchar red\n"
        "property uchar green\n"
        "property uchar blue\n"
        "element face 4\n"
        "property list uchar int vertex_indices\n"
        "end_header\n"
        "0 0 0 0 0 1 255 0 0\n"
        "1 0 \xff\xff\xff\xff\xff\xff\x00\x09"
        "0 255 0\n"
        "1 1 0 0 0 1 0 0 258\n"
        "0 1 0 0! 255 255 255\n"
        "3 0 1 2\n"
        "4 \x00 2 3 1\n";
    const fs::path file = writeInput("empty-face.ply", std::string(kInput, sizeof kInput - 1));
    auto result = loadWithin(file, std::chrono::seconds(20), &model::loadWithAssimp);
    REQUIRE(result.has_value());
    REQUIRE_FALSE(result->ok());
    CAPTURE(result->error());
    CHECK(result->error().find(file.string()) != std::string::npos);
    CHECK(result->error().find("damaged file: mesh 0 ('') face 0 has no vertices") != std::string::npos);

    // The same structure written plainly: a face list of length 0 among good faces.
    const fs::path plain = writeInput("zero-face.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\n"
                                                       "property float y\nproperty float z\nelement face 2\n"
                                                       "property list uchar int vertex_indices\nend_header\n"
                                                       "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n0\n");
    auto zero = loadWithin(plain, std::chrono::seconds(20), &model::loadWithAssimp);
    REQUIRE(zero.has_value());
    REQUIRE_FALSE(zero->ok());
    CHECK(zero->error().find("face 1 has no vertices") != std::string::npos);
}

TEST_CASE("fuzz regression: COLLADA vertex weights with fewer entries than the mesh's vertices are refused") {
    // Found by myomap_fuzz_assimp after about 6.5 min in all (crash-ce7a6916...): the skinned
    // COLLADA seed with <vertex_weights count="1"> for a mesh of 4 vertices (and a mangled
    // <param>, cut at libFuzzer's length limit). Assimp 5.2 looks the weights up by position
    // index without a check and reads through a null pointer. Fixed in checkColladaText
    // (assimp_precheck.cpp).
    static const char kInput[] =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<COLLADA xmlns=\"http://www.collada.org/2005/11/COLLADASchema\" version=\"1.4.1\">\n"
        "  <asset><unit name=\"centimetre\" meter=\"0.01\"/><up_axis>Z_UP</up_axis></asset>\n"
        "  <library_geometries>\n"
        "    <geometry id=\"quad\" name=\"quad\">\n"
        "      <mesh>\n"
        "        <source id=\"quad-pos\">\n"
        "          <float_array id=\"quad-pos-array\" count=\"12\">0 0 0 1 0 0 1 0 1 0 0 1</float_array>\n"
        "          <technique_common><accessor source=\"#quad-pos-array\" count=\"4\" stride=\"3\">\n"
        "            <aa nprmame=\"X\" type=\"float\"/><param name=\"Y\" type=\"float\"/><param name=\"Z\" type=\"float\"/>\n"
        "          </accessor></technique_common>\n"
        "        </source>\n"
        "        <vertices id=\"quad-vtx\"><input semantic=\"POSITION\" source=\"#quad-pos\"/></vertices>\n"
        "        <polylist count=\"2\">\n"
        "          <input semantic=\"VERTEX\" source=\"#quad-vtx\" offset=\"0\"/>\n"
        "          <vcount>3 3</vcount>\n"
        "          <p>0 1 2 0 2 3</p>\n"
        " \xe0""\xe1""     </polylist>\n"
        "      </mesh>\n"
        "    </geometry>\n"
        "  </library_geometries>\n"
        "  <library_controllers>\n"
        "    <controller id=\"skin\">\n"
        "      <skin source=\"#quad\">\n"
        "        <bind_shape_matrix>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</bind_shape_matrix>\n"
        "        <source id=\"skin-joints\"><Name_array id=\"skin-joints-array\" count=\"2\">Root Tip</Name_array>\n"
        "          <technique_common><accessor source=\"#skin-joints-array\" count=\"2\" stride=\"1\"><param name=\"JOINT\" type=\"name\"/></accessor></technique_common></source>\n"
        "        <source id=\"skin-binds\"><float_array id=\"skin-binds-array\" count=\"32\">1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1 1 0 0 0 0 1 0 0 0 0 1 -1 0 0 0 1</float_array>\n"
        "          <technique_common><accessor source=\"#skin-binds-array\" count=\"2\" stride=\"16\"><param name=\"TRANSFORM\" type=\"float4x4\"/></accessor></technique_common></source>\n"
        "        <source id=\"skin-weights\"><float_array id=\"skin-weights-array\" count=\"2\">1 0.5</float_array>\n"
        "          <technique_common><accessor source=\"#skin-weights-array\" count=\"2\" stride=\"1\"><param name=\"WEIGHT\" type=\"float\"/></accessor></technique_common></source>\n"
        "        <joints><input semantic=\"JOINT\" source=\"#skin-joints\"/><input semantic=\"INV_BIND_MATRIX\" source=\"#skin-binds\"/></joints>\n"
        "        <vertex_weights count=\"1\">\n"
        "          <input semantic=\"JOINT\" source=\"#skin-joints\" offset=\"0\"/>\n"
        "          <input semantic=\"WEIGHT\" source=\"#skin-weights\" offset=\"1\"/>\n"
        "          <vcount>1 1 2 1</vcount>\n"
        "          <v>0 0 0 0 0 1 1 1 1 0</v>\n"
        "        </vertex_weights>\n"
        "      </skin>\n"
        "    </controller>\n"
        "  </library_controllers>\n"
        "  <library_visual_scenes>\n"
        "    <visual_scene id=\"scene\">\n"
        "      <node id=\"Root\" sid=\"Root\" name=\"Root\" type=\"JOINT\">\n"
        "        <matrix sid=\"transform\">1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</matrix>\n"
        "        <node id=\"Tip\" sid=\"Tip\" name=\"Tip\" type=\"JOINT\">\n"
        "          <matrix sid=\"transform\">1 0 0 0 0 1 0 0 0 0 1 1 0 0 0 1</matrix>\n"
        "   !    </node>\n"
        "      </node>\n"
        "      <node id=\"Quad\" name=\"Quad\">\n"
        "        <instance_controller url=\"#skin\"><skeleton>#Root</skeleton></instance_controller>\n"
        "      </node>\n"
        "    </visual_scene>\n"
        "  </library_visual_scenes>\n"
        "  <scene><instance_visual_scene url=\"#scene\"/></scene>\n"
        "</COLLADA>\n";
    const fs::path file = writeInput("short-weights.dae", std::string(kInput, sizeof kInput - 1));
    auto result = loadWithin(file, std::chrono::seconds(20), &model::loadWithAssimp);
    REQUIRE(result.has_value());
    REQUIRE_FALSE(result->ok());
    CAPTURE(result->error());
    CHECK(result->error().find(file.string()) != std::string::npos);
    CHECK(result->error().find("has 1 entries for the 4 vertices of 'quad'") != std::string::npos);
}

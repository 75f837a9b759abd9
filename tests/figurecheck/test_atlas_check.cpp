// The whole check: bad atlas folders and files are errors that name them, and the generated
// figure against the SPL head and neck atlas (../shared/fixtures) is no worse than when the
// numbers below were measured.
#include "bodygen/generate.h"
#include "figurecheck/atlas_check.h"
#include "figurecheck/atlas_landmarks.h"
#include "shapes.h"
#include "support/fixtures.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#ifndef MYOMAP_SOURCE_DIR
#define MYOMAP_SOURCE_DIR "."
#endif

namespace {

namespace fs = std::filesystem;
using namespace myomap;
using namespace myomap::figurecheck;

// What the figure reaches against the atlas, per muscle and side, with 2.5 mm voxels: the one
// table to update. Measured 5 December 2026 on the volumetric figure (muscles filling the tissue
// between bone and skin, the skin with a face): against the shells before it, the
// sternocleidomastoid came from 17/14 mm to 10/11 mm, levator scapulae stayed near 13-15 mm, the
// trapezius in the neck went from 29-30 to 32-33 mm (it lies nearer the midline than the
// atlas's). Fuller cheeks (the face's sides flowing into the head, a buccal part) then moved
// the masseter's centroids 1.5-1.8 mm closer and raised its Dice from 0.10/0.01 to 0.23/0.07,
// while its shape alone (centred Dice) fell from 0.65/0.64 to 0.63/0.59: the cheek's tissue
// it now fills is fat in a real face. Splenius and semispinalis cervicis, added beside the left
// levator scapulae, moved its centroid from 13.3 to 15.4 mm (its Dice stayed). The figure may
// only get better; when it does, write the new numbers here from
//   build/src/bodygen/myomap-bodygen --atlas-check ../shared/fixtures/anatomy/spl-head-neck-atlas
struct Reached {
    const char* muscle;
    char side;
    double centroidMm;   // at most this + kCentroidMarginMm
    double dice;         // at least this - kDiceMargin
    double centredDice;  // at least this - kDiceMargin (the shape alone, centroids made to coincide)
};
// clang-format off
constexpr Reached kReached[] = {
    //  muscle              side  centroid  dice   centred
    {"trapezius",           'L',  32.8,     0.053, 0.318},
    {"trapezius",           'R',  31.8,     0.036, 0.269},
    {"sternocleidomastoid", 'L',   9.5,     0.411, 0.396},
    {"sternocleidomastoid", 'R',  10.8,     0.389, 0.377},
    {"levator_scapulae",    'L',  15.4,     0.124, 0.393},
    {"levator_scapulae",    'R',  13.7,     0.140, 0.376},
    {"scalenes",            'L',  31.1,     0.000, 0.093},
    {"scalenes",            'R',  28.9,     0.001, 0.090},
    {"masseter",            'L',  21.7,     0.231, 0.628},
    {"masseter",            'R',  26.2,     0.071, 0.585},
    {"temporalis",          'L',  51.8,     0.018, 0.160},
    {"temporalis",          'R',  57.3,     0.008, 0.189},
};
// clang-format on
constexpr double kCentroidMarginMm = 2.0;
constexpr double kDiceMargin = 0.02;
// The registration uses bones only; the figure's landmarks move it, the muscles do not.
constexpr double kReachedRmsMm = 4.7;    // at most this + 1 mm
constexpr double kReachedScale = 1.247;  // within 5 % of this

const fs::path kAtlas = "anatomy/spl-head-neck-atlas";

const bodygen::Body& figure() {
    static const bodygen::Body body = [] {
        auto generated = bodygen::generateBody(fs::path(MYOMAP_SOURCE_DIR) / "assets" / "body");
        REQUIRE_MESSAGE(generated.ok(), (generated ? "" : generated.error()));
        return std::move(generated.value());
    }();
    return body;
}

using myomap::test::TempFolder;

void writeFile(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

}  // namespace

TEST_CASE("Atlas landmarks: the rules find the top, the ends and the back of made-up bones") {
    AtlasBones bones;
    bones.sternum = test::boxMesh({-0.02f, 1.30f, 0.04f}, {0.02f, 1.44f, 0.06f});
    bones.clavicleLeft = test::boxMesh({0.03f, 1.44f, 0.0f}, {0.17f, 1.45f, 0.01f});
    bones.clavicleRight = test::boxMesh({-0.17f, 1.44f, 0.0f}, {-0.03f, 1.45f, 0.01f});
    bones.c7 = test::boxMesh({-0.01f, 1.50f, -0.07f}, {0.01f, 1.52f, -0.02f});
    bones.t1 = test::boxMesh({-0.01f, 1.48f, -0.08f}, {0.01f, 1.50f, -0.03f});
    auto found = findAtlasLandmarks(bones);
    REQUIRE_MESSAGE(found.ok(), (found ? "" : found.error()));
    const std::pair<const char*, glm::dvec3> expected[] = {
        {"jugular_notch", {0.0, 1.44, 0.05}},
        {"clavicle_medial.L", {0.03, 1.445, 0.005}},
        {"clavicle_lateral.L", {0.17, 1.445, 0.005}},
        {"clavicle_medial.R", {-0.03, 1.445, 0.005}},
        {"clavicle_lateral.R", {-0.17, 1.445, 0.005}},
        {"c7_spinous", {0.0, 1.51, -0.07}},
        {"t1_spinous", {0.0, 1.49, -0.08}},
    };
    REQUIRE(found->size() == std::size(expected));
    for (std::size_t i = 0; i < found->size(); ++i) {
        CAPTURE((*found)[i].name);
        CHECK((*found)[i].name == expected[i].first);
        CHECK(glm::length((*found)[i].position - expected[i].second) < 1e-6);
    }
    bones.t1 = {};
    auto empty = findAtlasLandmarks(bones);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().find("empty") != std::string::npos);
}

TEST_CASE("Atlas check: a missing folder, a missing file or a broken file is an error that names it") {
    const TempFolder folder("figurecheck");
    const fs::path nowhere = folder.path() / "no-such-atlas";
    auto missing = checkAgainstAtlas(bodygen::Body{}, nowhere);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().find(nowhere.string()) != std::string::npos);
    CHECK(missing.error().find("not a folder") != std::string::npos);

    auto noSternum = findAtlasFile(folder.path(), "sternum");
    REQUIRE_FALSE(noSternum.ok());
    CHECK(noSternum.error().find("_sternum.obj") != std::string::npos);

    writeFile(folder.path() / "Model_1_sternum.obj", "this is not a mesh\n\x01\x02\x03\n");
    auto found = findAtlasFile(folder.path(), "sternum");
    REQUIRE_MESSAGE(found.ok(), (found ? "" : found.error()));
    auto broken = loadAtlasMesh(*found);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().find("Model_1_sternum.obj") != std::string::npos);
    auto check = checkAgainstAtlas(bodygen::Body{}, folder.path());
    REQUIRE_FALSE(check.ok());
    CHECK(check.error().find("Model_1_sternum.obj") != std::string::npos);

    writeFile(folder.path() / "Model_2_sternum.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    auto twice = findAtlasFile(folder.path(), "sternum");
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().find("more than one") != std::string::npos);

    writeFile(folder.path() / "Model_3_points_only.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n");
    auto noTriangles = loadAtlasMesh(folder.path() / "Model_3_points_only.obj");
    REQUIRE_FALSE(noTriangles.ok());
    CHECK(noTriangles.error().find("Model_3_points_only.obj") != std::string::npos);
}

TEST_CASE("Atlas check: the figure against the SPL head and neck atlas is no worse than measured") {
    const fs::path atlas = test::fixture(kAtlas.string());
    if (atlas.empty()) {
        MESSAGE("MYOMAP_SKIP: the SPL head and neck atlas is not in ../shared/fixtures; the atlas check was skipped");
        return;
    }
    auto report = checkAgainstAtlas(figure(), atlas);
    REQUIRE_MESSAGE(report.ok(), (report ? "" : report.error()));
    MESSAGE(formatAtlasReport(*report));
    CHECK(report->rmsMm <= kReachedRmsMm + 1.0);
    CHECK(report->registration.scale == doctest::Approx(kReachedScale).epsilon(0.05));
    REQUIRE(report->muscles.size() == std::size(kReached));
    for (std::size_t i = 0; i < std::size(kReached); ++i) {
        const Reached& expected = kReached[i];
        const MuscleComparison& got = report->muscles[i];
        CAPTURE(got.muscle);
        CAPTURE(got.side);
        REQUIRE(got.muscle == expected.muscle);
        REQUIRE(got.side == expected.side);
        CHECK(got.centroidMm <= expected.centroidMm + kCentroidMarginMm);
        CHECK(got.dice >= expected.dice - kDiceMargin);
        CHECK(got.centredDice >= expected.centredDice - kDiceMargin);
    }
}

TEST_CASE("Atlas check: a broken muscle file in a real atlas is an error that names it") {
    const fs::path atlas = test::fixture(kAtlas.string());
    if (atlas.empty()) {
        MESSAGE(
            "MYOMAP_SKIP: the SPL head and neck atlas is not in ../shared/fixtures; the broken-file case was skipped");
        return;
    }
    // The bones only (copied into a temporary folder, removed after), then a damaged trapezius.
    const TempFolder folder("figurecheck");
    for (const char* bone : {"sternum", "left_clavicle", "right_clavicle", "cervical7", "thoracic1"}) {
        auto file = findAtlasFile(atlas, bone);
        REQUIRE_MESSAGE(file.ok(), (file ? "" : file.error()));
        fs::copy_file(*file, folder.path() / file->filename());
    }
    auto noMuscle = checkAgainstAtlas(figure(), folder.path());
    REQUIRE_FALSE(noMuscle.ok());
    CHECK(noMuscle.error().find("_left_trapezius_muscle.obj") != std::string::npos);
    writeFile(folder.path() / "Model_53_left_trapezius_muscle.obj", "v 0 0 0\nv 1 0 0\nf 1 2 7\n");
    auto broken = checkAgainstAtlas(figure(), folder.path());
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().find("Model_53_left_trapezius_muscle.obj") != std::string::npos);
}

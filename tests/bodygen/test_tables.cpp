// The body tables load, mirror and fail with file:line messages.
#include "body_fixture.h"
#include "bodygen/body_shape.h"
#include "bodygen/body_shape_table.h"
#include "bodygen/csv.h"
#include "support/gltf_builder.h"

using namespace myomap;
using bodygen::Side;

TEST_CASE("landmarks load, and paired ones mirror across the midline") {
    const auto body = test::loadBodyTables();
    CHECK(body.landmarks.all().size() >= 80);
    const auto left = body.landmarks.resolve("acromion", Side::Left);
    const auto right = body.landmarks.resolve("acromion.R", Side::Mid);
    REQUIRE(left);
    REQUIRE(right);
    CHECK(left->x > 0.1f);  // the figure's left is +X
    CHECK(right->x == doctest::Approx(-left->x));
    CHECK(right->y == doctest::Approx(left->y));
    const auto c7 = body.landmarks.resolve("c7_spinous", Side::Left);
    REQUIRE(c7);
    CHECK(c7->x == 0.0f);
    CHECK(c7->z < 0.0f);  // spinous processes are behind: the figure faces +Z
    const auto mid = body.landmarks.resolve("hip_joint_centre.L+hip_joint_centre.R", Side::Mid);
    REQUIRE(mid);
    CHECK(mid->x == doctest::Approx(0.0f));
    CHECK_FALSE(body.landmarks.resolve("acromion", Side::Mid));  // paired: side needed
    auto unknown = body.landmarks.resolve("nosuch", Side::Left);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().find("nosuch") != std::string::npos);
}

TEST_CASE("the skeleton has both sides, parents first, and a reference height of 1.75 m") {
    const auto body = test::loadBodyTables();
    const auto& joints = body.skeleton.joints();
    CHECK(joints.size() >= 25);
    for (std::size_t i = 0; i < joints.size(); ++i) {
        CHECK(joints[i].parent < static_cast<int>(i));
    }
    const int left = body.skeleton.find("upper_arm.L");
    const int right = body.skeleton.find("upper_arm.R");
    REQUIRE(left >= 0);
    REQUIRE(right >= 0);
    CHECK(joints[static_cast<std::size_t>(left)].head.x == doctest::Approx(-joints[static_cast<std::size_t>(right)].head.x));
    CHECK(joints[static_cast<std::size_t>(body.skeleton.find("head"))].tail.y == doctest::Approx(1.75f));
    const auto j = body.skeleton.jointOfLandmark(body.landmarks, "olecranon", Side::Right);
    REQUIRE(j);
    CHECK(joints[static_cast<std::size_t>(*j)].name == "forearm.R");
    const auto spine = body.skeleton.jointOfLandmark(body.landmarks, "c7_spinous", Side::Left);
    REQUIRE(spine);
    CHECK(joints[static_cast<std::size_t>(*spine)].name == "neck_lower");
}

TEST_CASE("bad tables stop with the file, the line and the problem") {
    const auto dir = test::scratchDir("bad-body-tables");
    const auto bones = test::writeFile(dir / "bones.csv", "landmark,joint\na,pelvis\n");
    struct Case { const char* text; const char* expected; };
    const Case cases[] = {
        {"id,side,x,y,z\na,mid,0,1,zero\n", "landmarks.csv:2: z 'zero' is not a number"},
        {"id,side,x,y,z\na,mid,0.1,1,0\n", "must have x = 0"},
        {"id,side,x,y,z\na,X,0,1,0\n", "must be mid or L"},
        {"id,side,x,y,z\na,mid,0,1,0\na,mid,0,2,0\n", "listed twice"},
        {"id,side,x,y\na,mid,0,1\n", "no column named 'z'"},
        {"id,side,x,y,z\na,mid,0,1\n", "4 cells, but the header has 5 columns"},
        {"# only a comment\n", "no header line"},
    };
    for (const Case& c : cases) {
        const auto file = test::writeFile(dir / "landmarks.csv", c.text);
        auto result = bodygen::Landmarks::load(file, bones);
        CAPTURE(c.text);
        REQUIRE_FALSE(result);
        CHECK(result.error().find(c.expected) != std::string::npos);
    }
    const auto good = test::writeFile(dir / "landmarks.csv", "id,side,x,y,z\na,mid,0,1,0\nb,mid,0,2,0\n");
    const auto fullBones = test::writeFile(dir / "bones.csv", "landmark,joint\na,pelvis\nb,pelvis\n");
    auto landmarks = bodygen::Landmarks::load(good, fullBones);
    REQUIRE(landmarks);
    const Case skeletons[] = {
        {"joint,side,parent,head,tail\nroot,mid,,a,nowhere\n", "skeleton.csv:2: tail: unknown landmark 'nowhere'"},
        {"joint,side,parent,head,tail\nroot,mid,,a,b\nchild,mid,ghost,a,b\n", "parent 'ghost'"},
        {"joint,side,parent,head,tail\nroot,mid,,a,b\nsecond,mid,,a,b\n", "only the first joint may have no parent"},
    };
    for (const Case& c : skeletons) {
        auto result = bodygen::Skeleton::load(test::writeFile(dir / "skeleton.csv", c.text), *landmarks);
        CAPTURE(c.text);
        REQUIRE_FALSE(result);
        CHECK(result.error().find(c.expected) != std::string::npos);
    }
}

TEST_CASE("bad shape tables stop with the file, the line and the problem") {
    const auto dir = test::scratchDir("bad-shape-tables");
    const std::string trunkHeader = "y_cm,centre_z_cm,half_width_cm,front_cm,back_cm,square\n";
    const std::string goodTrunk = trunkHeader + "80,0,4,3,4,0\n90,0,12,8,9,0.2\n100,0,14,10,10,0.3\n";
    const std::string partHeader = "part,group,side,joint,from,to,r0_cm,r1_cm,r_mid_cm,blend_cm,join\n";
    const std::string goodPart = "knee,leg,L,thigh,knee_joint_centre,knee_joint_centre(0 1 0),4 5 4,4 5 4,,2,smooth\n";
    struct Case { std::string trunk, parts; const char* expected; };
    const Case cases[] = {
        {trunkHeader + "80,0,4,3,4,0\n70,0,4,3,4,0\n60,0,4,3,4,0\n", partHeader, "body_trunk.csv:3: y_cm must rise"},
        {trunkHeader + "80,0,four,3,4,0\n", partHeader, "body_trunk.csv:2: half_width_cm 'four' is not a number"},
        {goodTrunk, partHeader + "knee,tail,L,thigh,a,a,1 1 1,1 1 1,,1,smooth\n", "body_shape.csv:2: group 'tail'"},
        {goodTrunk, partHeader + "knee,leg,mid,thigh,a,a,1 1 1,1 1 1,,1,smooth\n", "body_shape.csv:2: arm and leg parts"},
        {goodTrunk, partHeader + "knee,leg,L,thigh,a(1 2),a,1 1 1,1 1 1,,1,smooth\n", "body_shape.csv:2: from: offset"},
        {goodTrunk, partHeader + "knee,leg,L,thigh,a,a,1 1,1 1 1,,1,smooth\n", "body_shape.csv:2: r0_cm '1 1' needs three"},
        {goodTrunk, partHeader + goodPart + "knee,leg,L,thigh,a,a,1 0 1,1 1 1,,1,smooth\n", "body_shape.csv:3: r0_cm must be positive"},
        {goodTrunk, partHeader + "knee,leg,L,thigh,a,a,1 1 1,1 1 1,,1,cut\n", "body_shape.csv:2: join 'cut' must be smooth or carve"},
    };
    for (const Case& c : cases) {
        const auto trunk = test::writeFile(dir / "body_trunk.csv", c.trunk);
        const auto parts = test::writeFile(dir / "body_shape.csv", c.parts);
        auto result = bodygen::readShapeTables(trunk, parts);
        CAPTURE(c.expected);
        REQUIRE_FALSE(result);
        CHECK(result.error().find(c.expected) != std::string::npos);
    }
    // A reference the landmarks lack is named with the row it is on.
    const auto body = test::loadBodyTables();
    auto tables = bodygen::readShapeTables(test::writeFile(dir / "body_trunk.csv", goodTrunk),
                                           test::writeFile(dir / "body_shape.csv", partHeader + goodPart +
                                                           "ankle,leg,L,shin,nowhere,nowhere,1 1 1,1 1 1,,1,smooth\n"));
    REQUIRE(tables);
    auto shape = bodygen::BodyShape::build(*tables, body.landmarks, body.skeleton);
    REQUIRE_FALSE(shape);
    CHECK(shape.error().find("body_shape.csv:3: ankle") != std::string::npos);
    CHECK(shape.error().find("nowhere") != std::string::npos);
}

// The body tables load, mirror and fail with file:line messages.
#include "body_fixture.h"
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

// The skin contains the skeleton: in the bind pose every bone vertex lies inside the skin's
// field, with room to spare under the palpable landmarks (a bone showing through the skin is
// the first thing a client would notice). Poses are checked in test_poses.cpp.
#include "body_fixture.h"
#include "bodygen/body_shape.h"
#include "bodygen/bones.h"

#include <map>
#include <string>

using namespace myomap;

TEST_CASE("skin: every bone vertex lies inside the skin in the bind pose") {
    const test::BodyTables tables = test::loadBodyTables();
    auto shape = bodygen::BodyShape::build(tables.landmarks, tables.skeleton);
    REQUIRE_MESSAGE(shape, (shape ? "" : shape.error()));
    auto bones = bodygen::generateBones(tables.landmarks, tables.skeleton, test::bodyTables() / "bones.csv");
    REQUIRE_MESSAGE(bones, (bones ? "" : bones.error()));
    std::size_t checked = 0, outside = 0;
    struct Worst {
        std::size_t count = 0;
        float reach = 0.0f;  // how far the furthest vertex is out
        glm::vec3 where{0.0f};
    };
    std::map<std::string, Worst> worst;
    for (const bodygen::BodyMesh& bone : *bones) {
        for (const glm::vec3& p : bone.positions) {
            ++checked;
            const float d = shape->distance(p);
            if (d < 0.0f) continue;
            ++outside;
            Worst& w = worst[bone.name];
            ++w.count;
            if (d > w.reach) {
                w.reach = d;
                w.where = p;
            }
        }
    }
    std::string report;
    for (const auto& [name, w] : worst) {
        report += name + " (" + std::to_string(w.count) + ", up to " + std::to_string(w.reach * 1000.0f) + " mm at " +
                  std::to_string(w.where.x) + " " + std::to_string(w.where.y) + " " + std::to_string(w.where.z) + ")\n";
    }
    MESSAGE(outside << " of " << checked << " bone vertices outside the skin:\n" << report);
    CHECK(checked > 10000);
    CHECK(outside == 0);
}

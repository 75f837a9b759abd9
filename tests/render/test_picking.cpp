// Picking through the id pass on the posed, skinned figure: for muscles all over the body, in
// two poses, the pixel where the CPU-posed surface centre projects picks that muscle; trigger
// point markers pick as their sided ids; empty space picks nothing.
#include "explore_fixture.h"

#include "model/pose.h"

#include <glm/gtc/constants.hpp>

using namespace myomap;

namespace {

constexpr int kSize = 400;

const char* const kMuscles[] = {
    "temporalis.L", "masseter.R", "sternocleidomastoid.L", "upper_trapezius.R", "levator_scapulae.L",
    "deltoid.L", "pectoralis_major.R", "latissimus_dorsi.L", "infraspinatus.R", "serratus_anterior.L",
    "biceps_brachii.R", "triceps_brachii.L", "brachioradialis.R", "extensor_digitorum.L", "rectus_abdominis.R",
    "external_oblique.L", "gluteus_maximus.R", "gluteus_medius.L", "tensor_fasciae_latae.R", "rectus_femoris.L",
    "vastus_lateralis.R", "biceps_femoris.L", "semitendinosus.R", "gastrocnemius.L", "tibialis_anterior.R",
    "soleus.L", "quadratus_lumborum.R", "piriformis.L"};

struct Posed {
    std::vector<glm::vec3> positions;
    std::vector<std::uint32_t> indices;
};

Posed posedMuscle(const app::Explorer& explorer, const model::Pose& pose, const app::FigurePart& part) {
    const model::Scene& scene = explorer.view().scene();
    const model::Primitive& prim = scene.meshes[static_cast<std::size_t>(scene.nodes[static_cast<std::size_t>(part.node)].mesh)].primitives.front();
    return {model::posedPositions(scene, pose, part.node, prim), prim.indices};
}

// The triangle nearest the muscle's centroid, its centre and its (posed) normal.
std::pair<glm::vec3, glm::vec3> surfaceCentre(const Posed& m) {
    glm::vec3 centroid(0.0f);
    for (const glm::vec3& p : m.positions) centroid += p;
    centroid /= static_cast<float>(m.positions.size());
    float best = 1e30f;
    std::pair<glm::vec3, glm::vec3> out{};
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const glm::vec3 n = glm::cross(b - a, c - a);
        if (glm::length(n) < 1e-9f) continue;
        const glm::vec3 centre = (a + b + c) / 3.0f;
        const float d = glm::length(centre - centroid);
        if (d < best) {
            best = d;
            out = {centre, glm::normalize(n)};
        }
    }
    return out;
}

void pickEveryMuscle(const char* clip, float t) {
    auto& f = test::ExploreFixture::get();
    const model::Scene& scene = f.explorer.view().scene();
    const int clipIndex = scene.findClip(clip);
    REQUIRE(clipIndex >= 0);
    const model::Pose pose = f.explorer.view().pose(clipIndex, t);
    int picked = 0;
    for (const char* name : kMuscles) {
        const std::string shown = name;
        CAPTURE(shown);
        const app::FigurePart* part = f.explorer.index().find(name);
        REQUIRE(part != nullptr);
        // Only this muscle shown (hidden one by one, so no selection and no markers).
        f.reset();
        for (const app::FigurePart& other : f.explorer.index().parts()) {
            if (other.name != name) f.explorer.state().hidden.insert(other.name);
        }
        const auto [centre, normal] = surfaceCentre(posedMuscle(f.explorer, pose, *part));
        // Looking straight at the surface centre from 60 cm along its normal.
        f.camera = app::OrbitCamera::lookAt(centre + normal * 0.6f, centre, glm::radians(35.0f));
        f.build(pose, 0.0, kSize, kSize);
        const glm::vec2 pixel = f.project(centre);
        CHECK(std::abs(pixel.x - kSize / 2.0f) < 1.0f);
        const std::string got = f.explorer.pick(f.frame, static_cast<int>(pixel.x), static_cast<int>(pixel.y));
        CHECK(got == name);
        picked += got == name;
        // A pixel in the corner, off the muscle, picks nothing.
        CHECK(f.explorer.pick(f.frame, 2, 2).empty());
    }
    MESSAGE(std::string(clip) << ": " << picked << " of " << std::size(kMuscles) << " muscles picked at their surface centre");
}

}  // namespace

TEST_CASE("picking: each muscle's surface centre picks it in the anatomical pose") { pickEveryMuscle("anatomical", 0.0f); }

TEST_CASE("picking: each muscle's surface centre picks it in the desk slump") { pickEveryMuscle("desk_slump", 1.0f); }

namespace {
// The figure reset, in its rest pose, framed whole from the front; returns the pose.
model::Pose wholeFigureFromFront(test::ExploreFixture& f) {
    f.reset();
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    f.camera = {};
    f.camera.setView(View::Anterior);
    f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), 1.0f);
    return pose;
}
}  // namespace

TEST_CASE("picking: the whole figure from the front, skin and all") {
    auto& f = test::ExploreFixture::get();
    const model::Pose pose = wholeFigureFromFront(f);
    f.build(pose, 0.0, kSize, kSize);
    // The translucent skin is in front of everything on the body; outside it there is nothing.
    CHECK(f.explorer.pick(f.frame, kSize / 2, kSize / 2 - 40) == "skin");
    CHECK(f.explorer.pick(f.frame, 3, kSize - 3).empty());
    // With the skin layer off, the chest picks a superficial muscle of the trunk.
    f.explorer.state().layer(app::FigureLayer::Skin).visible = false;
    f.build(pose, 0.0, kSize, kSize);
    const std::string chest = f.explorer.pick(f.frame, kSize / 2 + 25, kSize / 2 - 95);
    CAPTURE(chest);
    CHECK((chest == "pectoralis_major.L" || chest == "pectoralis_major.R" || chest == "deltoid.L"));
}

TEST_CASE("picking: a click looks through the translucent skin to the muscle seen under it") {
    auto& f = test::ExploreFixture::get();
    const model::Pose pose = wholeFigureFromFront(f);
    const int x = kSize / 2 + 25, y = kSize / 2 - 95;  // the chest
    f.explorer.state().layer(app::FigureLayer::Skin).visible = false;
    f.build(pose, 0.0, kSize, kSize);
    const std::string underSkin = f.explorer.pick(f.frame, x, y);
    REQUIRE(f.atlas.findMuscle(underSkin.substr(0, underSkin.size() - 2)) != nullptr);

    f.explorer.state().layer(app::FigureLayer::Skin).visible = true;  // translucent, as it starts
    f.build(pose, 0.0, kSize, kSize);
    CHECK(f.explorer.pick(f.frame, x, y) == "skin");                  // what is nearest
    CHECK(f.explorer.pickThroughSkin(f.frame, x, y) == underSkin);   // what a click means
    CHECK(f.explorer.pickThroughSkin(f.frame, 3, kSize - 3).empty());
    // Where nothing but the skin is under the pixel (beside the thigh, inside its outline),
    // the skin itself.
    bool skinOnly = false;
    for (int px = kSize / 2; px < kSize && !skinOnly; ++px) {
        skinOnly = f.explorer.pick(f.frame, px, kSize * 3 / 4) == "skin" &&
                   f.explorer.pickThroughSkin(f.frame, px, kSize * 3 / 4) == "skin";
    }
    CHECK(skinOnly);

    // An opaque skin hides the muscles: the click is the skin's.
    f.explorer.state().layer(app::FigureLayer::Skin).opacity = 1.0f;
    f.build(pose, 0.0, kSize, kSize);
    CHECK(f.explorer.pickThroughSkin(f.frame, x, y) == "skin");
}

TEST_CASE("picking: trigger point markers pick as their sided ids") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    REQUIRE(f.explorer.select("upper_trapezius.R"));
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    f.camera = {};
    f.camera.setView(View::Posterior);
    f.camera.frame(f.explorer.selectionBounds(pose), 1.0f);
    f.build(pose, 0.0, kSize, kSize);
    REQUIRE(f.explorer.markers().size() == f.atlas.findMuscle("upper_trapezius")->triggerPoints.size());
    REQUIRE(f.frame.markers.size() == f.explorer.markers().size());
    for (std::size_t i = 0; i < f.frame.markers.size(); ++i) {
        const glm::vec2 pixel = f.project(f.frame.markers[i].position);
        CAPTURE(f.explorer.markers()[i].key);
        CHECK(f.explorer.pick(f.frame, static_cast<int>(pixel.x), static_cast<int>(pixel.y)) ==
              f.explorer.markers()[i].key);
    }
}

// The explorer picks on the CPU (SurfacePicker); the renderer's id pass is what is drawn. Over
// a grid of pixels, with markers, in a bent pose and with the skin both on and off, the two
// must name the same thing except along silhouettes, where a pixel's centre may fall either
// side of an edge.
TEST_CASE("picking: the CPU picker agrees with the renderer's id pass") {
    auto& f = test::ExploreFixture::get();
    for (const bool skin : {true, false}) {
        f.reset();
        f.explorer.state().layer(app::FigureLayer::Skin).visible = skin;
        REQUIRE(f.explorer.select("upper_trapezius.R"));
        REQUIRE(f.explorer.showReferral("upper_trapezius.tp1.R"));
        const int clip = f.explorer.view().scene().findClip("desk_slump");
        REQUIRE(clip >= 0);
        const model::Pose pose = f.explorer.view().pose(clip, 1.0f);
        f.camera = {};
        f.camera.setView(View::Left);
        f.camera.frame(model::posedBounds(f.explorer.view().scene(), pose), 1.0f);
        f.build(pose, 0.0, kSize, kSize);
        int compared = 0, agreed = 0, hits = 0;
        // Every 20th pixel: each id-pass pick draws the whole figure through the driver.
        for (int y = 4; y < kSize; y += 20) {
            for (int x = 4; x < kSize; x += 20) {
                const std::uint32_t gpu = f.renderer.pick(f.frame, x, y);
                const std::string cpu = f.explorer.pick(f.frame, x, y);
                if (gpu == 0 && cpu.empty()) continue;
                ++compared;
                hits += cpu.empty() ? 0 : 1;
                // Both name the same draw item or marker: compare through the explorer's names.
                const std::string gpuName = f.explorer.nameOfPickId(gpu);
                agreed += gpuName == cpu ? 1 : 0;
            }
        }
        CAPTURE(skin);
        MESSAGE(std::string(skin ? "skin on: " : "skin off: ") << agreed << " of " << compared << " pixels agree");
        CHECK(hits > 40);
        CHECK(static_cast<double>(agreed) >= 0.97 * compared);
    }
}

TEST_CASE("client look: only the opaque skin is drawn, a click finds the muscle under it, the selection shows through") {
    auto& f = test::ExploreFixture::get();
    const model::Pose pose = wholeFigureFromFront(f);
    const int x = kSize / 2 + 25, y = kSize / 2 - 95;  // the chest
    f.build(pose, 0.0, kSize, kSize);
    const std::string anatomy = f.explorer.pickThroughSkin(f.frame, x, y);
    REQUIRE(f.atlas.findMuscle(anatomy.substr(0, anatomy.size() - 2)) != nullptr);

    f.explorer.state().look = app::Look::Client;
    f.build(pose, 0.0, kSize, kSize);
    // Drawn: the skin, opaque; the muscles and bones only as click targets, never drawn.
    int drawn = 0, pickOnly = 0;
    for (const render::DrawItem& item : f.frame.items) {
        const std::string name = f.explorer.nameOfPickId(item.pickId);
        if (item.pickOnly) {
            ++pickOnly;
            const app::FigurePart* part = f.explorer.index().find(name);
            REQUIRE(part != nullptr);
            CHECK(part->kind == app::PartKind::Muscle);
        } else {
            ++drawn;
            CHECK(name == "skin");
            CHECK(item.opacity == 1.0f);
        }
    }
    CHECK(drawn == 1);
    CHECK(pickOnly > 100);  // every muscle of the figure, both sides
    // Hover and plain picks see the skin; a click means the muscle under it, as in the anatomy look.
    CHECK(f.explorer.pick(f.frame, x, y) == "skin");
    CHECK(f.explorer.pickThroughSkin(f.frame, x, y) == anatomy);
    CHECK(f.explorer.pickThroughSkin(f.frame, 3, kSize - 3).empty());
    // The pixels: nothing but skin and background (the renderer never draws a pick-only item).
    REQUIRE(f.renderer.render(f.frame));
    const render::Capture client = f.renderer.capture();
    f.explorer.state().look = app::Look::Anatomy;
    f.explorer.state().layer(app::FigureLayer::Skin).opacity = 1.0f;
    f.explorer.state().layer(app::FigureLayer::Superficial).visible = false;
    f.explorer.state().layer(app::FigureLayer::Intermediate).visible = false;
    f.explorer.state().layer(app::FigureLayer::Deep).visible = false;
    f.explorer.state().layer(app::FigureLayer::Bones).visible = false;
    f.build(pose, 0.0, kSize, kSize);
    REQUIRE(f.renderer.render(f.frame));
    CHECK(f.renderer.capture().rgba == client.rgba);  // the same as the skin alone, opaque

    // A selection shows faintly through the skin (x-ray) and glows; the rest stays hidden.
    f.explorer.state() = {};
    f.explorer.state().look = app::Look::Client;
    REQUIRE(f.explorer.select(anatomy));
    f.build(pose, 0.0, kSize, kSize);
    int selectedItems = 0;
    for (const render::DrawItem& item : f.frame.items) {
        if (item.pickOnly) continue;
        if (f.explorer.nameOfPickId(item.pickId) == anatomy) {
            ++selectedItems;
            CHECK(item.xray);
        }
    }
    CHECK(selectedItems >= 1);
    REQUIRE(f.renderer.render(f.frame));
    const render::Capture selected = f.renderer.capture();
    CHECK(selected.rgba != client.rgba);
    f.reset();
}

TEST_CASE("picking: the whole-frame id image agrees with single-pixel picks") {
    auto& f = test::ExploreFixture::get();
    const model::Pose pose = wholeFigureFromFront(f);
    f.explorer.state().layer(app::FigureLayer::Skin).visible = false;
    f.build(pose, 0.0, kSize, kSize);
    const std::vector<std::uint32_t> image = f.renderer.pickImage(f.frame);
    REQUIRE(image.size() == static_cast<std::size_t>(kSize) * kSize);
    int compared = 0, things = 0;
    for (int y = 7; y < kSize; y += 29) {
        for (int x = 5; x < kSize; x += 31) {
            const std::uint32_t one = f.renderer.pick(f.frame, x, y);
            CHECK(image[static_cast<std::size_t>(y) * kSize + static_cast<std::size_t>(x)] == one);
            ++compared;
            things += one != 0;
        }
    }
    CHECK(compared > 150);
    CHECK(things > 20);  // the figure is in the picture, not only background
    f.reset();
}

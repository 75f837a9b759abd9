#include "bodygen/generate.h"

#include "bodygen/body_shape.h"
#include "bodygen/body_shape_model.h"
#include "bodygen/bone_skinning.h"
#include "bodygen/bones.h"
#include "bodygen/csv.h"
#include "bodygen/levels_of_detail.h"
#include "bodygen/muscles.h"
#include "bodygen/poses.h"
#include "bodygen/skin.h"

#include <glm/gtc/matrix_transform.hpp>

#include <charconv>
#include <cmath>
#include <map>

namespace myomap::bodygen {
namespace fs = std::filesystem;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

float srgbToLinear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

Result<std::map<std::string, glm::vec4>> loadPalette(const fs::path& csv) {
    auto table = CsvTable::read(csv);
    if (!table) return fail(table.error());
    auto nameCol = table->column("material");
    auto hexCol = table->column("hex");
    auto alphaCol = table->column("alpha");
    for (const auto* c : {&nameCol, &hexCol, &alphaCol}) {
        if (!*c) return fail(c->error());
    }
    std::map<std::string, glm::vec4> palette;
    for (const CsvRow& row : table->rows()) {
        const std::string& hex = row.cells[*hexCol];
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
        if (hex.size() != 6 || ec != std::errc() || end != hex.data() + hex.size()) {
            return fail(table->where(row) + ": hex '" + hex + "' is not an RRGGBB colour");
        }
        auto alpha = table->number(row, *alphaCol, "alpha");
        if (!alpha) return fail(alpha.error());
        const glm::vec3 srgb = glm::vec3((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff) / 255.0f;
        palette[row.cells[*nameCol]] = {srgbToLinear(srgb.r), srgbToLinear(srgb.g), srgbToLinear(srgb.b), *alpha};
    }
    return palette;
}

const char* materialFor(Layer layer) {
    switch (layer) {
    case Layer::Skin: return "skin";
    case Layer::Superficial: return "muscle_superficial";
    case Layer::Intermediate: return "muscle_intermediate";
    case Layer::Deep: return "muscle_deep";
    case Layer::Bone: return "bone";
    }
    return "skin";
}

void addPoseClips(const Body& body, model::Scene& scene) {
    for (const PoseClip& pose : body.poses) {
        model::AnimationClip clip;
        clip.name = pose.name;
        clip.duration = pose.duration;
        for (const auto& [joint, rotation] : pose.rotations) {
            model::AnimationSampler sampler;
            sampler.interpolation = model::Interpolation::Linear;
            sampler.components = 4;
            sampler.times = {0.0f, pose.duration};
            sampler.values = {0, 0, 0, 1, rotation.x, rotation.y, rotation.z, rotation.w};
            clip.channels.push_back({joint, model::AnimatedPath::Rotation, static_cast<int>(clip.samplers.size())});
            clip.samplers.push_back(std::move(sampler));
        }
        scene.clips.push_back(std::move(clip));
    }
}

}  // namespace

Result<Body> generateBody(const fs::path& tables, GenerationTimes* times) {
    GenerationTimes local;
    GenerationTimes& t = times ? *times : local;
    auto landmarks = Landmarks::load(tables / "landmarks.csv", tables / "landmark_bones.csv");
    if (!landmarks) return fail(landmarks.error());
    auto skeleton = Skeleton::load(tables / "skeleton.csv", *landmarks);
    if (!skeleton) return fail(skeleton.error());
    Body body{std::move(landmarks.value()), std::move(skeleton.value()), {}, {}, {}};

    auto start = std::chrono::steady_clock::now();
    auto shape = BodyShape::build(body.landmarks, body.skeleton);
    if (!shape) return fail(shape.error());
    t.shape = secondsSince(start);

    start = std::chrono::steady_clock::now();
    auto skin = generateSkin(*shape, body.landmarks, body.skeleton, tables / "regions.csv", body.regions);
    if (!skin) return fail(skin.error());
    t.skin = secondsSince(start);

    start = std::chrono::steady_clock::now();
    auto bones = generateBones(body.landmarks, body.skeleton, tables / "bones.csv");
    if (!bones) return fail(bones.error());
    {
        // Bones just under the skin follow the skin's weights (bone_skinning.h).
        auto model = buildShapeModel(body.landmarks, body.skeleton);
        if (!model) return fail(model.error());
        followSkinNearSurface(*bones, *shape, SkinWeighting(*model, body.skeleton));
    }
    t.bones = secondsSince(start);

    start = std::chrono::steady_clock::now();
    auto muscles = generateMuscles(body.landmarks, body.skeleton, *shape, *skin, *bones, tables / "muscles.csv",
                                   tables / "tendons.csv");
    if (!muscles) return fail(muscles.error());
    t.muscles = secondsSince(start);

    auto poses = loadPoses(tables / "poses.csv", body.skeleton);
    if (!poses) return fail(poses.error());
    body.poses = std::move(poses.value());

    // Bones innermost, then muscles deep to superficial, then the skin: the draw order that
    // suits translucent layers.
    for (BodyMesh& m : bones.value()) body.meshes.push_back(std::move(m));
    for (BodyMesh& m : muscles.value()) body.meshes.push_back(std::move(m));
    body.meshes.push_back(std::move(skin.value()));
    return body;
}

Result<model::Scene> toScene(const Body& body, const fs::path& paletteCsv) {
    auto palette = loadPalette(paletteCsv);
    if (!palette) return fail(palette.error());
    model::Scene scene;
    scene.sourcePath = "myomap-bodygen";

    std::map<std::string, int> materialIndex;
    for (const auto& [name, colour] : *palette) {
        model::Material m;
        m.name = name;
        m.baseColor = colour;
        m.blend = colour.a < 1.0f;
        materialIndex[name] = static_cast<int>(scene.materials.size());
        scene.materials.push_back(m);
    }

    // Joints: nodes 0..n-1, translations relative to the parent, identity rotation in the bind pose.
    const auto& joints = body.skeleton.joints();
    model::Skin skin;
    skin.name = "figure";
    for (std::size_t i = 0; i < joints.size(); ++i) {
        model::Node node;
        node.name = joints[i].name;
        node.parent = joints[i].parent;
        node.translation = joints[i].parent < 0 ? joints[i].head : joints[i].head - joints[static_cast<std::size_t>(joints[i].parent)].head;
        if (node.parent >= 0) scene.nodes[static_cast<std::size_t>(node.parent)].children.push_back(static_cast<int>(i));
        scene.nodes.push_back(node);
        skin.joints.push_back(static_cast<int>(i));
        skin.inverseBind.push_back(glm::translate(glm::mat4(1.0f), -joints[i].head));
    }
    scene.skins.push_back(std::move(skin));
    scene.roots.push_back(0);

    for (const BodyMesh& m : body.meshes) {
        const auto material = materialIndex.find(materialFor(m.layer));
        if (material == materialIndex.end()) return fail(paletteCsv.string() + ": no colour for material '" + materialFor(m.layer) + "'");
        model::Primitive p;
        p.positions = m.positions;
        p.normals = m.normals;
        p.indices = m.indices;
        p.joints = m.joints;
        p.weights = m.weights;
        p.material = material->second;
        if (!m.muscleUv.empty()) {
            model::CustomAttribute uv{"_MUSCLE_UV", 2, {}};
            for (const glm::vec2& v : m.muscleUv) uv.values.insert(uv.values.end(), {v.x, v.y});
            p.custom.push_back(std::move(uv));
        }
        if (!m.fibre.empty()) {
            model::CustomAttribute fibre{"_FIBRE", 3, {}};
            for (const glm::vec3& v : m.fibre) fibre.values.insert(fibre.values.end(), {v.x, v.y, v.z});
            p.custom.push_back(std::move(fibre));
        }
        model::Mesh mesh;
        mesh.name = m.name;
        if (!m.region.empty()) {
            model::CustomAttribute region{"_REGION", 1, {}};
            for (const std::uint16_t r : m.region) region.values.push_back(static_cast<float>(r));
            p.custom.push_back(std::move(region));
            for (const BodyRegion& r : body.regions) mesh.labels.push_back(r.name);
        }
        if (m.layer == Layer::Skin) addLevelsOfDetail(p, kSkinShadingFactor);
        if (m.layer == Layer::Bone) addLevelsOfDetail(p);
        mesh.primitives.push_back(std::move(p));
        model::Node node;
        node.name = m.name;
        node.mesh = static_cast<int>(scene.meshes.size());
        node.skin = 0;
        scene.meshes.push_back(std::move(mesh));
        scene.roots.push_back(static_cast<int>(scene.nodes.size()));
        scene.nodes.push_back(std::move(node));
    }
    addPoseClips(body, scene);
    return scene;
}

}  // namespace myomap::bodygen

#include "explore/figure_surfaces.h"

#include "model/loader.h"
#include "model/pose.h"

#include <cmath>

namespace myomap::app {
namespace {

namespace an = anatomy;

bool isIdentity(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) {
            if (std::abs(m[c][r] - (c == r ? 1.0f : 0.0f)) > 1e-6f) return false;
        }
    }
    return true;
}

// Positions of a primitive in the bind pose, in model space.
std::vector<glm::vec3> bindPositions(const model::Node& node, const glm::mat4& world, const model::Primitive& p) {
    if (node.skin != model::kNone || isIdentity(world)) return p.positions;
    std::vector<glm::vec3> out;
    out.reserve(p.positions.size());
    for (const glm::vec3& q : p.positions) out.emplace_back(world * glm::vec4(q, 1.0f));
    return out;
}

}  // namespace

Result<an::BodySurfaces> figureSurfaces(const model::Scene& scene, const std::filesystem::path& landmarksCsv) {
    const std::string file = scene.sourcePath.empty() ? std::string("the figure") : "'" + scene.sourcePath + "'";
    an::BodySurfaces body;
    auto landmarks = an::readLandmarkPositions(landmarksCsv);
    if (!landmarks) return fail(landmarks.error());
    body.landmarks = std::move(landmarks.value());

    const model::Pose rest = model::evaluatePose(scene, nullptr, 0.0f);
    bool skinFound = false;
    for (std::size_t n = 0; n < scene.nodes.size(); ++n) {
        const model::Node& node = scene.nodes[n];
        if (node.mesh == model::kNone) continue;
        const model::Mesh& mesh = scene.meshes[static_cast<std::size_t>(node.mesh)];
        const glm::mat4 world = n < rest.global.size() ? rest.global[n] : glm::mat4(1.0f);
        if (mesh.name == "skin") {
            if (skinFound) return fail(file + ": more than one node shows the mesh 'skin'");
            skinFound = true;
            if (mesh.labels.empty()) return fail(file + ": mesh 'skin' has no region labels (mesh extras \"labels\")");
            if (mesh.labels.size() >= an::kNoRegion) return fail(file + ": mesh 'skin' has too many region labels");
            body.skin.regionNames = mesh.labels;
            for (const model::Primitive& p : mesh.primitives) {
                const model::CustomAttribute* region = p.findCustom("_REGION");
                if (!region || region->components != 1 || region->values.size() != p.positions.size()) {
                    return fail(file + ": mesh 'skin' has no '_REGION' attribute (one float per vertex)");
                }
                const auto base = static_cast<std::uint32_t>(body.skin.positions.size());
                const auto positions = bindPositions(node, world, p);
                body.skin.positions.insert(body.skin.positions.end(), positions.begin(), positions.end());
                for (std::uint32_t i : p.indices) body.skin.indices.push_back(base + i);
                for (float value : region->values) {
                    const long label = std::lround(value);
                    body.skin.region.push_back(label >= 0 && static_cast<std::size_t>(label) < mesh.labels.size()
                                                   ? static_cast<std::uint16_t>(label)
                                                   : an::kNoRegion);
                }
            }
            continue;
        }
        if (!an::sideOf(mesh.name)) continue;
        an::MuscleSurface muscle;
        muscle.name = mesh.name;
        for (const model::Primitive& p : mesh.primitives) {
            const model::CustomAttribute* uv = p.findCustom("_MUSCLE_UV");
            if (!uv) break;
            if (uv->components != 2 || uv->values.size() != 2 * p.positions.size()) {
                return fail(file + ": mesh '" + mesh.name + "': '_MUSCLE_UV' is not two floats per vertex");
            }
            const auto base = static_cast<std::uint32_t>(muscle.positions.size());
            const auto positions = bindPositions(node, world, p);
            muscle.positions.insert(muscle.positions.end(), positions.begin(), positions.end());
            for (std::size_t i = 0; i < p.positions.size(); ++i) muscle.uv.emplace_back(uv->values[2 * i], uv->values[2 * i + 1]);
            for (std::uint32_t i : p.indices) muscle.indices.push_back(base + i);
        }
        // Sided meshes without muscle coordinates (bones) are not muscles.
        if (!muscle.positions.empty() && muscle.uv.size() == muscle.positions.size()) {
            body.muscles.push_back(std::move(muscle));
        }
    }
    if (!skinFound) return fail(file + ": no mesh named 'skin' (the figure's skin with region labels)");
    if (body.skin.positions.empty()) return fail(file + ": mesh 'skin' has no vertices");
    return body;
}

Result<an::BodySurfaces> loadFigureSurfaces(const std::filesystem::path& glb, const std::filesystem::path& landmarksCsv) {
    std::error_code ec;
    if (!std::filesystem::exists(glb, ec)) {
        return fail("the figure '" + glb.string() +
                    "' is missing: it is generated by the build (cmake --build <build dir> --target myomap_body_glb), "
                    "or set MYOMAP_FIGURE to a body.glb");
    }
    auto scene = model::loadGltf(glb);
    if (!scene) return fail(scene.error());
    return figureSurfaces(*scene, landmarksCsv);
}

}  // namespace myomap::app

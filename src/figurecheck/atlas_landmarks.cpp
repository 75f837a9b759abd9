#include "figurecheck/atlas_landmarks.h"

#include "figurecheck/atlas_registration.h"
#include "model/assimp_loader.h"
#include "model/pose.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace myomap::figurecheck {

namespace fs = std::filesystem;

namespace {

constexpr double kEndBand = 0.005;        // metres: the sternum's top, the clavicles' ends
constexpr double kPosteriorBand = 0.003;  // metres: the spinous tips

std::vector<glm::dvec3> points(const TriangleMesh& mesh) { return {mesh.positions.begin(), mesh.positions.end()}; }

// Centroid of the points whose `measure` is within `band` of the largest.
glm::dvec3 extremeBand(const std::vector<glm::dvec3>& pts, const std::function<double(const glm::dvec3&)>& measure,
                       double band) {
    double top = -1e300;
    for (const glm::dvec3& p : pts) top = std::max(top, measure(p));
    glm::dvec3 sum(0.0);
    int n = 0;
    for (const glm::dvec3& p : pts) {
        if (measure(p) < top - band) continue;
        sum += p;
        ++n;
    }
    return sum / static_cast<double>(std::max(n, 1));
}

// The medial and lateral ends of a clavicle.
std::pair<glm::dvec3, glm::dvec3> clavicleEnds(const TriangleMesh& clavicle, const glm::dvec3& jugularNotch) {
    const std::vector<glm::dvec3> pts = points(clavicle);
    const PrincipalAxes axes = principalAxes(pts);
    const glm::dvec3 axis = axes.axes[0];
    const glm::dvec3 a = extremeBand(
        pts, [&](const glm::dvec3& p) { return glm::dot(p, axis); }, kEndBand);
    const glm::dvec3 b = extremeBand(
        pts, [&](const glm::dvec3& p) { return -glm::dot(p, axis); }, kEndBand);
    if (glm::length(a - jugularNotch) < glm::length(b - jugularNotch)) return {a, b};
    return {b, a};
}

}  // namespace

Result<fs::path> findAtlasFile(const fs::path& atlasDir, const std::string& suffix) {
    std::error_code ec;
    if (!fs::is_directory(atlasDir, ec))
        return fail(atlasDir.string() + ": not a folder (the atlas's obj folder or the folder above it)");
    const std::string ending = "_" + suffix + ".obj";
    for (const fs::path& dir : {atlasDir / "obj", atlasDir}) {
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> matches;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (name.size() > ending.size() && name.compare(name.size() - ending.size(), ending.size(), ending) == 0)
                matches.push_back(it->path());
        }
        if (ec) return fail(dir.string() + ": cannot list the folder (" + ec.message() + ")");
        std::sort(matches.begin(), matches.end());
        if (matches.size() > 1) return fail(dir.string() + ": more than one file ends in '" + ending + "'");
        if (!matches.empty()) return matches.front();
    }
    return fail(atlasDir.string() + ": no file ending in '" + ending + "' (there or in obj/)");
}

Result<TriangleMesh> loadAtlasMesh(const fs::path& objFile) {
    auto scene = model::loadWithAssimp(objFile);
    if (!scene) return fail(scene.error());
    const model::Pose pose = model::evaluatePose(*scene, nullptr, 0.0f);
    TriangleMesh mesh;
    for (const int node : model::meshNodes(*scene)) {
        const model::Mesh& m =
            scene->meshes[static_cast<std::size_t>(scene->nodes[static_cast<std::size_t>(node)].mesh)];
        for (const model::Primitive& prim : m.primitives) {
            const std::vector<glm::vec3> placed = model::posedPositions(*scene, pose, node, prim);
            TriangleMesh part;
            for (const glm::vec3& p : placed) {
                if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
                    return fail(objFile.string() + ": a vertex is not a finite number");
                part.positions.push_back(glm::vec3(rasMillimetresToFigureAxes(glm::dvec3(p))));
            }
            part.indices.assign(prim.indices.begin(),
                                prim.indices.end() - static_cast<std::ptrdiff_t>(prim.indices.size() % 3));
            mesh.append(part);
        }
    }
    if (mesh.indices.empty()) return fail(objFile.string() + ": no triangles");
    return mesh;
}

Result<AtlasBones> loadAtlasBones(const fs::path& atlasDir) {
    AtlasBones bones;
    const std::pair<const char*, TriangleMesh*> wanted[] = {{"sternum", &bones.sternum},
                                                            {"left_clavicle", &bones.clavicleLeft},
                                                            {"right_clavicle", &bones.clavicleRight},
                                                            {"cervical7", &bones.c7},
                                                            {"thoracic1", &bones.t1}};
    for (const auto& [suffix, mesh] : wanted) {
        auto file = findAtlasFile(atlasDir, suffix);
        if (!file) return fail(file.error());
        auto loaded = loadAtlasMesh(*file);
        if (!loaded) return fail(loaded.error());
        *mesh = std::move(*loaded);
    }
    return bones;
}

Result<std::vector<NamedPoint>> findAtlasLandmarks(const AtlasBones& bones) {
    for (const TriangleMesh* m : {&bones.sternum, &bones.clavicleLeft, &bones.clavicleRight, &bones.c7, &bones.t1}) {
        if (m->positions.empty()) return fail("atlas landmarks: a bone mesh is empty");
    }
    const glm::dvec3 notch = extremeBand(
        points(bones.sternum), [](const glm::dvec3& p) { return p.y; }, kEndBand);
    const auto [medialL, lateralL] = clavicleEnds(bones.clavicleLeft, notch);
    const auto [medialR, lateralR] = clavicleEnds(bones.clavicleRight, notch);
    auto posterior = [](const glm::dvec3& p) { return -p.z; };
    return std::vector<NamedPoint>{{"jugular_notch", notch},
                                   {"clavicle_medial.L", medialL},
                                   {"clavicle_lateral.L", lateralL},
                                   {"clavicle_medial.R", medialR},
                                   {"clavicle_lateral.R", lateralR},
                                   {"c7_spinous", extremeBand(points(bones.c7), posterior, kPosteriorBand)},
                                   {"t1_spinous", extremeBand(points(bones.t1), posterior, kPosteriorBand)}};
}

}  // namespace myomap::figurecheck

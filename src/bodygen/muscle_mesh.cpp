#include "bodygen/muscle_mesh.h"

#include <utility>

namespace myomap::bodygen {
namespace {

void appendVertex(BodyMesh& mesh, const glm::vec3& p, const glm::vec2& uv, const glm::vec3& fibre,
                  const SkinWeighting& weighting) {
    mesh.positions.push_back(p);
    mesh.muscleUv.push_back(uv);
    mesh.fibre.push_back(fibre);
    mesh.joints.emplace_back(0);
    mesh.weights.emplace_back(0.0f);
    weighting.weigh(p, mesh.joints.back(), mesh.weights.back());
}

}  // namespace

BodyMesh meshFromLayout(const MuscleLayout& layout, const std::string& name, Layer layer, const SkinWeighting& weighting) {
    BodyMesh mesh;
    mesh.name = name;
    mesh.layer = layer;
    const int rows = layout.rows, columns = layout.columns;
    // A ring runs along the outer face from v = 0 to v = 1 and back along the inner face; the
    // border nodes (v = 0 and 1) are shared, since the cross-section closes to an edge there.
    const int ring = 2 * (columns - 1);
    for (int i = 0; i < rows; ++i) {
        const float u = static_cast<float>(i) / static_cast<float>(rows - 1);
        for (int k = 0; k < ring; ++k) {
            const bool outer = k < columns;
            const int j = outer ? k : ring - k;
            const std::size_t n = layout.at(i, j);
            const glm::vec3 p = outer ? layout.outer[n] : layout.inner[n];
            const float v = static_cast<float>(j) / static_cast<float>(columns - 1);
            appendVertex(mesh, p, {u, v}, layout.fibre[n], weighting);
        }
    }
    const auto index = [&](int i, int k) { return static_cast<std::uint32_t>(i * ring + (k % ring)); };
    for (int i = 0; i + 1 < rows; ++i) {
        for (int k = 0; k < ring; ++k) {
            const std::uint32_t a = index(i, k), b = index(i, k + 1), c = index(i + 1, k + 1), d = index(i + 1, k);
            mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
        }
    }
    // End caps: a fan from the middle of each end ring, wound to match the sides.
    for (const int i : {0, rows - 1}) {
        const std::size_t mid = layout.at(i, columns / 2);
        appendVertex(mesh, layout.capCentre[i == 0 ? 0 : 1], {i == 0 ? 0.0f : 1.0f, 0.5f}, layout.fibre[mid],
                     weighting);
        const auto c = static_cast<std::uint32_t>(mesh.positions.size() - 1);
        for (int k = 0; k < ring; ++k) {
            if (i == 0) {
                mesh.indices.insert(mesh.indices.end(), {c, index(i, k + 1), index(i, k)});
            } else {
                mesh.indices.insert(mesh.indices.end(), {c, index(i, k), index(i, k + 1)});
            }
        }
    }
    // Which way the rings turn depends on the fibres and the side the thickness opens to;
    // the sign of the volume tells, and one reversal fixes every triangle at once.
    if (signedVolume(mesh) < 0.0) {
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
            std::swap(mesh.indices[t + 1], mesh.indices[t + 2]);
    }
    computeNormals(mesh);
    return mesh;
}

BodyMesh mirroredMuscle(const BodyMesh& mesh, const std::string& name, const std::vector<int>& otherSide) {
    BodyMesh out = mesh;
    out.name = name;
    const auto flip = [](glm::vec3& p) { p.x = -p.x; };
    for (glm::vec3& p : out.positions) flip(p);
    for (glm::vec3& n : out.normals) flip(n);
    for (glm::vec3& f : out.fibre) flip(f);
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
    for (std::size_t v = 0; v < out.joints.size(); ++v) {
        for (int k = 0; k < 4; ++k) {
            if (out.weights[v][k] > 0.0f) {
                out.joints[v][k] = static_cast<std::uint16_t>(otherSide[out.joints[v][k]]);
            }
        }
    }
    return out;
}

}  // namespace myomap::bodygen

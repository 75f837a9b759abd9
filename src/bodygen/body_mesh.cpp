#include "bodygen/body_mesh.h"

#include <meshoptimizer.h>

#include <map>
#include <set>

namespace myomap::bodygen {

const char* layerName(Layer layer) {
    switch (layer) {
    case Layer::Skin: return "skin";
    case Layer::Superficial: return "superficial";
    case Layer::Intermediate: return "intermediate";
    case Layer::Deep: return "deep";
    case Layer::Bone: return "bone";
    }
    return "skin";
}

void computeNormals(BodyMesh& mesh) {
    mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        const glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
        mesh.normals[a] += n;  // |n| is twice the area: area weighting for free
        mesh.normals[b] += n;
        mesh.normals[c] += n;
    }
    for (glm::vec3& n : mesh.normals) {
        const float len = glm::length(n);
        n = len > 0.0f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

std::size_t countOpenOrInconsistentEdges(const BodyMesh& mesh) {
    // Directed edge counts: a closed, consistently wound mesh has each (a,b) once and (b,a) once.
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = mesh.indices[t + static_cast<std::size_t>(k)];
            const std::uint32_t b = mesh.indices[t + static_cast<std::size_t>((k + 1) % 3)];
            ++edges[{a, b}];
        }
    }
    std::size_t bad = 0;
    for (const auto& [edge, count] : edges) {
        const auto reverse = edges.find({edge.second, edge.first});
        if (count != 1 || reverse == edges.end() || reverse->second != 1) ++bad;
    }
    return bad;
}

double signedVolume(const BodyMesh& mesh) {
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3 a = mesh.positions[mesh.indices[t]];
        const glm::dvec3 b = mesh.positions[mesh.indices[t + 1]];
        const glm::dvec3 c = mesh.positions[mesh.indices[t + 2]];
        volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return volume;
}

void bindRigid(BodyMesh& mesh, int joint) {
    mesh.joints.assign(mesh.positions.size(), glm::u16vec4(static_cast<std::uint16_t>(joint), 0, 0, 0));
    mesh.weights.assign(mesh.positions.size(), glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
}

namespace {

// The vertices of edges that are open or used by more than two triangles.
std::set<std::uint32_t> badEdgeVertices(const std::vector<std::uint32_t>& indices) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        for (std::size_t k = 0; k < 3; ++k) ++edges[{indices[t + k], indices[t + (k + 1) % 3]}];
    }
    std::set<std::uint32_t> bad;
    for (const auto& [edge, count] : edges) {
        const auto reverse = edges.find({edge.second, edge.first});
        if (count != 1 || reverse == edges.end() || reverse->second != 1) bad.insert({edge.first, edge.second});
    }
    return bad;
}

}  // namespace

std::vector<std::uint32_t> simplifyKeeping(const std::vector<glm::vec3>& positions,
                                           const std::vector<std::uint32_t>& indices, const std::set<std::uint32_t>& locked,
                                           float error, float scale) {
    std::vector<glm::vec3> split = positions;
    std::vector<std::uint32_t> original(positions.size());
    for (std::uint32_t v = 0; v < original.size(); ++v) original[v] = v;
    std::vector<std::uint32_t> corners = indices;
    for (std::uint32_t& v : corners) {
        if (!locked.count(v)) continue;
        original.push_back(v);
        split.push_back(positions[v]);
        v = static_cast<std::uint32_t>(split.size() - 1);
    }
    std::vector<std::uint32_t> out(corners.size());
    out.resize(meshopt_simplify(out.data(), corners.data(), corners.size(), &split[0].x, split.size(),
                                sizeof(glm::vec3), 0, error / scale,
                                locked.empty() ? 0u : static_cast<unsigned>(meshopt_SimplifyLockBorder), nullptr));
    for (std::uint32_t& v : out) v = original[v];
    return out;
}

void simplifyMesh(BodyMesh& mesh, float maxError) {
    const std::size_t n = mesh.positions.size();
    if (n == 0 || mesh.indices.empty()) return;
    const float scale = meshopt_simplifyScale(&mesh.positions[0].x, n, sizeof(glm::vec3));
    if (!(scale > 0.0f)) return;
    // Collapsing edges across a part thinner than the error allowed can pinch the surface (an
    // edge with four triangles). The vertices where that happened, and those next to them, are
    // then kept in place and the rest simplified again; at worst nothing is removed.
    std::set<std::uint32_t> locked;
    std::vector<std::uint32_t> kept;
    for (int attempt = 0; attempt < 6; ++attempt) {
        std::vector<std::uint32_t> trial = simplifyKeeping(mesh.positions, mesh.indices, locked, maxError, scale);
        const std::set<std::uint32_t> bad = badEdgeVertices(trial);
        if (bad.empty()) {
            kept = std::move(trial);
            break;
        }
        const std::size_t before = locked.size();
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const std::uint32_t* tri = &mesh.indices[t];
            if (bad.count(tri[0]) || bad.count(tri[1]) || bad.count(tri[2])) locked.insert({tri[0], tri[1], tri[2]});
        }
        if (locked.size() == before) break;
    }
    if (kept.empty()) kept = mesh.indices;
    meshopt_optimizeVertexCache(kept.data(), kept.data(), kept.size(), n);
    std::vector<std::uint32_t> remap(n);
    const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), kept.data(), kept.size(), n);
    std::vector<glm::vec3> positions(used);
    meshopt_remapVertexBuffer(positions.data(), mesh.positions.data(), n, sizeof(glm::vec3), remap.data());
    meshopt_remapIndexBuffer(kept.data(), kept.data(), kept.size(), remap.data());
    mesh.positions = std::move(positions);
    mesh.indices = std::move(kept);
    mesh.normals.clear();
}

}  // namespace myomap::bodygen

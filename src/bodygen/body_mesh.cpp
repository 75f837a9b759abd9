#include "bodygen/body_mesh.h"

#include <map>

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

}  // namespace myomap::bodygen

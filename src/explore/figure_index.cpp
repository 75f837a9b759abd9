#include "explore/figure_index.h"

#include "anatomy/search.h"

#include <algorithm>

namespace myomap::app {
namespace {

// The built-in figure names its materials by layer (assets/body/palette.csv).
std::optional<FigureLayer> layerOfMaterial(std::string_view material) {
    if (material == "skin") return FigureLayer::Skin;
    if (material == "muscle_superficial") return FigureLayer::Superficial;
    if (material == "muscle_intermediate") return FigureLayer::Intermediate;
    if (material == "muscle_deep") return FigureLayer::Deep;
    if (material == "bone") return FigureLayer::Bones;
    return std::nullopt;
}

}  // namespace

FigureIndex::FigureIndex(const model::Scene& scene, const std::vector<int>& meshNodes) {
    for (const int node : meshNodes) {
        const model::Node& n = scene.nodes[static_cast<std::size_t>(node)];
        const model::Mesh& mesh = scene.meshes[static_cast<std::size_t>(n.mesh)];
        FigurePart part;
        part.node = node;
        part.name = mesh.name.empty() ? n.name : mesh.name;
        if (part.name.size() > 2 && (part.name.ends_with(".L") || part.name.ends_with(".R"))) {
            part.side = part.name.back() == 'L' ? BodySide::Left : BodySide::Right;
        }
        const int material = mesh.primitives.empty() ? model::kNone : mesh.primitives.front().material;
        if (material >= 0) {
            const model::Material& m = scene.materials[static_cast<std::size_t>(material)];
            part.layer = layerOfMaterial(m.name);
            part.materialOpacity = m.blend ? m.baseColor.a : 1.0f;
        }
        if (!part.layer) part.kind = PartKind::Other;
        else if (*part.layer == FigureLayer::Skin) part.kind = PartKind::Skin;
        else if (*part.layer == FigureLayer::Bones) part.kind = PartKind::Bone;
        else part.kind = PartKind::Muscle;
        if (part.kind == PartKind::Muscle) part.muscleId = part.side ? part.name.substr(0, part.name.size() - 2) : part.name;
        m_parts.push_back(std::move(part));
    }
}

const FigurePart* FigureIndex::find(std::string_view name) const {
    auto it = std::find_if(m_parts.begin(), m_parts.end(), [&](const FigurePart& p) { return p.name == name; });
    return it == m_parts.end() ? nullptr : &*it;
}

const FigurePart* FigureIndex::byNode(int node) const {
    auto it = std::find_if(m_parts.begin(), m_parts.end(), [&](const FigurePart& p) { return p.node == node; });
    return it == m_parts.end() ? nullptr : &*it;
}

const FigurePart* FigureIndex::skin() const {
    auto it = std::find_if(m_parts.begin(), m_parts.end(), [](const FigurePart& p) { return p.kind == PartKind::Skin; });
    return it == m_parts.end() ? nullptr : &*it;
}

std::vector<std::string> FigureIndex::closest(std::string_view name, std::size_t count) const {
    std::vector<std::string> names;
    for (const FigurePart& p : m_parts) names.push_back(p.name);
    return anatomy::closestMatches(name, std::span<const std::string>(names), count);
}

}  // namespace myomap::app

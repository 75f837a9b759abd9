#include "explore/scene_view.h"

#include <algorithm>

namespace myomap::app {

void SceneView::show(model::Scene scene, render::Renderer& renderer) {
    clear(renderer);
    m_scene = std::move(scene);
    for (const model::Image& image : m_scene.images) {
        m_gpuTextures.push_back(image.rgba.empty() ? -1 : renderer.addTexture({image.width, image.height, image.rgba}));
    }
    for (const model::Mesh& mesh : m_scene.meshes) {
        std::vector<int> ids;
        for (const model::Primitive& p : mesh.primitives) {
            render::MeshSource source{p.positions, p.normals, p.uv0, p.joints, p.weights, p.colors, {}, {}, p.indices, 0, {}, {}, {}};
            // Levels of detail share the vertices: only their triangles differ.
            std::vector<render::LevelSource> levels;
            for (const model::LevelOfDetail& lod : p.lods) levels.push_back({lod.indices, lod.error});
            source.levels = levels;
            // Muscle coordinates and fibre directions travel as glTF custom attributes.
            if (const auto* uv = p.findCustom("_MUSCLE_UV"); uv && uv->components == 2) {
                source.muscleUv = {reinterpret_cast<const glm::vec2*>(uv->values.data()), p.positions.size()};
            }
            if (const auto* fibre = p.findCustom("_FIBRE"); fibre && fibre->components == 3) {
                source.fibre = {reinterpret_cast<const glm::vec3*>(fibre->values.data()), p.positions.size()};
            }
            // Morph targets go to the GPU one after another (MeshSource::morphPositions).
            std::vector<glm::vec3> morphPositions, morphNormals;
            if (!p.targets.empty()) {
                const bool normals = std::all_of(p.targets.begin(), p.targets.end(),
                                                 [](const model::MorphTarget& t) { return !t.normals.empty(); });
                for (const model::MorphTarget& t : p.targets) {
                    if (t.positions.empty()) morphPositions.resize(morphPositions.size() + p.positions.size(), glm::vec3(0.0f));
                    else morphPositions.insert(morphPositions.end(), t.positions.begin(), t.positions.end());
                    if (normals) morphNormals.insert(morphNormals.end(), t.normals.begin(), t.normals.end());
                }
                source.morphTargets = static_cast<int>(p.targets.size());
                source.morphPositions = morphPositions;
                source.morphNormals = morphNormals;
            }
            ids.push_back(renderer.addMesh(source));
            const auto id = static_cast<std::size_t>(ids.back());
            if (m_primitiveOf.size() <= id) m_primitiveOf.resize(id + 1, {-1, -1});
            m_primitiveOf[id] = {static_cast<int>(m_gpuMeshes.size()), static_cast<int>(ids.size() - 1)};
        }
        m_gpuMeshes.push_back(std::move(ids));
    }
    m_meshNodes = model::meshNodes(m_scene);
}

void SceneView::clear(render::Renderer& renderer) {
    renderer.clearResources();
    m_scene = {};
    m_gpuMeshes.clear();
    m_gpuTextures.clear();
    m_meshNodes.clear();
    m_primitiveOf.clear();
}

const model::Primitive* SceneView::primitiveOf(int rendererMesh) const {
    if (rendererMesh < 0 || static_cast<std::size_t>(rendererMesh) >= m_primitiveOf.size()) return nullptr;
    const auto [mesh, primitive] = m_primitiveOf[static_cast<std::size_t>(rendererMesh)];
    if (mesh < 0) return nullptr;
    return &m_scene.meshes[static_cast<std::size_t>(mesh)].primitives[static_cast<std::size_t>(primitive)];
}

std::size_t SceneView::triangleCount() const {
    std::size_t count = 0;
    for (const int node : m_meshNodes) {
        for (const model::Primitive& p : m_scene.meshes[static_cast<std::size_t>(m_scene.nodes[static_cast<std::size_t>(node)].mesh)].primitives) {
            count += p.indices.size() / 3;
        }
    }
    return count;
}

model::Pose SceneView::pose(int clip, float t) const {
    const model::AnimationClip* c =
        clip >= 0 && static_cast<std::size_t>(clip) < m_scene.clips.size() ? &m_scene.clips[static_cast<std::size_t>(clip)] : nullptr;
    return model::evaluatePose(m_scene, c, t);
}

void SceneView::pose(int clip, float t, model::Pose& into) {
    const model::AnimationClip* c =
        clip >= 0 && static_cast<std::size_t>(clip) < m_scene.clips.size() ? &m_scene.clips[static_cast<std::size_t>(clip)] : nullptr;
    model::evaluatePose(m_scene, c, t, into, m_poseScratch);
}

int SceneView::paletteOf(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= m_scene.nodes.size()) return -1;
    const int skin = m_scene.nodes[static_cast<std::size_t>(node)].skin;
    return skin >= 0 && static_cast<std::size_t>(skin) < m_skinPalettes.size() ? m_skinPalettes[static_cast<std::size_t>(skin)] : -1;
}

void SceneView::addToFrame(const model::Pose& pose, render::FrameData& frame, std::vector<int>* itemNodes) {
    m_skinPalettes.assign(m_scene.skins.size(), -1);
    for (const int nodeIndex : m_meshNodes) {
        const model::Node& node = m_scene.nodes[static_cast<std::size_t>(nodeIndex)];
        int palette = -1;
        if (node.skin >= 0) {
            int& shared = m_skinPalettes[static_cast<std::size_t>(node.skin)];
            if (shared < 0) {  // the figure's 190 meshes share one skin: one palette, not 190 copies
                shared = static_cast<int>(frame.palettes.size());
                model::jointMatrices(m_scene, m_scene.skins[static_cast<std::size_t>(node.skin)], pose, render::addPalette(frame));
            }
            palette = shared;
        }
        const auto& mesh = m_scene.meshes[static_cast<std::size_t>(node.mesh)];
        int morphWeights = -1;
        if (static_cast<std::size_t>(nodeIndex) < pose.weights.size() && !pose.weights[static_cast<std::size_t>(nodeIndex)].empty()) {
            morphWeights = static_cast<int>(frame.morphWeights.size());
            frame.morphWeights.push_back(pose.weights[static_cast<std::size_t>(nodeIndex)]);
        }
        for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
            render::DrawItem item;
            item.morphWeights = morphWeights;
            item.mesh = m_gpuMeshes[static_cast<std::size_t>(node.mesh)][p];
            item.model = pose.global[static_cast<std::size_t>(nodeIndex)];
            item.palette = palette;
            const int material = mesh.primitives[p].material;
            if (material >= 0) {
                const model::Material& m = m_scene.materials[static_cast<std::size_t>(material)];
                item.material.baseColor = m.baseColor;
                item.material.texture = m.baseColorImage >= 0 ? m_gpuTextures[static_cast<std::size_t>(m.baseColorImage)] : -1;
                item.material.doubleSided = m.doubleSided;
                item.material.striated = mesh.primitives[p].findCustom("_FIBRE") != nullptr;
                if (m.blend) item.opacity = std::min(m.baseColor.a, 0.999f);
            } else {
                item.material.baseColor = glm::vec4(0.8f, 0.8f, 0.8f, 1.0f);
            }
            frame.items.push_back(item);
            if (itemNodes) itemNodes->push_back(nodeIndex);
        }
    }
}

}  // namespace myomap::app

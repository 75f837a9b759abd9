// A loaded model as the app shows it: the CPU scene, its GPU copies in the renderer, and the
// per-frame work of posing it and listing what to draw.
#pragma once

#include "model/pose.h"
#include "model/scene.h"
#include "render/frame_data.h"
#include "render/renderer.h"

#include <span>
#include <vector>

namespace myomap::app {

class SceneView {
public:
    // Uploads `scene` to the renderer, replacing whatever was shown before.
    void show(model::Scene scene, render::Renderer& renderer);
    void clear(render::Renderer& renderer);

    const model::Scene& scene() const { return m_scene; }
    bool empty() const { return m_scene.nodes.empty(); }
    std::size_t triangleCount() const;

    // The clip's pose at time t (clip -1: the rest pose).
    model::Pose pose(int clip, float t) const;
    // The same into `into`, reusing its storage: no allocation in a steady frame.
    void pose(int clip, float t, model::Pose& into);
    // Appends this scene's draw items (and skin palettes, one per skin however many meshes
    // share it) for `pose` to the frame; with `itemNodes`, also the node each appended item draws.
    void addToFrame(const model::Pose& pose, render::FrameData& frame, std::vector<int>* itemNodes = nullptr);
    const std::vector<int>& meshNodes() const { return m_meshNodes; }
    // The frame palette the last addToFrame gave a node's skin; -1 for a node without one.
    int paletteOf(int node) const;
    // The renderer mesh ids of a scene mesh's primitives (empty for an index out of range).
    std::span<const int> rendererMeshes(int mesh) const {
        return mesh >= 0 && static_cast<std::size_t>(mesh) < m_gpuMeshes.size() ? std::span<const int>(m_gpuMeshes[static_cast<std::size_t>(mesh)]) : std::span<const int>();
    }
    // The scene primitive behind a renderer mesh id (a draw item's mesh), or null.
    const model::Primitive* primitiveOf(int rendererMesh) const;

private:
    model::Scene m_scene;
    model::PoseScratch m_poseScratch;
    std::vector<std::vector<int>> m_gpuMeshes;  // [mesh][primitive] -> renderer mesh id
    std::vector<int> m_gpuTextures;             // [image] -> renderer texture id (-1: none)
    std::vector<int> m_meshNodes;
    std::vector<int> m_skinPalettes;  // [skin] -> palette index in the last frame (scratch)
    std::vector<std::pair<int, int>> m_primitiveOf;  // [renderer mesh id] -> (mesh, primitive)
};

}  // namespace myomap::app

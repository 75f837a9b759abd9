#include "explore/frame_builder.h"

#include <utility>

namespace myomap::app {

void startFrame(render::FrameData& frame, const OrbitCamera& camera, float aspect, int width, int height,
                const FrameLook& look) {
    auto items = std::move(frame.items);
    auto palettes = std::move(frame.palettes);
    auto spare = std::move(frame.sparePalettes);
    for (auto& palette : palettes) spare.push_back(std::move(palette));
    auto morphWeights = std::move(frame.morphWeights);
    auto markers = std::move(frame.markers);
    frame = render::FrameData{};
    items.clear();
    palettes.clear();
    morphWeights.clear();
    markers.clear();
    frame.items = std::move(items);
    frame.palettes = std::move(palettes);
    frame.sparePalettes = std::move(spare);
    frame.morphWeights = std::move(morphWeights);
    frame.markers = std::move(markers);
    frame.width = width;
    frame.height = height;
    frame.view = camera.view();
    frame.projection = camera.projection(aspect);
    frame.cameraPosition = camera.position();
    frame.antialias = look.antialias;
    frame.detailPixels = look.detail == Detail::Reduced ? kReducedDetailPixels : 0.0f;
    frame.specialisedShaders = look.detail == Detail::Reduced;
    if (look.background) frame.backgroundTop = frame.backgroundBottom = glm::vec4(*look.background, 1.0f);
}

}  // namespace myomap::app

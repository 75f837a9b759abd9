#include "app/headless.h"

#include "app/scene_view.h"
#include "app/startup.h"
#include "app/window.h"
#include "core/image.h"
#include "core/log.h"
#include "core/paths.h"
#include "model/loader.h"
#include "render/renderer.h"

namespace myomap::app {

int renderScreenshot(const Options& options) {
    auto scene = model::loadModel(options.model ? *options.model : paths::builtInFigure());
    if (!scene) {
        log::error(scene.error());
        return 1;
    }
    for (const std::string& w : scene->warnings) log::warning(w);
    auto clip = chooseClip(*scene, options.clip);
    if (!clip) {
        log::error(clip.error());
        return 1;
    }

    auto window = Window::create({"Myomap (offscreen)", 64, 64, false});
    if (!window) {
        log::error(window.error());
        return 1;
    }
    auto renderer = render::Renderer::create();
    if (!renderer) {
        log::error(renderer.error());
        return 1;
    }
    SceneView view;
    view.show(std::move(scene.value()), *renderer);
    const model::Pose pose = view.pose(*clip, options.time);

    render::FrameData frame;
    frame.width = options.width;
    frame.height = options.height;
    const float aspect = static_cast<float>(frame.width) / static_cast<float>(frame.height);
    const OrbitCamera camera = initialCamera(options, model::posedBounds(view.scene(), pose), aspect);
    frame.view = camera.view();
    frame.projection = camera.projection(aspect);
    frame.cameraPosition = camera.position();
    if (options.background) frame.backgroundTop = frame.backgroundBottom = glm::vec4(*options.background, 1.0f);
    view.addToFrame(pose, frame);

    if (auto s = renderer->render(frame); !s) {
        log::error("cannot render " + std::to_string(frame.width) + "x" + std::to_string(frame.height) + ": " + s.error());
        return 1;
    }
    const render::Capture capture = renderer->capture();
    if (auto s = writePng(*options.screenshot, {capture.width, capture.height, capture.rgba}); !s) {
        log::error(s.error());
        return 1;
    }
    log::info("wrote " + options.screenshot->string() + " (" + std::to_string(capture.width) + "x" +
              std::to_string(capture.height) + ", " + renderer->contextInfo().renderer + ")");
    return 0;
}

}  // namespace myomap::app

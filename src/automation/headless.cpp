#include "automation/headless.h"

#include "automation/commands.h"
#include "automation/startup.h"
#include "core/image.h"
#include "core/log.h"
#include "core/paths.h"
#include "explore/app_atlas.h"
#include "explore/explorer.h"
#include "explore/frame_builder.h"
#include "model/loader.h"
#include "render/renderer.h"
#include "window/screen.h"

#include <filesystem>
#include <future>
#include <iostream>

namespace myomap::app {

Result<std::unique_ptr<OffscreenFigure>> openOffscreenFigure(const std::string& title) {
    auto scene = model::loadModel(paths::builtInFigure());
    if (!scene) return fail(scene.error());
    auto screen = openScreen({title, 64, 64, false});
    if (!screen) return fail(screen.error());
    auto figure = std::unique_ptr<OffscreenFigure>(
        new OffscreenFigure{std::move(screen->window), std::move(screen->renderer), loadAppAtlas(), {}});
    figure->explorer.open(std::move(scene.value()), figure->renderer, &figure->atlas);
    return figure;
}

int onOffscreenFigure(const std::string& title, const std::function<int(OffscreenFigure& figure)>& use) {
    auto figure = openOffscreenFigure(title);
    if (!figure) {
        log::error(figure.error());
        return 1;
    }
    return use(**figure);
}

namespace {

class HeadlessRun {
public:
    HeadlessRun(const Options& options, render::Renderer renderer, anatomy::Atlas atlas)
        : m_options(options), m_renderer(std::move(renderer)), m_atlas(std::move(atlas)) {
        m_width = options.width;
        m_height = options.height;
        m_time = options.time;
    }

    Status open(model::Scene scene) {
        auto clip = chooseClip(scene, m_options.clip);
        if (!clip) return fail(clip.error());
        m_clip = *clip;
        m_explorer.open(std::move(scene), m_renderer, &m_atlas);
        const model::Pose pose = m_explorer.view().pose(m_clip, m_time);
        m_camera = initialCamera(m_options, model::posedBounds(m_explorer.view().scene(), pose), aspect());
        return Ok{};
    }

    Status run() {
        CommandContext context{m_explorer, m_camera, m_clip, m_time, m_width, m_height, std::cout,
                               [this](const std::filesystem::path& path) { return screenshot(path); },
                               [this](int x, int y) { return pick(x, y); }};
        if (auto s = runCommands(m_options.commands, context); !s) return s;
        if (m_options.script) {
            auto script = loadScript(*m_options.script);
            if (!script) return fail(script.error());
            if (auto s = runCommands(script->commands, context); !s) return s;
        }
        if (m_options.screenshot) return screenshot(*m_options.screenshot);
        return Ok{};
    }

private:
    float aspect() const { return static_cast<float>(m_width) / static_cast<float>(std::max(m_height, 1)); }

    Status buildFrame() {
        startFrame(m_frame, m_camera, aspect(), m_width, m_height,
                   {true, m_options.background, m_options.reducedDetail.value_or(m_renderer.isSoftware()) ? Detail::Reduced : Detail::Full});
        m_explorer.addToFrame(m_explorer.view().pose(m_clip, m_time), m_time, m_renderer, m_frame);
        if (auto s = m_renderer.render(m_frame); !s) {
            return fail("cannot render " + std::to_string(m_width) + "x" + std::to_string(m_height) + ": " + s.error());
        }
        return Ok{};
    }

    Status screenshot(const std::filesystem::path& path) {
        if (auto s = buildFrame(); !s) return s;
        const render::Capture capture = m_renderer.capture();
        if (auto s = writePng(path, {capture.width, capture.height, capture.rgba}); !s) return s;
        log::info("wrote " + path.string() + " (" + std::to_string(capture.width) + "x" + std::to_string(capture.height) +
                  ", " + m_renderer.contextInfo().renderer + ")");
        return Ok{};
    }

    std::string pick(int x, int y) {
        if (!buildFrame()) return "";
        return m_explorer.pick(m_frame, x, y);
    }

    const Options& m_options;
    render::Renderer m_renderer;
    anatomy::Atlas m_atlas;
    Explorer m_explorer;
    OrbitCamera m_camera;
    render::FrameData m_frame;
    int m_clip = -1;
    float m_time = 0.0f;
    int m_width = 0;
    int m_height = 0;
};

}  // namespace

int runHeadless(const Options& options) {
    // The model is read on another core while the offscreen context opens (each about 0.2 s
    // on a software renderer); a model that cannot be read is still the error reported first.
    const std::filesystem::path path = options.model ? *options.model : paths::builtInFigure();
    auto loading = std::async(std::launch::async, [path] { return model::loadModel(path); });
    auto screen = openScreen({"Myomap (offscreen)", 64, 64, false});
    auto scene = loading.get();
    if (!scene) {
        log::error(scene.error());
        return 1;
    }
    for (const std::string& w : scene->warnings) log::warning(w);
    if (!screen) {
        log::error(screen.error());
        return 1;
    }
    HeadlessRun run(options, std::move(screen->renderer), loadAppAtlas());
    if (auto s = run.open(std::move(scene.value())); !s) {
        log::error(s.error());
        return 1;
    }
    if (auto s = run.run(); !s) {
        log::error(s.error());
        return 1;
    }
    return 0;
}

}  // namespace myomap::app

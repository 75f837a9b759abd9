// The built-in figure loaded once, in-process, with a hidden window, the renderer and the
// explorer, for tests that pick and render.
#pragma once

#include "core/paths.h"
#include "explore/app_atlas.h"
#include "explore/explorer.h"
#include "explore/frame_builder.h"
#include "model/loader.h"
#include "window/window.h"

#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>

namespace myomap::test {

struct ExploreFixture {
    app::Window window;
    render::Renderer renderer;
    anatomy::Atlas atlas;
    app::Explorer explorer;
    app::OrbitCamera camera;
    render::FrameData frame;

    static ExploreFixture& get() {
        static std::unique_ptr<ExploreFixture> fixture = [] {
            auto window = app::Window::create({"myomap tests", 64, 64, false});
            if (!window) throw std::runtime_error(window.error());
            auto renderer = render::Renderer::create();
            if (!renderer) throw std::runtime_error(renderer.error());
            auto scene = model::loadModel(paths::builtInFigure());
            if (!scene) throw std::runtime_error(scene.error());
            auto f = std::unique_ptr<ExploreFixture>(
                new ExploreFixture{std::move(window.value()), std::move(renderer.value()), app::loadAppAtlas(), {}, {}, {}});
            f->explorer.open(std::move(scene.value()), f->renderer, &f->atlas);
            return f;
        }();
        return *fixture;
    }

    // Fresh explore state, the skin's default opacity kept.
    void reset() {
        const float skin = explorer.state().layer(app::FigureLayer::Skin).opacity;
        explorer.state() = {};
        explorer.state().layer(app::FigureLayer::Skin).opacity = skin;
    }

    void build(const model::Pose& pose, double t, int width, int height) {
        app::startFrame(frame, camera, static_cast<float>(width) / static_cast<float>(height), width, height);
        explorer.addToFrame(pose, t, renderer, frame);
    }

    // Pixel (origin top-left) of a world point in the last built frame.
    glm::vec2 project(const glm::vec3& p) const {
        const glm::vec4 clip = frame.projection * frame.view * glm::vec4(p, 1.0f);
        const glm::vec3 ndc = glm::vec3(clip) / clip.w;
        return {(ndc.x * 0.5f + 0.5f) * static_cast<float>(frame.width), (0.5f - ndc.y * 0.5f) * static_cast<float>(frame.height)};
    }
};

}  // namespace myomap::test

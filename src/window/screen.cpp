#include "window/screen.h"

namespace myomap::app {

Result<Screen> openScreen(const WindowOptions& options) {
    auto window = Window::create(options);
    if (!window) return fail(window.error());
    auto renderer = render::Renderer::create();  // in the window's context, current now
    if (!renderer) return fail(renderer.error());
    return Screen{std::move(window.value()), std::move(renderer.value())};
}

}  // namespace myomap::app

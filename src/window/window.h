// A GLFW window with an OpenGL 3.3 core context: visible for the viewer, hidden for
// offscreen rendering (screenshots, tests), which draw through the same renderer.
#pragma once

#include "core/result.h"

#include <memory>
#include <string>

struct GLFWwindow;

namespace myomap::app {

struct WindowOptions {
    std::string title = "Myomap";
    int width = 1600;
    int height = 1000;
    bool visible = true;
    bool fullscreen = false;  // the primary monitor at its own resolution (the kiosk)
    bool keepOpen = false;    // close requests are refused (the kiosk: only the staff PIN closes it)
};

class Window {
public:
    static Result<Window> create(const WindowOptions& options);
    Window(Window&& other) noexcept;
    Window& operator=(Window&& other) noexcept;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    GLFWwindow* handle() const { return m_window; }
    // Whether a close was requested; a window made with keepOpen refuses the request instead.
    bool shouldClose() const;
    void swapBuffers() const;
    void framebufferSize(int& width, int& height) const;
    // Scale factor for text and controls: the monitor's content scale, at least 1.
    float contentScale() const;
    // The monitor's height in pixels, or 0 when unknown.
    int monitorHeight() const;

private:
    Window(GLFWwindow* window, bool keepOpen) : m_window(window), m_keepOpen(keepOpen) {}
    GLFWwindow* m_window = nullptr;
    bool m_keepOpen = false;
};

}  // namespace myomap::app

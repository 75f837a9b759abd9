#include "app/window.h"

#include "core/log.h"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <utility>

namespace myomap::app {
namespace {

std::string g_lastGlfwError;

void onGlfwError(int code, const char* description) {
    g_lastGlfwError = std::string(description ? description : "unknown") + " (GLFW error 0x" + std::to_string(code) + ")";
}

// GLFW is initialised once per process and terminated at exit.
Status initialiseGlfw() {
    static bool ready = false;
    if (ready) return Ok{};
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        const char* display = std::getenv("DISPLAY");
        std::string hint = (display && *display)
                               ? std::string("the display '") + display + "' could not be opened"
                               : std::string("no display is set (DISPLAY is empty)");
        return fail("cannot start the window system: " + g_lastGlfwError + "; " + hint +
                    ". On a machine without a screen run under a virtual one: xvfb-run -a myomap ...");
    }
    std::atexit(glfwTerminate);
    ready = true;
    return Ok{};
}

}  // namespace

Result<Window> Window::create(const WindowOptions& options) {
    if (auto s = initialiseGlfw(); !s) return fail(s.error());
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // Multisampling happens in the renderer's own framebuffer; the window needs none.
    glfwWindowHint(GLFW_SAMPLES, 0);
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    g_lastGlfwError.clear();
    GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    GLFWwindow* window = mode ? glfwCreateWindow(mode->width, mode->height, options.title.c_str(), monitor, nullptr)
                              : glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!window) {
        return fail("cannot create an OpenGL 3.3 core window: " + g_lastGlfwError +
                    ". Install an OpenGL driver (on Debian: apt-get install libgl1-mesa-dri) or update the graphics driver");
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.visible ? 1 : 0);
    return Window(window);
}

Window::Window(Window&& other) noexcept : m_window(std::exchange(other.m_window, nullptr)) {}

Window& Window::operator=(Window&& other) noexcept {
    if (this != &other) {
        if (m_window) glfwDestroyWindow(m_window);
        m_window = std::exchange(other.m_window, nullptr);
    }
    return *this;
}

Window::~Window() {
    if (m_window) glfwDestroyWindow(m_window);
}

bool Window::shouldClose() const { return glfwWindowShouldClose(m_window); }
void Window::refuseClose() const { glfwSetWindowShouldClose(m_window, GLFW_FALSE); }
void Window::swapBuffers() const { glfwSwapBuffers(m_window); }
void Window::framebufferSize(int& width, int& height) const { glfwGetFramebufferSize(m_window, &width, &height); }

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(m_window, &x, &y);
    return std::max(1.0f, std::max(x, y));
}

int Window::monitorHeight() const {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    return mode ? mode->height : 0;
}

}  // namespace myomap::app

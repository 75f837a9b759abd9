#include "window/window.h"

#include "core/log.h"

#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#ifdef MYOMAP_SANITIZE
#include <dlfcn.h>
#include <link.h>
#endif

namespace myomap::app {
namespace {

std::string g_lastGlfwError;

void onGlfwError(int code, const char* description) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%05X", static_cast<unsigned>(code));
    g_lastGlfwError = std::string(description ? description : "unknown") + " (GLFW error " + hex + ")";
}

// Mesa's overrides can cap the OpenGL version below 3.3; a user who set one should hear so.
std::string overrideHint() {
    std::string hint;
    for (const char* name : {"MESA_GL_VERSION_OVERRIDE", "MESA_GLSL_VERSION_OVERRIDE", "LIBGL_ALWAYS_INDIRECT"}) {
        if (const char* value = std::getenv(name); value && *value) {
            hint += std::string(hint.empty() ? "" : ", ") + name + "=" + value;
        }
    }
    return hint.empty() ? "" : " The environment sets " + hint + ", which can hold the version below 3.3: unset it.";
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
                    ". Start Myomap from a desktop session, or on a machine without a screen run it under a "
                    "virtual one: xvfb-run -a myomap ... (Debian package xvfb)");
    }
    std::atexit(glfwTerminate);
    ready = true;
    return Ok{};
}

#ifdef MYOMAP_SANITIZE
// Sanitizer builds only: keep the OpenGL driver (Mesa's *_dri.so, and through it LLVM) mapped
// after glfwTerminate unloads it at exit. LeakSanitizer checks after that; without the driver's
// memory it took blocks the driver still held for leaks, with frames in unmapped code that
// could not be told from ours (docs/RELIABILITY.md, Sanitizers). Kept mapped, they are
// reachable and nothing needs suppressing.
void keepDriverLoadedForLeakReports() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) {
            if (info->dlpi_name && std::strstr(info->dlpi_name, "_dri.so")) {
                (void)dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
            }
            return 0;
        },
        nullptr);
}
#endif

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
    if (options.fullscreen) {
        // The kiosk: GLFW would iconify a full-screen window when it loses the focus (another
        // window or a notification taking it), showing the desktop to a visitor. Stay up, on top.
        glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
        glfwWindowHint(GLFW_FLOATING, GLFW_TRUE);
    }
    g_lastGlfwError.clear();
    GLFWmonitor* monitor = options.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    GLFWwindow* window = mode ? glfwCreateWindow(mode->width, mode->height, options.title.c_str(), monitor, nullptr)
                              : glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
    if (!window) {
        return fail("cannot create an OpenGL 3.3 core profile context: " + g_lastGlfwError +
                    ". Myomap needs OpenGL 3.3 core: install the Mesa drivers (on Debian: apt-get install "
                    "libgl1-mesa-dri libglx-mesa0, which include the llvmpipe software renderer) or the graphics "
                    "card's own driver." + overrideHint());
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.visible ? 1 : 0);
#ifdef MYOMAP_SANITIZE
    keepDriverLoadedForLeakReports();
#endif
    return Window(window, options.keepOpen);
}

Window::Window(Window&& other) noexcept
    : m_window(std::exchange(other.m_window, nullptr)), m_keepOpen(other.m_keepOpen) {}

Window& Window::operator=(Window&& other) noexcept {
    if (this != &other) {
        if (m_window) glfwDestroyWindow(m_window);
        m_window = std::exchange(other.m_window, nullptr);
        m_keepOpen = other.m_keepOpen;
    }
    return *this;
}

Window::~Window() {
    if (m_window) glfwDestroyWindow(m_window);
}

bool Window::shouldClose() const {
    if (!glfwWindowShouldClose(m_window)) return false;
    if (!m_keepOpen) return true;
    glfwSetWindowShouldClose(m_window, GLFW_FALSE);
    return false;
}
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

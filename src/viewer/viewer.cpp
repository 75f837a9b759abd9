// The viewer: the window's loop, input routed to the camera, the desk and the current mode,
// the animation clock and the frame. viewer_bench.cpp times its frames.
#include "viewer/viewer.h"

#include "automation/commands.h"
#include "automation/startup.h"
#include "core/image.h"
#include "core/log.h"
#include "core/paths.h"
#include "explore/app_atlas.h"
#include "explore/explore_ui.h"
#include "explore/frame_builder.h"
#include "model/loader.h"
#include "modes/registry.h"
#include "render/gl/imgui_backend.h"
#include "ui/fonts.h"
#include "viewer/viewer_impl.h"
#include "window/screen.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>

namespace myomap::app {

Viewer::Viewer(Window window, render::Renderer renderer, const Options& options)
    : m_window(std::move(window)), m_renderer(std::move(renderer)), m_options(options), m_atlas(loadAppAtlas()) {
    m_ui.rendererName = m_renderer.contextInfo().renderer;
    m_ui.softwareRenderer = m_renderer.isSoftware();
    m_ui.smoothEdges = !m_ui.softwareRenderer;
    m_ui.reducedDetail = options.reducedDetail.value_or(m_ui.softwareRenderer);
    for (const ModeEntry& entry : allModes()) {
        if (!entry.menuLabel.empty()) m_ui.modes.push_back({entry.name, entry.menuLabel, false});
    }
    setMode(options.mode);
}

Viewer::~Viewer() {
    if (!m_mode) return;
    ModeContext context = modeContext();
    m_mode->leave(context);
}

ModeContext Viewer::modeContext() {
    return {m_explorer, m_atlas,   m_renderer, m_camera,   m_frame, m_ui.clip, m_ui.time,
            m_clock,    static_cast<long long>(std::time(nullptr)), m_errors, m_notes};
}

void Viewer::setMode(const std::string& name) {
    const ModeEntry* entry = findMode(name);
    if (!entry) return report("there is no mode called '" + name + "'");
    ModeContext context = modeContext();
    if (m_mode) m_mode->leave(context);
    auto made = std::find_if(m_modes.begin(), m_modes.end(), [&](const MadeMode& m) { return m.name == name; });
    if (made == m_modes.end()) {
        m_modes.push_back({name, entry->make({m_options.modeConfig})});
        made = m_modes.end() - 1;
    }
    m_mode = made->mode.get();
    for (ui::ModeChoice& choice : m_ui.modes) choice.current = choice.name == name;
    m_desk.setReading(m_mode->reading());
    if (!m_explorer.view().empty()) m_mode->enter(context);
    reportMessages();
}

void Viewer::open(const std::filesystem::path& path) { open(path, model::loadModel(path)); }

void Viewer::open(const std::filesystem::path& path, Result<model::Scene> scene) {
    if (!scene) {
        report(scene.error());
        return;
    }
    m_ui.problems.clear();
    for (const std::string& w : scene->warnings) report(w, false);
    const std::size_t joints = [&] {
        std::size_t n = 0;
        for (const auto& s : scene->skins) n += s.joints.size();
        return n;
    }();
    m_explorer.open(std::move(scene.value()), m_renderer, &m_atlas);
    m_pose.reset();
    m_ui.modelPath = path.string();
    m_ui.modelSummary = std::to_string(m_explorer.view().scene().meshes.size()) + " meshes, " +
                        std::to_string(m_explorer.view().triangleCount()) + " triangles, " + std::to_string(joints) + " joints";
    m_ui.clipNames.clear();
    for (const auto& clip : m_explorer.view().scene().clips) m_ui.clipNames.push_back(clip.name);
    auto clip = chooseClip(m_explorer.view().scene(), m_options.clip);
    if (!clip) report(clip.error());
    m_ui.clip = clip ? *clip : (m_explorer.view().scene().clips.empty() ? -1 : 0);
    m_ui.time = m_options.time;
    resetCamera();
    ModeContext context = modeContext();
    m_mode->enter(context);
    reportMessages();
    log::info("opened " + path.string() + " (" + m_ui.modelSummary + ")");
}

void Viewer::runStartCommands() {
    int width = 0, height = 0;
    m_window.framebufferSize(width, height);
    CommandContext context{m_explorer, m_camera.camera, m_ui.clip, m_ui.time, width, height, std::cout,
                           [this, &width, &height](const std::filesystem::path& path) {
                               buildFrame(width, height);
                               m_frame.antialias = true;
                               if (auto s = m_renderer.render(m_frame); !s) return s;
                               const render::Capture c = m_renderer.capture();
                               return writePng(path, {c.width, c.height, c.rgba});
                           },
                           [this, &width, &height](int x, int y) {
                               buildFrame(width, height);
                               return m_explorer.pick(m_frame, x, y);
                           }};
    if (auto s = runCommands(m_options.commands, context); !s) report(s.error());
}

int Viewer::run() {
    int lastWidth = 0, lastHeight = 0;
    auto last = std::chrono::steady_clock::now();
    while (!m_quit && !m_window.shouldClose()) {
        int width = 0, height = 0;
        m_window.framebufferSize(width, height);
        if (width <= 0 || height <= 0) {  // minimised: nothing to draw, don't spin
            glfwWaitEventsTimeout(0.25);
            last = std::chrono::steady_clock::now();
            continue;
        }
        glfwPollEvents();
        const auto now = std::chrono::steady_clock::now();
        const float dt = std::min(std::chrono::duration<float>(now - last).count(), 0.25f);
        last = now;
        if (width != lastWidth || height != lastHeight) {
            m_camera.aspect = static_cast<float>(width) / static_cast<float>(height);
            lastWidth = width;
            lastHeight = height;
        }
        frame(width, height, dt);
    }
    return 0;
}

void Viewer::report(const std::string& message, bool asError) {
    asError ? log::error(message) : log::warning(message);
    m_ui.problems.push_back(message);
    if (asError) m_ui.showProblems = true;
}

void Viewer::reportMessages() {
    for (const std::string& error : m_errors) report(error);
    m_errors.clear();
    for (std::string& note : m_notes) m_ui.problems.push_back(std::move(note));
    m_notes.clear();
}

void Viewer::resetCamera() {
    const model::Pose pose = m_explorer.view().pose(m_ui.clip, 0.0f);
    m_camera.camera = initialCamera(m_options, model::posedBounds(m_explorer.view().scene(), pose), m_camera.aspect);
    m_camera.easing.cancel();
}

void Viewer::carryOut(const std::vector<ui::Command>& commands) {
    for (const ui::Command& c : commands) {
        switch (c.type) {
        case ui::CommandType::OpenModel: open(c.path); break;
        case ui::CommandType::SetView: m_camera.setView(c.view); break;
        case ui::CommandType::FrameAll: m_camera.frameSelection(m_explorer, m_ui.clip, m_ui.time); break;
        case ui::CommandType::ResetCamera: resetCamera(); break;
        case ui::CommandType::SaveScreenshot: m_screenshotRequested = true; break;
        case ui::CommandType::Quit: m_quit = true; break;
        case ui::CommandType::ClientLook: m_explorer.state().look = Look::Client; break;
        case ui::CommandType::AnatomyLook: m_explorer.state().look = Look::Anatomy; break;
        case ui::CommandType::SwitchMode: setMode(c.mode); break;
        }
    }
}

void Viewer::handlePicking(ModeContext& context) {
    const ImGuiIO& io = ImGui::GetIO();
    ExploreState& state = m_explorer.state();
    if (!io.WantCaptureKeyboard && ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        state.selected.clear();
        state.referrals.clear();
    }
    if (io.WantCaptureMouse || m_frame.width == 0) {
        state.hovered.clear();
        return;
    }
    const int x = static_cast<int>(io.MousePos.x * io.DisplayFramebufferScale.x);
    const int y = static_cast<int>(io.MousePos.y * io.DisplayFramebufferScale.y);
    const bool dragging = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Right);
    if (!dragging && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) state.hovered = m_mode->hoverAt(context, x, y);
    if (!state.hovered.empty() && !dragging && m_mode->selectionCover().empty()) {
        ImGui::SetTooltip("%s", displayName(m_explorer, state.hovered).c_str());
    }
    const bool click = ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16.0f;
    if (click) m_mode->bodyClicked(context, x, y, io.KeyShift);
}

void Viewer::advanceAnimation(float dt) {
    if (m_ui.clip < 0 || static_cast<std::size_t>(m_ui.clip) >= m_explorer.view().scene().clips.size()) return;
    m_ui.duration = m_explorer.view().scene().clips[static_cast<std::size_t>(m_ui.clip)].duration;
    if (!m_ui.playing) return;
    m_ui.time += dt * m_ui.speed;
    if (m_ui.time > m_ui.duration) {
        if (m_ui.loop && m_ui.duration > 0.0f) m_ui.time = std::fmod(m_ui.time, m_ui.duration);
        else {
            m_ui.time = m_ui.duration;
            m_ui.playing = false;
        }
    }
}

void Viewer::frame(int width, int height, float dt) {
    gl::imguiNewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    {
        ModeContext context = modeContext();
        m_mode->drawUi(context, m_desk);
        if (context.quit) m_quit = true;
    }
    reportMessages();
    carryOut(m_commands);  // may open a model or switch the mode
    m_commands.clear();
    {
        ModeContext context = modeContext();
        handlePicking(context);
        m_mode->moveCamera(context);
    }
    reportMessages();
    handleCameraInput(width, height);
    m_camera.update(dt);
    advanceAnimation(dt);
    m_clock += dt;
    m_ui.fps = m_ui.fps * 0.95f + (dt > 0.0f ? 1.0f / dt : 0.0f) * 0.05f;

    buildFrame(width, height);
    if (auto s = m_renderer.render(m_frame); !s) {
        report(s.error());
        m_quit = true;
    }
    if (m_screenshotRequested) saveScreenshot();
    m_renderer.presentToWindow(width, height);
    ImGui::Render();
    gl::imguiRender(ImGui::GetDrawData());
    m_window.swapBuffers();
}

void Viewer::buildFrame(int width, int height) {
    startFrame(m_frame, m_camera.camera, m_camera.aspect, width, height,
               {m_ui.smoothEdges, std::nullopt, m_ui.reducedDetail ? Detail::Reduced : Detail::Full});
    if (!m_explorer.view().empty()) {
        // The pose changes only while a clip plays; it is evaluated into the same storage.
        if (!m_pose || m_poseClip != m_ui.clip || m_poseTime != m_ui.time) {
            if (!m_pose) m_pose.emplace();
            m_explorer.pose(m_ui.clip, m_ui.time, *m_pose);
            m_poseClip = m_ui.clip;
            m_poseTime = m_ui.time;
        }
        m_explorer.addToFrame(*m_pose, m_clock, m_renderer, m_frame);
    }
    m_mode->addMarkers(m_frame);
}

void Viewer::handleCameraInput(int width, int height) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse) return;
    OrbitCamera& camera = m_camera.camera;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
        m_camera.easing.cancel();
        camera.orbit(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 1.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 1.0f)) {
        m_camera.easing.cancel();
        camera.pan(io.MouseDelta.x * io.DisplayFramebufferScale.x, io.MouseDelta.y * io.DisplayFramebufferScale.y, height);
    }
    if (io.MouseWheel != 0.0f) {
        m_camera.easing.cancel();
        camera.zoom(io.MouseWheel);
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        const int x = static_cast<int>(io.MousePos.x * io.DisplayFramebufferScale.x);
        const int y = static_cast<int>(io.MousePos.y * io.DisplayFramebufferScale.y);
        const auto goal = focusOnPixel(camera, m_camera.aspect, width, height, x, y, m_renderer.depthAt(x, y));
        if (goal) m_camera.moveTo(*goal);
    }
}

void Viewer::saveScreenshot() {
    m_screenshotRequested = false;
    if (!m_frame.antialias) {  // a saved picture always has smooth edges, whatever the live view costs
        m_frame.antialias = true;
        if (auto s = m_renderer.render(m_frame); !s) return report(s.error());
    }
    const render::Capture capture = m_renderer.capture();
    const std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "myomap-%Y%m%d-%H%M%S.png", std::localtime(&now));
    const std::filesystem::path folder = paths::userDataDir() / "screenshots";
    std::error_code ec;
    if (std::filesystem::create_directories(folder, ec)) std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);
    const auto path = folder / name;
    // The window may show a client's session (pain marks, notes): owner-only, as the sessions are.
    if (auto s = writePng(path, {capture.width, capture.height, capture.rgba}, files::Access::Private); !s)
        report(s.error());
    else log::info("screenshot saved to " + path.string());
}


int runViewer(const Options& options) {
    const ModeEntry* mode = findMode(options.mode);
    if (!mode) {
        log::error("there is no mode called '" + options.mode + "'");
        return 2;
    }
    const ModeScreen& screen = mode->screen;
    // The figure is read on another core while the window and its OpenGL context open (each
    // takes about 0.2 s on a software renderer); loading touches no OpenGL.
    const std::filesystem::path figure = options.model ? *options.model : paths::builtInFigure();
    auto loading = std::async(std::launch::async, [figure] { return model::loadModel(figure); });
    auto opened = openScreen({"Myomap", options.width, options.height, true, screen.fullscreen, screen.keepOpen});
    if (!opened) {
        log::error(opened.error());
        return 1;
    }
    Window& window = opened->window;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is not persisted: the app opens the same every time
    ImGui::StyleColorsLight();
    ui::loadUiFont(window.contentScale() * screen.typeScale, window.monitorHeight(), screen.largeFace);
    ImGui_ImplGlfw_InitForOpenGL(window.handle(), true);
    gl::imguiInit();
    int code = 0;
    {
        Viewer viewer(std::move(opened->window), std::move(opened->renderer), options);
        viewer.open(figure, loading.get());
        viewer.runStartCommands();
        code = options.bench.empty() ? viewer.run() : viewer.runBench();
        gl::imguiShutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext();
    return code;
}

}  // namespace myomap::app

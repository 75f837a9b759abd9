#include "app/viewer.h"

#include "app/viewer_impl.h"

#include "app/handout_maker.h"

#include "app/commands.h"
#include "app/explore_ui.h"
#include "app/explorer.h"
#include "app/headless.h"
#include "app/startup.h"
#include "app/kiosk_shell.h"
#include "app/kiosk_tour.h"
#include "app/therapist_tools.h"
#include "app/viewer_input.h"
#include "app/window.h"
#include "core/image.h"
#include "core/log.h"
#include "core/paths.h"
#include "model/loader.h"
#include "render/gl/imgui_backend.h"
#include "render/renderer.h"
#include "ui/explore_panel.h"
#include "ui/fonts.h"
#include "ui/learn_window.h"
#include "ui/muscle_panel.h"
#include "ui/search_box.h"
#include "ui/viewer_panel.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace myomap::app {
void Viewer::open(const std::filesystem::path& path) {
    auto scene = model::loadModel(path);
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
    setMode(m_mode);
    log::info("opened " + path.string() + " (" + m_ui.modelSummary + ")");
}

Status Viewer::makeHandout() {
    if (!m_therapist) return fail("handouts come from a therapist's session on the built-in figure");
    const session::Session& record = m_therapist->session().record();
    if (record.pain.empty() && record.treated.empty() && record.musclesExplored.empty()) {
        return fail("nothing for a handout yet: mark where it hurts, or explore a muscle, first");
    }
    HandoutRequest request;
    request.session = &record;
    auto handout = buildHandout(m_explorer, m_renderer, request);
    if (!handout) return fail("handout: " + handout.error());
    const std::filesystem::path folder = paths::userDataDir() / "handouts";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::filesystem::path pdf = folder / (record.id + ".pdf");
    if (auto s = handout::writeHandoutPdf(*handout, pdf); !s) return s;
    log::info("handout saved to " + pdf.string());
    m_ui.problems.push_back("Handout saved to " + pdf.string());
    return Ok{};
}

void Viewer::runStartCommands() {
    int width = 0, height = 0;
    m_window.framebufferSize(width, height);
    CommandContext context{m_explorer, m_camera, m_ui.clip, m_ui.time, width, height, std::cout,
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
    while (!m_quit) {
        if (m_window.shouldClose()) {
            if (!m_kiosk) break;
            m_window.refuseClose();  // a visitor cannot close the kiosk
        }
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
            m_aspect = static_cast<float>(width) / static_cast<float>(height);
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

void Viewer::resetCamera() {
    const model::Pose pose = m_explorer.view().pose(m_ui.clip, 0.0f);
    m_camera = initialCamera(m_options, model::posedBounds(m_explorer.view().scene(), pose), m_aspect);
    m_easing.cancel();
}

void Viewer::frameAll() {
    OrbitCamera goal = m_camera;
    goal.frame(model::posedBounds(m_explorer.view().scene(), m_explorer.view().pose(m_ui.clip, m_ui.time)), m_aspect);
    m_easing.start(goal);
}

void Viewer::frameSelection() {
    const model::Bounds bounds = m_explorer.selectionBounds(m_explorer.view().pose(m_ui.clip, m_ui.time));
    if (bounds.empty()) return frameAll();
    OrbitCamera goal = m_camera;
    goal.frame(bounds, m_aspect);
    goal.distance = std::max(goal.distance, 0.9f);  // keep some of the body around it in view
    m_easing.start(goal);
}

// Turns to the side of the body the selection lies on and frames it: a student asked to name
// the highlighted muscle sees it, even a deep one at the back.
void Viewer::faceSelection() {
    const model::Bounds bounds = m_explorer.selectionBounds(m_explorer.view().pose(m_ui.clip, m_ui.time));
    if (bounds.empty()) return;
    const anatomy::BodySurfaces* body = m_explorer.surfaces();
    const anatomy::MuscleSurface* muscle = body ? body->findMuscle(m_explorer.state().selected) : nullptr;
    const View view = muscle ? viewOnto(body->skin.positions, body->skin.indices, muscle->positions)
                             : myomap::viewFacing(bounds.centre().x, bounds.centre().z);
    OrbitCamera goal = m_camera;
    goal.face(bounds, view, m_aspect, 0.9f);
    m_easing.start(goal);
}

void Viewer::followReferral() {
    const std::vector<std::string>& referrals = m_explorer.state().referrals;
    const bool same = referrals.empty() ? m_referralFramed.empty() : referrals.front() == m_referralFramed;
    if (m_kiosk || !m_explorer.isFigure() || same) return;  // the kiosk frames its own; nothing new to frame
    m_referralFramed = referrals.empty() ? std::string() : referrals.front();  // copied only on a change
    if (m_referralFramed.empty()) return;
    const model::Pose pose = m_explorer.view().pose(m_ui.clip, m_ui.time);
    m_easing.start(cameraOnReferral(m_explorer, m_camera, m_referralFramed, pose, m_aspect, 0.9f));
}

void Viewer::setView(View v) {
    OrbitCamera goal = m_camera;
    goal.setView(v);
    m_easing.start(goal);
}

void Viewer::carryOut(const std::vector<ui::Command>& commands) {
    for (const ui::Command& c : commands) {
        switch (c.type) {
        case ui::CommandType::OpenModel: open(c.path); break;
        case ui::CommandType::SetView: setView(c.view); break;
        case ui::CommandType::FrameAll: frameSelection(); break;
        case ui::CommandType::ResetCamera: resetCamera(); break;
        case ui::CommandType::SaveScreenshot: m_screenshotRequested = true; break;
        case ui::CommandType::Quit: m_quit = true; break;
        case ui::CommandType::ClientLook: m_explorer.state().look = Look::Client; break;
        case ui::CommandType::AnatomyLook: m_explorer.state().look = Look::Anatomy; break;
        }
    }
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
    std::vector<ui::Command> commands;
    if (m_kiosk) {
        kioskFrame();
    } else {
        normalUi(commands);
    }
    carryOut(commands);
    handlePicking();
    followReferral();
    handleCameraInput(width, height);
    m_easing.update(m_camera, dt);
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
    m_frame.width = width;
    m_frame.height = height;
    m_frame.view = m_camera.view();
    m_frame.projection = m_camera.projection(m_aspect);
    m_frame.cameraPosition = m_camera.position();
    m_frame.antialias = m_ui.smoothEdges;
    m_frame.items.clear();
    m_frame.palettes.clear();
    m_frame.morphWeights.clear();
    m_frame.markers.clear();
    if (!m_explorer.view().empty()) {
        // The pose changes only while a clip plays; evaluating it allocates, so keep it.
        if (!m_pose || m_poseClip != m_ui.clip || m_poseTime != m_ui.time) {
            m_pose = m_explorer.view().pose(m_ui.clip, m_ui.time);
            m_poseClip = m_ui.clip;
            m_poseTime = m_ui.time;
        }
        m_explorer.addToFrame(*m_pose, m_clock, m_renderer, m_frame);
    }
    if (m_therapist) m_therapist->addMarkers(m_frame);
}

void Viewer::collectShortcuts(std::vector<ui::Command>& commands) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard) return;
    const ShortcutKeys keys{ImGui::IsKeyPressed(GLFW_KEY_A, false), ImGui::IsKeyPressed(GLFW_KEY_P, false),
                            ImGui::IsKeyPressed(GLFW_KEY_L, false), ImGui::IsKeyPressed(GLFW_KEY_R, false),
                            ImGui::IsKeyPressed(GLFW_KEY_F, false), ImGui::IsKeyPressed(GLFW_KEY_HOME, false),
                            ImGui::IsKeyPressed(GLFW_KEY_F12, false),
                            io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O, false),
                            io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_Q, false)};
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false)) {
        m_search.focusRequested = true;
        return;
    }
    if (keys.open) m_ui.openDialogRequested = true;
    shortcutCommands(keys, io.KeyCtrl, commands);
}

void Viewer::handleCameraInput(int width, int height) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse) return;
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
        m_easing.cancel();
        m_camera.orbit(io.MouseDelta.x, io.MouseDelta.y);
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 1.0f) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 1.0f)) {
        m_easing.cancel();
        m_camera.pan(io.MouseDelta.x * io.DisplayFramebufferScale.x, io.MouseDelta.y * io.DisplayFramebufferScale.y, height);
    }
    if (io.MouseWheel != 0.0f) {
        m_easing.cancel();
        m_camera.zoom(io.MouseWheel);
    }
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        const int x = static_cast<int>(io.MousePos.x * io.DisplayFramebufferScale.x);
        const int y = static_cast<int>(io.MousePos.y * io.DisplayFramebufferScale.y);
        const auto goal = focusOnPixel(m_camera, m_aspect, width, height, x, y, m_renderer.depthAt(x, y));
        if (goal) m_easing.start(*goal);
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
    auto window = Window::create({"Myomap", options.width, options.height, true, options.kiosk});
    if (!window) {
        log::error(window.error());
        return 1;
    }
    auto renderer = render::Renderer::create();
    if (!renderer) {
        log::error(renderer.error());
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // layout is not persisted: the app opens the same every time
    ImGui::StyleColorsLight();
    // The kiosk's type is read from a step back and pressed with fingers: larger.
    ui::loadUiFont(window->contentScale() * (options.kiosk ? 1.5f : 1.0f), window->monitorHeight(), !options.kiosk);
    ImGui_ImplGlfw_InitForOpenGL(window->handle(), true);
    gl::imguiInit();
    int code = 0;
    {
        Viewer viewer(std::move(window.value()), std::move(renderer.value()), options);
        viewer.open(options.model ? *options.model : paths::builtInFigure());
        viewer.runStartCommands();
        code = options.bench.empty() ? viewer.run() : viewer.runBench();
        gl::imguiShutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext();
    return code;
}

}  // namespace myomap::app

// The viewer's window session, shared by viewer.cpp (the loop, input routing, the frame) and
// viewer_bench.cpp (its frames timed). It holds one current mode and calls its hooks; the
// desk draws the usual screen. Internal to src/viewer.
#pragma once

#include "automation/options.h"
#include "explore/camera_moves.h"
#include "explore/explorer.h"
#include "modes/mode.h"
#include "render/renderer.h"
#include "ui/viewer_panel.h"
#include "viewer/desk.h"
#include "window/window.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myomap::app {

class Viewer {
public:
    Viewer(Window window, render::Renderer renderer, const Options& options);
    ~Viewer();
    Viewer(const Viewer&) = delete;
    Viewer& operator=(const Viewer&) = delete;

    void open(const std::filesystem::path& path);
    // The same with the file already loaded (start-up reads it while the window opens).
    void open(const std::filesystem::path& path, Result<model::Scene> scene);
    // Leaves the current mode and enters the one registered as `name` (modes/registry.h).
    void setMode(const std::string& name);

    // The command-line commands (--select, --referral, --layer ...) applied once at start.
    void runStartCommands();
    int run();
    // --bench: the viewer's frames timed (viewer_bench.cpp); prints one line of figures.
    int runBench();
    int benchPick(int width, int height);
    int benchReferrals();

private:
    struct MadeMode {
        std::string name;
        std::unique_ptr<Mode> mode;
    };

    // What the current mode works with during one call.
    ModeContext modeContext();
    // The errors and notes a mode or the desk left: into the log and the Problems window.
    void reportMessages();
    void report(const std::string& message, bool asError = true);
    void resetCamera();
    void carryOut(const std::vector<ui::Command>& commands);
    // Hover shows what is under the cursor; a click (not a drag) goes to the mode; Escape clears.
    void handlePicking(ModeContext& context);
    void advanceAnimation(float dt);
    void frame(int width, int height, float dt);
    void buildFrame(int width, int height);
    void handleCameraInput(int width, int height);
    void saveScreenshot();

    Window m_window;
    render::Renderer m_renderer;
    Options m_options;
    anatomy::Atlas m_atlas;
    Explorer m_explorer;
    ui::ViewerState m_ui;
    std::vector<ui::Command> m_commands;  // from the desk, carried out after the frame's UI
    ViewerDesk m_desk{m_ui, m_commands};
    std::vector<MadeMode> m_modes;  // every mode entered so far: each keeps its state between visits
    Mode* m_mode = nullptr;         // the current one, in m_modes
    std::vector<std::string> m_errors, m_notes;  // left by the mode and the desk (ModeContext)
    double m_clock = 0.0;  // seconds since start: the referral heat animates with it
    CameraRig m_camera;
    render::FrameData m_frame;
    std::optional<model::Pose> m_pose;  // of m_poseClip at m_poseTime, kept while they stay
    int m_poseClip = -1;
    float m_poseTime = 0.0f;
    bool m_quit = false;
    bool m_screenshotRequested = false;
};

}  // namespace myomap::app

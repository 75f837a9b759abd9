// The viewer's window session, shared by viewer.cpp (the loop, camera, frame) and
// viewer_explore.cpp (picking, panels, modes, the kiosk). Internal to src/app.
#pragma once

#include "app/cli.h"
#include "app/explorer.h"
#include "app/headless.h"
#include "app/kiosk_shell.h"
#include "app/therapist_tools.h"
#include "app/window.h"
#include "render/renderer.h"
#include "ui/explore_panel.h"
#include "ui/learn_window.h"
#include "ui/muscle_panel.h"
#include "ui/quiz_panel.h"
#include "ui/search_box.h"
#include "ui/viewer_panel.h"

#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myomap::app {

class Viewer {
public:
    Viewer(Window window, render::Renderer renderer, const Options& options)
        : m_window(std::move(window)), m_renderer(std::move(renderer)), m_options(options), m_atlas(loadAppAtlas()),
          m_mode(options.mode) {
        m_ui.rendererName = m_renderer.contextInfo().renderer;
        m_ui.softwareRenderer = m_renderer.isSoftware();
        m_ui.smoothEdges = !m_ui.softwareRenderer;
    }

    void open(const std::filesystem::path& path);
    // Therapist: the client session tools and plain language; student: full detail.
    void setMode(Mode mode);
    static long long unixNow() { return static_cast<long long>(std::time(nullptr)); }

    Status makeHandout();
    // The command-line commands (--select, --referral, --layer ...) applied once at start.
    void runStartCommands();
    int run();
    // --bench: the viewer's frames timed (viewer_bench.cpp); prints one line of figures.
    int runBench();
    int benchPick(int width, int height);
    int benchReferrals();

private:
    void report(const std::string& message, bool asError = true);
    void resetCamera();
    void frameAll();
    // Frames the selection (eased), or the whole model when nothing is selected.
    void frameSelection();
    void faceSelection();
    // Eases the camera to frame the referral when the first one shown changes (a muscle
    // selected, a trigger point played), so the pattern fills the view.
    void followReferral();
    void carryOut(const std::vector<ui::ExploreAction>& actions);
    // The muscle panel shows the selected muscle; closing it hides it until the next selection.
    void syncMusclePanel();
    void carryOut(const std::vector<ui::PanelAction>& actions);
    // Hover shows what is under the cursor; a click (not a drag) selects it, or shows a
    // trigger point's referral; a click on nothing and Escape clear.
    void handlePicking();
    void setView(View v);
    void carryOut(const std::vector<ui::Command>& commands);
    void advanceAnimation(float dt);
    void frame(int width, int height, float dt);
    // The kiosk: its own screen furniture, no menus or shortcuts; any touch is a visitor.
    void kioskFrame();
    void normalUi(std::vector<ui::Command>& commands);
    // Student mode: the quiz window, and on the body what its question points at or answers.
    void quizUi();
    // A quiz question is waiting for its answer: the body must not name what it shows.
    bool quizAsking() const;
    void buildFrame(int width, int height);
    void collectShortcuts(std::vector<ui::Command>& commands);
    void handleCameraInput(int width, int height);
    void saveScreenshot();

    Window m_window;
    render::Renderer m_renderer;
    Options m_options;
    anatomy::Atlas m_atlas;
    Explorer m_explorer;
    ui::ViewerState m_ui;
    ui::ExploreUi m_exploreUi;
    std::vector<ui::ExploreAction> m_exploreActions;
    ui::SearchState m_search;
    ui::MusclePanelState m_musclePanel;
    ui::LearnState m_learn;
    std::vector<ui::PanelAction> m_panelActions;
    std::string m_panelFor;  // the selection the muscle panel was last filled for
    Mode m_mode = Mode::Therapist;
    std::unique_ptr<TherapistTools> m_therapist;
    std::unique_ptr<KioskShell> m_kiosk;
    ui::QuizPanelState m_quiz;  // student mode
    std::vector<ui::PanelAction> m_quizActions;
    std::string m_referralFramed;  // the referral the camera last framed ("" for none)
    std::string m_quizShown;    // what the body shows for the quiz now (highlight or answer)
    double m_clock = 0.0;  // seconds since start: the referral heat animates with it
    OrbitCamera m_camera;
    CameraEasing m_easing;
    render::FrameData m_frame;
    std::optional<model::Pose> m_pose;  // of m_poseClip at m_poseTime, kept while they stay
    int m_poseClip = -1;
    float m_poseTime = 0.0f;
    float m_aspect = 1.6f;
    bool m_quit = false;
    bool m_screenshotRequested = false;
};

}  // namespace myomap::app

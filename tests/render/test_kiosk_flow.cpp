// The kiosk on the real figure: a scripted visitor changes what is shown, then goes quiet; when
// the controller resumes the tour, the step shown clears everything the visitor did.
#include "explore_fixture.h"

#include "modes/kiosk/kiosk_controller.h"
#include "modes/kiosk/kiosk_tour.h"

using namespace myomap;

TEST_CASE("kiosk: a visitor's changes are cleared when the tour resumes after the idle timeout") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    std::vector<std::string> problems;
    std::vector<app::KioskStep> tour =
        app::kioskTour(f.explorer, {"upper_trapezius", "gluteus_minimus", "no_such_muscle"}, problems);
    REQUIRE(tour.size() == 2);
    REQUIRE(problems.size() == 1);  // the unknown featured muscle is reported and left out
    CHECK(problems.front().find("no_such_muscle") != std::string::npos);
    CHECK(tour[0].caption.rfind("Upper trapezius: ", 0) == 0);

    app::KioskController kiosk(tour, {30.0, 10.0, 20.0}, "2468");
    const model::Pose pose = f.explorer.view().pose(-1, 0.0f);
    const auto showPending = [&](double now) {
        if (!kiosk.stepPending()) return;
        app::showTourStep(f.explorer, f.camera, pose, 1.6f, *kiosk.step(), now);
        kiosk.stepShown();
    };
    showPending(0.0);
    CHECK(f.explorer.state().selected == "upper_trapezius.R");
    CHECK(f.explorer.state().referrals == std::vector<std::string>{"upper_trapezius.tp1.R"});

    // A visitor: selects another muscle, hides the skin and a muscle, shows one side only.
    kiosk.visitorInput(3.0);
    REQUIRE(f.explorer.select("deltoid.L"));
    app::ExploreState& state = f.explorer.state();
    state.layer(app::FigureLayer::Skin).visible = false;
    state.hidden.insert("pectoralis_major.L");
    state.side = app::SideFilter::Left;
    state.referrals.clear();
    for (double t = 3.0; t < 32.9; t += 1.0) {
        kiosk.update(t);
        showPending(t);
    }
    CHECK(state.selected == "deltoid.L");  // still the visitor's
    kiosk.update(33.0);  // 30 s after the last touch
    REQUIRE(kiosk.touring());
    showPending(33.0);
    CHECK(state.selected == tour[1].muscle);
    CHECK(state.referrals == std::vector<std::string>{tour[1].triggerPoint});
    CHECK(state.layer(app::FigureLayer::Skin).visible);
    CHECK(state.hidden.empty());
    CHECK(state.side == app::SideFilter::Both);
}

// The kiosk's own screen (KioskShell, the overlay, Dear ImGui) driven frame by frame with input
// the way the GLFW backend feeds it, without a window manager: floods of typed text, taps
// everywhere, the PIN pad found on screen and pressed like a finger would.
#include "modes/kiosk/kiosk_shell.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <map>
#include <optional>
#include <random>

namespace {

struct KioskScreen {
    test::ExploreFixture& f = test::ExploreFixture::get();
    std::vector<std::string> problems;
    std::unique_ptr<app::KioskShell> shell;
    app::CameraEasing easing;
    model::Pose pose;
    double now = 0.0;

    KioskScreen() {
        f.reset();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280.0f, 800.0f);
        io.DeltaTime = 1.0f / 30.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the font atlas; nothing is drawn
        pose = f.explorer.view().pose(-1, 0.0f);
        shell = std::make_unique<app::KioskShell>(f.explorer, f.atlas, session::KioskConfig{}, problems);
    }
    ~KioskScreen() {
        shell.reset();
        ImGui::DestroyContext();
    }
    // One frame; `input` / `chord` as the viewer computes them from the keys and buttons.
    void frame(bool input = false, bool chord = false) {
        now += 1.0 / 30.0;
        ImGui::NewFrame();
        shell->update(now, input, chord, f.camera, easing, pose, 1.6f);
        shell->draw(now);
        ImGui::Render();
    }
    // A finger on (x, y): down one frame, up the next (Dear ImGui 1.86 sees one change a frame).
    void tap(ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        io.MouseDown[0] = true;
        frame(true);
        io.MouseDown[0] = false;
        frame(true);
    }
    ImRect padRect() const {
        ImGuiWindow* pad = ImGui::FindWindowByName("Staff exit");
        return pad && pad->Active ? pad->Rect() : ImRect();
    }
};

}  // namespace

TEST_CASE("kiosk: a megabyte of typed or pasted text and floods of taps change nothing a visitor should reach") {
    KioskScreen k;
    for (int i = 0; i < 5; ++i) k.frame();
    // 1 MiB of text typed at the tour and at the PIN pad: there is no text field to take it.
    std::string flood(1 << 20, '7');
    for (std::size_t i = 0; i < flood.size(); i += 97) flood[i] = static_cast<char>('0' + i % 10);
    ImGui::GetIO().AddInputCharactersUTF8(flood.c_str());
    k.frame(true);
    k.frame(true, true);  // the staff chord: the pad opens
    REQUIRE(k.shell->controller().phase() == app::KioskPhase::PinEntry);
    ImGui::GetIO().AddInputCharactersUTF8(flood.c_str());
    ImGui::SetClipboardText(flood.c_str());
    k.frame(true);
    CHECK(k.shell->overlay().pinTyped.empty());
    CHECK_FALSE(k.shell->exitAllowed());

    // Taps all over the screen, hundreds of them, with the pad open and closed.
    std::mt19937 random(4242);
    std::uniform_real_distribution<float> x(0.0f, 1280.0f), y(0.0f, 800.0f);
    std::size_t longest = 0;
    for (int i = 0; i < 400; ++i) {
        if (i % 100 == 0) k.frame(true, true);
        k.tap(ImVec2(x(random), y(random)));
        longest = std::max(longest, k.shell->overlay().pinTyped.size());
        REQUIRE_FALSE(k.shell->exitAllowed());
    }
    CHECK(longest <= ui::kMaxPinDigits);
    CHECK(k.shell->controller().wrongPins() <= 1 + app::kFreePinTries);  // the lock holds guessing back
}

TEST_CASE("kiosk: the PIN pad pressed like a finger - wrong PINs lock it with a message, the right one exits") {
    KioskScreen k;
    for (int i = 0; i < 5; ++i) k.frame();
    k.frame(true, true);
    k.frame();
    const ImRect pad = k.padRect();
    REQUIRE(pad.GetWidth() > 0.0f);
    // Where the keys are: the pad fits its content (1 2 3 / 4 5 6 / 7 8 9 / Clear 0 OK, then
    // Cancel at the bottom), keys touch * 1.2 wide and touch high; checked by typing below.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float touch = ImGui::GetFontSize() * 3.0f, keyWidth = touch * 1.2f;
    const float bottom = pad.Max.y - style.WindowPadding.y - touch - style.ItemSpacing.y;  // above Cancel
    const auto keyAt = [&](int row, int column) {
        return ImVec2(pad.Min.x + style.WindowPadding.x + static_cast<float>(column) * (keyWidth + style.ItemSpacing.x) +
                          keyWidth * 0.5f,
                      bottom - static_cast<float>(3 - row) * (touch + style.ItemSpacing.y) - touch * 0.5f);
    };
    std::map<char, ImVec2> keys;
    for (int d = 1; d <= 9; ++d) keys[static_cast<char>('0' + d)] = keyAt((d - 1) / 3, (d - 1) % 3);
    keys['0'] = keyAt(3, 1);
    const ImVec2 clear = keyAt(3, 0), ok = keyAt(3, 2);
    for (char c : std::string("12345678")) k.tap(keys[c]);
    k.tap(keys['9']);  // a ninth digit is not taken
    k.tap(keys['0']);
    REQUIRE(k.shell->overlay().pinTyped == "12345678");
    k.tap(clear);
    for (char c : std::string("90")) k.tap(keys[c]);
    REQUIRE(k.shell->overlay().pinTyped == "90");
    k.tap(clear);
    REQUIRE(k.shell->overlay().pinTyped.empty());
    REQUIRE(k.shell->controller().wrongPins() == 0);
    const auto enter = [&](const std::string& pin) {
        if (k.shell->controller().phase() != app::KioskPhase::PinEntry) {
            k.frame(true, true);
            k.frame();
        }
        for (char c : pin) k.tap(keys[c]);
        k.tap(ok);
    };
    for (int i = 0; i < app::kFreePinTries; ++i) {
        enter("1357");
        CHECK_FALSE(k.shell->exitAllowed());
    }
    REQUIRE(k.shell->controller().wrongPins() == app::kFreePinTries);
    // Locked: the pad opens with the wait, no keys, and the right PIN cannot be typed.
    k.frame(true, true);
    k.frame();
    CHECK(k.shell->overlay().pinLockSeconds > 0.0f);
    enter("2468");
    CHECK_FALSE(k.shell->exitAllowed());
    CHECK(k.shell->overlay().pinTyped.empty());
    // After the wait the right PIN, pressed on the pad, lets staff out.
    k.now += app::kPinLockSeconds;
    k.frame();
    enter("2468");
    CHECK(k.shell->exitAllowed());
}

// A visitor asks "Where does it hurt?", taps Calf: the muscles come with the calm warning that
// red_flags.json gives the calf (a blood clot), and "When to see a doctor" opens that page.
TEST_CASE("kiosk: a visitor tapping the calf sees the blood clot warning and reaches the red-flags page") {
    KioskScreen k;
    for (int i = 0; i < 5; ++i) k.frame();
    // Where a button is on screen: the mouse is moved over the window until Dear ImGui says the
    // button with that label is under it (frames without a touch, so nothing is pressed).
    const auto find = [&](const char* window, const char* label) -> std::optional<ImVec2> {
        for (int i = 0; i < 2; ++i) k.frame();  // a window that just grew has its new size
        ImGuiWindow* w = ImGui::FindWindowByName(window);
        if (!w || !w->Active) return std::nullopt;
        const ImRect rect = w->Rect();
        const ImGuiID id = w->GetID(label);
        const double started = k.now;  // looking takes no time: the idle timeout must not run out
        for (float y = rect.Min.y + 4.0f; y < rect.Max.y; y += 10.0f) {
            for (float x = rect.Min.x + 4.0f; x < rect.Max.x; x += 20.0f) {
                ImGui::GetIO().MousePos = ImVec2(x, y);
                k.frame();
                k.now = started;
                if (ImGui::GetCurrentContext()->HoveredId == id) return ImVec2(x, y);
            }
        }
        return std::nullopt;
    };
    const auto press = [&](const char* window, const char* label) {
        const auto at = find(window, label);
        const std::string missing = std::string(label) + " is not on screen";
        REQUIRE_MESSAGE(at.has_value(), missing);
        k.tap(*at);
    };
    press("##controls", "Where does it hurt?");
    REQUIRE(k.shell->overlay().regionsOpen);
    press("##controls", "Calf");
    REQUIRE(k.shell->overlay().foundFor == "Calf");
    REQUIRE_FALSE(k.shell->overlay().foundLabels.empty());
    CHECK(k.shell->overlay().foundLabels.front().find("oleus") != std::string::npos);  // the pain guide's first
    REQUIRE(k.shell->overlay().warnings.size() == 1);
    CHECK(k.shell->overlay().warnings.front().find("blood clot") != std::string::npos);

    // Under the muscles found, above the way to the whole page, which stands in for the controls.
    press("##controls", "When to see a doctor");
    REQUIRE(k.shell->overlay().doctorOpen);
    REQUIRE(k.shell->overlay().doctorPage != nullptr);
    CHECK(k.shell->overlay().doctorPage->id == "red_flags");
    k.frame();
    ImGuiWindow* controls = ImGui::FindWindowByName("##controls");
    CHECK((controls == nullptr || !controls->Active));
    press("##doctor", "Close");
    CHECK_FALSE(k.shell->overlay().doctorOpen);

    // Another region without a look-alike clears the warning.
    if (!k.shell->overlay().regionsOpen) press("##controls", "Where does it hurt?");
    press("##controls", "Heel");
    CHECK(k.shell->overlay().foundFor == "Heel");
    CHECK(k.shell->overlay().warnings.empty());
}

#include "modes/kiosk/kiosk_mode.h"

#include "core/log.h"
#include "modes/kiosk/kiosk_shell.h"
#include "session/kiosk_config.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <filesystem>
#include <memory>
#include <optional>

namespace myomap::app {
namespace {

class KioskMode final : public Mode {
public:
    explicit KioskMode(std::optional<std::filesystem::path> configFile) : m_configFile(std::move(configFile)) {}

    Reading reading() const override { return {ui::ReadingLevel::Client, true}; }
    void enter(ModeContext& context) override;
    void drawUi(ModeContext& context, Desk& desk) override;
    std::string hoverAt(ModeContext& context, int x, int y) override;
    void bodyClicked(ModeContext& context, int x, int y, bool shift) override;
    // The tour moves the camera itself (KioskShell::update).
    void moveCamera(ModeContext&) override {}

private:
    std::optional<std::filesystem::path> m_configFile;
    std::unique_ptr<KioskShell> m_shell;  // made on the figure, once
};

}  // namespace

void KioskMode::enter(ModeContext& context) {
    // A whole person with the pain on the skin, for the waiting room.
    context.explorer.state().look = Look::Client;
    if (m_shell || !context.explorer.isFigure()) return;
    const session::KioskConfigLoad config = session::loadKioskConfig(m_configFile);
    std::vector<std::string> problems = config.problems;
    m_shell = std::make_unique<KioskShell>(context.explorer, context.atlas, config.config, problems);
    for (const std::string& p : problems) log::warning(p);
}

void KioskMode::drawUi(ModeContext& context, Desk& desk) {
    if (!m_shell) return desk.draw(context, *this);
    // Any touch, click or key is a visitor; the staff chord opens the PIN pad.
    const ImGuiIO& io = ImGui::GetIO();
    bool input = io.MouseWheel != 0.0f || ImGui::IsAnyItemActive();
    for (int b = 0; b < 3; ++b) input = input || ImGui::IsMouseClicked(b);
    for (int k = GLFW_KEY_SPACE; k <= GLFW_KEY_LAST && !input; ++k) input = ImGui::IsKeyPressed(k, false);
    const bool chord = io.KeyCtrl && io.KeyAlt && io.KeyShift && ImGui::IsKeyPressed(GLFW_KEY_Q, false);
    CameraRig& rig = context.camera;
    m_shell->update(context.now, input, chord, rig.camera, rig.easing, context.pose(), rig.aspect);
    m_shell->draw(context.now);
    if (m_shell->exitAllowed()) context.quit = true;
}

std::string KioskMode::hoverAt(ModeContext& context, int x, int y) {
    if (!m_shell) return Mode::hoverAt(context, x, y);
    return context.explorer.pick(context.frame, x, y);  // the skin's regions count
}

void KioskMode::bodyClicked(ModeContext& context, int x, int y, bool shift) {
    if (!m_shell) return Mode::bodyClicked(context, x, y, shift);
    // A visitor taps a place on the body: the skin's region counts.
    if (const std::string tapped = context.explorer.pick(context.frame, x, y); !tapped.empty()) {
        m_shell->bodyTapped(tapped, context.now);
    }
}

ModeEntry kioskModeEntry() {
    // Read from a step back and pressed with fingers: larger type; the large face is not needed.
    return {kKioskModeName, "", {true, true, 1.5f, false},
            [](const ModeSettings& settings) { return std::make_unique<KioskMode>(settings.config); }};
}

}  // namespace myomap::app

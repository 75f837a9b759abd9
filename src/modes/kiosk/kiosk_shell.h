// The kiosk in the window: the tour when nobody is there, the visitor's controls when someone
// is, everything cleared after the idle timeout, and the staff exit behind the key chord and
// the PIN. The viewer hands it input and time; it drives the explorer and the camera.
#pragma once

#include "anatomy/pain_finder.h"
#include "explore/camera.h"
#include "explore/explorer.h"
#include "modes/kiosk/kiosk_controller.h"
#include "session/kiosk_config.h"
#include "ui/kiosk_overlay.h"

#include <memory>

namespace myomap::app {

class KioskShell {
public:
    KioskShell(Explorer& explorer, const anatomy::Atlas& atlas, const session::KioskConfig& config,
               std::vector<std::string>& problems);

    // Once a frame: `input` when the visitor touched, clicked or typed; `chord` for the staff
    // key chord. Moves the camera to a new tour step through `easing`.
    void update(double now, bool input, bool chord, OrbitCamera& camera, CameraEasing& easing, const model::Pose& pose,
                float aspect);
    void draw(double now);
    // The visitor tapped the body: select the muscle there and play its main referral.
    void bodyTapped(const std::string& picked, double now);
    bool exitAllowed() const { return m_exit; }
    const KioskController& controller() const { return m_kiosk; }
    const ui::KioskUi& overlay() const { return m_ui; }

private:
    void resetVisitorUi();

    Explorer& m_explorer;
    const anatomy::Atlas& m_atlas;
    KioskController m_kiosk;
    std::unique_ptr<anatomy::PainFinder> m_finder;
    ui::KioskUi m_ui;
    std::vector<ui::KioskAction> m_actions;
    std::vector<std::string> m_regionIds;
    std::vector<std::string> m_found;  // sided trigger points behind m_ui.foundLabels
    bool m_exit = false;
};

}  // namespace myomap::app

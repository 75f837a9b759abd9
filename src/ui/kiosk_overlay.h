// The kiosk's screen furniture, sized for fingers (a finger is about 10 mm: buttons here are
// at least 3 font heights tall): the clinic's banner, the tour caption, "Where does it hurt?"
// with its region buttons and the muscles found, the warnings that go with the region and
// "When to see a doctor" (the red-flags page), "Start again", and the exit PIN pad.
#pragma once

#include "anatomy/atlas.h"

#include <glm/vec3.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace myomap::ui {

inline constexpr std::size_t kMaxPinDigits = 8;  // the longest PIN a kiosk file may set (session/kiosk_config.h)

struct KioskUi {
    std::string clinicName;
    std::string message;
    glm::vec3 accent{0.18f, 0.53f, 0.76f};  // sRGB
    bool touring = true;
    std::string caption;             // the tour step's line
    bool regionsOpen = false;        // the "Where does it hurt?" buttons are up
    std::vector<std::string> regionLabels;
    std::vector<std::string> foundLabels;  // muscles for the region chosen
    std::string foundFor;                  // "Temple"
    bool pinOpen = false;
    std::string pinTyped;     // at most kMaxPinDigits
    float pinLockSeconds = 0.0f;  // > 0: too many wrong PINs, the pad takes none for this long
    std::string selectedLabel;  // the muscle being shown to the visitor
    std::string selectedText;   // its plain-language referral
    std::string disclaimer;     // the atlas's, under what is shown to the visitor
    // The region chosen has an urgent look-alike (Atlas::warningsFor): its plain-language
    // warnings, shown with the muscles found, above the way to the red-flags page.
    std::vector<std::string> warnings;
    const anatomy::Page* doctorPage = nullptr;  // the red-flags page; null hides the button
    bool doctorOpen = false;                    // the page is up
};

enum class KioskActionType {
    OpenRegions,
    CloseRegions,
    ChooseRegion,
    ChooseFound,
    StartAgain,
    SubmitPin,
    CancelPin,
    OpenDoctorPage,
    CloseDoctorPage
};

struct KioskAction {
    KioskActionType type;
    int index = -1;
};

void drawKioskOverlay(KioskUi& ui, std::vector<KioskAction>& actions);

}  // namespace myomap::ui

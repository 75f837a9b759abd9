#include "modes/registry.h"

#include "modes/kiosk/kiosk_mode.h"
#include "modes/student/student_mode.h"
#include "modes/therapist/therapist_mode.h"

namespace myomap::app {
namespace {

std::vector<ModeEntry>& entries() {
    // The built-in modes, one line each; the first is the default.
    static std::vector<ModeEntry> modes = {
        therapistModeEntry(),
        studentModeEntry(),
        kioskModeEntry(),
    };
    return modes;
}

}  // namespace

const std::vector<ModeEntry>& allModes() { return entries(); }

const ModeEntry* findMode(std::string_view name) {
    for (const ModeEntry& entry : entries()) {
        if (entry.name == name) return &entry;
    }
    return nullptr;
}

void registerMode(ModeEntry entry) {
    for (ModeEntry& existing : entries()) {
        if (existing.name == entry.name) {
            existing = std::move(entry);
            return;
        }
    }
    entries().push_back(std::move(entry));
}

}  // namespace myomap::app

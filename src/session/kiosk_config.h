// The clinic kiosk's settings: branding, the attract loop's featured muscles, the idle timeout
// and the exit PIN, from a small JSON file (assets/kiosk.example.json, docs/KIOSK.md). Loading
// never fails: an unattended kiosk must start, so every problem is reported and the field it
// concerns falls back to its default while the rest of the file still applies.
#pragma once

#include <glm/vec3.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myomap::session {

struct KioskConfig {
    std::string clinicName = "Myomap";
    std::string message = "Touch the body to see where pain can come from.";
    glm::vec3 accent{0x2e / 255.0f, 0x86 / 255.0f, 0xc1 / 255.0f};      // "#2E86C1"
    glm::vec3 background{0x12 / 255.0f, 0x16 / 255.0f, 0x1c / 255.0f};  // "#12161C"
    std::vector<std::string> featuredMuscles = {"upper_trapezius", "levator_scapulae", "gluteus_minimus",
                                                "infraspinatus", "sternocleidomastoid"};
    double idleTimeoutSeconds = 90;
    std::string exitPin = "2468";
    double attractStepSeconds = 12;
    bool operator==(const KioskConfig&) const = default;
};

struct KioskConfigLoad {
    KioskConfig config;
    std::vector<std::string> problems;  // each names the file, the field and what is wrong
};

// Limits, shared with docs/KIOSK.md.
inline constexpr std::uintmax_t kMaxKioskConfigBytes = 64u << 10;
inline constexpr double kMinIdleTimeoutSeconds = 10, kMaxIdleTimeoutSeconds = 3600;
inline constexpr double kMinAttractStepSeconds = 3, kMaxAttractStepSeconds = 600;
inline constexpr std::size_t kMinPinDigits = 4, kMaxPinDigits = 8;
inline constexpr std::size_t kMaxClinicNameLength = 80, kMaxMessageLength = 300;
inline constexpr std::size_t kMaxFeaturedMuscles = 50;

// No file: the defaults, no problems. Otherwise the file's valid fields over the defaults.
KioskConfigLoad loadKioskConfig(const std::optional<std::filesystem::path>& file);

// Parses "#RRGGBB" (either case) into 0-1 components.
std::optional<glm::vec3> parseHexColour(const std::string& text);

}  // namespace myomap::session

#include "session/kiosk_config.h"

#include "core/files.h"
#include "session/json_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace myomap::session {
namespace {

using detail::childPath;
using detail::describeValue;
using detail::Json;

// Shallow by design: the deepest value is a list of strings.
constexpr int kMaxKioskJsonDepth = 8;

constexpr std::array<std::string_view, 8> kFields = {"clinicName", "message",           "accent",
                                                     "background", "featuredMuscles",   "idleTimeoutSeconds",
                                                     "exitPin",    "attractStepSeconds"};

std::string formatNumber(double value) {
    std::string text = Json(value).dump();
    if (text.size() > 2 && text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}

std::string hexOf(const glm::vec3& colour) {
    static const char* digits = "0123456789ABCDEF";
    std::string out = "#";
    for (int i = 0; i < 3; ++i) {
        const int v = static_cast<int>(std::lround(std::clamp(colour[i], 0.0f, 1.0f) * 255.0f));
        out += digits[v >> 4];
        out += digits[v & 15];
    }
    return out;
}

bool isMuscleId(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

class Reader {
public:
    Reader(std::string file, const Json& root, std::vector<std::string>& problems)
        : m_file(std::move(file)), m_root(root), m_problems(problems) {}

    void problem(std::string_view key, const std::string& what, const std::string& fallback) {
        m_problems.push_back("'" + m_file + "': " + childPath("", key) + ": " + what + "; using the default " +
                             fallback);
    }

    const Json* field(std::string_view key) {
        const auto it = m_root.find(key);
        return it == m_root.end() ? nullptr : &*it;
    }

    void text(std::string_view key, std::string& out, std::size_t maxLength) {
        const Json* value = field(key);
        if (!value) return;
        const std::string fallback = "\"" + out + "\"";
        if (!value->is_string()) return problem(key, "expected a string, found " + describeValue(*value), fallback);
        const std::string text = value->get<std::string>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos) return problem(key, "must not be empty", fallback);
        if (text.size() > maxLength) {
            return problem(key,
                           "is " + std::to_string(text.size()) + " characters long; at most " +
                               std::to_string(maxLength) + " fit on the screen",
                           fallback);
        }
        out = text;
    }

    void colour(std::string_view key, glm::vec3& out) {
        const Json* value = field(key);
        if (!value) return;
        const std::string fallback = "\"" + hexOf(out) + "\"";
        const auto parsed = value->is_string() ? parseHexColour(value->get<std::string>()) : std::nullopt;
        if (!parsed) return problem(key, "expected a colour \"#RRGGBB\", found " + describeValue(*value), fallback);
        out = *parsed;
    }

    void seconds(std::string_view key, double& out, double min, double max) {
        const Json* value = field(key);
        if (!value) return;
        const std::string fallback = formatNumber(out) + " s";
        const std::string range = "from " + formatNumber(min) + " to " + formatNumber(max) + " seconds";
        if (!value->is_number())
            return problem(key, "expected a number of seconds " + range + ", found " + describeValue(*value), fallback);
        const double seconds = value->get<double>();
        if (!std::isfinite(seconds) || seconds < min || seconds > max) {
            return problem(key, "must be " + range + ", found " + value->dump(), fallback);
        }
        out = seconds;
    }

    void pin(std::string_view key, std::string& out) {
        const Json* value = field(key);
        if (!value) return;
        const std::string fallback = "\"" + out + "\"";
        const std::string rule = std::to_string(kMinPinDigits) + " to " + std::to_string(kMaxPinDigits) + " digits";
        if (!value->is_string()) {
            return problem(
                key,
                "expected " + rule + " in quotes (a string, so leading zeros survive), found " + describeValue(*value),
                fallback);
        }
        const std::string pin = value->get<std::string>();
        const bool digits = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || pin.size() < kMinPinDigits || pin.size() > kMaxPinDigits) {
            return problem(key,
                           "must be " + rule + ", found a PIN of " + std::to_string(pin.size()) + " characters" +
                               (digits ? "" : " that are not all digits"),
                           fallback);
        }
        out = pin;
    }

    void muscles(std::string_view key, std::vector<std::string>& out) {
        const Json* value = field(key);
        if (!value) return;
        const std::string fallback = "list of " + std::to_string(out.size()) + " muscles";
        if (!value->is_array())
            return problem(key, "expected a list of muscle ids, found " + describeValue(*value), fallback);
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < value->size(); ++i) {
            const Json& item = (*value)[i];
            if (item.is_string() && isMuscleId(item.get<std::string>())) {
                if (std::find(ids.begin(), ids.end(), item.get<std::string>()) == ids.end())
                    ids.push_back(item.get<std::string>());
                continue;
            }
            m_problems.push_back("'" + m_file + "': " + childPath(childPath("", key), i) +
                                 ": expected a muscle id in snake_case (\"upper_trapezius\"), found " +
                                 describeValue(item) + "; skipped");
        }
        if (ids.empty()) return problem(key, "has no usable muscle ids", fallback);
        if (ids.size() > kMaxFeaturedMuscles) {
            return problem(key,
                           "has " + std::to_string(ids.size()) + " muscles; at most " +
                               std::to_string(kMaxFeaturedMuscles) + " are toured",
                           fallback);
        }
        out = std::move(ids);
    }

    void unknownFields() {
        for (const auto& [key, value] : m_root.items()) {
            if (std::find(kFields.begin(), kFields.end(), key) != kFields.end()) continue;
            std::string known;
            for (std::string_view name : kFields) known += (known.empty() ? "" : ", ") + std::string(name);
            m_problems.push_back("'" + m_file + "': " + childPath("", key) +
                                 ": unknown field (ignored); the fields are " + known);
        }
    }

private:
    std::string m_file;
    const Json& m_root;
    std::vector<std::string>& m_problems;
};

}  // namespace

std::optional<glm::vec3> parseHexColour(const std::string& text) {
    if (text.size() != 7 || text[0] != '#') return std::nullopt;
    glm::vec3 out{};
    for (int i = 0; i < 3; ++i) {
        int v = 0;
        for (int k = 0; k < 2; ++k) {
            const char c = text[static_cast<std::size_t>(1 + 2 * i + k)];
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) return std::nullopt;
            v = v * 16 + d;
        }
        out[i] = static_cast<float>(v) / 255.0f;
    }
    return out;
}

KioskConfigLoad loadKioskConfig(const std::optional<std::filesystem::path>& file) {
    KioskConfigLoad load;
    if (!file) return load;
    const std::string name = file->string();
    auto bytes = files::readBytes(*file, kMaxKioskConfigBytes);
    if (!bytes) {
        load.problems.push_back("kiosk settings not read: " + bytes.error() + "; using the defaults for every field");
        return load;
    }
    std::string parseError;
    const auto root = detail::parseJson(std::string(bytes->begin(), bytes->end()), kMaxKioskJsonDepth, parseError);
    if (!root || !root->is_object()) {
        const std::string why = root ? "expected an object of settings, found " + describeValue(*root) : parseError;
        load.problems.push_back("'" + name + "': " + why + "; using the defaults for every field");
        return load;
    }
    KioskConfig& c = load.config;
    Reader r(name, *root, load.problems);
    r.text("clinicName", c.clinicName, kMaxClinicNameLength);
    r.text("message", c.message, kMaxMessageLength);
    r.colour("accent", c.accent);
    r.colour("background", c.background);
    r.muscles("featuredMuscles", c.featuredMuscles);
    r.seconds("idleTimeoutSeconds", c.idleTimeoutSeconds, kMinIdleTimeoutSeconds, kMaxIdleTimeoutSeconds);
    r.pin("exitPin", c.exitPin);
    r.seconds("attractStepSeconds", c.attractStepSeconds, kMinAttractStepSeconds, kMaxAttractStepSeconds);
    r.unknownFields();
    return load;
}

}  // namespace myomap::session

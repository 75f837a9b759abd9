// A therapist's session record: where the client feels pain, which muscles were explored, which
// trigger points were treated and for how long, and free notes. Plain data with a JSON round
// trip that validates everything it reads; SessionStore (session_store.h) keeps them on disk.
#pragma once

#include "core/result.h"

#include <glm/vec3.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::session {

// The only format version this build reads and writes.
inline constexpr int kSessionVersion = 1;

struct PainMark {
    std::string region;              // body region id, e.g. "temple.R"
    std::optional<glm::vec3> point;  // on the skin, metres (absent when only a region was chosen)
    int intensity = 0;               // 0-10
    bool operator==(const PainMark&) const = default;
};

struct TreatedPoint {
    std::string triggerPoint;  // "upper_trapezius.tp1.R"
    int holdSeconds = 0;
    std::string at;  // ISO 8601 time
    bool operator==(const TreatedPoint&) const = default;
};

struct Session {
    int version = kSessionVersion;
    std::string id;                 // "2026-12-01T14-03-22" style; see isValidSessionId
    std::string created, modified;  // ISO 8601 UTC
    std::string clientLabel;        // free text, optional
    std::vector<PainMark> pain;
    std::vector<std::string> musclesExplored;  // sided mesh names, "upper_trapezius.R"
    std::vector<TreatedPoint> treated;
    std::string notes;
    bool operator==(const Session&) const = default;
};

// Limits on what a session file may hold: far above any real session, far below trouble.
inline constexpr int kMaxSessionJsonDepth = 64;
inline constexpr std::size_t kMaxSessionIdLength = 64;

// 1-64 characters from [A-Za-z0-9_-]: safe as a file name, cannot name a folder or escape one.
bool isValidSessionId(std::string_view id);
// Why `id` is not valid ("" when it is), for messages.
std::string sessionIdProblem(std::string_view id);

// An id from a UTC time in seconds since the epoch: "2026-12-01T14-03-22".
std::string sessionIdForTime(long long unixSeconds);
// ISO 8601 UTC: "2026-12-01T14:03:22Z".
std::string isoUtc(long long unixSeconds);

// Pretty-printed JSON (2-space indent, trailing newline).
std::string toJson(const Session& session);

// Parses and validates. Errors name `fileNameForMessages`, the JSON path (RFC 6901 pointer,
// "/pain/2/intensity") and the problem. Unknown fields are ignored; nesting deeper than
// kMaxSessionJsonDepth is refused before parsing.
Result<Session> sessionFromJson(const std::string& text, const std::string& fileNameForMessages);

}  // namespace myomap::session

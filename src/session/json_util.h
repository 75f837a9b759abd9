// Defensive JSON reading shared by session.cpp and kiosk_config.cpp: a nesting-depth pre-scan
// (nlohmann parses recursively, so a 10,000-deep file must be refused before it parses), JSON
// pointers for messages, and short descriptions of values. Internal to src/session.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace myomap::session::detail {

using Json = nlohmann::json;

// The line and column (1-based) of a byte offset, for messages.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};
TextPosition positionOf(std::string_view text, std::size_t offset);

// Parses `text` after the depth check; on failure returns nullopt and sets `error` to a short
// message ("invalid JSON: ... at line 3, column 7" or "nested more than 64 levels ...").
std::optional<Json> parseJson(const std::string& text, int depthLimit, std::string& error);

// JSON pointer of a member or an element below `parent` (RFC 6901 escaping).
std::string childPath(const std::string& parent, std::string_view key);
std::string childPath(const std::string& parent, std::size_t index);

// "a number (1.5)", "a string of 3 bytes", "a list", ...: what a value is, for "expected X, found Y".
std::string describeValue(const Json& value);

}  // namespace myomap::session::detail

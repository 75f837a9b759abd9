// A pre-scan of JSON text for nesting depth, run before any parser or recursive walk sees a
// file, so that one nested thousands of levels deep is refused instead of overflowing the stack.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace myomap::json {

// The offset where nesting of objects and arrays first goes past `maxDepth`, if it does.
// Brackets inside strings (escapes included) do not count.
std::optional<std::size_t> tooDeepAt(std::string_view text, int maxDepth);

}  // namespace myomap::json

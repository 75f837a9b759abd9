// How a message offers alternatives, one wording everywhere: "a, b or c", and after an unknown
// name "; did you mean 'a' or 'b'?" (the explorer, scripts, query, the atlas checks).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace myomap {

// "a", "a or b", "a, b or c"; each item between `quote` marks when one is given.
std::string orList(std::span<const std::string> items, std::string_view quote = {});
std::string orList(std::span<const std::string_view> items, std::string_view quote = {});

// "; did you mean 'a', 'b' or 'c'?" for the close names found, "" for none.
std::string didYouMean(std::span<const std::string> close);

}  // namespace myomap

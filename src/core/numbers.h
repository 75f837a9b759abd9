// Numbers read from text one way everywhere (options, scripts, query, image sizes, model
// checks): std::from_chars, so no locale and no exceptions; the whole text must be the number,
// and a floating-point one must be finite.
#pragma once

#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace myomap {

// `text` as a T, or nothing when it is empty, has anything around the number, is out of T's
// range, or (floating point) is not finite. `base` is for integers (16: "ff8800").
template <typename T>
std::optional<T> parseNumber(std::string_view text, int base = 10) {
    static_assert(std::is_arithmetic_v<T>, "parseNumber reads integers and floating-point numbers");
    T value{};
    const char* const last = text.data() + text.size();
    std::from_chars_result read;
    if constexpr (std::is_floating_point_v<T>) read = std::from_chars(text.data(), last, value);
    else read = std::from_chars(text.data(), last, value, base);
    if (text.empty() || read.ec != std::errc() || read.ptr != last) return std::nullopt;
    if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(value)) return std::nullopt;
    }
    return value;
}

}  // namespace myomap

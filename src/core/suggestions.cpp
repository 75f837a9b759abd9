#include "core/suggestions.h"

namespace myomap {
namespace {

template <typename Item>
std::string joined(std::span<const Item> items, std::string_view quote) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
        out.append(quote).append(items[i]).append(quote);
    }
    return out;
}

}  // namespace

std::string orList(std::span<const std::string> items, std::string_view quote) { return joined(items, quote); }
std::string orList(std::span<const std::string_view> items, std::string_view quote) { return joined(items, quote); }

std::string didYouMean(std::span<const std::string> close) {
    return close.empty() ? std::string() : "; did you mean " + orList(close, "'") + "?";
}

}  // namespace myomap

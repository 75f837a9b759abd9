// libFuzzer target: a session file's JSON. A session that parses must write back to JSON that
// parses to the same session (the store rewrites files it has read). A file that does not parse
// gets a message that names it and never quotes its contents: a string value marked SECRET (the
// seeds have some) must not appear in the message, unless a key holds the marker too (messages
// name the JSON path).
#include "fuzz_common.h"

#include "session/json_util.h"
#include "session/session.h"

using namespace myomap;

namespace {

constexpr std::string_view kMarker = "SECRET";

// Whether any key of `value`, at any depth, holds the marker.
bool keyHoldsMarker(const session::detail::Json& value) {
    if (value.is_object()) {
        for (const auto& [key, item] : value.items())
            if (key.find(kMarker) != std::string::npos || keyHoldsMarker(item)) return true;
    } else if (value.is_array()) {
        for (const auto& item : value)
            if (keyHoldsMarker(item)) return true;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto parsed = session::sessionFromJson(text, "input.json");
    if (!parsed) {
        fuzz::expectNamed(parsed.error(), "input.json");
        if (parsed.error().find(kMarker) != std::string::npos) {
            std::string ignored;
            const auto json = session::detail::parseJson(text, session::kMaxSessionJsonDepth, ignored);
            if (!json || !keyHoldsMarker(*json)) {
                std::fprintf(stderr, "the message quotes the file's contents: %s\n", parsed.error().c_str());
                std::abort();
            }
        }
        return 0;
    }
    auto again = session::sessionFromJson(session::toJson(*parsed), "again.json");
    if (!again || !(*again == *parsed)) std::abort();
    return 0;
}

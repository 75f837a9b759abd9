// libFuzzer target: a session file's JSON. A session that parses must write back to JSON that
// parses to the same session (the store rewrites files it has read).
#include "fuzz_common.h"

#include "session/session.h"

using namespace myomap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto parsed = session::sessionFromJson(text, "input.json");
    if (!parsed) {
        fuzz::expectNamed(parsed.error(), "input.json");
        return 0;
    }
    auto again = session::sessionFromJson(session::toJson(*parsed), "again.json");
    if (!again || !(*again == *parsed)) std::abort();
    return 0;
}

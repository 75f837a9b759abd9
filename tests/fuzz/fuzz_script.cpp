// libFuzzer target: the automation script parser (myomap --script FILE).
#include "fuzz_common.h"

#include "automation/script.h"

using namespace myomap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto commands = app::parseScript(text, "input.txt");
    if (!commands) {
        fuzz::expectNamed(commands.error(), "input.txt");
        return 0;
    }
    for (const app::ScriptCommand& c : *commands) {
        if (c.where.find("input.txt:") != 0) std::abort();
    }
    return 0;
}

// libFuzzer target: one atlas content document (docs/CONTENT.md), parsed with the size and
// depth limits, then read as a muscle, a page and a sources file as loadAtlas would.
#include "anatomy/content_parsers.h"

#include <cstdint>
#include <cstdlib>

using namespace myomap::anatomy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Landmarks landmarks = documentedLandmarks();
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<Problem> problems;
    detail::Checker checker("fuzz/muscles/input.json", problems);
    const auto json = detail::parseJsonText(text, checker);
    if (!json) {
        if (problems.empty()) std::abort();  // a refusal must say why
        return 0;
    }
    const std::map<std::string, Source> sources = detail::parseSources(*json, checker);
    detail::ParseContext context;
    context.landmarks = &landmarks;
    context.sources = &sources;
    (void)detail::parseMuscle(*json, context, checker);
    (void)detail::parsePage(*json, context, checker);
    context.sources = nullptr;
    (void)detail::parseMuscle(*json, context, checker);
    for (const Problem& p : problems) (void)p.text();
    return 0;
}

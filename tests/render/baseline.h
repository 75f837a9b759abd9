// Image baselines: compare a rendering with a committed PNG within a stated tolerance. A missing
// baseline (or MYOMAP_UPDATE_BASELINES=1) writes the rendering as the new baseline and fails,
// so a person looks at it before it is committed. On mismatch the actual image and a diff
// image are written to build/test-output/baselines/.
#pragma once

#include "core/image.h"
#include "support/run_myomap.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#ifndef MYOMAP_SOURCE_DIR
#define MYOMAP_SOURCE_DIR "."
#endif

namespace myomap::test {

struct BaselineTolerance {
    int channel;             // a pixel differs when some channel differs by more than this
    double maxDifferingPct;  // ... and at most this percentage of pixels may differ
};

inline void compareWithBaseline(const std::string& name, const std::filesystem::path& actualPath, BaselineTolerance tolerance) {
    const auto baseline = std::filesystem::path(MYOMAP_SOURCE_DIR) / "tests" / "render" / "baselines" / (name + ".png");
    auto actual = readPng(actualPath);
    REQUIRE_MESSAGE(actual, (actual ? "" : actual.error()));
    const char* update = std::getenv("MYOMAP_UPDATE_BASELINES");
    if (!std::filesystem::exists(baseline) || (update && std::string(update) == "1")) {
        std::filesystem::create_directories(baseline.parent_path());
        std::filesystem::copy_file(actualPath, baseline, std::filesystem::copy_options::overwrite_existing);
        FAIL("baseline " << baseline.string() << " was missing or updated: look at it, then commit it");
        return;
    }
    auto expected = readPng(baseline);
    REQUIRE_MESSAGE(expected, (expected ? "" : expected.error()));
    REQUIRE(expected->width == actual->width);
    REQUIRE(expected->height == actual->height);
    ImageRgba diff{actual->width, actual->height, std::vector<std::uint8_t>(actual->pixels.size(), 0)};
    std::size_t differing = 0;
    for (std::size_t i = 0; i < actual->pixels.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(actual->pixels[i + c]) - int(expected->pixels[i + c])));
        const bool differs = worst > tolerance.channel;
        differing += differs ? 1 : 0;
        diff.pixels[i] = differs ? 255 : static_cast<std::uint8_t>(actual->pixels[i] / 4);
        diff.pixels[i + 1] = static_cast<std::uint8_t>(actual->pixels[i + 1] / 4);
        diff.pixels[i + 2] = static_cast<std::uint8_t>(actual->pixels[i + 2] / 4);
        diff.pixels[i + 3] = 255;
    }
    const double pct = 100.0 * static_cast<double>(differing) / static_cast<double>(actual->width * actual->height);
    if (pct > tolerance.maxDifferingPct) {
        const auto dir = outputDir("baselines");
        std::filesystem::copy_file(actualPath, dir / (name + "-actual.png"), std::filesystem::copy_options::overwrite_existing);
        (void)writePng(dir / (name + "-diff.png"), diff);
        MESSAGE("wrote " << (dir / (name + "-actual.png")).string() << " and the -diff.png beside it");
    }
    CHECK_MESSAGE(pct <= tolerance.maxDifferingPct, name << ": " << pct << "% of pixels differ (allowed "
                                                          << tolerance.maxDifferingPct << "%)");
}

}  // namespace myomap::test

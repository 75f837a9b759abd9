// Measuring rendered images: which pixels show the model (anything not the flat background the
// test asked for), its bounding box, and a diagnostic overlay written on mismatch.
#pragma once

#include "core/image.h"

#include <algorithm>
#include <cstdlib>

namespace myomap::test {

struct PixelBox {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
    bool empty() const { return x1 < x0; }
};

// A pixel counts as model when it differs from `background` by more than half of full scale
// in some channel: edge pixels more than half covered by the model count, as they would be
// in the reference renderer's silhouette.
inline bool isModel(const ImageRgba& image, int x, int y, const std::uint8_t background[3]) {
    const std::uint8_t* p = image.at(x, y);
    int diff = 0;
    for (int c = 0; c < 3; ++c) diff = std::max(diff, std::abs(int(p[c]) - int(background[c])));
    return diff > 96;
}

inline PixelBox modelBox(const ImageRgba& image, const std::uint8_t background[3]) {
    PixelBox box;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            if (!isModel(image, x, y, background)) continue;
            box.x0 = std::min(box.x0, x);
            box.y0 = std::min(box.y0, y);
            box.x1 = std::max(box.x1, x);
            box.y1 = std::max(box.y1, y);
        }
    }
    return box;
}

// Draws a rectangle outline (expected box, for instance) into a copy for humans to inspect.
inline void drawBox(ImageRgba& image, int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    auto put = [&](int x, int y) {
        if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
        std::uint8_t* p = image.pixels.data() + (std::size_t(y) * std::size_t(image.width) + std::size_t(x)) * 4;
        p[0] = r;
        p[1] = g;
        p[2] = b;
        p[3] = 255;
    };
    for (int x = x0; x <= x1; ++x) {
        put(x, y0);
        put(x, y1);
    }
    for (int y = y0; y <= y1; ++y) {
        put(x0, y);
        put(x1, y);
    }
}

}  // namespace myomap::test

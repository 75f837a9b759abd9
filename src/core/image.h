// 8-bit RGBA images in memory, and PNG files (through Debian's stb).
#pragma once

#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace myomap {

struct ImageRgba {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // rows top to bottom, 4 bytes a pixel

    const std::uint8_t* at(int x, int y) const {
        return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
    }
};

Result<ImageRgba> readPng(const std::filesystem::path& path);
// Written atomically: a reader never sees half a file.
Status writePng(const std::filesystem::path& path, const ImageRgba& image);

}  // namespace myomap

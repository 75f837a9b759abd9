// 8-bit RGBA images in memory, and PNG files (through Debian's stb).
#pragma once

#include "core/files.h"
#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
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

// Rendered images (screenshots, script `size`) are bounded by memory: offscreen rendering holds
// about 50 bytes a pixel at its peak (multisampled colour and depth, the resolved image, the
// read-back and the PNG: 1.0 GB resident at 4096x4096, 3.4 GB at 8192x8192 measured), so an
// image may have at most 4096x4096 pixels (16.8 million, about 1 GiB), each side 1 to 16384.
inline constexpr long long kMaxImagePixels = 4096LL * 4096LL;
inline constexpr int kMaxImageSide = 16384;
// What --help and the script reference say about it.
std::string imageSizeRule();

struct ImageSize {
    int width = 0, height = 0;
};
// "1600x1000" -> 1600 x 1000, within the limits above; otherwise why not (for a size over the
// budget, with the largest size of the same shape that fits).
Result<ImageSize> parseImageSize(std::string_view text);

Result<ImageRgba> readPng(const std::filesystem::path& path);
// Written through files::writeAtomically: a reader never sees half a file, and a link, a device
// or a folder at `path` is refused and left as it is. Private for a picture of a client's session.
Status writePng(const std::filesystem::path& path, const ImageRgba& image,
                files::Access access = files::Access::Shared);

}  // namespace myomap

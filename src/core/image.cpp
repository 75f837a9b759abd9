#include "core/image.h"

#include "core/files.h"

#include <png.h>
#include <stb/stb_image.h>

namespace myomap {

Result<ImageRgba> readPng(const std::filesystem::path& path) {
    auto bytes = files::readBytes(path, 256ull << 20);
    if (!bytes) return fail(bytes.error());
    int w = 0, h = 0, channels = 0;
    stbi_uc* data = stbi_load_from_memory(bytes->data(), static_cast<int>(bytes->size()), &w, &h, &channels, 4);
    if (!data) return fail("'" + path.string() + "': not a readable image (" + stbi_failure_reason() + ")");
    ImageRgba image{w, h, std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4)};
    stbi_image_free(data);
    return image;
}

Status writePng(const std::filesystem::path& path, const ImageRgba& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
        return fail("'" + path.string() + "': image to write is empty or malformed");
    }
    // libpng with zlib: stb's own deflate took longer than rendering the frame (0.4 s of a
    // 2.4 s headless screenshot at 1920x1080; docs/PERFORMANCE.md).
    png_image header{};
    header.version = PNG_IMAGE_VERSION;
    header.width = static_cast<png_uint_32>(image.width);
    header.height = static_cast<png_uint_32>(image.height);
    header.format = PNG_FORMAT_RGBA;
    const png_int_32 stride = image.width * 4;
    png_alloc_size_t size = 0;
    if (!png_image_write_to_memory(&header, nullptr, &size, 0, image.pixels.data(), stride, nullptr)) {
        const std::string why = header.message;
        png_image_free(&header);
        return fail("'" + path.string() + "': PNG encoding failed (" + why + ")");
    }
    std::vector<std::uint8_t> png(size);
    if (!png_image_write_to_memory(&header, png.data(), &size, 0, image.pixels.data(), stride, nullptr)) {
        const std::string why = header.message;
        png_image_free(&header);
        return fail("'" + path.string() + "': PNG encoding failed (" + why + ")");
    }
    png.resize(size);
    return files::writeAtomically(path, png.data(), png.size());
}

}  // namespace myomap

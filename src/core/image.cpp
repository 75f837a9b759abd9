#include "core/image.h"

#include "core/files.h"

#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

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
    std::vector<std::uint8_t> png;
    auto append = [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<std::uint8_t>*>(context);
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        out->insert(out->end(), bytes, bytes + size);
    };
    if (!stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.pixels.data(), image.width * 4)) {
        return fail("'" + path.string() + "': PNG encoding failed");
    }
    return files::writeAtomically(path, png.data(), png.size());
}

}  // namespace myomap

#include "core/image.h"

#include "core/files.h"
#include "core/numbers.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <stb/stb_image.h>

namespace myomap {

std::string imageSizeRule() {
    return "WIDTHxHEIGHT in pixels, each side 1 to " + std::to_string(kMaxImageSide) + ", at most " +
           std::to_string(kMaxImagePixels) + " pixels in all (4096x4096; rendering takes about 50 bytes a pixel, "
           "1 GiB at that size)";
}

Result<ImageSize> parseImageSize(std::string_view text) {
    const auto whole = [](std::string_view part) -> std::optional<long long> {
        return parseNumber<long long>(part);
    };
    const auto x = text.find('x');
    const auto w = x == std::string_view::npos ? std::nullopt : whole(text.substr(0, x));
    const auto h = x == std::string_view::npos ? std::nullopt : whole(text.substr(x + 1));
    if (!w || !h || *w < 1 || *h < 1 || *w > kMaxImageSide || *h > kMaxImageSide) {
        return fail("'" + std::string(text) + "' is not an image size: expected " + imageSizeRule() + ", e.g. 1600x1000");
    }
    if (*w * *h > kMaxImagePixels) {
        // The same shape, scaled down to fit.
        const double scale = std::sqrt(static_cast<double>(kMaxImagePixels) / static_cast<double>(*w * *h));
        long long fw = std::max(1LL, static_cast<long long>(static_cast<double>(*w) * scale));
        long long fh = std::max(1LL, static_cast<long long>(static_cast<double>(*h) * scale));
        while (fw * fh > kMaxImagePixels) (fw >= fh ? fw : fh) -= 1;
        return fail("'" + std::string(text) + "' is too large to render: " + std::to_string(*w * *h) +
                    " pixels, more than the " + std::to_string(kMaxImagePixels) +
                    " that fit the memory budget (about 1 GiB); the largest image of this shape is " +
                    std::to_string(fw) + "x" + std::to_string(fh));
    }
    return ImageSize{static_cast<int>(*w), static_cast<int>(*h)};
}

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

Status writePng(const std::filesystem::path& path, const ImageRgba& image, files::Access access) {
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
    // Encoded once into a buffer of libpng's largest possible size (asking for the size first
    // compressed the whole image twice); left unzeroed, libpng writes what is used.
    png_alloc_size_t size = PNG_IMAGE_PNG_SIZE_MAX(header);
    const std::unique_ptr<std::uint8_t[]> png(new std::uint8_t[size]);
    if (!png_image_write_to_memory(&header, png.get(), &size, 0, image.pixels.data(), stride, nullptr)) {
        const std::string why = header.message;
        png_image_free(&header);
        return fail("'" + path.string() + "': PNG encoding failed (" + why + ")");
    }
    return files::writeAtomically(path, png.get(), size, access);
}

}  // namespace myomap

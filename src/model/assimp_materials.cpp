// Materials from Assimp: base colour, opacity, two-sidedness and the base colour texture.
// Textures are decoded with stb_image (Debian's libstb); external ones are read only from
// inside the model's folder.
#include "model/assimp_convert.h"

#include "core/files.h"

#include <assimp/material.h>
#include <assimp/scene.h>
#include <assimp/texture.h>

#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

namespace myomap::model::assimp {
namespace fs = std::filesystem;

namespace {

// 8192 x 8192 RGBA is 256 MiB. Larger textures are refused before decoding, whatever the file
// claims, rather than exhaust memory.
constexpr long long kMaxTexturePixels = 8192ll * 8192ll;

class MaterialConverter {
public:
    MaterialConverter(const aiScene& in, const fs::path& folder, Scene& out) : m_in(in), m_folder(folder), m_out(out) {}

    void run(std::vector<unsigned>& uvChannel) {
        const unsigned count = m_in.mMaterials ? m_in.mNumMaterials : 0;
        uvChannel.assign(count, 0);
        for (unsigned i = 0; i < count; ++i) {
            Material material;
            const aiMaterial* src = m_in.mMaterials[i];
            if (!src) {
                material.name = "material_" + std::to_string(i);
                m_out.materials.push_back(std::move(material));
                continue;
            }
            aiString name;
            material.name = src->Get(AI_MATKEY_NAME, name) == AI_SUCCESS && name.length > 0
                                ? std::string(name.C_Str())
                                : "material_" + std::to_string(i);
            material.baseColor = baseColor(*src);
            int twoSided = 0;
            if (src->Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) material.doubleSided = twoSided != 0;
            material.blend = material.baseColor.a < 1.0f;
            material.baseColorImage = baseColorTexture(*src, material.name, uvChannel[i]);
            m_out.materials.push_back(std::move(material));
        }
    }

private:
    void warn(std::string text) { m_out.warnings.push_back(std::move(text)); }

    static float clamp01(float v) { return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 1.0f; }

    // PBR formats carry a base colour; the classic ones a diffuse colour. Both are taken as linear,
    // as the files' own renderers use them.
    static glm::vec4 baseColor(const aiMaterial& src) {
        aiColor4D color(1.0f, 1.0f, 1.0f, 1.0f);
        if (src.Get(AI_MATKEY_BASE_COLOR, color) != AI_SUCCESS) {
            color = aiColor4D(1.0f, 1.0f, 1.0f, 1.0f);
            if (src.Get(AI_MATKEY_COLOR_DIFFUSE, color) != AI_SUCCESS) color = aiColor4D(1.0f, 1.0f, 1.0f, 1.0f);
        }
        float opacity = 1.0f;
        if (src.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && std::isfinite(opacity)) color.a *= opacity;
        return {clamp01(color.r), clamp01(color.g), clamp01(color.b), clamp01(color.a)};
    }

    int baseColorTexture(const aiMaterial& src, const std::string& materialName, unsigned& uvChannel) {
        aiTextureType type = aiTextureType_BASE_COLOR;
        aiString path;
        if (src.GetTextureCount(type) == 0 || src.GetTexture(type, 0, &path) != AI_SUCCESS) {
            type = aiTextureType_DIFFUSE;
            if (src.GetTextureCount(type) == 0 || src.GetTexture(type, 0, &path) != AI_SUCCESS) return kNone;
        }
        int uv = 0;
        if (src.Get(AI_MATKEY_UVWSRC(type, 0), uv) == AI_SUCCESS && uv > 0 && uv < AI_MAX_NUMBER_OF_TEXTURECOORDS) {
            uvChannel = static_cast<unsigned>(uv);
        }
        const std::string reference = path.C_Str();
        if (reference.empty()) return kNone;
        const std::string where = "material '" + materialName + "': texture '" + reference + "'";
        if (const aiTexture* embedded = m_in.GetEmbeddedTexture(reference.c_str())) {
            return cached("embedded:" + reference, [&] { return decodeEmbedded(*embedded, reference, where); });
        }
        auto file = locate(reference);
        if (!file) {
            warn(where + ": " + file.error() + "; drawn untextured");
            return kNone;
        }
        return cached(file->string(), [&] { return decodeFile(*file, where); });
    }

    template <typename Decode>
    int cached(const std::string& key, Decode decode) {
        if (const auto it = m_imageByKey.find(key); it != m_imageByKey.end()) return it->second;
        int index = kNone;
        Image image = decode();
        if (!image.rgba.empty()) {
            index = static_cast<int>(m_out.images.size());
            m_out.images.push_back(std::move(image));
        }
        m_imageByKey.emplace(key, index);
        return index;
    }

    // Artists' files often name textures by absolute paths on their own machine, or with
    // Windows separators: look for the path as given, then for the bare file name, both only
    // inside the model's folder.
    Result<fs::path> locate(std::string reference) const {
        std::replace(reference.begin(), reference.end(), '\\', '/');
        if (reference.rfind("file://", 0) == 0) reference.erase(0, 7);
        std::string refused;
        std::error_code ec;
        if (auto inside = files::resolveInside(m_folder, reference)) {
            if (fs::is_regular_file(*inside, ec)) return inside;
        } else {
            refused = inside.error();
        }
        const std::string bare = fs::path(reference).filename().string();
        if (!bare.empty() && bare != reference) {
            if (auto inside = files::resolveInside(m_folder, bare); inside && fs::is_regular_file(*inside, ec))
                return inside;
        }
        if (!refused.empty()) return fail(refused);
        return fail("not found in the model's folder");
    }

    Image decodeFile(const fs::path& file, const std::string& where) {
        auto bytes = files::readBytes(file);
        if (!bytes) {
            warn(where + ": " + bytes.error() + "; drawn untextured");
            return {};
        }
        return decodeCompressed(bytes->data(), bytes->size(), file.filename().string(), where);
    }

    Image decodeEmbedded(const aiTexture& texture, const std::string& name, const std::string& where) {
        if (!texture.pcData) {
            warn(where + ": embedded texture has no data; drawn untextured");
            return {};
        }
        if (texture.mHeight == 0) {  // compressed (PNG, JPEG, ...): mWidth is the byte count
            return decodeCompressed(reinterpret_cast<const unsigned char*>(texture.pcData), texture.mWidth, name,
                                    where);
        }
        const long long pixels = static_cast<long long>(texture.mWidth) * static_cast<long long>(texture.mHeight);
        if (pixels > kMaxTexturePixels) {
            warn(where + ": " + std::to_string(texture.mWidth) + "x" + std::to_string(texture.mHeight) +
                 " is too large; drawn untextured");
            return {};
        }
        Image image;
        image.name = name;
        image.width = static_cast<int>(texture.mWidth);
        image.height = static_cast<int>(texture.mHeight);
        image.rgba.reserve(static_cast<std::size_t>(pixels) * 4);
        for (long long p = 0; p < pixels; ++p) {
            const aiTexel& t = texture.pcData[p];
            image.rgba.insert(image.rgba.end(), {t.r, t.g, t.b, t.a});
        }
        return image;
    }

    Image decodeCompressed(const unsigned char* data, std::size_t size, const std::string& name,
                           const std::string& where) {
        if (size == 0 || size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
            warn(where + ": empty or oversized image data; drawn untextured");
            return {};
        }
        const int length = static_cast<int>(size);
        int width = 0, height = 0, channels = 0;
        if (!stbi_info_from_memory(data, length, &width, &height, &channels)) {
            warn(where + ": not a readable image (" + stbi_failure_reason() + "); drawn untextured");
            return {};
        }
        if (static_cast<long long>(width) * static_cast<long long>(height) > kMaxTexturePixels) {
            warn(where + ": " + std::to_string(width) + "x" + std::to_string(height) +
                 " is too large; drawn untextured");
            return {};
        }
        stbi_uc* pixels = stbi_load_from_memory(data, length, &width, &height, &channels, 4);
        if (!pixels) {
            warn(where + ": not a readable image (" + stbi_failure_reason() + "); drawn untextured");
            return {};
        }
        Image image;
        image.name = name;
        image.width = width;
        image.height = height;
        image.rgba.assign(pixels, pixels + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        stbi_image_free(pixels);
        return image;
    }

    const aiScene& m_in;
    const fs::path& m_folder;
    Scene& m_out;
    std::map<std::string, int> m_imageByKey;  // kNone for textures that failed, so each warns once
};

}  // namespace

void convertMaterials(const aiScene& in, const fs::path& modelFolder, Scene& out, std::vector<unsigned>& uvChannel) {
    MaterialConverter(in, modelFolder, out).run(uvChannel);
}

}  // namespace myomap::model::assimp

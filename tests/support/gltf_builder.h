// Builds small glTF files for tests: one triangle, optionally skinned, with the buffer either
// embedded as a data URI or written beside the file. Tests then break one thing at a time.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

namespace myomap::test {

inline std::string base64(const std::vector<std::uint8_t>& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], table[(v >> 6) & 63], table[v & 63]};
    }
    if (i + 1 == bytes.size()) {
        const unsigned v = bytes[i] << 16;
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], '=', '='};
    } else if (i + 2 == bytes.size()) {
        const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8);
        out += {table[(v >> 18) & 63], table[(v >> 12) & 63], table[(v >> 6) & 63], '='};
    }
    return out;
}

// Triangle positions (36 bytes) followed by three u16 indices (6 bytes, padded to 8).
inline std::vector<std::uint8_t> triangleBuffer() {
    const float positions[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    const std::uint16_t indices[4] = {0, 1, 2, 0};
    std::vector<std::uint8_t> bytes(sizeof positions + sizeof indices);
    std::memcpy(bytes.data(), positions, sizeof positions);
    std::memcpy(bytes.data() + sizeof positions, indices, sizeof indices);
    return bytes;
}

struct TriangleGltf {
    std::string bufferUri;          // empty: embedded data URI
    int positionCount = 3;          // accessor count for POSITION
    int indexCount = 3;
    std::string extraImageUri;      // non-empty: add a material with this texture
    std::string nodes = R"([{"mesh":0}])";

    std::string json() const {
        const auto bytes = triangleBuffer();
        const std::string uri = bufferUri.empty() ? "data:application/octet-stream;base64," + base64(bytes) : bufferUri;
        std::string material;
        std::string materials;
        std::string images;
        if (!extraImageUri.empty()) {
            material = R"(,"material":0)";
            materials = R"(,"materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],"textures":[{"source":0}],"images":[{"uri":")" +
                        extraImageUri + R"("}])";
        }
        return std::string(R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],"nodes":)") + nodes +
               R"(,"meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1)" + material + R"(}]}],)" +
               R"("buffers":[{"uri":")" + uri + R"(","byteLength":)" + std::to_string(bytes.size()) + "}]," +
               R"("bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":6}],)" +
               R"("accessors":[{"bufferView":0,"componentType":5126,"count":)" + std::to_string(positionCount) +
               R"(,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},)" +
               R"({"bufferView":1,"componentType":5123,"count":)" + std::to_string(indexCount) + R"(,"type":"SCALAR"}])" +
               materials + "}";
    }
};

inline std::filesystem::path writeFile(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// This test process's own folder under the system's temporary directory, removed when the
// process ends: two suites run at once (two build folders, a developer and CI) never share one.
inline const std::filesystem::path& scratchRoot() {
    struct Root {
        std::filesystem::path path =
            std::filesystem::temp_directory_path() / ("myomap-tests-" + std::to_string(::getpid()));
        ~Root() {
            std::error_code ec;
            std::filesystem::remove_all(path, ec);
        }
    };
    static const Root root;
    return root.path;
}

inline std::filesystem::path scratchDir(const std::string& name) {
    const auto dir = scratchRoot() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace myomap::test

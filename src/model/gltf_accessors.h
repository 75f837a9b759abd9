// Bounds-checked reading of glTF accessors: every offset, stride and count is checked against
// its buffer view and buffer before a byte is read, so a hostile file yields an error, not a
// read past the end of memory.
#pragma once

#include "core/result.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tinygltf {
class Model;
}

namespace myomap::model {

class AccessorReader {
public:
    explicit AccessorReader(const tinygltf::Model& model) : m_model(model) {}

    // Components per element of the accessor's type (SCALAR 1, VEC3 3, MAT4 16, ...).
    Result<int> componentCount(int accessor) const;

    // Any component type, converted to float (normalised integers map to [0,1] or [-1,1]).
    // `components` must match the accessor's type.
    Result<std::vector<float>> floats(int accessor, int components, const std::string& where) const;

    Result<std::vector<glm::vec2>> vec2s(int accessor, const std::string& where) const;
    Result<std::vector<glm::vec3>> vec3s(int accessor, const std::string& where) const;
    Result<std::vector<glm::vec4>> vec4s(int accessor, const std::string& where) const;
    Result<std::vector<glm::vec4>> colors(int accessor, const std::string& where) const;  // RGB gets alpha 1
    Result<std::vector<glm::mat4>> mat4s(int accessor, const std::string& where) const;
    Result<std::vector<glm::u16vec4>> joints(int accessor, const std::string& where) const;
    Result<std::vector<std::uint32_t>> indices(int accessor, const std::string& where) const;

private:
    // Integer reads (joints, indices) keep exact values; floats() converts.
    Result<std::vector<std::uint32_t>> integers(int accessor, int components, const std::string& where) const;

    const tinygltf::Model& m_model;
};

}  // namespace myomap::model

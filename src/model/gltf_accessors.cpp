#include "model/gltf_accessors.h"

#include <tiny_gltf.h>

#include <cstring>
#include <limits>

namespace myomap::model {
namespace {

// More elements than any model Myomap should open (2^26 = 67 million); refusing earlier
// keeps a forged count from allocating gigabytes.
constexpr std::uint64_t kMaxElements = 1ull << 26;

int componentSize(int type) {
    switch (type) {
    case TINYGLTF_COMPONENT_TYPE_BYTE:
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: return 1;
    case TINYGLTF_COMPONENT_TYPE_SHORT:
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: return 2;
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT:
    case TINYGLTF_COMPONENT_TYPE_FLOAT: return 4;
    default: return 0;
    }
}

// Reads component k of an element as a double, normalising integers when asked.
double readComponent(const unsigned char* p, int type, bool normalized) {
    switch (type) {
    case TINYGLTF_COMPONENT_TYPE_FLOAT: { float f; std::memcpy(&f, p, 4); return f; }
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE: { const double v = p[0]; return normalized ? v / 255.0 : v; }
    case TINYGLTF_COMPONENT_TYPE_BYTE: {
        const double v = static_cast<signed char>(p[0]);
        return normalized ? std::max(v / 127.0, -1.0) : v;
    }
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: { std::uint16_t v; std::memcpy(&v, p, 2); return normalized ? v / 65535.0 : v; }
    case TINYGLTF_COMPONENT_TYPE_SHORT: {
        std::int16_t v; std::memcpy(&v, p, 2);
        return normalized ? std::max(v / 32767.0, -1.0) : v;
    }
    case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: { std::uint32_t v; std::memcpy(&v, p, 4); return v; }
    default: return 0.0;
    }
}

struct View {
    const unsigned char* data = nullptr;  // null: the accessor has no buffer view (all zeros)
    std::uint64_t stride = 0;
};

// Locates and checks the bytes of `count` elements of `elementSize` bytes.
Result<View> locate(const tinygltf::Model& model, int bufferViewIndex, std::uint64_t byteOffset, std::uint64_t count,
                    std::uint64_t elementSize, const std::string& where) {
    if (bufferViewIndex < 0) return View{};
    if (static_cast<std::size_t>(bufferViewIndex) >= model.bufferViews.size()) {
        return fail(where + ": buffer view " + std::to_string(bufferViewIndex) + " does not exist");
    }
    const tinygltf::BufferView& view = model.bufferViews[static_cast<std::size_t>(bufferViewIndex)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= model.buffers.size()) {
        return fail(where + ": buffer " + std::to_string(view.buffer) + " does not exist");
    }
    const std::vector<unsigned char>& buffer = model.buffers[static_cast<std::size_t>(view.buffer)].data;
    const std::uint64_t viewOffset = view.byteOffset;
    const std::uint64_t viewLength = view.byteLength;
    if (viewOffset > buffer.size() || viewLength > buffer.size() - viewOffset) {
        return fail(where + ": buffer view " + std::to_string(bufferViewIndex) + " (" + std::to_string(viewLength) +
                    " bytes at " + std::to_string(viewOffset) + ") runs past the end of its " + std::to_string(buffer.size()) +
                    "-byte buffer");
    }
    const std::uint64_t stride = view.byteStride > 0 ? static_cast<std::uint64_t>(view.byteStride) : elementSize;
    if (stride < elementSize) return fail(where + ": byte stride " + std::to_string(stride) + " is smaller than an element");
    if (count > 0) {
        const std::uint64_t last = byteOffset + stride * (count - 1) + elementSize;  // cannot overflow: count <= 2^26, stride < 2^32
        if (byteOffset > viewLength || last > viewLength) {
            return fail(where + ": " + std::to_string(count) + " elements need " + std::to_string(last) +
                        " bytes but the buffer view holds " + std::to_string(viewLength));
        }
    }
    return View{buffer.data() + viewOffset + byteOffset, stride};
}

}  // namespace

Result<int> AccessorReader::componentCount(int accessor) const {
    if (accessor < 0 || static_cast<std::size_t>(accessor) >= m_model.accessors.size()) {
        return fail("accessor " + std::to_string(accessor) + " does not exist");
    }
    const int n = tinygltf::GetNumComponentsInType(static_cast<std::uint32_t>(m_model.accessors[static_cast<std::size_t>(accessor)].type));
    if (n <= 0) return fail("accessor " + std::to_string(accessor) + " has an unknown type");
    return n;
}

Result<std::vector<float>> AccessorReader::floats(int accessor, int components, const std::string& where) const {
    auto width = componentCount(accessor);
    if (!width) return fail(where + ": " + width.error());
    const tinygltf::Accessor& a = m_model.accessors[static_cast<std::size_t>(accessor)];
    if (*width != components) {
        return fail(where + ": accessor " + std::to_string(accessor) + " has " + std::to_string(*width) +
                    " components per element, expected " + std::to_string(components));
    }
    const int size = componentSize(a.componentType);
    if (size == 0) return fail(where + ": unsupported component type " + std::to_string(a.componentType));
    if (a.count > kMaxElements) return fail(where + ": accessor count " + std::to_string(a.count) + " is absurdly large");
    const std::uint64_t count = a.count;
    const std::uint64_t elementSize = static_cast<std::uint64_t>(size) * static_cast<std::uint64_t>(components);
    auto view = locate(m_model, a.bufferView, a.byteOffset, count, elementSize, where);
    if (!view) return fail(view.error());
    std::vector<float> out(count * static_cast<std::uint64_t>(components), 0.0f);
    if (view->data) {
        for (std::uint64_t e = 0; e < count; ++e) {
            const unsigned char* element = view->data + e * view->stride;
            for (int k = 0; k < components; ++k) {
                out[e * static_cast<std::uint64_t>(components) + static_cast<std::uint64_t>(k)] =
                    static_cast<float>(readComponent(element + k * size, a.componentType, a.normalized));
            }
        }
    }
    if (a.sparse.isSparse) {
        const auto& sparse = a.sparse;
        if (sparse.count < 0 || static_cast<std::uint64_t>(sparse.count) > count) return fail(where + ": sparse count is out of range");
        const std::uint64_t n = static_cast<std::uint64_t>(sparse.count);
        const int indexSize = componentSize(sparse.indices.componentType);
        if (indexSize == 0 || sparse.indices.componentType == TINYGLTF_COMPONENT_TYPE_FLOAT) {
            return fail(where + ": sparse indices have an invalid component type");
        }
        auto indexView = locate(m_model, sparse.indices.bufferView, static_cast<std::uint64_t>(sparse.indices.byteOffset), n,
                                static_cast<std::uint64_t>(indexSize), where + " sparse indices");
        if (!indexView) return fail(indexView.error());
        auto valueView = locate(m_model, sparse.values.bufferView, static_cast<std::uint64_t>(sparse.values.byteOffset), n,
                                elementSize, where + " sparse values");
        if (!valueView) return fail(valueView.error());
        if (!indexView->data || !valueView->data) return fail(where + ": sparse data has no buffer view");
        for (std::uint64_t s = 0; s < n; ++s) {
            const auto target = static_cast<std::uint64_t>(readComponent(indexView->data + s * static_cast<std::uint64_t>(indexSize), sparse.indices.componentType, false));
            if (target >= count) return fail(where + ": sparse index " + std::to_string(target) + " is past the element count");
            const unsigned char* element = valueView->data + s * elementSize;
            for (int k = 0; k < components; ++k) {
                out[target * static_cast<std::uint64_t>(components) + static_cast<std::uint64_t>(k)] =
                    static_cast<float>(readComponent(element + k * size, a.componentType, a.normalized));
            }
        }
    }
    return out;
}

Result<std::vector<std::uint32_t>> AccessorReader::integers(int accessor, int components, const std::string& where) const {
    if (accessor < 0 || static_cast<std::size_t>(accessor) >= m_model.accessors.size()) {
        return fail(where + ": accessor " + std::to_string(accessor) + " does not exist");
    }
    const tinygltf::Accessor& a = m_model.accessors[static_cast<std::size_t>(accessor)];
    if (a.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE && a.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
        a.componentType != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT) {
        return fail(where + ": expected unsigned integers, found component type " + std::to_string(a.componentType));
    }
    // Unsigned integers below 2^24 convert to float exactly; larger indices are refused.
    auto values = floats(accessor, components, where);
    if (!values) return fail(values.error());
    std::vector<std::uint32_t> out(values->size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const float v = (*values)[i];
        if (!(v >= 0.0f) || v >= 16777216.0f) return fail(where + ": integer value out of range");
        out[i] = static_cast<std::uint32_t>(v);
    }
    return out;
}

template <typename Vec, int N>
static Result<std::vector<Vec>> gather(const Result<std::vector<float>>& flat) {
    if (!flat) return fail(flat.error());
    std::vector<Vec> out(flat->size() / N);
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (int k = 0; k < N; ++k) out[i][k] = (*flat)[i * N + static_cast<std::size_t>(k)];
    }
    return out;
}

Result<std::vector<glm::vec2>> AccessorReader::vec2s(int accessor, const std::string& where) const {
    return gather<glm::vec2, 2>(floats(accessor, 2, where));
}
Result<std::vector<glm::vec3>> AccessorReader::vec3s(int accessor, const std::string& where) const {
    return gather<glm::vec3, 3>(floats(accessor, 3, where));
}
Result<std::vector<glm::vec4>> AccessorReader::vec4s(int accessor, const std::string& where) const {
    return gather<glm::vec4, 4>(floats(accessor, 4, where));
}

Result<std::vector<glm::vec4>> AccessorReader::colors(int accessor, const std::string& where) const {
    auto width = componentCount(accessor);
    if (!width) return fail(where + ": " + width.error());
    if (*width == 4) return vec4s(accessor, where);
    auto rgb = vec3s(accessor, where);
    if (!rgb) return fail(rgb.error());
    std::vector<glm::vec4> out;
    out.reserve(rgb->size());
    for (const glm::vec3& c : *rgb) out.emplace_back(c, 1.0f);
    return out;
}

Result<std::vector<glm::mat4>> AccessorReader::mat4s(int accessor, const std::string& where) const {
    auto flat = floats(accessor, 16, where);
    if (!flat) return fail(flat.error());
    std::vector<glm::mat4> out(flat->size() / 16);
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 4; ++r) out[i][c][r] = (*flat)[i * 16 + static_cast<std::size_t>(c * 4 + r)];
        }
    }
    return out;
}

Result<std::vector<glm::u16vec4>> AccessorReader::joints(int accessor, const std::string& where) const {
    auto flat = integers(accessor, 4, where);
    if (!flat) return fail(flat.error());
    std::vector<glm::u16vec4> out(flat->size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (int k = 0; k < 4; ++k) {
            const std::uint32_t v = (*flat)[i * 4 + static_cast<std::size_t>(k)];
            if (v > std::numeric_limits<std::uint16_t>::max()) return fail(where + ": joint index " + std::to_string(v) + " is too large");
            out[i][k] = static_cast<std::uint16_t>(v);
        }
    }
    return out;
}

Result<std::vector<std::uint32_t>> AccessorReader::indices(int accessor, const std::string& where) const {
    return integers(accessor, 1, where);
}

}  // namespace myomap::model

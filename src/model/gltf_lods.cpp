#include "model/gltf_lods.h"

#include <tiny_gltf.h>

#include <algorithm>
#include <cmath>

namespace myomap::model {

std::vector<LevelOfDetail> readLevelsOfDetail(const tinygltf::Primitive& src, const AccessorReader& read, std::size_t vertices,
                                              const std::string& where, std::vector<std::string>& warnings) {
    std::vector<LevelOfDetail> out;
    if (!src.extras.IsObject() || !src.extras.Has("lods")) return out;
    const tinygltf::Value& lods = src.extras.Get("lods");
    if (!lods.IsArray()) {
        warnings.push_back(where + ": extras \"lods\" is not a list; drawn at full detail only");
        return out;
    }
    float last = 0.0f;
    for (std::size_t k = 0; k < lods.ArrayLen(); ++k) {
        const tinygltf::Value& level = lods.Get(static_cast<int>(k));
        const std::string which = where + " level of detail " + std::to_string(k + 1);
        const auto skip = [&](const std::string& why) { warnings.push_back(which + " " + why + "; left out"); };
        if (!level.IsObject() || !level.Get("indices").IsInt() || !level.Get("error").IsNumber()) {
            skip("needs \"indices\" (an accessor) and \"error\" (metres)");
            continue;
        }
        const auto error = static_cast<float>(level.Get("error").GetNumberAsDouble());
        if (!std::isfinite(error) || error < last) {
            skip("has error " + std::to_string(error) + ", not a finite number at least the finer level's");
            continue;
        }
        auto indices = read.indices(level.Get("indices").GetNumberAsInt(), which + " indices");
        if (!indices) {
            warnings.push_back(indices.error() + "; left out");
            continue;
        }
        if (indices->size() % 3 != 0 ||
            std::any_of(indices->begin(), indices->end(), [vertices](std::uint32_t i) { return i >= vertices; })) {
            skip("is not whole triangles over the primitive's " + std::to_string(vertices) + " vertices");
            continue;
        }
        out.push_back({std::move(indices.value()), error});
        last = error;
    }
    return out;
}

}  // namespace myomap::model

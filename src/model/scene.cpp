#include "model/scene.h"

namespace myomap::model {

int Scene::findNode(const std::string& name) const {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (nodes[i].name == name) return static_cast<int>(i);
    }
    return kNone;
}

const CustomAttribute* Primitive::findCustom(const std::string& name) const {
    for (const CustomAttribute& a : custom) {
        if (a.name == name) return &a;
    }
    return nullptr;
}

int Scene::findClip(const std::string& name) const {
    for (std::size_t i = 0; i < clips.size(); ++i) {
        if (clips[i].name == name) return static_cast<int>(i);
    }
    return kNone;
}

}  // namespace myomap::model

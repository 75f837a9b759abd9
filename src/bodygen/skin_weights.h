// Linear-blend skinning weights as a function of position: which joints move a point of the
// figure and how much. The skin uses them, and so do the muscles under it, so that a muscle
// follows the skin over it when a joint bends instead of swinging on its own.
#pragma once

#include "bodygen/body_shape_model.h"
#include "bodygen/skeleton.h"

#include <glm/glm.hpp>

#include <vector>

namespace myomap::bodygen {

class SkinWeighting {
public:
    SkinWeighting(const ShapeModel& model, const Skeleton& skeleton) : m_model(model), m_skeleton(skeleton) {}

    // Up to four joints with weights summing to 1, strongest first.
    void weigh(const glm::vec3& p, glm::u16vec4& joints, glm::vec4& weights) const;

private:
    struct Influence {
        int joint;
        float distance;
    };
    enum class Part { Head, Neck, Trunk, Arm, Leg };

    Part partAt(const glm::vec3& p) const;
    int joint(const char* base, Side side) const;
    void add(std::vector<Influence>& out, const char* base, Side side, const glm::vec3& p, float penalty) const;
    std::vector<Influence> boneInfluences(Part part, const glm::vec3& p) const;
    std::vector<Influence> headInfluences(const glm::vec3& p) const;

    const ShapeModel& m_model;
    const Skeleton& m_skeleton;
};

}  // namespace myomap::bodygen

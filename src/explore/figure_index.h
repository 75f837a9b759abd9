// What each drawable node of the shown model is, for exploring it: the figure's muscles
// ("upper_trapezius.R"), skin and bones by their material, anything else as "other". Built
// once per model; pure data, no GL.
#pragma once

#include "explore/vocabulary.h"
#include "model/scene.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::app {

enum class PartKind { Skin, Muscle, Bone, Other };

struct FigurePart {
    int node = -1;
    std::string name;                  // the node's mesh name ("upper_trapezius.R", "skin")
    std::string muscleId;              // muscles: "upper_trapezius"
    std::optional<BodySide> side;      // from a .L / .R suffix
    PartKind kind = PartKind::Other;
    std::optional<FigureLayer> layer;  // none for Other
    float materialOpacity = 1.0f;      // the material's own alpha (the skin is translucent)
};

class FigureIndex {
public:
    FigureIndex() = default;
    // Classifies every node of `meshNodes` (model::meshNodes order).
    FigureIndex(const model::Scene& scene, const std::vector<int>& meshNodes);

    const std::vector<FigurePart>& parts() const { return m_parts; }
    const FigurePart* find(std::string_view name) const;   // by mesh name
    const FigurePart* byNode(int node) const;
    const FigurePart* skin() const;
    // The mesh names closest to `name` (for "did you mean").
    std::vector<std::string> closest(std::string_view name, std::size_t count = 3) const;

private:
    std::vector<FigurePart> m_parts;
};

}  // namespace myomap::app

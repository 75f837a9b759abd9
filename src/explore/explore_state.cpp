#include "explore/explore_state.h"

namespace myomap::app {

void ExploreState::showAll() {
    for (LayerSetting& l : layers) l.visible = true;
    hidden.clear();
    isolate = false;
    side = SideFilter::Both;
}

namespace {

// Nothing under the skin can show: the client look, or the anatomy look with the skin layer
// shown fully opaque (and not hidden or isolated away).
bool skinCoversAll(const ExploreState& state) {
    if (state.look == Look::Client) return true;
    const LayerSetting& skin = state.layer(FigureLayer::Skin);
    return skin.visible && skin.opacity >= 1.0f && !state.hidden.contains("skin") && !(state.isolate && !state.selected.empty());
}

}  // namespace

PartStyle styleFor(const FigurePart& part, const ExploreState& state) {
    PartStyle style;
    const bool selected = !state.selected.empty() && part.name == state.selected;
    if (part.layer) style.opacity = state.layer(*part.layer).opacity;
    if (state.look == Look::Client && part.kind == PartKind::Skin) {
        style.opacity = 1.0f;  // a whole person: the skin opaque whatever the layer says
        if (!state.hovered.empty() && part.name == state.hovered) style.highlight = 0.45f;
        return style;
    }
    if (selected) {
        // The selection is always shown, opaque, glowing, and through whatever covers it.
        style.opacity = 1.0f;
        style.highlight = 1.0f;
        style.xray = true;
        return style;
    }
    const bool isolating = state.isolate && !state.selected.empty();
    if (state.hidden.contains(part.name)) style.visible = false;
    if (part.layer && !state.layer(*part.layer).visible) style.visible = false;
    if (isolating && part.kind != PartKind::Bone) style.visible = false;
    if (part.kind == PartKind::Muscle && part.side && state.side != SideFilter::Both) {
        const bool wanted = (state.side == SideFilter::Left) == (*part.side == BodySide::Left);
        if (!wanted) style.visible = false;
    }
    if (style.opacity <= 0.0f) style.visible = false;
    if ((part.kind == PartKind::Muscle || part.kind == PartKind::Bone) && skinCoversAll(state)) {
        // Under the opaque skin only the selection shows (above); the rest is not drawn, but a
        // muscle that the anatomy look would show can still be clicked through the skin.
        style.pickable = style.visible && part.kind == PartKind::Muscle;
        style.visible = false;
        style.highlight = 0.0f;
        style.dimmed = false;
        return style;
    }
    if (!state.hovered.empty() && part.name == state.hovered) style.highlight = 0.45f;
    style.dimmed = part.kind == PartKind::Muscle && !state.selected.empty();
    return style;
}

glm::vec4 dimmedColor(const glm::vec4& color) {
    const float grey = 0.3f * color.r + 0.59f * color.g + 0.11f * color.b;
    const glm::vec3 toward = glm::vec3(0.55f * grey + 0.35f);
    return {glm::mix(glm::vec3(color), toward, 0.6f), color.a};
}

}  // namespace myomap::app

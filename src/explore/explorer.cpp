#include "explore/explorer.h"

#include "anatomy/search.h"
#include "core/suggestions.h"
#include "explore/figure_surfaces.h"
#include "core/log.h"
#include "core/paths.h"

#include <algorithm>
#include <limits>

namespace myomap::app {
namespace {

// Marker pick ids start here; part ids are the part's index + 1.
constexpr std::uint32_t kMarkerIds = 0x100000;

std::string withSide(const std::string& id, anatomy::Side side) { return id + std::string(anatomy::suffix(side)); }

}  // namespace

void Explorer::open(model::Scene scene, render::Renderer& renderer, const anatomy::Atlas* atlas) {
    m_view.show(std::move(scene), renderer);
    m_picker.clear();
    m_index = FigureIndex(m_view.scene(), m_view.meshNodes());
    m_state = {};
    m_markers.clear();
    m_markersPlaced = false;
    m_heat.reset();
    m_surfaces.reset();
    m_atlas = nullptr;
    if (const FigurePart* skin = m_index.skin()) m_state.layer(FigureLayer::Skin).opacity = skin->materialOpacity;
    if (!atlas || !m_index.skin()) return;
    m_atlas = atlas;
    auto surfaces = figureSurfaces(m_view.scene(), paths::assetsDir() / "body" / "landmarks.csv");
    if (!surfaces) {
        log::warning("trigger points and referred pain cannot be placed on this figure: " + surfaces.error());
        return;
    }
    m_surfaces = std::make_shared<const anatomy::BodySurfaces>(std::move(surfaces.value()));
}

ReferralHeat* Explorer::heat() const {
    // Built on the first referral shown: the skin graph behind it costs a few hundred
    // milliseconds that a screenshot or a start-up without referrals need not pay.
    if (!m_heat && m_surfaces && m_atlas) m_heat = std::make_unique<ReferralHeat>(m_surfaces, *m_atlas);
    return m_heat.get();
}

Status Explorer::select(const std::string& name) {
    if (name.empty() || name == "none") {
        m_state.selected.clear();
        return Ok{};
    }
    const FigurePart* part = m_index.find(name);
    if (!part) part = m_index.find(name + std::string(anatomy::suffix(BodySide::Right)));  // a bare muscle id
    if (!part) {
        const auto close = m_index.closest(name);
        return fail("nothing in the model is called '" + name + "'" + didYouMean(close));
    }
    m_state.selected = part->name;
    m_state.hidden.erase(part->name);
    return Ok{};
}

Status Explorer::showReferral(const std::string& id, double now, bool add) {
    if (id.empty() || id == "none") {
        m_state.referrals.clear();
        return Ok{};
    }
    if (!m_atlas || !heat()) return fail("referred pain can only be shown on the built-in figure with the atlas loaded");
    std::string base = id;
    std::optional<anatomy::Side> side = anatomy::sideOf(id);
    if (side) base = id.substr(0, id.size() - 2);
    const anatomy::TriggerPoint* tp = m_atlas->findTriggerPoint(base);
    if (!tp) {
        std::vector<std::string> ids;
        for (const auto* p : m_atlas->allTriggerPoints()) ids.push_back(p->id);
        const auto close = anatomy::closestMatches(base, std::span<const std::string>(ids), 3);
        return fail("no trigger point '" + base + "' in the atlas" + didYouMean(close));
    }
    if (!side) {
        const FigurePart* selected = m_index.find(m_state.selected);
        side = selected && selected->muscleId == tp->muscleId && selected->side == BodySide::Left ? anatomy::Side::Left
                                                                                                  : anatomy::Side::Right;
    }
    const std::string key = withSide(tp->id, *side);
    if (!add) {
        if (auto s = select(withSide(tp->muscleId, *side)); !s) return s;
        m_state.referrals = {key};
    } else if (std::find(m_state.referrals.begin(), m_state.referrals.end(), key) == m_state.referrals.end()) {
        m_state.referrals.push_back(key);
    }
    m_referralStart = now;
    return Ok{};
}

Status Explorer::showAllReferrals(double now) {
    const FigurePart* part = m_index.find(m_state.selected);
    const anatomy::Muscle* muscle = part && m_atlas ? m_atlas->findMuscle(part->muscleId) : nullptr;
    if (!muscle || !part->side) return fail("select a muscle of the figure first");
    const std::string side(anatomy::suffix(*part->side));
    m_state.referrals.clear();
    for (const anatomy::TriggerPoint& tp : muscle->triggerPoints) {
        if (auto s = showReferral(tp.id + side, now, true); !s) return s;
    }
    return Ok{};
}

void Explorer::addToFrame(const model::Pose& pose, double t, render::Renderer& renderer, render::FrameData& frame) {
    m_itemNodes.clear();
    m_drawnNodes.clear();
    m_itemLayers.clear();
    const std::size_t first = frame.items.size();
    m_view.addToFrame(pose, frame, &m_itemNodes);
    frame.heatPalette = m_state.palette == Palette::Colourblind ? render::HeatPalette::ColourBlind : render::HeatPalette::Warm;

    bool heatShown = false;
    if (!m_state.referrals.empty() && heat()) {
        if (auto s = m_heat->compute(m_state.referrals, std::max(0.0, t - m_referralStart), m_state.heat == HeatMode::Still, m_heatValues); !s) {
            log::warning(s.error());
            m_state.referrals.clear();
        } else {
            heatShown = true;
        }
    }

    std::size_t kept = first;
    for (std::size_t k = first; k < frame.items.size(); ++k) {
        render::DrawItem item = frame.items[k];
        const int node = m_itemNodes[k - first];
        const FigurePart* found = m_index.byNode(node);
        if (!found) continue;
        const FigurePart& part = *found;
        const PartStyle style = styleFor(part, m_state);
        const bool heated = heatShown && part.kind == PartKind::Skin;
        if (!style.visible && !heated && !style.pickable) continue;
        // On the figure the layer's opacity replaces the material's (the skin's own alpha is the
        // skin layer's starting opacity); other models keep their materials' alpha. A hidden
        // skin still carries the heat.
        if (!style.visible) item.opacity = 0.0f;
        else item.opacity = part.layer ? style.opacity : std::min(item.opacity, style.opacity);
        item.highlight = style.highlight;
        item.xray = style.xray;
        if (style.dimmed) item.material.baseColor = dimmedColor(item.material.baseColor);
        if (style.visible || style.pickable) item.pickId = static_cast<std::uint32_t>(found - m_index.parts().data()) + 1;
        item.pickOnly = !style.visible && style.pickable && !heated;
        if (heated) {
            renderer.setHeat(item.mesh, m_heatValues);
            item.heat = style.visible ? render::HeatShow::Blend : render::HeatShow::Only;
        }
        frame.items[kept++] = item;
        if (!item.pickOnly && (m_drawnNodes.empty() || m_drawnNodes.back() != node)) m_drawnNodes.push_back(node);
        m_itemLayers.push_back(part.layer ? static_cast<int>(*part.layer) : 0);
    }
    frame.items.resize(kept);
    // Outer layers first: what they cover then fails the depth test before it is shaded.
    m_sortScratch.assign(frame.items.begin() + static_cast<std::ptrdiff_t>(first), frame.items.end());
    m_itemOrder.clear();
    for (std::size_t k = 0; k < m_sortScratch.size(); ++k) m_itemOrder.push_back({m_itemLayers[k], k});
    std::sort(m_itemOrder.begin(), m_itemOrder.end());  // (layer, index): stable, and no scratch allocation
    for (std::size_t k = 0; k < m_itemOrder.size(); ++k) frame.items[first + k] = m_sortScratch[m_itemOrder[k].second];

    placeMarkers();
    for (std::size_t i = 0; i < m_markers.size(); ++i) {
        const PlacedPoint& p = m_markers[i];
        const FigurePart* part = m_index.byNode(p.node);
        if (!part || !styleFor(*part, m_state).visible) continue;
        const int palette = m_view.paletteOf(p.node);
        const std::vector<glm::mat4>* matrices =
            palette >= 0 && static_cast<std::size_t>(palette) < frame.palettes.size() ? &frame.palettes[static_cast<std::size_t>(palette)] : nullptr;
        render::Marker marker;
        marker.position = matrices ? posedPoint(p, *matrices)
                                   : glm::vec3(pose.global[static_cast<std::size_t>(p.node)] * glm::vec4(p.bindPosition, 1.0f));
        marker.filled = p.active;
        marker.radiusPixels = p.active ? 10.0f : 8.5f;
        marker.color = p.active ? glm::vec4(0.80f, 0.06f, 0.05f, 1.0f) : glm::vec4(1.0f, 0.80f, 0.20f, 1.0f);
        marker.pickId = kMarkerIds + static_cast<std::uint32_t>(i);
        frame.markers.push_back(marker);
    }
}

std::string Explorer::pick(const render::FrameData& frame, int x, int y) const {
    return nameOfPickId(m_picker.pick(m_view, frame, x, y));
}

std::string Explorer::pickThroughSkin(const render::FrameData& frame, int x, int y) const {
    const std::vector<FigurePart>& parts = m_index.parts();
    for (const render::DrawItem& item : frame.items) {
        const bool skin = item.pickId != 0 && item.pickId - 1 < parts.size() && parts[item.pickId - 1].kind == PartKind::Skin;
        // Translucent, or opaque in the client look (where the muscles under it are pick-only).
        if (!skin || (item.opacity >= 1.0f && m_state.look != Look::Client)) continue;
        if (const std::uint32_t id = m_picker.pick(m_view, frame, x, y, item.pickId)) return nameOfPickId(id);
        break;
    }
    return pick(frame, x, y);
}

std::string Explorer::nameOfPickId(std::uint32_t id) const {
    if (id == 0) return "";
    if (id >= kMarkerIds) {
        const std::size_t i = id - kMarkerIds;
        return i < m_markers.size() ? m_markers[i].key : "";
    }
    const std::size_t part = id - 1;
    return part < m_index.parts().size() ? m_index.parts()[part].name : "";
}

model::Bounds Explorer::selectionBounds(const model::Pose& pose) const {
    model::Bounds bounds;
    const FigurePart* part = m_index.find(m_state.selected);
    if (!part) return bounds;
    const model::Node& node = m_view.scene().nodes[static_cast<std::size_t>(part->node)];
    for (const model::Primitive& p : m_view.scene().meshes[static_cast<std::size_t>(node.mesh)].primitives) {
        for (const glm::vec3& v : model::posedPositions(m_view.scene(), pose, part->node, p)) bounds.add(v);
    }
    return bounds;
}

void Explorer::placeMarkers() {
    // Runs every frame: compares without copying, and copies only on a change.
    if (m_markersPlaced && m_state.selected == m_markersSelected && m_state.referrals == m_markersReferrals) return;
    m_markersPlaced = true;
    m_markersSelected = m_state.selected;
    m_markersReferrals = m_state.referrals;
    m_markers.clear();
    if (!m_atlas || !m_surfaces) return;
    const auto isActive = [&](const std::string& k) {
        return std::find(m_state.referrals.begin(), m_state.referrals.end(), k) != m_state.referrals.end();
    };
    if (const FigurePart* part = m_index.find(m_state.selected); part && part->kind == PartKind::Muscle && part->side) {
        const anatomy::Side side = *part->side;
        if (const anatomy::Muscle* muscle = m_atlas->findMuscle(part->muscleId)) {
            for (const anatomy::TriggerPoint& tp : muscle->triggerPoints) {
                if (auto s = placeOne(tp, side, isActive(withSide(tp.id, side))); !s) log::warning(s.error());
            }
        }
    }
    for (const std::string& r : m_state.referrals) {
        if (std::any_of(m_markers.begin(), m_markers.end(), [&](const PlacedPoint& p) { return p.key == r; })) continue;
        const auto side = anatomy::sideOf(r);
        const anatomy::TriggerPoint* tp = m_atlas->findTriggerPoint(r.substr(0, r.size() - 2));
        if (side && tp) {
            if (auto s = placeOne(*tp, *side, true); !s) log::warning(s.error());
        }
    }
}

Status Explorer::placeOne(const anatomy::TriggerPoint& tp, anatomy::Side side, bool active) {
    const anatomy::Muscle* muscle = m_atlas->findMuscle(tp.muscleId);
    const FigurePart* part = m_index.find(withSide(tp.muscleId, side));
    if (!muscle || !part) return fail("trigger point " + tp.id + ": its muscle is not in the figure");
    auto position = anatomy::triggerPointPosition(*m_surfaces, *muscle, tp, side);
    if (!position) return fail(position.error());
    PlacedPoint placed{withSide(tp.id, side), &tp, part->node, *position, -1, active};
    const model::Node& node = m_view.scene().nodes[static_cast<std::size_t>(part->node)];
    const model::Primitive& prim = m_view.scene().meshes[static_cast<std::size_t>(node.mesh)].primitives.front();
    float best = std::numeric_limits<float>::max();
    for (std::size_t v = 0; v < prim.positions.size(); ++v) {
        const glm::vec3 d = prim.positions[v] - *position;
        if (glm::dot(d, d) < best) {
            best = glm::dot(d, d);
            placed.vertex = static_cast<int>(v);
        }
    }
    m_markers.push_back(std::move(placed));
    return Ok{};
}

glm::vec3 Explorer::posedPoint(const PlacedPoint& p, const std::vector<glm::mat4>& palette) const {
    const model::Node& node = m_view.scene().nodes[static_cast<std::size_t>(p.node)];
    const model::Primitive& prim = m_view.scene().meshes[static_cast<std::size_t>(node.mesh)].primitives.front();
    if (p.vertex < 0 || prim.joints.size() != prim.positions.size() || prim.weights.size() != prim.positions.size()) {
        return p.bindPosition;
    }
    const auto v = static_cast<std::size_t>(p.vertex);
    glm::mat4 m(0.0f);
    for (int k = 0; k < 4; ++k) {
        const auto joint = static_cast<std::size_t>(prim.joints[v][k]);
        if (prim.weights[v][k] > 0.0f && joint < palette.size()) m += prim.weights[v][k] * palette[joint];
    }
    return glm::vec3(m * glm::vec4(p.bindPosition, 1.0f));
}

void Explorer::drawnGeometry(const model::Pose& pose, const std::function<int(int)>& levelOf,
                             std::vector<glm::vec3>& positions, std::vector<std::uint32_t>& indices) const {
    positions.clear();
    indices.clear();
    const model::Scene& scene = m_view.scene();
    for (const int node : m_drawnNodes) {
        const int mesh = scene.nodes[static_cast<std::size_t>(node)].mesh;
        const std::span<const int> ids = m_view.rendererMeshes(mesh);
        const auto& primitives = scene.meshes[static_cast<std::size_t>(mesh)].primitives;
        for (std::size_t k = 0; k < primitives.size(); ++k) {
            const model::Primitive& p = primitives[k];
            const auto base = static_cast<std::uint32_t>(positions.size());
            const std::vector<glm::vec3> posed = model::posedPositions(scene, pose, node, p);
            positions.insert(positions.end(), posed.begin(), posed.end());
            const int level = k < ids.size() ? std::min<int>(levelOf(ids[k]), static_cast<int>(p.lods.size())) : 0;
            for (const std::uint32_t i : level > 0 ? p.lods[static_cast<std::size_t>(level - 1)].indices : p.indices)
                indices.push_back(base + i);
        }
    }
}

}  // namespace myomap::app

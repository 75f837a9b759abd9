// The figure being explored: the shown model with its index of parts, the explore state
// (selection, layers, referrals), the pose and time, and the atlas and body surfaces that
// place trigger points and referred heat on it. Shared by the window and by headless runs
// (scripts, one-shot screenshots); builds each frame's draw list. Time comes in as a parameter.
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/body_surface.h"
#include "explore/explore_state.h"
#include "explore/figure_index.h"
#include "explore/referral_heat.h"
#include "explore/scene_view.h"
#include "explore/surface_picker.h"
#include "render/renderer.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace myomap::app {

// A trigger point placed on the figure: "upper_trapezius.tp1" on one side.
struct PlacedPoint {
    std::string key;    // "upper_trapezius.tp1.R"
    const anatomy::TriggerPoint* point = nullptr;
    int node = -1;      // the muscle mesh's node
    glm::vec3 bindPosition{0.0f};
    int vertex = -1;    // nearest muscle vertex: its skin weights carry the point into the pose
    bool active = false;
};

class Explorer {
public:
    // Shows `scene`; the atlas may be empty (a model that is not the figure).
    void open(model::Scene scene, render::Renderer& renderer, const anatomy::Atlas* atlas);

    const SceneView& view() const { return m_view; }
    // The scene's pose for a clip at a time into `into`, reusing its storage (SceneView::pose).
    void pose(int clip, float t, model::Pose& into) { m_view.pose(clip, t, into); }
    const FigureIndex& index() const { return m_index; }
    ExploreState& state() { return m_state; }
    const ExploreState& state() const { return m_state; }
    bool isFigure() const { return m_index.skin() != nullptr && m_atlas != nullptr; }

    // Selection by mesh name ("upper_trapezius.R") or a bare muscle id (the right side).
    // An unknown name is an error that suggests close ones.
    Status select(const std::string& name);
    void clearSelection() { m_state.selected.clear(); }
    // Shows a trigger point's referral ("upper_trapezius.tp1", side from a .L/.R suffix, else
    // the selected muscle's side, else right); "" clears. Selects its muscle.
    // `now` is the scene time the referral starts at: its heat spreads from then. With `add`,
    // it joins the referrals already shown (their heat combines: the strongest wins) and
    // they all start again together.
    Status showReferral(const std::string& id, double now = 0.0, bool add = false);
    // Every trigger point of the selected muscle at once.
    Status showAllReferrals(double now);

    // Appends what to draw for `pose` at time `t` (the heat animates with it).
    void addToFrame(const model::Pose& pose, double t, render::Renderer& renderer, render::FrameData& frame);
    // The name of what the frame shows at a pixel: a mesh name, a sided trigger point key, or "".
    // On the CPU (SurfacePicker): the frame's posed triangles, kept until the pose changes.
    std::string pick(const render::FrameData& frame, int x, int y) const;
    // The same, looking through the skin while it is translucent (what a click on the figure
    // means: the muscle seen under it); the skin itself only where nothing else is under the
    // pixel. Kiosk taps use pick (the skin's regions).
    std::string pickThroughSkin(const render::FrameData& frame, int x, int y) const;
    // The name a frame's pickId stands for (a mesh name or a sided trigger point key), or "".
    std::string nameOfPickId(std::uint32_t id) const;
    // The triangles the last addToFrame drew, posed on the CPU into one list (the benchmark's
    // floor draws them with nothing else), each primitive at the level of detail that
    // `levelOf(renderer mesh id)` gives (0: full).
    void drawnGeometry(const model::Pose& pose, const std::function<int(int)>& levelOf, std::vector<glm::vec3>& positions,
                       std::vector<std::uint32_t>& indices) const;
    // Posed bounds of the selection (empty when nothing is selected).
    model::Bounds selectionBounds(const model::Pose& pose) const;

    const std::vector<PlacedPoint>& markers() const { return m_markers; }
    const anatomy::Atlas* atlas() const { return m_atlas; }
    // The referral heat, built on first use (null without the figure's surfaces and atlas).
    ReferralHeat* heat() const;
    const anatomy::BodySurfaces* surfaces() const { return m_surfaces.get(); }

private:
    void placeMarkers();
    glm::vec3 posedPoint(const PlacedPoint& p, const std::vector<glm::mat4>& palette) const;
    Status placeOne(const anatomy::TriggerPoint& tp, anatomy::Side side, bool active);

    SceneView m_view;
    FigureIndex m_index;
    ExploreState m_state;
    const anatomy::Atlas* m_atlas = nullptr;
    std::shared_ptr<const anatomy::BodySurfaces> m_surfaces;
    mutable std::unique_ptr<ReferralHeat> m_heat;  // a cache: heat() builds it
    mutable SurfacePicker m_picker;                // a cache of posed positions
    std::vector<PlacedPoint> m_markers;
    // The selection and referrals the markers were placed for (copied only when they change).
    std::string m_markersSelected;
    std::vector<std::string> m_markersReferrals;
    bool m_markersPlaced = false;
    std::vector<int> m_itemNodes;  // scratch: the node of each draw item of a frame
    std::vector<int> m_drawnNodes;  // the nodes the last addToFrame drew (benchmark floor)
    // Scratch for ordering a frame's items outer layer first (kept between frames: no allocation).
    std::vector<int> m_itemLayers;
    std::vector<std::pair<int, std::size_t>> m_itemOrder;
    std::vector<render::DrawItem> m_sortScratch;
    std::vector<glm::vec2> m_heatValues;
    double m_referralStart = 0.0;
};

}  // namespace myomap::app

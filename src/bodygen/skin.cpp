// The skin: the body shape's zero level meshed on a fine grid, simplified symmetrically to the
// triangle budget, then weighted to the skeleton and labelled with body regions.
#include "bodygen/skin.h"

#include "bodygen/body_shape_model.h"
#include "bodygen/skin_regions.h"
#include "bodygen/skin_simplify.h"
#include "bodygen/skin_weights.h"
#include "bodygen/surface_mesher.h"

#include <algorithm>

namespace myomap::bodygen {
namespace {

// 3 mm cells resolve the gaps between the fingers and the toes, the eyelids and the lips; the
// mesh is then simplified (symmetrically) to keep the skin under 100k triangles, about 50k
// vertices for the per-vertex heat and geodesics.
constexpr float kCellSize = 0.003f;

}  // namespace

Result<BodyMesh> generateSkin(const BodyShape& shape, const Landmarks& landmarks, const Skeleton& skeleton,
                              const std::filesystem::path& regionsCsv, std::vector<BodyRegion>& regions) {
    auto table = RegionTable::load(regionsCsv, landmarks, skeleton);
    if (!table) return fail(table.error());
    // The same primitives the shape is made of tell which body part a skin point belongs to.
    auto model = buildShapeModel(landmarks, skeleton);
    if (!model) return fail(model.error());
    const int spine = skeleton.find("thoracic_lower");
    if (spine < 0) return fail("skin: the skeleton has no thoracic_lower joint to start meshing from");

    glm::vec3 lo, hi;
    shape.bounds(lo, hi);
    SurfaceMesherOptions options;
    options.cellSize = kCellSize;
    options.project = false;  // after simplifying: a third of the vertices
    const glm::vec3 inside = skeleton.joints()[static_cast<std::size_t>(spine)].head + glm::vec3(0.0f, 0.0f, 0.03f);
    const DistanceField field = [&shape](const glm::vec3& p) { return shape.distance(p); };
    auto surface = meshSurface(field, lo, hi, inside, options);
    if (!surface) return fail("skin: " + surface.error());
    auto simplified = simplifySymmetric(*surface, field, kCellSize, SkinSimplifyOptions{});
    if (!simplified) return fail("skin: " + simplified.error());
    surface = std::move(simplified);

    BodyMesh mesh;
    mesh.name = "skin";
    mesh.layer = Layer::Skin;
    mesh.positions = std::move(surface->positions);
    mesh.normals = std::move(surface->normals);
    mesh.indices = std::move(surface->indices);
    const std::size_t n = mesh.positions.size();
    mesh.joints.resize(n);
    mesh.weights.resize(n);
    mesh.region.resize(n);

    std::vector<std::uint16_t> regionIndex;
    for (const std::string& name : table->names()) {
        auto it = std::find_if(regions.begin(), regions.end(), [&](const BodyRegion& r) { return r.name == name; });
        if (it == regions.end()) it = regions.insert(regions.end(), BodyRegion{name});
        regionIndex.push_back(static_cast<std::uint16_t>(it - regions.begin()));
    }
    const SkinWeighting weighting(*model, skeleton);
    for (std::size_t v = 0; v < n; ++v) {
        weighting.weigh(mesh.positions[v], mesh.joints[v], mesh.weights[v]);
        const int region = table->regionAt(mesh.positions[v], mesh.joints[v][0]);
        mesh.region[v] = regionIndex[static_cast<std::size_t>(region)];
    }
    return mesh;
}

}  // namespace myomap::bodygen

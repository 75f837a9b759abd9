#include "bodygen/muscles.h"

#include "bodygen/muscle_fill.h"
#include "bodygen/muscle_layout.h"
#include "bodygen/muscle_mesh.h"
#include "bodygen/muscle_volume.h"

namespace myomap::bodygen {
namespace {

// Voxels of the tissue shared out among the muscles: small enough for the thinnest sheets
// between their neighbours, large enough to generate the figure in seconds.
constexpr float kFillCell = 0.004f;

// Joint index -> the index of its mirror image (itself for midline joints).
Result<std::vector<int>> mirrorJoints(const Skeleton& skeleton) {
    std::vector<int> other;
    for (const Joint& joint : skeleton.joints()) {
        if (joint.side == Side::Mid) {
            other.push_back(static_cast<int>(other.size()));
            continue;
        }
        const int index = skeleton.find(joint.base + sideSuffix(joint.side == Side::Left ? Side::Right : Side::Left));
        if (index < 0) return fail("skeleton: joint '" + joint.name + "' has no mirror image");
        other.push_back(index);
    }
    return other;
}

}  // namespace

Result<std::vector<BodyMesh>> generateMuscles(const Landmarks& landmarks, const Skeleton& skeleton,
                                              const BodyShape& shape, const BodyMesh& skin,
                                              const std::vector<BodyMesh>& bones,
                                              const std::filesystem::path& musclesCsv,
                                              const std::filesystem::path& tendonsCsv) {
    // The left side is built and the right one mirrored from it, so both match exactly.
    auto specs = loadMuscleTable(musclesCsv, landmarks, skeleton, Side::Left);
    if (!specs) return fail(specs.error());
    std::vector<TendonSpec> tendons;
    if (!tendonsCsv.empty()) {
        std::vector<std::string> ids;
        for (const MuscleSpec& spec : *specs) ids.push_back(spec.id);
        auto table = loadTendonTable(tendonsCsv, landmarks, skeleton, Side::Left, ids);
        if (!table) return fail(table.error());
        tendons = std::move(*table);
    }
    auto otherSide = mirrorJoints(skeleton);
    if (!otherSide) return fail(otherSide.error());

    // Muscles take their joint weights from the same field as the skin over them, so each
    // follows the skin when a joint bends (a blend from origin bone to insertion bone alone
    // swings broad muscles out through the skin at the shoulder and hip).
    auto model = buildShapeModel(landmarks, skeleton);
    if (!model) return fail(model.error());
    const SkinWeighting weighting(*model, skeleton);

    // First each muscle is laid out as a ribbon where the tables put it, outside-in...
    const SkinSurface surface(shape);
    MuscleCoverage coverage;
    std::vector<MuscleLayout> layouts;
    std::vector<BodyMesh> ribbons;
    layouts.reserve(specs->size());
    ribbons.reserve(specs->size());
    for (const MuscleSpec& spec : *specs) {
        auto layout = layOutMuscle(spec, surface, skeleton, coverage);
        if (!layout) return fail(musclesCsv.string() + ":" + std::to_string(spec.line) + ": " + layout.error());
        coverage.add(layout->skin, layout->innerDepth, layout->columns);
        ribbons.push_back(meshFromLayout(*layout, spec.id + sideSuffix(Side::Left), spec.layer, weighting));
        layouts.push_back(std::move(layout.value()));
    }
    // ...then the ribbons share out the tissue between bone and skin, and each muscle is its share.
    std::vector<FillSeed> seeds;
    for (std::size_t m = 0; m < specs->size(); ++m) {
        const MuscleSpec& spec = (*specs)[m];
        seeds.push_back({&ribbons[m], &layouts[m], spec.shape, spec.bellyU, spec.fill, {}});
        for (const TendonSpec& tendon : tendons) {
            if (tendon.muscle == spec.id) seeds.back().tendons.push_back(&tendon);
        }
    }
    const TissuePartition partition = partitionTissue(skin, bones, seeds, kFillCell);

    std::vector<BodyMesh> meshes;
    meshes.reserve(2 * specs->size());
    for (std::size_t m = 0; m < specs->size(); ++m) {
        const MuscleSpec& spec = (*specs)[m];
        auto volume = meshMuscleVolume(partition, static_cast<std::uint16_t>(m + 1), layouts[m], ribbons[m].name,
                                       spec.layer, shape, weighting);
        if (!volume) return fail(musclesCsv.string() + ":" + std::to_string(spec.line) + ": " + volume.error());
        BodyMesh left = *volume ? std::move(**volume) : std::move(ribbons[m]);
        BodyMesh right = mirroredMuscle(left, spec.id + sideSuffix(Side::Right), *otherSide);
        meshes.push_back(std::move(left));
        meshes.push_back(std::move(right));
    }
    return meshes;
}

}  // namespace myomap::bodygen

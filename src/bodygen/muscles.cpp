#include "bodygen/muscles.h"

#include "bodygen/muscle_layout.h"
#include "bodygen/muscle_mesh.h"

namespace myomap::bodygen {
namespace {

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
                                              const BodyShape& shape, const std::filesystem::path& musclesCsv) {
    // The left side is built and the right one mirrored from it, so both match exactly.
    auto specs = loadMuscleTable(musclesCsv, landmarks, skeleton, Side::Left);
    if (!specs) return fail(specs.error());
    auto otherSide = mirrorJoints(skeleton);
    if (!otherSide) return fail(otherSide.error());

    // Muscles take their joint weights from the same field as the skin over them, so each
    // follows the skin when a joint bends (a blend from origin bone to insertion bone alone
    // swings broad muscles out through the skin at the shoulder and hip).
    auto model = buildShapeModel(landmarks, skeleton);
    if (!model) return fail(model.error());
    const SkinWeighting weighting(*model, skeleton);

    const SkinSurface surface(shape);
    MuscleCoverage coverage;
    std::vector<BodyMesh> meshes;
    meshes.reserve(2 * specs->size());
    for (const MuscleSpec& spec : *specs) {
        auto layout = layOutMuscle(spec, surface, skeleton, coverage);
        if (!layout) return fail(musclesCsv.string() + ":" + std::to_string(spec.line) + ": " + layout.error());
        coverage.add(layout->skin, layout->innerDepth, layout->columns);
        BodyMesh left = meshFromLayout(*layout, spec.id + sideSuffix(Side::Left), spec.layer, weighting);
        BodyMesh right = mirroredMuscle(left, spec.id + sideSuffix(Side::Right), *otherSide);
        meshes.push_back(std::move(left));
        meshes.push_back(std::move(right));
    }
    return meshes;
}

}  // namespace myomap::bodygen

// The soft tissue between the bones and the skin shared out among the muscles, so that the
// muscles fill the body instead of lying in it as ribbons. Each muscle's laid-out body (its
// ribbon, placed by the tables) claims the voxels it covers; then all muscles grow through
// the tissue around them at once, nearest first, each no further than its reach at that point
// along its fibres (full at the belly, little at the tendons). Where two muscles meet they
// share the space between them; deep muscles stay under the superficial ones that cover them.
// Tendons thinner than a voxel are kept as cords about three voxels across, so that every
// muscle still reaches its attachments; long tendons of the tendon table take the tissue round
// their paths (the fingers' flexor and extensor tendons). The left half of the body (x > 0) only: the right side
// mirrors it.
#pragma once

#include "bodygen/body_mesh.h"
#include "bodygen/muscle_layout.h"
#include "bodygen/muscle_table.h"
#include "bodygen/tendon_table.h"
#include "bodygen/voxel_grid.h"

#include <cstdint>
#include <vector>

namespace myomap::bodygen {

struct FillSeed {
    const BodyMesh* ribbon = nullptr;        // closed, with muscleUv; left side
    const MuscleLayout* layout = nullptr;    // the fibre grid the ribbon was made from
    MuscleShape shape = MuscleShape::Strap;
    float bellyU = 0.5f;
    float reach = 0.0f;  // metres the muscle may grow from its ribbon at the belly
    // Its tendons beyond the insertion (tendons.csv): the muscle owns the tissue round them, bone
    // included, whoever else reaches it.
    std::vector<const TendonSpec*> tendons;
};

struct TissuePartition {
    VoxelGrid grid;
    // Per voxel: 0 outside the skin or in a bone or unclaimed; m + 1 for seeds[m].
    std::vector<std::uint16_t> owner;
    // Per muscle (seeds[m]): the voxels of its cord where the ribbon is thin, its own whoever
    // owns them.
    std::vector<std::vector<std::uint32_t>> cords;
};

// `skin` and `bones` are closed meshes (any side: only what lies at x > 0 matters).
TissuePartition partitionTissue(const BodyMesh& skin, const std::vector<BodyMesh>& bones,
                                const std::vector<FillSeed>& seeds, float cellSize);

}  // namespace myomap::bodygen

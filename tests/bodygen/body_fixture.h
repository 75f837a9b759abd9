// Loads the real body tables from assets/body for generator tests.
#pragma once

#include "bodygen/landmarks.h"
#include "bodygen/skeleton.h"

#include <doctest/doctest.h>

#ifndef MYOMAP_SOURCE_DIR
#define MYOMAP_SOURCE_DIR "."
#endif

namespace myomap::test {

inline std::filesystem::path bodyTables() { return std::filesystem::path(MYOMAP_SOURCE_DIR) / "assets" / "body"; }

struct BodyTables {
    bodygen::Landmarks landmarks;
    bodygen::Skeleton skeleton;
};

inline BodyTables loadBodyTables() {
    auto landmarks = bodygen::Landmarks::load(bodyTables() / "landmarks.csv", bodyTables() / "landmark_bones.csv");
    REQUIRE_MESSAGE(landmarks, (landmarks ? "" : landmarks.error()));
    auto skeleton = bodygen::Skeleton::load(bodyTables() / "skeleton.csv", *landmarks);
    REQUIRE_MESSAGE(skeleton, (skeleton ? "" : skeleton.error()));
    return {std::move(landmarks.value()), std::move(skeleton.value())};
}

}  // namespace myomap::test

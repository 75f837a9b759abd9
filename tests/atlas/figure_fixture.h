// The atlas and the built-in figure (build/assets/body.glb) as the domain sees them, loaded
// once per test process.
#pragma once

#include "anatomy/atlas.h"
#include "anatomy/body_surface.h"
#include "explore/figure_surfaces.h"

#include <doctest/doctest.h>

#include <filesystem>

namespace myomap::test {

struct FigureAndAtlas {
    anatomy::Atlas atlas;
    anatomy::BodySurfaces body;
};

inline const FigureAndAtlas& figureAndAtlas() {
    static const FigureAndAtlas loaded = [] {
        const std::filesystem::path source(MYOMAP_SOURCE_DIR);
        FigureAndAtlas f;
        anatomy::LoadOptions options;
        options.logProblems = false;
        f.atlas = anatomy::loadAtlas(source / "assets" / "atlas", options);
        auto body = app::loadFigureSurfaces(MYOMAP_BODY_GLB, source / "assets" / "body" / "landmarks.csv");
        REQUIRE_MESSAGE(body.ok(), (body.ok() ? "" : body.error()));
        f.body = std::move(body.value());
        return f;
    }();
    return loaded;
}

}  // namespace myomap::test

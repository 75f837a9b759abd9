// myomap-bodygen: builds the figure from the body tables and writes it as a .glb, or checks
// it against a real segmented atlas (--atlas-check).
#include "bodygen/generate.h"
#include "bodygen/levels_of_detail.h"
#include "figurecheck/atlas_check.h"
#include "model/gltf_writer.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

namespace {

constexpr const char* kUsage =
    "Usage: myomap-bodygen --out FILE.glb [--tables DIR] [--stats]\n"
    "       myomap-bodygen --atlas-check DIR [--tables DIR]\n"
    "  --out FILE.glb       where to write the figure\n"
    "  --tables DIR         the body tables (default: assets/body of the source tree)\n"
    "  --stats              print joints, meshes and triangles per layer\n"
    "  --atlas-check DIR    compare the figure with the SPL head and neck atlas in DIR (its folder\n"
    "                       or its obj/ folder): registration residual and scale, then per muscle\n"
    "                       and side the centroid distance (mm) and the Dice overlap, also with\n"
    "                       the centroids made to coincide (docs/FIGURE.md)\n";

}  // namespace

int main(int argc, char** argv) {
    using namespace myomap;
    std::string out;
    std::string tables = MYOMAP_BODY_TABLES;
    std::string atlas;
    bool stats = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--out" || arg == "--tables" || arg == "--atlas-check") && i + 1 < argc) {
            (arg == "--out" ? out : arg == "--tables" ? tables : atlas) = argv[++i];
        } else if (arg == "--stats") {
            stats = true;
        } else if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else {
            std::fprintf(stderr, "myomap-bodygen: unknown or incomplete option '%s'\n%s", arg.c_str(), kUsage);
            return 2;
        }
    }
    if (out.empty() && !stats && atlas.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    bodygen::GenerationTimes times;
    auto body = bodygen::generateBody(tables, &times);
    if (!body) {
        std::fprintf(stderr, "myomap-bodygen: %s\n", body.error().c_str());
        return 1;
    }
    if (!atlas.empty()) {
        const auto checkStart = std::chrono::steady_clock::now();
        auto report = figurecheck::checkAgainstAtlas(*body, atlas);
        if (!report) {
            std::fprintf(stderr, "myomap-bodygen: %s\n", report.error().c_str());
            return 1;
        }
        std::fputs(figurecheck::formatAtlasReport(*report).c_str(), stdout);
        std::printf("time: figure %.2f s, atlas check %.2f s\n",
                    std::chrono::duration<double>(checkStart - start).count(),
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - checkStart).count());
        if (out.empty() && !stats) return 0;
    }
    auto scene = bodygen::toScene(*body, std::filesystem::path(tables) / "palette.csv");
    if (!scene) {
        std::fprintf(stderr, "myomap-bodygen: %s\n", scene.error().c_str());
        return 1;
    }
    if (!out.empty()) {
        if (auto s = model::writeGlb(*scene, out); !s) {
            std::fprintf(stderr, "myomap-bodygen: %s\n", s.error().c_str());
            return 1;
        }
    }
    if (stats) {
        std::map<std::string, std::pair<int, std::size_t>> perLayer;
        for (const auto& m : body->meshes) {
            auto& entry = perLayer[bodygen::layerName(m.layer)];
            ++entry.first;
            entry.second += m.indices.size() / 3;
        }
        std::printf("joints: %zu\nregions: %zu\nposes: %zu\n", body->skeleton.joints().size(), body->regions.size(), body->poses.size());
        for (const auto& [layer, counts] : perLayer) std::printf("%-13s %4d meshes %8zu triangles\n", layer.c_str(), counts.first, counts.second);
        // Levels of detail: the whole figure's triangles when every mesh is drawn at level k
        // (or its coarsest, where it has fewer levels).
        std::printf("levels of detail:");
        for (std::size_t k = 0; k <= bodygen::kLevelErrors.size(); ++k) {
            std::size_t triangles = 0;
            for (const model::Mesh& m : scene->meshes) {
                for (const model::Primitive& p : m.primitives) {
                    const std::size_t level = std::min(k, p.lods.size());
                    triangles += (level == 0 ? p.indices.size() : p.lods[level - 1].indices.size()) / 3;
                }
            }
            if (k == 0) std::printf(" full %zu,", triangles);
            else std::printf(" %.1f mm %zu%s", bodygen::kLevelErrors[k - 1] * 1000.0f, triangles, k < bodygen::kLevelErrors.size() ? "," : "");
        }
        std::printf(" triangles\n");
        const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("time: shape %.2f s, skin %.2f s, bones %.2f s, muscles %.2f s, total %.2f s\n", times.shape, times.skin,
                    times.bones, times.muscles, total);
    }
    return 0;
}

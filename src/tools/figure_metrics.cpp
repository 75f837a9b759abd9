#include "tools/figure_metrics.h"

#include "automation/headless.h"
#include "core/image.h"
#include "core/log.h"
#include "explore/camera.h"
#include "explore/frame_builder.h"
#include "model/pose.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

namespace myomap::app {
namespace {

struct ViewCounts {
    std::string view;
    std::size_t silhouette = 0;          // skin pixels counted (head top, feet and rim left out)
    std::size_t muscle = 0, bone = 0, background = 0, other = 0;  // skin off
    std::size_t opaqueNotSkin = 0;       // skin opaque, everything on (anatomy look)
    double percent(std::size_t n) const { return silhouette ? 100.0 * static_cast<double>(n) / static_cast<double>(silhouette) : 0.0; }
};

PartKind kindOf(const Explorer& explorer, std::uint32_t id) {
    const auto& parts = explorer.index().parts();
    return id == 0 || id - 1 >= parts.size() ? PartKind::Other : parts[id - 1].kind;
}

// The pixels where the skin alone covers the picture, less the head's top 13 % and the feet's
// bottom 5 % of the figure's height and a 2-pixel rim along the silhouette's edge.
std::vector<char> countedPixels(const Explorer& explorer, const std::vector<std::uint32_t>& skinOnly, int width, int height) {
    std::vector<char> skin(skinOnly.size(), 0);
    int top = height, bottom = -1;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
            if (kindOf(explorer, skinOnly[i]) != PartKind::Skin) continue;
            skin[i] = 1;
            top = std::min(top, y);
            bottom = std::max(bottom, y);
        }
    std::vector<char> counted(skin.size(), 0);
    if (bottom < top) return counted;
    const int figure = bottom - top + 1;
    const int from = top + static_cast<int>(0.13 * figure), to = bottom - static_cast<int>(0.05 * figure);
    constexpr int kRim = 2;
    for (int y = std::max(from, kRim); y <= std::min(to, height - 1 - kRim); ++y)
        for (int x = kRim; x < width - kRim; ++x) {
            bool inside = true;
            for (int dy = -kRim; dy <= kRim && inside; ++dy)
                for (int dx = -kRim; dx <= kRim && inside; ++dx)
                    inside = skin[static_cast<std::size_t>(y + dy) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x + dx)] != 0;
            counted[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = inside ? 1 : 0;
        }
    return counted;
}

// A picture of what was counted, for a person to see where the numbers come from: muscle red,
// bone ivory, background through the body black, skin pixels left out (head, feet, rim) grey,
// outside the silhouette white; with the skin opaque, a pixel showing anything but skin is blue.
ImageRgba countedMap(const Explorer& explorer, const std::vector<char>& counted, const std::vector<std::uint32_t>& skinOnly,
                     const std::vector<std::uint32_t>& skinOff, const std::vector<std::uint32_t>& opaque, const ImageSize& size) {
    ImageRgba image{size.width, size.height, std::vector<std::uint8_t>(counted.size() * 4, 255)};
    for (std::size_t i = 0; i < counted.size(); ++i) {
        std::array<std::uint8_t, 3> rgb{255, 255, 255};
        if (!counted[i]) {
            if (kindOf(explorer, skinOnly[i]) == PartKind::Skin) rgb = {190, 190, 190};
        } else if (kindOf(explorer, opaque[i]) != PartKind::Skin) {
            rgb = {30, 90, 255};
        } else if (skinOff[i] == 0) {
            rgb = {0, 0, 0};
        } else {
            const PartKind under = kindOf(explorer, skinOff[i]);
            rgb = under == PartKind::Muscle ? std::array<std::uint8_t, 3>{190, 40, 40}
                  : under == PartKind::Bone ? std::array<std::uint8_t, 3>{235, 225, 190}
                                            : std::array<std::uint8_t, 3>{40, 160, 60};
        }
        std::copy(rgb.begin(), rgb.end(), image.pixels.begin() + static_cast<std::ptrdiff_t>(i * 4));
    }
    return image;
}

// The table (or JSON) for the figure at `size`; the exit code. With `maps`, a picture of each
// view's counted pixels is written there (figure-<view>.png).
int measureFigure(OffscreenFigure& figure, const ImageSize& size, bool json, const std::filesystem::path& maps) {
    Explorer& explorer = figure.explorer;
    render::Renderer& renderer = figure.renderer;
    const model::Pose pose = explorer.view().pose(-1, 0.0f);
    const float aspect = static_cast<float>(size.width) / static_cast<float>(size.height);
    const std::size_t triangles = explorer.view().triangleCount();

    std::vector<ViewCounts> results;
    for (const auto& [view, name] : {std::pair{View::Anterior, "front"}, {View::Posterior, "back"}, {View::Left, "left"}}) {
        OrbitCamera camera;
        camera.setView(view);
        camera.frame(model::posedBounds(explorer.view().scene(), pose), aspect);
        const auto idsWith = [&](auto configure) {
            ExploreState& state = explorer.state();
            state = {};
            configure(state);
            render::FrameData frame;
            startFrame(frame, camera, aspect, size.width, size.height);
            explorer.addToFrame(pose, 0.0, renderer, frame);
            return renderer.pickImage(frame);
        };
        const auto skinOnly = idsWith([](ExploreState& s) {
            for (FigureLayer l : {FigureLayer::Superficial, FigureLayer::Intermediate, FigureLayer::Deep, FigureLayer::Bones})
                s.layer(l).visible = false;
        });
        const auto skinOff = idsWith([](ExploreState& s) { s.layer(FigureLayer::Skin).visible = false; });
        const auto opaque = idsWith([](ExploreState& s) { s.layer(FigureLayer::Skin).opacity = 1.0f; });
        if (skinOnly.empty() || skinOff.empty() || opaque.empty()) {
            log::error("figure-metrics: the id pass failed");
            return 1;
        }
        const std::vector<char> counted = countedPixels(explorer, skinOnly, size.width, size.height);
        ViewCounts c;
        c.view = name;
        for (std::size_t i = 0; i < counted.size(); ++i) {
            if (!counted[i]) continue;
            ++c.silhouette;
            const PartKind under = kindOf(explorer, skinOff[i]);
            if (skinOff[i] == 0) ++c.background;  // nothing between the camera and the background
            else if (under == PartKind::Muscle) ++c.muscle;
            else if (under == PartKind::Bone) ++c.bone;
            else ++c.other;
            if (kindOf(explorer, opaque[i]) != PartKind::Skin) ++c.opaqueNotSkin;
        }
        results.push_back(c);
        if (!maps.empty()) {
            const auto path = maps / ("figure-" + c.view + ".png");
            if (auto s = writePng(path, countedMap(explorer, counted, skinOnly, skinOff, opaque, size)); !s) {
                log::error("figure-metrics: " + s.error());
                return 1;
            }
        }
    }
    explorer.state() = {};

    if (json) {
        std::printf("{\"size\": \"%dx%d\", \"triangles\": %zu, \"views\": [", size.width, size.height, triangles);
        for (std::size_t i = 0; i < results.size(); ++i) {
            const ViewCounts& c = results[i];
            std::printf("%s{\"view\": \"%s\", \"pixels\": %zu, \"muscle_pct\": %.2f, \"bone_pct\": %.2f, "
                        "\"background_pct\": %.2f, \"opaque_not_skin_pct\": %.3f}",
                        i ? ", " : "", c.view.c_str(), c.silhouette, c.percent(c.muscle), c.percent(c.bone),
                        c.percent(c.background), c.percent(c.opaqueNotSkin));
        }
        std::puts("]}");
        return 0;
    }
    std::printf("figure metrics at %dx%d, %zu triangles (targets: muscle >= 85 %%, background <= 1.5 %%, "
                "opaque skin showing anything else <= 0.1 %%)\n",
                size.width, size.height, triangles);
    std::printf("%-6s %10s %9s %9s %12s %18s\n", "view", "pixels", "muscle %", "bone %", "background %", "opaque: not skin %");
    for (const ViewCounts& c : results) {
        std::printf("%-6s %10zu %9.2f %9.2f %12.2f %18.3f\n", c.view.c_str(), c.silhouette, c.percent(c.muscle),
                    c.percent(c.bone), c.percent(c.background), c.percent(c.opaqueNotSkin));
    }
    return 0;
}

}  // namespace

int runFigureMetrics(const std::vector<std::string>& args) {
    bool json = false;
    ImageSize size{600, 1000};
    std::filesystem::path maps;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--json") {
            json = true;
        } else if (args[i] == "--size" && i + 1 < args.size()) {
            auto parsed = parseImageSize(args[++i]);
            if (!parsed) {
                log::error("figure-metrics: --size: " + parsed.error());
                return 2;
            }
            size = *parsed;
        } else if (args[i] == "--maps" && i + 1 < args.size()) {
            maps = args[++i];
        } else {
            const bool help = args[i] == "--help";
            if (!help) log::error("figure-metrics: unknown argument '" + args[i] + "'");
            std::puts("myomap figure-metrics [--size WxH] [--json] [--maps DIR]\n"
                      "  What shows inside the built-in figure's skin silhouette from the front, the back and the\n"
                      "  left: with the skin off (muscle, bone, background through a gap) and with the skin opaque\n"
                      "  (anything but skin). The head's top 13 % and the feet's bottom 5 % and a 2-pixel rim are\n"
                      "  left out (docs/FIGURE.md). --maps writes DIR/figure-<view>.png: muscle red, bone ivory,\n"
                      "  background through the body black, opaque skin showing something else blue, left out grey.");
            return help ? 0 : 2;
        }
    }
    return onOffscreenFigure("Myomap figure metrics (offscreen)",
                             [&](OffscreenFigure& figure) { return measureFigure(figure, size, json, maps); });
}

}  // namespace myomap::app

// Internal to the handout: text set with pango (system fonts through fontconfig) and the
// drawable pieces a page is made of. Units are PDF points (1/72 inch), y downwards.
#pragma once

#include "core/image.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>
#include <vector>

namespace myomap::handout::detail {

inline constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

struct Rgb {
    double r = 0, g = 0, b = 0;
};

struct Font {
    double size = 9.5;  // points
    bool bold = false;
    bool italic = false;
};

using LayoutPtr = std::shared_ptr<PangoLayout>;
using SurfacePtr = std::shared_ptr<cairo_surface_t>;

// A pango context with fixed font options (no hinted metrics), so a layout measures the same
// on the PDF and on a scaled PNG surface. It has a font map of its own, released with it, so
// that no font cache outlives the handout (LeakSanitizer stays quiet).
class TextEngine {
public:
    explicit TextEngine(cairo_t* cr);
    ~TextEngine();
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    // Wrapped to `width` points; `maxLines` > 0 ellipsizes what goes beyond. Invalid UTF-8 is
    // replaced rather than dropped.
    LayoutPtr layout(std::string_view text, const Font& font, double width, int maxLines = 0,
                     PangoAlignment align = PANGO_ALIGN_LEFT) const;
    // A paragraph that starts with a bold run-in heading in `headColour`.
    LayoutPtr runIn(std::string_view head, std::string_view text, const Font& font, Rgb headColour,
                    double width, int maxLines = 0) const;

private:
    PangoFontMap* m_fontMap = nullptr;
    PangoContext* m_context = nullptr;
};

double heightOf(PangoLayout* layout);

// A straight-alpha RGBA image as a premultiplied cairo surface; null when the image is empty,
// malformed or too large for cairo.
SurfacePtr toSurface(const ImageRgba& image);

// The pieces of a block, positioned relative to the block's top-left corner.
struct TextItem {
    LayoutPtr layout;
    double x = 0, y = 0;
    Rgb colour;
};
struct FillItem {
    double x = 0, y = 0, w = 0, h = 0;
    Rgb colour;
};
struct RuleItem {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, width = 0.5;
    Rgb colour;
};
struct PictureItem {
    SurfacePtr surface;
    double x = 0, y = 0, w = 0, h = 0;
};

// A vertical slice of a page that is never split across pages.
struct Block {
    double height = 0;
    bool ruleAbove = false;  // separated from a block above it on the same page by a rule
    std::vector<FillItem> fills;
    std::vector<PictureItem> pictures;
    std::vector<RuleItem> rules;
    std::vector<TextItem> texts;
};

void drawBlock(cairo_t* cr, const Block& block, double x, double y);

}  // namespace myomap::handout::detail

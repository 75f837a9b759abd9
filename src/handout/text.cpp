#include "handout/text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace myomap::handout::detail {

namespace {

// fontconfig resolves the family; DejaVu Sans comes with fonts-dejavu-core and covers Latin
// accents, dashes and arrows. Missing glyphs fall back to other installed fonts.
constexpr const char* kFamily = "DejaVu Sans";

std::string validUtf8(std::string_view text) {
    char* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    std::string result(valid);
    g_free(valid);
    return result;
}

}  // namespace

TextEngine::TextEngine(cairo_t* cr) {
    m_fontMap = pango_cairo_font_map_new();
    m_context = pango_font_map_create_context(m_fontMap);
    pango_cairo_update_context(cr, m_context);
    // One point is one user unit whatever the surface; unhinted metrics keep line breaks and
    // heights independent of the output resolution.
    pango_cairo_context_set_resolution(m_context, 72.0);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(m_context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(m_context, FALSE);
}

TextEngine::~TextEngine() {
    g_object_unref(m_context);
    g_object_unref(m_fontMap);
}

LayoutPtr TextEngine::layout(std::string_view text, const Font& font, double width, int maxLines,
                             PangoAlignment align) const {
    LayoutPtr layout(pango_layout_new(m_context), [](PangoLayout* l) { g_object_unref(l); });
    PangoFontDescription* description = pango_font_description_new();
    pango_font_description_set_family(description, kFamily);
    pango_font_description_set_size(description, static_cast<gint>(std::lround(font.size * PANGO_SCALE)));
    pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), description);
    pango_font_description_free(description);

    pango_layout_set_width(layout.get(), static_cast<int>(std::max(1.0, width) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_line_spacing(layout.get(), 1.04f);
    if (maxLines > 0) {
        pango_layout_set_height(layout.get(), -maxLines);
        pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
    const std::string valid = validUtf8(text);
    pango_layout_set_text(layout.get(), valid.c_str(), static_cast<int>(valid.size()));
    return layout;
}

LayoutPtr TextEngine::runIn(std::string_view head, std::string_view text, const Font& font, Rgb headColour,
                            double width, int maxLines) const {
    const std::string validHead = validUtf8(head) + " ";
    LayoutPtr result = layout(validHead + validUtf8(text), font, width, maxLines);
    PangoAttrList* attributes = pango_attr_list_new();
    auto span = [&](PangoAttribute* attribute) {
        attribute->start_index = 0;
        attribute->end_index = static_cast<guint>(validHead.size());
        pango_attr_list_insert(attributes, attribute);
    };
    span(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
    auto channel = [](double c) { return static_cast<guint16>(std::lround(std::clamp(c, 0.0, 1.0) * 65535)); };
    span(pango_attr_foreground_new(channel(headColour.r), channel(headColour.g), channel(headColour.b)));
    pango_layout_set_attributes(result.get(), attributes);
    pango_attr_list_unref(attributes);
    return result;
}

double heightOf(PangoLayout* layout) {
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

SurfacePtr toSurface(const ImageRgba& image) {
    constexpr int kMaxSide = 16384;
    if (image.width <= 0 || image.height <= 0 || image.width > kMaxSide || image.height > kMaxSide ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
        return nullptr;
    }
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height),
                       [](cairo_surface_t* s) { cairo_surface_destroy(s); });
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return nullptr;
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < image.height; ++y) {
        unsigned char* row = data + static_cast<std::ptrdiff_t>(y) * stride;
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.at(x, y);
            const std::uint32_t a = p[3];
            auto premultiply = [a](std::uint8_t c) { return (static_cast<std::uint32_t>(c) * a + 127) / 255; };
            // ARGB32 is a native-endian 32-bit word per pixel.
            const std::uint32_t word = (a << 24) | (premultiply(p[0]) << 16) | (premultiply(p[1]) << 8) | premultiply(p[2]);
            std::memcpy(row + static_cast<std::ptrdiff_t>(x) * 4, &word, 4);
        }
    }
    cairo_surface_mark_dirty(surface.get());
    return surface;
}

void drawBlock(cairo_t* cr, const Block& block, double x, double y) {
    for (const FillItem& f : block.fills) {
        cairo_set_source_rgb(cr, f.colour.r, f.colour.g, f.colour.b);
        cairo_rectangle(cr, x + f.x, y + f.y, f.w, f.h);
        cairo_fill(cr);
    }
    for (const PictureItem& p : block.pictures) {
        const double sw = cairo_image_surface_get_width(p.surface.get());
        const double sh = cairo_image_surface_get_height(p.surface.get());
        cairo_save(cr);
        cairo_rectangle(cr, x + p.x, y + p.y, p.w, p.h);
        cairo_clip(cr);
        cairo_translate(cr, x + p.x, y + p.y);
        cairo_scale(cr, p.w / sw, p.h / sh);
        cairo_set_source_surface(cr, p.surface.get(), 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
        cairo_paint(cr);
        cairo_restore(cr);
        // A hairline frame keeps a light picture from dissolving into the paper.
        cairo_set_source_rgb(cr, 0.78, 0.80, 0.82);
        cairo_set_line_width(cr, 0.5);
        cairo_rectangle(cr, x + p.x, y + p.y, p.w, p.h);
        cairo_stroke(cr);
    }
    for (const RuleItem& r : block.rules) {
        cairo_set_source_rgb(cr, r.colour.r, r.colour.g, r.colour.b);
        cairo_set_line_width(cr, r.width);
        cairo_move_to(cr, x + r.x0, y + r.y0);
        cairo_line_to(cr, x + r.x1, y + r.y1);
        cairo_stroke(cr);
    }
    for (const TextItem& t : block.texts) {
        cairo_set_source_rgb(cr, t.colour.r, t.colour.g, t.colour.b);
        cairo_move_to(cr, x + t.x, y + t.y);
        pango_cairo_show_layout(cr, t.layout.get());
    }
}

}  // namespace myomap::handout::detail

#include "handout/blocks.h"

#include <algorithm>
#include <cstddef>

namespace myomap::handout::detail {

namespace {

using namespace style;

constexpr Font kBody{9};
constexpr Font kSubheading{9, true};
constexpr Font kSection{12.5, true};

// How many list entries a block shows at most; the rest is summarised in one line. With the
// line limits below, one muscle always fits on a page by itself.
constexpr std::size_t kMaxPainAreas = 12;
constexpr std::size_t kMaxSteps = 6;
// Red flags are never cut short: a muscle has at most 7 cautions of its own, plus the pressure ones.
constexpr std::size_t kMaxCautions = 10;

// Stacks text top to bottom in a column of a block.
class Column {
public:
    Column(const TextEngine& text, Block& block, double x, double width)
        : m_text(text), m_block(block), m_x(x), m_width(width) {}

    // Adds a paragraph `gap` points below the previous one; returns its top.
    double add(std::string_view s, const Font& font, Rgb colour, double gap, int maxLines = 0,
               double indent = 0) {
        if (m_y > 0) m_y += gap;
        const double top = m_y;
        LayoutPtr layout = m_text.layout(s, font, m_width - indent, maxLines);
        m_y += heightOf(layout.get());
        m_block.texts.push_back({std::move(layout), m_x + indent, top, colour});
        return top;
    }

    // A numbered or bulleted entry: the marker in the gutter, the text wrapped beside it.
    void entry(std::string_view marker, std::string_view s, const Font& font, Rgb markerColour,
               Rgb colour, double gap, int maxLines) {
        const double gutter = mm(5);
        const double top = add(s, font, colour, gap, maxLines, gutter);
        m_block.texts.push_back({m_text.layout(marker, font, gutter), m_x, top, markerColour});
    }

    // A paragraph led by a bold heading on the same line.
    void runIn(std::string_view head, std::string_view s, const Font& font, Rgb headColour, Rgb colour,
               double gap, int maxLines) {
        if (m_y > 0) m_y += gap;
        LayoutPtr layout = m_text.runIn(head, s, font, headColour, m_width, maxLines);
        const double top = m_y;
        m_y += heightOf(layout.get());
        m_block.texts.push_back({std::move(layout), m_x, top, colour});
    }

    void skip(double points) { m_y += points; }
    double y() const { return m_y; }
    double x() const { return m_x; }
    double width() const { return m_width; }

private:
    const TextEngine& m_text;
    Block& m_block;
    double m_x;
    double m_width;
    double m_y = 0;
};

// Places `picture` in a box `width` wide and at most `maxHeight` tall, aspect kept, centred
// horizontally; returns the height used.
double placePicture(Block& block, const SurfacePtr& picture, double x, double width, double maxHeight) {
    const double sw = cairo_image_surface_get_width(picture.get());
    const double sh = cairo_image_surface_get_height(picture.get());
    double w = width;
    double h = width * sh / sw;
    if (h > maxHeight) {
        h = maxHeight;
        w = h * sw / sh;
    }
    block.pictures.push_back({picture, x + (width - w) / 2, 0, w, h});
    return h;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Block headerBlock(const TextEngine& text, const Handout& handout) {
    Block block;
    Column column(text, block, 0, kContentWidth);
    if (!handout.clinicName.empty()) column.add(handout.clinicName, {19, true}, kAccent, 0, 2);
    if (!handout.title.empty()) column.add(handout.title, {14}, kInk, mm(1), 2);
    if (!handout.clientLabel.empty() || !handout.date.empty()) {
        const double top = column.y() + (column.y() > 0 ? mm(1) : 0);
        double height = 0;
        if (!handout.clientLabel.empty()) {
            LayoutPtr client = text.layout(handout.clientLabel, {9.5}, kContentWidth * 0.62, 1);
            height = heightOf(client.get());
            block.texts.push_back({std::move(client), 0, top, kMuted});
        }
        if (!handout.date.empty()) {
            LayoutPtr date = text.layout(handout.date, {9.5}, kContentWidth * 0.36, 1, PANGO_ALIGN_RIGHT);
            height = std::max(height, heightOf(date.get()));
            block.texts.push_back({std::move(date), kContentWidth * 0.64, top, kMuted});
        }
        column.skip(top - column.y() + height);
    }
    const double rule = column.y() + mm(2.5);
    block.rules.push_back({0, rule, kContentWidth, rule, 1.4, kAccent});
    block.height = rule + 0.7;
    return block;
}

Block runningHeaderBlock(const TextEngine& text, const Handout& handout) {
    Block block;
    std::string line = handout.clinicName;
    if (!handout.title.empty()) line += (line.empty() ? "" : "  \u00b7  ") + handout.title;
    if (!handout.clientLabel.empty()) line += (line.empty() ? "" : "  \u00b7  ") + handout.clientLabel;
    Column column(text, block, 0, kContentWidth);
    column.add(line.empty() ? std::string(" ") : line, {8.5}, kMuted, 0, 1);
    const double rule = column.y() + mm(1.5);
    block.rules.push_back({0, rule, kContentWidth, rule, 0.5, kRule});
    block.height = rule;
    return block;
}

Block painBlock(const TextEngine& text, const Handout& handout, const SurfacePtr& picture) {
    Block block;
    if (handout.painAreas.empty() && !picture) return block;
    double pictureHeight = 0;
    double x = 0;
    if (picture) {
        pictureHeight = placePicture(block, picture, 0, mm(28), mm(36));
        x = mm(34);
    }
    Column column(text, block, x, kContentWidth - x);
    column.add("Where you feel it", kSection, kAccent, 0, 1);
    const std::size_t shown = std::min(handout.painAreas.size(), kMaxPainAreas);
    for (std::size_t i = 0; i < shown; ++i) {
        column.entry("\u2022", handout.painAreas[i], {10.5}, kAccent, kInk, i == 0 ? mm(2) : mm(1), 2);
    }
    if (handout.painAreas.size() > shown) {
        column.add("and " + plural(handout.painAreas.size() - shown, "more area", "more areas"), kBody,
                   kMuted, mm(1), 1, mm(5));
    }
    block.height = std::max(pictureHeight, column.y());
    return block;
}

Block muscleBlock(const TextEngine& text, const HandoutMuscle& muscle, const SurfacePtr& picture,
                  double pictureWidth, bool first) {
    Block block;
    double top = 0;
    if (first) {
        LayoutPtr heading = text.layout("The muscles involved", kSection, kContentWidth, 1);
        top = heightOf(heading.get()) + mm(2);
        block.texts.push_back({std::move(heading), 0, 0, kAccent});
    } else {
        block.ruleAbove = true;
    }

    Block body;
    double pictureHeight = 0;
    double x = 0;
    if (picture) {
        pictureHeight = placePicture(body, picture, 0, pictureWidth, pictureWidth * 1.2);
        x = pictureWidth + mm(6);
    }
    Column column(text, body, x, kContentWidth - x);
    column.add(muscle.name.empty() ? std::string("Muscle") : muscle.name, {13, true}, kInk, 0, 2);
    if (!muscle.latin.empty()) column.add(muscle.latin, {9.5, false, true}, kMuted, mm(0.5), 2);
    if (!muscle.whereItHurts.empty()) {
        column.runIn("Where you may feel it:", muscle.whereItHurts, kBody, kAccent, kInk, mm(2.5), 6);
    }
    if (!muscle.whyItHappens.empty()) {
        column.runIn("Why it happens:", muscle.whyItHappens, kBody, kAccent, kInk, mm(1.8), 4);
    }
    if (!muscle.selfCare.empty()) {
        column.add("What you can do", kSubheading, kAccent, mm(2.5));
        const std::size_t shown = std::min(muscle.selfCare.size(), kMaxSteps);
        for (std::size_t i = 0; i < shown; ++i) {
            column.entry(std::to_string(i + 1) + ".", muscle.selfCare[i], kBody, kAccent, kInk,
                         i == 0 ? mm(0.8) : mm(1.2), 6);
        }
        if (muscle.selfCare.size() > shown) {
            column.add(plural(muscle.selfCare.size() - shown, "more step", "more steps") +
                           ": ask your therapist",
                       kBody, kMuted, mm(1), 1, mm(5));
        }
    }
    if (!muscle.cautions.empty()) {
        // A tinted box with a bar on its left: the one place the warning colour is used.
        const double pad = mm(1.3);
        column.skip(mm(2.2));
        const double boxTop = column.y();
        Column inner(text, body, column.x() + pad + mm(1), column.width() - 2 * pad - mm(1));
        inner.skip(boxTop + pad);
        inner.add("\u26a0 Take care", kSubheading, kWarning, 0, 1);
        const std::size_t shown = std::min(muscle.cautions.size(), kMaxCautions);
        for (std::size_t i = 0; i < shown; ++i) {
            inner.entry("\u2022", muscle.cautions[i], kBody, kWarning, kWarning, mm(0.8), 0);
        }
        const double boxHeight = inner.y() + pad - boxTop;
        body.fills.push_back({column.x(), boxTop, column.width(), boxHeight, kWarningFill});
        body.fills.push_back({column.x(), boxTop, mm(0.9), boxHeight, kWarning});
        column.skip(boxHeight);
    }
    // Shift the body below the heading or rule.
    for (auto& p : body.pictures) block.pictures.push_back({p.surface, p.x, p.y + top, p.w, p.h});
    for (auto& f : body.fills) block.fills.push_back({f.x, f.y + top, f.w, f.h, f.colour});
    for (auto& t : body.texts) block.texts.push_back({t.layout, t.x, t.y + top, t.colour});
    block.height = top + std::max(pictureHeight, column.y());
    return block;
}

Block moreMusclesBlock(const TextEngine& text, const std::vector<std::string>& names) {
    Block block;
    block.ruleAbove = true;
    Column column(text, block, 0, kContentWidth);
    column.add(plural(names.size(), "more muscle", "more muscles") + ": ask your therapist", {11, true},
               kAccent, 0, 1);
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : "; ") + name;
    if (!list.empty()) column.add("Not shown here: " + list + ".", kBody, kMuted, mm(0.8), 2);
    block.height = column.y();
    return block;
}

Block notesBlock(const TextEngine& text, const std::string& notes) {
    Block block;
    if (notes.empty()) return block;
    const double pad = mm(3);
    Column column(text, block, pad, kContentWidth - 2 * pad);
    column.skip(pad);
    column.add("Notes from your therapist", {11, true}, kAccent, 0, 1);
    column.add(notes, kBody, kInk, mm(1), 14);
    block.height = column.y() + pad;
    block.fills.insert(block.fills.begin(), {0, 0, kContentWidth, block.height, kNoteFill});
    return block;
}

Block footerBlock(const TextEngine& text, const std::string& disclaimer, int page, int pages) {
    Block block;
    block.rules.push_back({0, 0, kContentWidth, 0, 0.5, kRule});
    const double top = mm(2);
    const double numberWidth = mm(20);
    double height = 0;
    if (!disclaimer.empty()) {
        LayoutPtr note = text.layout(disclaimer, {7.5}, kContentWidth - numberWidth - mm(4), 4);
        height = heightOf(note.get());
        block.texts.push_back({std::move(note), 0, top, kMuted});
    }
    LayoutPtr number = text.layout(std::to_string(page) + " / " + std::to_string(pages), {8.5},
                                   numberWidth, 1, PANGO_ALIGN_RIGHT);
    height = std::max(height, heightOf(number.get()));
    block.texts.push_back({std::move(number), kContentWidth - numberWidth, top, kMuted});
    block.height = top + height;
    return block;
}

}  // namespace myomap::handout::detail

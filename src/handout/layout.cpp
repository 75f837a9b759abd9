#include "handout/layout.h"

#include <algorithm>
#include <array>
#include <optional>

namespace myomap::handout::detail {

namespace {

using namespace style;

// Muscle picture widths tried in turn before muscles are left out: the largest that lets
// everything fit wins. Below ~40 mm a whole-figure picture stops being readable.
constexpr std::array<double, 3> kPictureWidths{mm(60), mm(50), mm(42)};
// A one-page handout is worth smaller pictures, but only down to the second width.
constexpr std::size_t kOnePageWidths = 2;
// More than this many muscles can never fit on two pages; the rest are counted, not laid out.
constexpr std::size_t kMaxMusclesConsidered = 12;

struct Frame {
    double firstTop = 0;   // where page 1's content starts
    double laterTop = 0;   // where later pages' content starts, below the running header
    double bottom = 0;
};

// Places blocks top to bottom, a new page when one does not fit. Fails when more than
// `maxPages` are needed or, unless `allowOversize`, when a block is taller than a whole page.
std::optional<std::vector<Page>> paginate(const std::vector<Block>& blocks, const Frame& frame,
                                          bool allowOversize, std::size_t maxPages = kMaxPages) {
    std::vector<Page> pages(1);
    double y = frame.firstTop;
    for (const Block& block : blocks) {
        if (block.height <= 0) continue;
        const bool pageEmpty = pages.back().blocks.empty();
        double at = pageEmpty ? y : y + (block.ruleAbove ? kRuledGap : kBlockGap);
        if (at + block.height > frame.bottom && !pageEmpty) {
            if (pages.size() == maxPages) return std::nullopt;
            pages.emplace_back();
            at = frame.laterTop;
        }
        if (at + block.height > frame.bottom && !allowOversize) return std::nullopt;
        pages.back().blocks.push_back({block, at});
        y = at + block.height;
    }
    return pages;
}

}  // namespace

Plan planHandout(const TextEngine& text, const Handout& handout) {
    const double footerHeight = footerBlock(text, handout.disclaimer, 1, 2).height;
    const Block running = runningHeaderBlock(text, handout);
    Frame frame;
    frame.firstTop = kMargin;
    frame.laterTop = kMargin + running.height + kBlockGap;
    frame.bottom = kPageHeight - kMargin - footerHeight - kFooterGap;

    const Block header = headerBlock(text, handout);
    const Block pain = painBlock(text, handout, toSurface(handout.painPicture));
    const Block notes = notesBlock(text, handout.notes);

    const std::size_t considered = std::min(handout.muscles.size(), kMaxMusclesConsidered);
    std::vector<SurfacePtr> pictures;
    for (std::size_t i = 0; i < considered; ++i) pictures.push_back(toSurface(handout.muscles[i].picture));
    // muscleBlocks[w][i]: muscle i at picture width kPictureWidths[w], built on first use.
    std::array<std::vector<std::optional<Block>>, kPictureWidths.size()> muscleBlocks;
    for (auto& row : muscleBlocks) row.resize(considered);
    auto muscle = [&](std::size_t w, std::size_t i) -> const Block& {
        if (!muscleBlocks[w][i]) {
            muscleBlocks[w][i] = muscleBlock(text, handout.muscles[i], pictures[i], kPictureWidths[w], i == 0);
        }
        return *muscleBlocks[w][i];
    };

    auto blocksFor = [&](std::size_t keep, std::size_t w) {
        std::vector<Block> blocks{header, pain};
        for (std::size_t i = 0; i < keep; ++i) blocks.push_back(muscle(w, i));
        if (keep < handout.muscles.size()) {
            std::vector<std::string> left;
            for (std::size_t i = keep; i < handout.muscles.size(); ++i) left.push_back(handout.muscles[i].name);
            blocks.push_back(moreMusclesBlock(text, left));
        }
        blocks.push_back(notes);
        return blocks;
    };

    Plan plan;
    plan.contentBottom = frame.bottom;
    // Everything on one page if the pictures can stay large; else on two pages with pictures as
    // large as possible; else fewer muscles.
    for (std::size_t w = 0; w < kOnePageWidths && considered == handout.muscles.size(); ++w) {
        if (auto pages = paginate(blocksFor(considered, w), frame, false, 1)) {
            plan.pages = std::move(*pages);
            return plan;
        }
    }
    for (std::size_t keep = considered + 1; keep-- > 0;) {
        for (std::size_t w = 0; w < kPictureWidths.size(); ++w) {
            if (auto pages = paginate(blocksFor(keep, w), frame, false)) {
                plan.pages = std::move(*pages);
                return plan;
            }
            if (keep == 0) break;  // no pictures to shrink
        }
    }
    // Only when the header, pain areas or notes alone overfill a page (extreme text): lay them
    // out anyway; drawPage clips each page's content above the footer.
    plan.pages = paginate(blocksFor(0, 0), frame, true, 64).value_or(std::vector<Page>(1));
    if (plan.pages.size() > kMaxPages) plan.pages.resize(kMaxPages);
    return plan;
}

void drawPage(cairo_t* cr, const TextEngine& text, const Handout& handout, const Plan& plan, std::size_t index) {
    const int pages = static_cast<int>(plan.pages.size());
    if (index > 0) drawBlock(cr, runningHeaderBlock(text, handout), kMargin, kMargin);

    cairo_save(cr);
    cairo_rectangle(cr, 0, 0, kPageWidth, plan.contentBottom + kFooterGap / 2);
    cairo_clip(cr);
    const auto& blocks = plan.pages[index].blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (i > 0 && blocks[i].block.ruleAbove) {
            const double y = blocks[i].y - kRuledGap / 2;
            cairo_set_source_rgb(cr, kRule.r, kRule.g, kRule.b);
            cairo_set_line_width(cr, 0.5);
            cairo_move_to(cr, kMargin, y);
            cairo_line_to(cr, kMargin + kContentWidth, y);
            cairo_stroke(cr);
        }
        drawBlock(cr, blocks[i].block, kMargin, blocks[i].y);
    }
    cairo_restore(cr);

    const Block footer = footerBlock(text, handout.disclaimer, static_cast<int>(index) + 1, pages);
    drawBlock(cr, footer, kMargin, kPageHeight - kMargin - footer.height);
}

}  // namespace myomap::handout::detail

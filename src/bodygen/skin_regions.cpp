#include "bodygen/skin_regions.h"

#include "bodygen/csv.h"

#include <cstdlib>
#include <limits>
#include <sstream>

namespace myomap::bodygen {
namespace {

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// "landmark" or "landmark:dx:dy:dz" (left side, metres).
Result<glm::vec3> parseAnchor(const std::string& text, const Landmarks& landmarks) {
    const auto colon = text.find(':');
    auto base = landmarks.resolve(text.substr(0, colon), Side::Left);
    if (!base) return fail("anchor '" + text + "': " + base.error());
    if (colon == std::string::npos) return *base;
    glm::vec3 offset(0.0f);
    std::size_t start = colon + 1;
    for (int axis = 0; axis < 3; ++axis) {
        const auto end = axis < 2 ? text.find(':', start) : text.size();
        const std::string number = end == std::string::npos ? std::string() : text.substr(start, end - start);
        char* stop = nullptr;
        offset[axis] = std::strtof(number.c_str(), &stop);
        if (number.empty() || stop != number.c_str() + number.size()) {
            return fail("anchor '" + text + "': the offset must be three numbers, as in name:0.01:0:-0.02");
        }
        start = end + 1;
    }
    return *base + offset;
}

}  // namespace

Result<RegionTable> RegionTable::load(const std::filesystem::path& regionsCsv, const Landmarks& landmarks,
                                      const Skeleton& skeleton) {
    auto table = CsvTable::read(regionsCsv);
    if (!table) return fail(table.error());
    std::size_t col[4];
    const char* columns[4] = {"region", "side", "joints", "anchors"};
    for (int i = 0; i < 4; ++i) {
        auto c = table->column(columns[i]);
        if (!c) return fail(c.error());
        col[i] = *c;
    }
    RegionTable out;
    out.m_jointAnchors.resize(skeleton.joints().size());
    for (const CsvRow& row : table->rows()) {
        const std::string& name = row.cells[col[0]];
        const std::string& sideText = row.cells[col[1]];
        if (sideText != "mid" && sideText != "LR") {
            return fail(table->where(row) + ": side '" + sideText + "' must be mid or LR");
        }
        const bool paired = sideText == "LR";
        std::vector<glm::vec3> left;
        for (const std::string& a : words(row.cells[col[3]])) {
            auto p = parseAnchor(a, landmarks);
            if (!p) return fail(table->where(row) + ": " + p.error());
            left.push_back(*p);
        }
        if (left.empty()) return fail(table->where(row) + ": region '" + name + "' has no anchors");
        const int first = static_cast<int>(out.m_names.size());
        if (paired) {
            out.m_names.push_back(name + ".L");
            out.m_names.push_back(name + ".R");
            out.m_sides.insert(out.m_sides.end(), {Side::Left, Side::Right});
        } else {
            out.m_names.push_back(name);
            out.m_sides.push_back(Side::Mid);
        }
        const std::size_t anchorStart = out.m_anchors.size();
        for (const glm::vec3& p : left) {
            out.m_anchors.push_back({p, first});
            if (paired) {
                out.m_anchors.push_back({mirror(p), first + 1});
            } else if (p.x != 0.0f) {
                out.m_anchors.push_back({mirror(p), first});  // keep midline regions symmetric
            }
        }
        const std::vector<std::string> jointNames = words(row.cells[col[2]]);
        if (jointNames.empty()) return fail(table->where(row) + ": region '" + name + "' lists no joints");
        for (const std::string& base : jointNames) {
            bool known = false;
            for (std::size_t j = 0; j < skeleton.joints().size(); ++j) {
                const Joint& joint = skeleton.joints()[j];
                if (joint.base != base) continue;
                known = true;
                for (std::size_t a = anchorStart; a < out.m_anchors.size(); ++a) {
                    const Side side = out.m_sides[static_cast<std::size_t>(out.m_anchors[a].region)];
                    if (side == Side::Mid || joint.side == Side::Mid || side == joint.side) {
                        out.m_jointAnchors[j].push_back(static_cast<int>(a));
                    }
                }
            }
            if (!known) return fail(table->where(row) + ": joint '" + base + "' is not in the skeleton");
        }
    }
    for (std::size_t j = 0; j < skeleton.joints().size(); ++j) {
        if (out.m_jointAnchors[j].empty()) {
            return fail(regionsCsv.string() + ": no region lists joint '" + skeleton.joints()[j].base +
                        "'; add it to the joints of the regions that cover its skin");
        }
    }
    return out;
}

int RegionTable::regionAt(const glm::vec3& p, int joint) const {
    // The midline decides the side; sided regions never cross it.
    const Side side = p.x >= 0.0f ? Side::Left : Side::Right;
    auto nearest = [&](auto&& anchorIndices) {
        int best = -1;
        float bestDistance = std::numeric_limits<float>::max();
        for (const int a : anchorIndices) {
            const Anchor& anchor = m_anchors[static_cast<std::size_t>(a)];
            const Side s = m_sides[static_cast<std::size_t>(anchor.region)];
            if (s != Side::Mid && s != side) continue;
            const glm::vec3 d = anchor.position - p;
            const float d2 = glm::dot(d, d);
            if (d2 < bestDistance) {
                bestDistance = d2;
                best = anchor.region;
            }
        }
        return best;
    };
    const int region = nearest(m_jointAnchors[static_cast<std::size_t>(joint)]);
    if (region >= 0) return region;
    std::vector<int> all(m_anchors.size());
    for (std::size_t a = 0; a < all.size(); ++a) all[a] = static_cast<int>(a);
    return nearest(all);
}

}  // namespace myomap::bodygen

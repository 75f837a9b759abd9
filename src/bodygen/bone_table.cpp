#include "bodygen/bone_table.h"

#include "bodygen/csv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

namespace myomap::bodygen {
namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> split(const std::string& s, char separator) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, separator)) out.push_back(trim(item));
    return out;
}

Result<float> parseNumber(const std::string& text) {
    float value = 0.0f;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return fail("'" + text + "' is not a number");
    }
    return value;
}

// A spine level: "c1".."c7", "t1".."t12", "l1".."l5", "s1".."s5" (numbered 1..29 from the top),
// optionally "+0.5" or "-0.5" levels further, or a plain number.
Result<float> parseLevel(const std::string& text) {
    if (auto n = parseNumber(text)) return n;
    const std::map<char, std::pair<int, int>> regions = {{'c', {0, 7}}, {'t', {7, 12}}, {'l', {19, 5}}, {'s', {24, 5}}};
    const auto region = text.empty() ? regions.end() : regions.find(text[0]);
    std::size_t digits = 1;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (region == regions.end() || digits == 1)
        return fail("level '" + text + "' is not a number or a vertebra (c1, t7, l5, s1)");
    const int number = std::stoi(text.substr(1, digits - 1));
    if (number < 1 || number > region->second.second)
        return fail("there is no vertebra '" + text.substr(0, digits) + "'");
    float extra = 0.0f;
    if (digits < text.size()) {
        auto e = parseNumber(text.substr(text[digits] == '+' ? digits + 1 : digits));
        if (!e) return fail("level '" + text + "': the part after the vertebra must be like +0.5");
        extra = *e;
    }
    return static_cast<float>(region->second.first + number) + extra;
}

// A smooth curve through landmarks placed at spine levels (a cubic Hermite in the level, with
// Catmull-Rom slopes), continued straight beyond its ends.
struct SpineCurve {
    std::vector<float> level;
    std::vector<glm::vec3> point;

    glm::vec3 slope(std::size_t i) const {
        const std::size_t a = i == 0 ? 0 : i - 1, b = std::min(i + 1, point.size() - 1);
        return (point[b] - point[a]) / (level[b] - level[a]);
    }
    // Position and derivative with respect to the level.
    std::pair<glm::vec3, glm::vec3> at(float x) const {
        if (x <= level.front()) return {point.front() + slope(0) * (x - level.front()), slope(0)};
        const std::size_t last = point.size() - 1;
        if (x >= level.back()) return {point.back() + slope(last) * (x - level.back()), slope(last)};
        std::size_t i = 0;
        while (level[i + 1] < x) ++i;
        const float h = level[i + 1] - level[i], s = (x - level[i]) / h;
        const glm::vec3 m0 = slope(i) * h, m1 = slope(i + 1) * h;
        const float s2 = s * s, s3 = s2 * s;
        const glm::vec3 p = (2 * s3 - 3 * s2 + 1) * point[i] + (s3 - 2 * s2 + s) * m0 +
                            (-2 * s3 + 3 * s2) * point[i + 1] + (s3 - s2) * m1;
        const glm::vec3 d = (6 * s2 - 6 * s) * point[i] + (3 * s2 - 4 * s + 1) * m0 + (-6 * s2 + 6 * s) * point[i + 1] +
                            (3 * s2 - 2 * s) * m1;
        return {p, d / h};
    }
};

class PointResolver {
public:
    explicit PointResolver(const Landmarks& landmarks) : m_landmarks(landmarks) {}

    // One point as written in the `points` or `across` column (see bones.csv's header).
    Result<BonePoint> resolve(const std::string& item, Side side) const {
        std::string base = item;
        glm::vec3 offset(0.0f);
        if (!base.empty() && base.back() == ')') {
            const auto open = base.find('(');
            if (open == std::string::npos) return fail("'" + item + "': ')' without '('");
            const auto numbers = split(trim(base.substr(open + 1, base.size() - open - 2)), ' ');
            std::vector<float> values;
            for (const auto& n : numbers) {
                if (n.empty()) continue;
                auto v = parseNumber(n);
                if (!v) return fail("offset in '" + item + "': " + v.error());
                values.push_back(*v * 0.01f);
            }
            if (values.size() != 3)
                return fail("offset in '" + item + "' needs three numbers (lateral up forward, cm)");
            base = trim(base.substr(0, open));
            offset = {values[0], values[1], values[2]};
            // Offsets are lateral on the side the point is on: a right landmark named on a
            // midline row mirrors its lateral offset.
            if (base.size() > 2 && base.compare(base.size() - 2, 2, ".R") == 0) offset.x = -offset.x;
        }
        auto point = resolveBase(base, side);
        if (!point) return point;
        point->position += offset;
        return point;
    }

    Status addCurve(const std::string& name, const std::vector<std::string>& items) {
        SpineCurve curve;
        for (const auto& item : items) {
            const auto at = item.rfind('@');
            if (at == std::string::npos) return fail("curve point '" + item + "' needs a level: landmark@t4");
            auto level = parseLevel(item.substr(at + 1));
            if (!level) return fail(level.error());
            auto p = m_landmarks.resolve(item.substr(0, at), Side::Mid);
            if (!p) return fail(p.error());
            if (!curve.level.empty() && *level <= curve.level.back()) {
                return fail("curve point '" + item + "': levels must go down the spine (increase)");
            }
            curve.level.push_back(*level);
            curve.point.push_back(*p);
        }
        if (curve.point.size() < 2) return fail("a curve needs at least two points");
        if (m_curves.count(name)) return fail("curve '" + name + "' is defined twice");
        m_curves[name] = std::move(curve);
        return Ok{};
    }

private:
    Result<BonePoint> resolveBase(const std::string& base, Side side) const {
        const auto at = base.find('@');
        const auto arrow = base.find('>');
        if (at != std::string::npos && arrow == std::string::npos) {
            const auto curve = m_curves.find(base.substr(0, at));
            if (curve == m_curves.end())
                return fail("unknown curve '" + base.substr(0, at) + "' (define it above with shape curve)");
            auto level = parseLevel(base.substr(at + 1));
            if (!level) return fail(level.error());
            const auto [p, d] = curve->second.at(*level);
            return BonePoint{p, glm::length(d) > 0.0f ? -glm::normalize(d) : glm::vec3(0.0f)};
        }
        if (arrow != std::string::npos) {
            if (at == std::string::npos || at < arrow)
                return fail("'" + base + "': write a point between two as from>to@fraction");
            auto from = m_landmarks.resolve(base.substr(0, arrow), side);
            if (!from) return fail(from.error());
            auto to = m_landmarks.resolve(base.substr(arrow + 1, at - arrow - 1), side);
            if (!to) return fail(to.error());
            auto t = parseNumber(base.substr(at + 1));
            if (!t) return fail("fraction in '" + base + "': " + t.error());
            return BonePoint{glm::mix(*from, *to, *t), {}};
        }
        auto p = m_landmarks.resolve(base, side);
        if (!p) return fail(p.error());
        return BonePoint{*p, {}};
    }

    const Landmarks& m_landmarks;
    std::map<std::string, SpineCurve> m_curves;
};

struct ShapeRule {
    BoneShape shape;
    std::size_t minPoints, maxPoints;
    std::vector<std::size_t> groupSizes;  // allowed numbers per size group
    bool perPointGroups;                  // one size group per point allowed
    bool counted;
};

const std::map<std::string, ShapeRule>& shapeRules() {
    static const std::map<std::string, ShapeRule> rules = {
        {"tube", {BoneShape::Tube, 2, 64, {1, 2}, true, false}},
        {"ring", {BoneShape::Ring, 3, 64, {1, 2}, true, false}},
        {"ellipsoid", {BoneShape::Ellipsoid, 1, 2, {1, 3}, false, false}},
        {"plate", {BoneShape::Plate, 3, 64, {1, 2}, false, false}},
        {"vertebra", {BoneShape::Vertebra, 2, 2, {7}, false, false}},
        {"ray", {BoneShape::Ray, 2, 3, {2}, false, true}},
        {"phalanges", {BoneShape::Phalanges, 2, 2, {1}, false, true}},
        {"beads", {BoneShape::Beads, 2, 64, {3}, false, true}},
    };
    return rules;
}

Result<std::vector<std::vector<float>>> parseSizes(const std::string& text, const ShapeRule& rule, std::size_t points) {
    std::vector<std::vector<float>> groups;
    for (const auto& group : split(text, ';')) {
        std::vector<float> values;
        for (const auto& n : split(group, ' ')) {
            if (n.empty()) continue;
            auto v = parseNumber(n);
            if (!v) return fail(v.error());
            values.push_back(*v * 0.01f);
        }
        if (std::find(rule.groupSizes.begin(), rule.groupSizes.end(), values.size()) == rule.groupSizes.end()) {
            std::string allowed;
            for (const auto n : rule.groupSizes) allowed += (allowed.empty() ? "" : " or ") + std::to_string(n);
            return fail("'" + group + "' has " + std::to_string(values.size()) + " numbers; this shape takes " +
                        allowed);
        }
        groups.push_back(std::move(values));
    }
    if (groups.size() != 1 && !(rule.perPointGroups && groups.size() == points)) {
        return fail("give one size" +
                    std::string(rule.perPointGroups
                                    ? " for all points or one per point (" + std::to_string(points) + ")"
                                    : "") +
                    ", not " + std::to_string(groups.size()));
    }
    return groups;
}

Result<SectionAim> parseAim(const std::string& text, const PointResolver& points, Side side) {
    static const std::map<std::string, glm::vec3> directions = {{"lateral", {1, 0, 0}}, {"medial", {-1, 0, 0}},
                                                                {"up", {0, 1, 0}},      {"down", {0, -1, 0}},
                                                                {"forward", {0, 0, 1}}, {"back", {0, 0, -1}}};
    SectionAim aim;
    if (text.empty()) return aim;
    if (const auto d = directions.find(text); d != directions.end()) {
        aim.direction = d->second;
        return aim;
    }
    auto p = points.resolve(text, side);
    if (!p) return fail(p.error() + " (across is lateral, medial, up, down, forward, back or a point)");
    aim.point = p->position;
    aim.towardPoint = true;
    return aim;
}

Status checkPointCount(const std::string& shape, const ShapeRule& rule, std::size_t count) {
    if (count >= rule.minPoints && count <= rule.maxPoints) return Ok{};
    const std::string wanted = rule.minPoints == rule.maxPoints ? std::to_string(rule.minPoints)
                               : rule.maxPoints >= 64
                                   ? std::to_string(rule.minPoints) + " or more"
                                   : std::to_string(rule.minPoints) + " to " + std::to_string(rule.maxPoints);
    return fail("shape " + shape + " takes " + wanted + " points, not " + std::to_string(count));
}

Status checkSizes(const BonePieceSpec& spec) {
    for (const auto& group : spec.sizes) {
        for (std::size_t i = 0; i < group.size(); ++i) {
            // A plate's bulge and a vertebra's backward reach may point either way; all else is a length.
            const bool signedValue =
                (spec.shape == BoneShape::Plate && i == 1) || (spec.shape == BoneShape::Vertebra && i == 6);
            if (!signedValue && !(group[i] > 0.0f)) return fail("sizes must be above zero");
        }
    }
    return Ok{};
}

// Swept shapes need a direction between neighbouring points.
Status checkDistinct(const BonePieceSpec& spec) {
    if (spec.shape != BoneShape::Tube && spec.shape != BoneShape::Ring && spec.shape != BoneShape::Plate) return Ok{};
    for (std::size_t i = 0; i + 1 < spec.points.size(); ++i) {
        if (glm::length(spec.points[i + 1].position - spec.points[i].position) < 0.0005f) {
            return fail("points " + std::to_string(i + 1) + " and " + std::to_string(i + 2) + " are in the same place");
        }
    }
    return Ok{};
}

Status readCount(const std::string& text, const std::string& shapeName, const ShapeRule& rule, BonePieceSpec& spec) {
    if (!rule.counted) {
        if (!text.empty()) return fail("count is only for ray, phalanges and beads");
        return Ok{};
    }
    auto n = parseNumber(text);
    if (!n || *n < 0.0f || *n > 64.0f || *n != std::floor(*n)) {
        return fail("count '" + text + "' must be a whole number from 0 to 64");
    }
    spec.count = static_cast<int>(*n);
    if (spec.count == 0 && spec.shape != BoneShape::Ray) return fail("count must be at least 1 for " + shapeName);
    if (spec.shape == BoneShape::Ray && (spec.count > 0) != (spec.points.size() == 3)) {
        return fail("a ray takes base; head; tip with phalanges (count above 0), or base; head without");
    }
    return Ok{};
}

struct Columns {
    std::size_t bone, side, joint, shape, points, size, across, count;
};

Result<Columns> findColumns(const CsvTable& table) {
    Columns c{};
    const std::pair<const char*, std::size_t*> wanted[] = {
        {"bone", &c.bone},     {"side", &c.side},    {"joint", &c.joint},   {"shape", &c.shape},
        {"points", &c.points}, {"size_cm", &c.size}, {"across", &c.across}, {"count", &c.count}};
    for (const auto& [name, index] : wanted) {
        auto found = table.column(name);
        if (!found) return fail(found.error());
        *index = *found;
    }
    return c;
}

// Reads one row: a curve goes to the resolver, a piece to `pieces`. Errors carry no place;
// the caller adds the file and line.
Status readRow(const CsvRow& row, const Columns& col, const Skeleton& skeleton, PointResolver& resolver,
               std::map<std::string, bool>& pairedBones, std::vector<BonePieceSpec>& pieces) {
    const auto& cells = row.cells;
    BonePieceSpec spec;
    spec.bone = cells[col.bone];
    const std::string& sideText = cells[col.side];
    const std::string& shapeName = cells[col.shape];
    if (spec.bone.empty()) return fail("empty bone name");
    if (sideText != "mid" && sideText != "L" && sideText != "both") {
        return fail("side '" + sideText + "' must be mid, L or both");
    }
    spec.paired = sideText == "L";
    spec.bothSides = sideText == "both";
    const Side side = sideText == "mid" ? Side::Mid : Side::Left;
    const auto items = split(cells[col.points], ';');
    for (const auto& item : items) {
        if (item.empty()) return fail("points: an empty point (two ';' in a row?)");
    }
    if (shapeName == "curve") {
        if (sideText != "mid") return fail("a curve runs down the midline: side must be mid");
        auto added = resolver.addCurve(spec.bone, items);
        return added ? added : fail("points: " + added.error());
    }

    const auto rule = shapeRules().find(shapeName);
    if (rule == shapeRules().end()) {
        return fail("unknown shape '" + shapeName +
                    "' (curve, tube, ring, ellipsoid, plate, vertebra, ray, phalanges, beads)");
    }
    spec.shape = rule->second.shape;
    const auto known = pairedBones.find(spec.bone);
    if (known != pairedBones.end() && known->second != spec.paired) {
        return fail("bone '" + spec.bone +
                    "' is listed above with the other side; a bone is either paired (L) or midline");
    }
    pairedBones[spec.bone] = spec.paired;

    const std::string& joint = cells[col.joint];
    spec.joint = skeleton.find(joint + (spec.paired ? ".L" : ""));
    if (spec.joint < 0) spec.joint = skeleton.find(joint);  // a paired bone on a midline joint (ribs)
    if (spec.joint < 0) return fail("unknown joint '" + joint + "' (not in skeleton.csv)");
    const int right = skeleton.find(joint + ".R");
    spec.rightJoint = spec.paired && right >= 0 ? right : spec.joint;

    if (auto counted = checkPointCount(shapeName, rule->second, items.size()); !counted) return counted;
    for (const auto& item : items) {
        auto p = resolver.resolve(item, side);
        if (!p) return fail("points: " + p.error());
        spec.points.push_back(*p);
    }
    if (auto distinct = checkDistinct(spec); !distinct) return fail("points: " + distinct.error());
    auto sizes = parseSizes(cells[col.size], rule->second, items.size());
    if (!sizes) return fail("size_cm: " + sizes.error());
    spec.sizes = std::move(sizes.value());
    if (auto positive = checkSizes(spec); !positive) return fail("size_cm: " + positive.error());
    auto aim = parseAim(cells[col.across], resolver, side);
    if (!aim) return fail("across: " + aim.error());
    spec.aim = *aim;
    if (auto count = readCount(cells[col.count], shapeName, rule->second, spec); !count) return count;
    pieces.push_back(std::move(spec));
    return Ok{};
}

}  // namespace

Result<std::vector<BonePieceSpec>> readBoneTable(const std::filesystem::path& bonesCsv, const Landmarks& landmarks,
                                                 const Skeleton& skeleton) {
    auto table = CsvTable::read(bonesCsv);
    if (!table) return fail(table.error());
    auto columns = findColumns(*table);
    if (!columns) return fail(columns.error());
    PointResolver resolver(landmarks);
    std::map<std::string, bool> pairedBones;  // bone -> paired, to keep each bone on one kind of side
    std::vector<BonePieceSpec> pieces;
    for (const CsvRow& row : table->rows()) {
        const std::size_t before = pieces.size();
        if (auto read = readRow(row, *columns, skeleton, resolver, pairedBones, pieces); !read) {
            return fail(table->where(row) + ": " + read.error());
        }
        if (pieces.size() > before) pieces.back().where = table->where(row);
    }
    if (pieces.empty()) return fail(bonesCsv.string() + ": no bone pieces");
    return pieces;
}

}  // namespace myomap::bodygen

#include "bodygen/muscle_table.h"

#include "bodygen/csv.h"

#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

namespace myomap::bodygen {
namespace {

Result<float> parseNumber(const std::string& text, const std::string& what) {
    float value = 0.0f;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return fail(what + " '" + text + "' is not a number");
    }
    return value;
}

std::vector<std::string> splitList(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) {
        const auto first = part.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        parts.push_back(part.substr(first, part.find_last_not_of(' ') - first + 1));
    }
    return parts;
}

// The joint of a composite reference ("a+b" or "a"): its first landmark's, so that a
// midpoint between two bones is skinned to the bone the table names first.
Result<int> jointOf(const std::string& reference, const Skeleton& skeleton, const Landmarks& landmarks, Side side) {
    return skeleton.jointOfLandmark(landmarks, reference.substr(0, reference.find('+')), side);
}

template <typename E>
Result<E> parseEnum(const std::string& text, const std::string& what,
                    std::initializer_list<std::pair<const char*, E>> names) {
    std::string known;
    for (const auto& [name, value] : names) {
        if (text == name) return value;
        known += known.empty() ? name : std::string(", ") + name;
    }
    return fail("unknown " + what + " '" + text + "' (use one of: " + known + ")");
}

}  // namespace

Result<MusclePoint> resolveMusclePoint(const std::string& text, const Landmarks& landmarks, const Skeleton& skeleton,
                                       Side side) {
    std::string reference = text;
    glm::vec3 offset(0.0f);
    if (const auto open = text.find('('); open != std::string::npos) {
        if (text.back() != ')') return fail("point '" + text + "': an offset is written '(dx dy dz)' at the end");
        const auto numbers = splitList(text.substr(open + 1, text.size() - open - 2), ' ');
        if (numbers.size() != 3) return fail("point '" + text + "': the offset needs three numbers in cm");
        for (int i = 0; i < 3; ++i) {
            auto value = parseNumber(numbers[static_cast<std::size_t>(i)], "offset");
            if (!value) return fail("point '" + text + "': " + value.error());
            offset[i] = *value * 0.01f;
        }
        reference = text.substr(0, open);
    }
    float fraction = 0.0f;
    std::string second;
    if (const auto arrow = reference.find('>'); arrow != std::string::npos) {
        const auto colon = reference.find(':', arrow);
        if (colon == std::string::npos) return fail("point '" + text + "': write 'a>b:fraction'");
        auto value = parseNumber(reference.substr(colon + 1), "fraction");
        if (!value) return fail("point '" + text + "': " + value.error());
        if (*value < 0.0f || *value > 1.0f) return fail("point '" + text + "': the fraction must lie in [0, 1]");
        fraction = *value;
        second = reference.substr(arrow + 1, colon - arrow - 1);
        reference = reference.substr(0, arrow);
    }
    auto a = landmarks.resolve(reference, side);
    if (!a) return fail(a.error());
    glm::vec3 position = *a;
    auto joint = jointOf(reference, skeleton, landmarks, side);
    if (!joint) return fail(joint.error());
    if (!second.empty()) {
        auto b = landmarks.resolve(second, side);
        if (!b) return fail(b.error());
        position = glm::mix(position, *b, fraction);
        if (fraction > 0.5f) {
            joint = jointOf(second, skeleton, landmarks, side);
            if (!joint) return fail(joint.error());
        }
    }
    // Offsets are written for the muscle's own side: +dx always points away from the midline.
    if (side == Side::Right) offset.x = -offset.x;
    return MusclePoint{position + offset, *joint};
}

Result<std::vector<MusclePoint>> resolveMusclePoints(const std::string& text, const Landmarks& landmarks,
                                                     const Skeleton& skeleton, Side side) {
    std::vector<MusclePoint> points;
    for (const std::string& part : splitList(text, ';')) {
        auto point = resolveMusclePoint(part, landmarks, skeleton, side);
        if (!point) return fail(point.error());
        points.push_back(*point);
    }
    return points;
}

Result<glm::vec3> parseFacing(const std::string& text, Side side) {
    if (text.empty()) return glm::vec3(0.0f);
    const float lateral = side == Side::Right ? -1.0f : 1.0f;
    return parseEnum<glm::vec3>(text, "faces",
                                {{"anterior", {0.0f, 0.0f, 1.0f}},
                                 {"posterior", {0.0f, 0.0f, -1.0f}},
                                 {"lateral", {lateral, 0.0f, 0.0f}},
                                 {"medial", {-lateral, 0.0f, 0.0f}},
                                 {"superior", {0.0f, 1.0f, 0.0f}},
                                 {"inferior", {0.0f, -1.0f, 0.0f}}});
}

Result<std::vector<MuscleSpec>> loadMuscleTable(const std::filesystem::path& csv, const Landmarks& landmarks,
                                                const Skeleton& skeleton, Side side) {
    auto table = CsvTable::read(csv);
    if (!table) return fail(table.error());
    const char* names[] = {"muscle",       "layer",   "shape", "placement", "origin",  "insertion", "via",
                           "width_cm", "thickness_cm", "belly_u", "faces", "source",    "fill_cm"};
    std::size_t col[13];
    for (std::size_t i = 0; i < 13; ++i) {
        auto c = table->column(names[i]);
        if (!c) return fail(c.error());
        col[i] = *c;
    }
    std::vector<MuscleSpec> muscles;
    std::set<std::string> seen;
    for (const CsvRow& row : table->rows()) {
        const std::string where = table->where(row);
        MuscleSpec spec;
        spec.id = row.cells[col[0]];
        spec.line = row.line;
        if (spec.id.empty()) return fail(where + ": empty muscle id");
        if (!seen.insert(spec.id).second) return fail(where + ": muscle '" + spec.id + "' is listed twice");
        const std::string prefix = where + ": " + spec.id + ": ";

        auto layer = parseEnum<Layer>(
            row.cells[col[1]], "layer",
            {{"superficial", Layer::Superficial}, {"intermediate", Layer::Intermediate}, {"deep", Layer::Deep}});
        if (!layer) return fail(prefix + layer.error());
        spec.layer = *layer;
        auto shape = parseEnum<MuscleShape>(row.cells[col[2]], "shape",
                                            {{"fusiform", MuscleShape::Fusiform},
                                             {"fan", MuscleShape::Fan},
                                             {"sheet", MuscleShape::Sheet},
                                             {"strap", MuscleShape::Strap},
                                             {"pennate", MuscleShape::Pennate}});
        if (!shape) return fail(prefix + shape.error());
        spec.shape = *shape;
        auto placement = parseEnum<MusclePlacement>(
            row.cells[col[3]], "placement", {{"shell", MusclePlacement::Shell}, {"bone", MusclePlacement::Bone}});
        if (!placement) return fail(prefix + placement.error());
        spec.placement = *placement;

        std::vector<MusclePoint>* const lists[] = {&spec.origin, &spec.insertion, &spec.via};
        for (std::size_t i = 0; i < 3; ++i) {
            auto points = resolveMusclePoints(row.cells[col[4 + i]], landmarks, skeleton, side);
            if (!points) return fail(prefix + names[4 + i] + ": " + points.error());
            *lists[i] = std::move(*points);
        }
        if (spec.origin.empty()) return fail(prefix + "no origin points");
        if (spec.insertion.empty()) return fail(prefix + "no insertion points");
        if (spec.origin.size() < 2 && spec.insertion.size() < 2) {
            return fail(prefix + "give at least two points at the origin or the insertion, so that v has a direction");
        }

        float* const numbers[] = {&spec.width, &spec.thickness, &spec.bellyU};
        for (std::size_t i = 0; i < 3; ++i) {
            auto value = table->number(row, col[7 + i], names[7 + i]);
            if (!value) return fail(value.error() + " (muscle " + spec.id + ")");
            *numbers[i] = *value;
        }
        if (spec.width <= 0.0f || spec.width > 60.0f) return fail(prefix + "width_cm must lie in (0, 60]");
        if (spec.thickness <= 0.0f || spec.thickness > 10.0f) return fail(prefix + "thickness_cm must lie in (0, 10]");
        if (spec.bellyU <= 0.05f || spec.bellyU >= 0.95f) return fail(prefix + "belly_u must lie in (0.05, 0.95)");
        spec.width *= 0.01f;
        spec.thickness *= 0.01f;
        auto facing = parseFacing(row.cells[col[10]], side);
        if (!facing) return fail(prefix + facing.error());
        spec.facing = *facing;
        auto fill = table->number(row, col[12], names[12]);
        if (!fill) return fail(fill.error() + " (muscle " + spec.id + ")");
        if (*fill < 0.0f || *fill > 10.0f) return fail(prefix + "fill_cm must lie in [0, 10]");
        spec.fill = *fill * 0.01f;
        if (row.cells[col[11]].empty()) return fail(prefix + "source is empty: cite the anatomy text");
        muscles.push_back(std::move(spec));
    }
    if (muscles.empty()) return fail(csv.string() + ": no muscles");
    return muscles;
}

}  // namespace myomap::bodygen

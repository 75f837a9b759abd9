#include "bodygen/body_shape_table.h"

#include "bodygen/csv.h"

#include <charconv>
#include <cmath>
#include <map>

namespace myomap::bodygen {
namespace {

// A length in centimetres as metres (through double, so "1.2" gives the float nearest 0.012).
Result<float> parseCentimetres(const std::string& text) {
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return fail("'" + text + "' is not a number");
    }
    return static_cast<float>(value / 100.0);
}

// "x y z" in centimetres.
Result<glm::vec3> parseTriple(const std::string& text) {
    glm::vec3 v(0.0f);
    std::size_t pos = 0;
    for (int i = 0; i < 3; ++i) {
        while (pos < text.size() && text[pos] == ' ') ++pos;
        const std::size_t stop = std::min(text.find(' ', pos), text.size());
        if (pos >= text.size()) return fail("'" + text + "' needs three numbers \"x y z\"");
        auto n = parseCentimetres(text.substr(pos, stop - pos));
        if (!n) return fail(n.error() + " in '" + text + "'");
        v[i] = *n;
        pos = stop;
    }
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos != text.size()) return fail("'" + text + "' has more than three numbers");
    return v;
}

// "ref" or "ref(dx dy dz)".
Status parsePoint(const std::string& text, std::string& reference, glm::vec3& offset) {
    const std::size_t open = text.find('(');
    reference = text.substr(0, open);
    offset = glm::vec3(0.0f);
    if (reference.empty()) return fail("empty point '" + text + "'");
    if (open == std::string::npos) return Ok{};
    if (text.back() != ')') return fail("point '" + text + "' does not end with ')'");
    auto v = parseTriple(text.substr(open + 1, text.size() - open - 2));
    if (!v) return fail("offset of '" + text + "': " + v.error());
    offset = *v;
    return Ok{};
}

Result<std::vector<std::size_t>> columns(const CsvTable& table, std::initializer_list<const char*> names) {
    std::vector<std::size_t> out;
    for (const char* name : names) {
        auto c = table.column(name);
        if (!c) return fail(c.error());
        out.push_back(*c);
    }
    return out;
}

Result<std::vector<TrunkSection>> readTrunk(const std::filesystem::path& path) {
    auto table = CsvTable::read(path);
    if (!table) return fail(table.error());
    auto col = columns(*table, {"y_cm", "centre_z_cm", "half_width_cm", "front_cm", "back_cm", "square"});
    if (!col) return fail(col.error());
    static const char* const kNames[] = {"y_cm", "centre_z_cm", "half_width_cm", "front_cm", "back_cm"};
    std::vector<TrunkSection> trunk;
    for (const CsvRow& row : table->rows()) {
        float v[5];
        for (std::size_t i = 0; i < 5; ++i) {
            auto n = parseCentimetres(row.cells[(*col)[i]]);
            if (!n) return fail(table->where(row) + ": " + kNames[i] + " " + n.error());
            v[i] = *n;
        }
        auto square = table->number(row, (*col)[5], "square");
        if (!square) return fail(square.error());
        if (*square < 0.0f || *square > 1.0f) return fail(table->where(row) + ": square must lie in 0..1");
        if (v[2] <= 0.0f || v[3] <= 0.0f || v[4] <= 0.0f) {
            return fail(table->where(row) + ": half_width, front and back must be positive");
        }
        if (!trunk.empty() && v[0] <= trunk.back().y) {
            return fail(table->where(row) + ": y_cm must rise from row to row");
        }
        trunk.push_back({v[0], v[1], v[2], v[3], v[4], *square});
    }
    if (trunk.size() < 3) return fail(path.string() + ": the trunk needs at least three sections");
    return trunk;
}

Result<ShapePartSpec> readPart(const CsvTable& table, const CsvRow& row, const std::vector<std::size_t>& col) {
    static const std::map<std::string, ShapeGroup> kGroups = {{"trunk", ShapeGroup::Trunk},
                                                              {"neck", ShapeGroup::Neck},
                                                              {"head", ShapeGroup::Head},
                                                              {"arm", ShapeGroup::ArmLeft},
                                                              {"leg", ShapeGroup::LegLeft}};
    const std::string where = table.where(row);
    ShapePartSpec spec;
    spec.where = where;
    spec.name = row.cells[col[0]];
    if (spec.name.empty()) return fail(where + ": empty part name");
    const auto group = kGroups.find(row.cells[col[1]]);
    if (group == kGroups.end()) {
        return fail(where + ": group '" + row.cells[col[1]] + "' must be trunk, neck, head, arm or leg");
    }
    spec.group = group->second;
    const std::string& side = row.cells[col[2]];
    if (side != "mid" && side != "L") return fail(where + ": side '" + side + "' must be mid or L");
    const bool limb = spec.group == ShapeGroup::ArmLeft || spec.group == ShapeGroup::LegLeft;
    if (limb && side != "L") return fail(where + ": arm and leg parts are made on the left: side must be L");
    spec.paired = side == "L" && !limb;
    spec.joint = row.cells[col[3]];
    if (spec.joint.empty()) return fail(where + ": empty joint");
    if (auto s = parsePoint(row.cells[col[4]], spec.from, spec.fromOffset); !s) return fail(where + ": from: " + s.error());
    if (auto s = parsePoint(row.cells[col[5]], spec.to, spec.toOffset); !s) return fail(where + ": to: " + s.error());
    static const char* const kRadii[] = {"r0_cm", "r1_cm", "r_mid_cm"};
    glm::vec3* radii[] = {&spec.r0, &spec.r1, &spec.rMid};
    for (std::size_t i = 0; i < 3; ++i) {
        const std::string& text = row.cells[col[6 + i]];
        if (i == 2 && text.empty()) break;
        auto r = parseTriple(text);
        if (!r) return fail(where + ": " + kRadii[i] + " " + r.error());
        if (!(r->x > 0.0f && r->y > 0.0f && r->z > 0.0f)) return fail(where + ": " + kRadii[i] + " must be positive");
        *radii[i] = *r;
    }
    auto blend = parseCentimetres(row.cells[col[9]]);
    if (!blend) return fail(where + ": blend_cm " + blend.error());
    if (*blend < 0.0f) return fail(where + ": blend_cm must not be negative");
    spec.blend = *blend;
    const std::string& join = row.cells[col[10]];
    if (join != "smooth" && join != "carve") return fail(where + ": join '" + join + "' must be smooth or carve");
    spec.carve = join == "carve";
    return spec;
}

}  // namespace

Result<ShapeTables> readShapeTables(const std::filesystem::path& trunkCsv, const std::filesystem::path& partsCsv) {
    ShapeTables tables;
    auto trunk = readTrunk(trunkCsv);
    if (!trunk) return fail(trunk.error());
    tables.trunk = std::move(trunk.value());
    auto table = CsvTable::read(partsCsv);
    if (!table) return fail(table.error());
    auto col = columns(*table, {"part", "group", "side", "joint", "from", "to", "r0_cm", "r1_cm", "r_mid_cm", "blend_cm", "join"});
    if (!col) return fail(col.error());
    for (const CsvRow& row : table->rows()) {
        auto part = readPart(*table, row, *col);
        if (!part) return fail(part.error());
        tables.parts.push_back(std::move(part.value()));
    }
    return tables;
}

Result<ShapeTables> readShapeTables(const Landmarks& landmarks) {
    return readShapeTables(landmarks.directory() / "body_trunk.csv", landmarks.directory() / "body_shape.csv");
}

}  // namespace myomap::bodygen

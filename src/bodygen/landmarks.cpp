#include "bodygen/landmarks.h"

#include "bodygen/csv.h"

namespace myomap::bodygen {

const char* sideSuffix(Side side) {
    switch (side) {
    case Side::Left: return ".L";
    case Side::Right: return ".R";
    case Side::Mid: return "";
    }
    return "";
}

Result<Landmarks> Landmarks::load(const std::filesystem::path& landmarksCsv, const std::filesystem::path& bonesCsv) {
    auto table = CsvTable::read(landmarksCsv);
    if (!table) return fail(table.error());
    auto idCol = table->column("id");
    auto sideCol = table->column("side");
    auto xCol = table->column("x");
    auto yCol = table->column("y");
    auto zCol = table->column("z");
    for (const auto* c : {&idCol, &sideCol, &xCol, &yCol, &zCol}) {
        if (!*c) return fail(c->error());
    }
    Landmarks result;
    result.m_directory = landmarksCsv.parent_path();
    for (const CsvRow& row : table->rows()) {
        const std::string& id = row.cells[*idCol];
        const std::string& side = row.cells[*sideCol];
        if (id.empty()) return fail(table->where(row) + ": empty landmark id");
        if (result.m_points.count(id)) return fail(table->where(row) + ": landmark '" + id + "' is listed twice");
        if (side != "mid" && side != "L") return fail(table->where(row) + ": side '" + side + "' must be mid or L");
        glm::vec3 p;
        for (int i = 0; i < 3; ++i) {
            const std::size_t col = i == 0 ? *xCol : i == 1 ? *yCol : *zCol;
            auto v = table->number(row, col, i == 0 ? "x" : i == 1 ? "y" : "z");
            if (!v) return fail(v.error());
            p[i] = *v;
        }
        if (side == "mid" && p.x != 0.0f) return fail(table->where(row) + ": midline landmark '" + id + "' must have x = 0");
        if (side == "L" && !(p.x > 0.0f)) return fail(table->where(row) + ": left landmark '" + id + "' must have x > 0 (the figure's left is +X)");
        result.m_points[id] = {p, {}, side == "L"};
    }

    auto bones = CsvTable::read(bonesCsv);
    if (!bones) return fail(bones.error());
    auto lmCol = bones->column("landmark");
    auto jointCol = bones->column("joint");
    if (!lmCol) return fail(lmCol.error());
    if (!jointCol) return fail(jointCol.error());
    for (const CsvRow& row : bones->rows()) {
        auto it = result.m_points.find(row.cells[*lmCol]);
        if (it == result.m_points.end()) return fail(bones->where(row) + ": unknown landmark '" + row.cells[*lmCol] + "'");
        it->second.joint = row.cells[*jointCol];
    }
    for (const auto& [id, lm] : result.m_points) {
        if (lm.joint.empty()) return fail(bonesCsv.string() + ": landmark '" + id + "' has no joint");
    }
    return result;
}

namespace {

// Splits "name.L" into ("name", Left); no suffix keeps `side`.
std::pair<std::string, Side> splitSide(const std::string& reference, Side side) {
    if (reference.size() > 2 && reference[reference.size() - 2] == '.') {
        const char s = reference.back();
        if (s == 'L') return {reference.substr(0, reference.size() - 2), Side::Left};
        if (s == 'R') return {reference.substr(0, reference.size() - 2), Side::Right};
    }
    return {reference, side};
}

}  // namespace

Result<glm::vec3> Landmarks::resolve(const std::string& reference, Side side) const {
    if (const auto plus = reference.find('+'); plus != std::string::npos) {
        auto a = resolve(reference.substr(0, plus), side);
        if (!a) return a;
        auto b = resolve(reference.substr(plus + 1), side);
        if (!b) return b;
        return (*a + *b) * 0.5f;
    }
    const auto [name, s] = splitSide(reference, side);
    const auto it = m_points.find(name);
    if (it == m_points.end()) return fail("unknown landmark '" + name + "'");
    if (!it->second.paired) return it->second.position;
    if (s == Side::Mid) return fail("landmark '" + name + "' is paired: say which side (" + name + ".L or " + name + ".R)");
    return s == Side::Left ? it->second.position : mirror(it->second.position);
}

Result<std::pair<const Landmark*, Side>> Landmarks::find(const std::string& reference, Side side) const {
    const auto [name, s] = splitSide(reference, side);
    const auto it = m_points.find(name);
    if (it == m_points.end()) return fail("unknown landmark '" + name + "'");
    if (it->second.paired && s == Side::Mid) return fail("landmark '" + name + "' is paired: say which side");
    return std::pair{&it->second, it->second.paired ? s : Side::Mid};
}

}  // namespace myomap::bodygen

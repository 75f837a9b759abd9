#include "bodygen/tendon_table.h"

#include "bodygen/csv.h"

#include <algorithm>

namespace myomap::bodygen {

Result<std::vector<TendonSpec>> loadTendonTable(const std::filesystem::path& csv, const Landmarks& landmarks,
                                                const Skeleton& skeleton, Side side,
                                                const std::vector<std::string>& muscleIds) {
    auto table = CsvTable::read(csv);
    if (!table) return fail(table.error());
    const char* names[] = {"muscle", "faces", "radius_cm", "path", "source"};
    std::size_t col[5];
    for (std::size_t i = 0; i < 5; ++i) {
        auto c = table->column(names[i]);
        if (!c) return fail(c.error());
        col[i] = *c;
    }
    std::vector<TendonSpec> tendons;
    for (const CsvRow& row : table->rows()) {
        const std::string where = table->where(row);
        TendonSpec tendon;
        tendon.muscle = row.cells[col[0]];
        tendon.line = row.line;
        if (std::find(muscleIds.begin(), muscleIds.end(), tendon.muscle) == muscleIds.end()) {
            return fail(where + ": '" + tendon.muscle + "' is not a muscle of the muscle table");
        }
        const std::string prefix = where + ": " + tendon.muscle + ": ";
        auto facing = parseFacing(row.cells[col[1]], side);
        if (!facing) return fail(prefix + facing.error());
        tendon.facing = *facing;
        auto radius = table->number(row, col[2], names[2]);
        if (!radius) return fail(radius.error() + " (tendon of " + tendon.muscle + ")");
        if (*radius <= 0.0f || *radius > 3.0f) return fail(prefix + "radius_cm must lie in (0, 3]");
        tendon.radius = *radius * 0.01f;
        auto path = resolveMusclePoints(row.cells[col[3]], landmarks, skeleton, side);
        if (!path) return fail(prefix + "path: " + path.error());
        if (path->size() < 2) return fail(prefix + "path: give at least two points");
        tendon.path = std::move(*path);
        if (row.cells[col[4]].empty()) return fail(prefix + "source is empty: cite the anatomy text");
        tendons.push_back(std::move(tendon));
    }
    return tendons;
}

}  // namespace myomap::bodygen
